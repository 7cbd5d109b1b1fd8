import { serverAndBrowserForFile } from './support/browser.ts';
import { hasChromium } from './support/server.ts';
import './infosec-incidents.suite.ts';
import './infosec-suppliers.suite.ts';
import './infosec-advisories-policies.suite.ts';

/**
 * The information security program in the browser: incidents and risks, suppliers, advisories and policies. The
 * suites share this file's server (started once, with the test fixture) and browser; each makes its own records,
 * and every sign-in starts in English whatever an earlier suite left the user's language at.
 */
if (hasChromium) serverAndBrowserForFile(() => {});
