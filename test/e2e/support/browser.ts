import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_PASSWORD } from '../../../reference/demo/users.ts';

/** expect.poll with a timeout fit for a browser on a busy machine (its default is one second). */
export function poll<T>(fn: () => T | Promise<T>, options: { timeout?: number; interval?: number } = {}) {
  return expect.poll(fn, { timeout: 20_000, interval: 100, ...options });
}

import { USERS } from '../../support/fixture.ts';
import { CHROMIUM, type RunningServer, screenshotPath, startServer, TAKE_SCREENSHOTS } from './server.ts';

export type FixtureUserKey = keyof typeof USERS;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/**
 * A browser context as a user would have it: English browser, light scheme unless asked. Reduced motion is
 * on, which also turns chart animation off, so screenshots are stable.
 */
export async function newContext(
  browser: Browser,
  baseURL: string,
  options: { colorScheme?: 'light' | 'dark'; locale?: string } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1360, height: 860 },
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  await context.addInitScript((scheme) => {
    (window as { __STEWARD_NO_ANIMATION__?: boolean }).__STEWARD_NO_ANIMATION__ = true;
    if (scheme) localStorage.setItem('mantine-color-scheme-value', scheme);
  }, options.colorScheme ?? null);
  return context;
}

/**
 * Signs a fixture user in and opens the home page. The session comes from the sign-in API, as the page's own
 * form would get it (the form itself is driven by `signInWith` and the shell's tests): the app then loads once,
 * on the home page, instead of on the sign-in page first.
 */
export async function signIn(page: Page, user: FixtureUserKey) {
  const response = await page.request.post('/api/auth/sign-in', {
    data: { email: USERS[user].email, password: USERS[user].password },
  });
  if (!response.ok())
    throw new Error(`Sign-in of ${user} refused: ${response.status()} ${await response.text()}`);
  // In English, whatever an earlier test of a file's shared server left the user's language at.
  const session = (await response.json()) as { csrfToken: string; user: { locale: string } };
  if (session.user.locale !== 'en') {
    const kept = await page.request.put('/api/auth/preferences', {
      data: { locale: 'en' },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    if (!kept.ok())
      throw new Error(`The language of ${user} stayed ${session.user.locale}: ${kept.status()}`);
  }
  await page.goto('/');
  await page.getByRole('heading', { level: 2, name: `Welcome, ${USERS[user].displayName}` }).waitFor();
}

/** Signs in through the sign-in page with any account (one a test created: a person outside the company). */
export async function signInWith(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/**
 * Waits until the page is quiet (no request in flight, fonts loaded), then saves a screenshot (full page unless
 * asked otherwise). A screenshot is a record for people, not an assertion: on a loaded machine the network may not
 * fall silent for the 500 ms Chromium asks of "idle", so the wait is bounded and the picture is taken anyway.
 * Under CI no picture is taken unless STEWARD_SCREENSHOTS=1 (`TAKE_SCREENSHOTS`).
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  if (!TAKE_SCREENSHOTS) return;
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({
    path: screenshotPath(name),
    fullPage: options.fullPage ?? true,
    animations: 'disabled',
  });
}

/**
 * Opens `path` inside the loaded app, as a link in it would (the router moves; the app is not loaded again), or
 * by loading the page when the app is not loaded yet. Sweeps over many pages use it: loading the whole app for
 * each page tested the same start-up over and over and cost most of their time.
 */
export async function openInApp(page: Page, path: string) {
  const target = new URL(path, 'http://app.invalid');
  const inApp = await page.evaluate(() => document.querySelector('nav') !== null).catch(() => false);
  if (!inApp) {
    await page.goto(path);
    return;
  }
  await page.evaluate((to) => {
    // The router's history hears a push (it wraps pushState) and counts its entries in the state: one forward.
    const state = (window.history.state ?? {}) as { __TSR_index?: number };
    const key = Math.random().toString(36).slice(2);
    window.history.pushState(
      { ...state, __TSR_index: (state.__TSR_index ?? 0) + 1, key, __TSR_key: key },
      '',
      to,
    );
  }, path);
  await page.waitForURL((url) => url.pathname === target.pathname && url.search === target.search);
}

/**
 * The language the signed-in user keeps (on the server, and in this browser's storage), which the app takes the
 * next time it opens: reload or navigate afterwards.
 */
export async function keepLocale(page: Page, locale: 'en' | 'zh-TW') {
  await page.evaluate(async (locale) => {
    const token = (await (await fetch('/api/auth/session')).json()).csrfToken as string;
    await fetch('/api/auth/preferences', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': token },
      body: JSON.stringify({ locale }),
    });
    localStorage.setItem('steward.locale', locale);
  }, locale);
}

/** Traditional Chinese for the signed-in user from the next page load on (keepLocale). */
export async function readInChinese(page: Page) {
  await keepLocale(page, 'zh-TW');
}

/** Signs in a user of the demo dataset through the sign-in page, in `locale` from the next page load on. */
export async function signInDemo(page: Page, email: string, locale: 'en' | 'zh-TW' = 'en') {
  await signInWith(page, email, DEMO_PASSWORD);
  await keepLocale(page, locale);
}

/** Calls the API from the signed-in page with its CSRF token: the status and the JSON body (null for 204). */
export async function callApi(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const token = (await (await fetch('/api/auth/session')).json()).csrfToken as string;
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: res.status === 204 ? null : await res.json() };
    },
    { method, path, body },
  );
}

/** Picks an option of a select or combobox in `scope` by its label (a Mantine Select is a textbox or a combobox). */
export async function choose(page: Page, scope: Locator, label: string, option: string | RegExp) {
  await scope
    .getByRole('textbox', { name: label })
    .or(scope.getByRole('combobox', { name: label }))
    .first()
    .click();
  await page.getByRole('option', { name: option }).first().click();
}

/**
 * Registers a file's hooks: its server and browser start (side by side) before its tests, are handed to
 * `onStarted`, and stop after its tests, whatever happened.
 */
export function serverAndBrowserForFile(
  onStarted: (started: { server: RunningServer; browser: Browser }) => void,
  ...args: Parameters<typeof startServer>
): void {
  let started: { server: RunningServer; browser: Browser } | undefined;
  beforeAll(async () => {
    started = await serverAndBrowser(...args);
    fileServer = started;
    onStarted(started);
  });
  afterAll(async () => {
    fileServer = undefined;
    await started?.browser.close();
    await started?.server.stop();
  });
}

/** The server and browser of the file running now, while its hooks hold them. */
let fileServer: { server: RunningServer; browser: Browser } | undefined;

/**
 * In a suite (`*.suite.ts`) that a browser test file imports beside others of the same program: hands over the
 * server and browser that file started, so that its suites share one server instead of starting one each.
 */
export function serverAndBrowserOfFile(
  onStarted: (started: { server: RunningServer; browser: Browser }) => void,
): void {
  beforeAll(() => {
    if (!fileServer)
      throw new Error('A suite ran without its file’s server: import it from a *.test.ts file');
    onStarted(fileServer);
  });
}

/**
 * A file's server and browser, started side by side. When one fails to start, the other is stopped before the
 * error is thrown, so that no browser or server outlives the file.
 */
export async function serverAndBrowser(
  ...args: Parameters<typeof startServer>
): Promise<{ server: RunningServer; browser: Browser }> {
  const [server, browser] = await Promise.allSettled([startServer(...args), launchBrowser()]);
  if (server.status === 'fulfilled' && browser.status === 'fulfilled')
    return { server: server.value, browser: browser.value };
  if (server.status === 'fulfilled') await server.value.stop();
  if (browser.status === 'fulfilled') await browser.value.close();
  throw server.status === 'rejected' ? server.reason : (browser as PromiseRejectedResult).reason;
}
