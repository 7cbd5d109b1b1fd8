import { serverAndBrowserForFile } from './support/browser.ts';
import { hasChromium } from './support/server.ts';
import './academia-records.suite.ts';
import './academia-student.suite.ts';
import './academia-placements.suite.ts';
import './academia-project-walk.suite.ts';

/**
 * The industry–academia program in the browser: research projects and interns, the student's and the principal
 * investigator's sign-ins, placements and cohorts, and a project from proposal to final report. The suites share
 * this file's server (started once, with the test fixture) and browser; each makes its own records, and every
 * sign-in starts in English whatever an earlier suite left the user's language at.
 */
if (hasChromium) serverAndBrowserForFile(() => {});
