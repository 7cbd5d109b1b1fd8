import { serverAndBrowserForFile } from './support/browser.ts';
import { hasChromium } from './support/server.ts';
import './shell.suite.ts';
import './self-service.suite.ts';
import './smart.suite.ts';

/**
 * The web shell (sign-in, scoped people, language), employees and contractor workers serving themselves, and
 * shop-floor monitoring, in the browser. The suites share this file's server (started once, with the test
 * fixture) and browser; each makes its own records, and every sign-in starts in English whatever an earlier
 * suite left the user's language at. The shell locks out only the Board member, whom no other suite signs in.
 */
if (hasChromium) serverAndBrowserForFile(() => {});
