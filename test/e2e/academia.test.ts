import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, screenshot, signIn } from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE, startServer } from './support/server.ts';

/** Picks an option of a Mantine Select inside `scope` by its label. */
async function choose(page: Page, scope: Locator, label: string, option: string | RegExp) {
  await scope
    .getByRole('textbox', { name: label })
    .or(scope.getByRole('combobox', { name: label }))
    .first()
    .click();
  await page.getByRole('option', { name: option }).first().click();
}

async function call(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const token = (await (await fetch('/api/auth/session')).json()).csrfToken as string;
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json() };
    },
    { method, path, body },
  );
}

if (!hasChromium) console.warn(SKIP_MESSAGE);

describe.skipIf(!hasChromium)('the industry–academia program in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a research project from the form, with a clear message for a bad field, and opens it', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'groupAdmin');
    const partner = await call(page, 'POST', '/api/academia/partners', {
      name: 'National Cheng Kung University',
      nameZh: '國立成功大學',
      country: 'TW',
      kind: 'university',
    });
    expect(partner.status).toBe(201);

    await page.goto('/academia/projects');
    await page.getByRole('heading', { level: 2, name: 'Research projects' }).waitFor();
    await page.getByRole('button', { name: 'New research project' }).click();
    const dialog = page.getByRole('dialog', { name: 'New research project' });
    await dialog.waitFor();
    await choose(page, dialog, 'Site', /^K7/);
    await choose(page, dialog, 'School or institute', 'National Cheng Kung University');
    await dialog
      .getByRole('textbox', { name: 'Project title' })
      .fill('Optimisation of IIoT database middleware');
    await choose(page, dialog, 'Research line', 'Manufacturing automation');
    await choose(page, dialog, 'Status', 'Active');
    await dialog.getByRole('textbox', { name: 'Principal investigator' }).fill('Prof. Lin');
    await dialog.getByRole('textbox', { name: 'Starts' }).fill('2022-03-01');
    await dialog.getByRole('textbox', { name: 'Ends' }).fill('2022-12-31');
    await dialog.getByRole('textbox', { name: 'Project title' }).click();
    await dialog.getByRole('textbox', { name: 'Currency' }).fill('NT');
    await dialog.getByRole('textbox', { name: 'Budget for the start year' }).fill('1,500,000');
    await dialog.getByRole('button', { name: 'Save' }).click();
    // A currency that is not a three-letter code is named next to its field; nothing is saved.
    await dialog.getByText('A three-letter ISO 4217 code, e.g. TWD or USD').waitFor();
    await dialog.getByRole('textbox', { name: 'Currency' }).fill('TWD');
    await screenshot(page, 'academia-project-form');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.waitForURL((u) => /^\/academia\/projects\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByRole('heading', { level: 2, name: 'Optimisation of IIoT database middleware' }).waitFor();
    const budget = page.getByRole('table', { name: 'Budget and spending by year' });
    await expect.poll(() => budget.textContent()).toContain('2022');
    expect(await budget.textContent()).toContain('1,500,000.00');
    await screenshot(page, 'academia-project');

    await page.goto('/academia/projects');
    await page.getByRole('cell', { name: 'Optimisation of IIoT database middleware' }).waitFor();
    await context.close();
  });
});
