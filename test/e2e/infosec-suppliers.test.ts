// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { SITES } from '../support/fixture.ts';
import { launchBrowser, newContext, poll, screenshot, signIn } from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE, startServer } from './support/server.ts';

if (!hasChromium) console.warn(SKIP_MESSAGE);

const SUPPLIER = { email: 'security@bonder.example', password: 'Bonder-Answers-2027x' };

/** Calls the API from the signed-in page, with its CSRF token. */
function call(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ({ method, url, body }) => {
      const token = (await (await fetch('/api/auth/session')).json()).csrfToken as string;
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return res.json();
    },
    { method, url, body },
  );
}

describe.skipIf(!hasChromium)('supplier cybersecurity assessments in the browser', () => {
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

  it('lets the supplier’s person sign in, find its assessment and answer the questionnaire', async () => {
    const admin = await (await newContext(browser, server.baseUrl)).newPage();
    await signIn(admin, 'groupAdmin');
    const user: any = await call(admin, 'POST', '/api/users', {
      ...SUPPLIER,
      displayName: 'Sora Supplier',
      assignments: [],
    });
    const supplier: any = await call(admin, 'POST', '/api/infosec/suppliers', {
      siteId: SITES.K7.id,
      name: 'Bonder Works',
      country: 'JP',
      supplies: 'Wire bonders',
      category: 'equipment',
      criticality: 'critical',
      servedSiteIds: [],
    });
    const withContact: any = await call(admin, 'POST', `/api/infosec/suppliers/${supplier.id}/contacts`, {
      name: 'Sora Supplier',
      email: SUPPLIER.email,
      userId: user.id,
    });
    const templates: any = await call(admin, 'GET', '/api/infosec/supplier-templates');
    const e187 = templates.items.find((x: any) => x.code === 'semi_e187');
    const assessment: any = await call(admin, 'POST', '/api/infosec/supplier-assessments', {
      supplierId: supplier.id,
      templateId: e187.id,
      startedOn: '2026-03-01',
    });
    await call(admin, 'POST', `/api/infosec/supplier-assessments/${assessment.id}/respondents`, {
      contactId: withContact.contacts[0].id,
    });

    const page = await (await newContext(browser, server.baseUrl)).newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(SUPPLIER.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(SUPPLIER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/infosec/supplier-assessments/mine');
    await page.getByText('Bonder Works').click();
    await page.waitForURL(/\/infosec\/supplier-assessments\/[0-9a-f-]+$/);
    for (const q of e187.questions) {
      await page.getByRole('combobox', { name: q.code, exact: true }).click();
      await page
        .getByRole('option', { name: q.code.startsWith('MAL') ? 'Partly' : 'Yes', exact: true })
        .click();
    }
    await page.getByRole('button', { name: 'Save the answers' }).click();
    await poll(() => page.getByText('14 of 14 answered').count()).toBe(1);
    await poll(() => page.getByTestId('supplier-score').textContent()).toMatch(/^\d+(\.\d)? · Satisfactory$/);
    await screenshot(page, 'infosec-supplier-answers');
  });
});
