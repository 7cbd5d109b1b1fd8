// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { SITES } from '../support/fixture.ts';
import { launchBrowser, newContext, poll, screenshot, signIn } from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE, startServer } from './support/server.ts';

if (!hasChromium) console.warn(SKIP_MESSAGE);

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

describe.skipIf(!hasChromium)('security policies in the browser', () => {
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

  it('shows a policy’s versions and campaign progress, and lets the employee acknowledge it once', async () => {
    const admin = await (await newContext(browser, server.baseUrl)).newPage();
    await signIn(admin, 'groupAdmin');
    const policy: any = await call(admin, 'POST', '/api/infosec/policies', {
      code: 'ISP-01',
      title: 'Information Security Policy',
      status: 'active',
    });
    const version: any = await call(admin, 'POST', `/api/infosec/policies/${policy.id}/versions`, {
      label: '2.0',
      effectiveOn: '2024-03-01',
      summary: 'Aligned with ISO/IEC 27001:2022',
    });
    await call(admin, 'POST', `/api/infosec/policy-versions/${version.id}/campaigns`, {
      siteIds: [SITES.K7.id, SITES.PG.id],
      openedOn: '2026-01-05',
      dueOn: '2099-02-05',
    });
    await admin.goto('/infosec/policies');
    await admin.getByText('Information Security Policy').click();
    await admin.waitForURL(/\/infosec\/policies\/[0-9a-f-]+$/);
    await poll(() => admin.getByText('Aligned with ISO/IEC 27001:2022').count()).toBe(1);
    await poll(() => admin.getByText('Nobody asked').count()).toBeGreaterThan(0);
    await poll(() => admin.locator('canvas').count()).toBeGreaterThan(0);
    await admin.waitForTimeout(500);
    await screenshot(admin, 'infosec-policy');

    const employee = await (await newContext(browser, server.baseUrl)).newPage();
    await signIn(employee, 'employee');
    await employee.goto('/infosec/policies/mine');
    await poll(() =>
      employee.getByText('I have read and understood version 2.0 of Information Security Policy.').count(),
    ).toBe(1);
    await employee.getByRole('button', { name: 'Acknowledge' }).click();
    await poll(() => employee.getByText(/^Acknowledged \d{4}-\d{2}-\d{2}$/).count()).toBe(1);
    await poll(() => employee.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    await screenshot(employee, 'infosec-policies-mine');
  });
});
