import { serverAndBrowserForFile } from './support/browser.ts';
import { hasChromium } from './support/server.ts';
import './academia-programs.suite.ts';
import './infosec-clock-rules.suite.ts';

/**
 * Suites on the demo dataset at 1/100: the industry–academia programs, scholarships and anonymised students,
 * and the incident clock rules. They share this file's server (started once) and browser; every demo sign-in
 * sets the user's language, whatever an earlier suite left it at.
 */
if (hasChromium) serverAndBrowserForFile(() => {}, {}, { demoScale: 0.01 });
