import { serverAndBrowserForFile } from './support/browser.ts';
import { hasChromium } from './support/server.ts';
import './ip-records.suite.ts';
import './ip-inventions.suite.ts';
import './ip-fee-forecast.suite.ts';
import './ip-counsel.suite.ts';

/**
 * The IP program in the browser: families, deadlines, trade secrets and imports; an invention disclosure to a
 * filed family; the fee forecast; the counsel's cases. The suites share this file's server (started once, with
 * the test fixture) and browser; each makes its own records, and every sign-in starts in English whatever an
 * earlier suite left the user's language at.
 */
if (hasChromium) serverAndBrowserForFile(() => {});
