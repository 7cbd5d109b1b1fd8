// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITES } from '../support/fixture.ts';
import { callApi, launchBrowser, newContext, poll, screenshot, signIn } from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE, startServer } from './support/server.ts';

if (!hasChromium) console.warn(SKIP_MESSAGE);

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
    const policy = await callApi(admin, 'POST', '/api/infosec/policies', {
      code: 'ISP-01',
      title: 'Information Security Policy',
      status: 'active',
    });
    expect(policy.status).toBe(201);
    const versions = `/api/infosec/policies/${policy.json.id}/versions`;
    const version = await callApi(admin, 'POST', versions, {
      label: '2.0',
      effectiveOn: '2024-03-01',
      summary: 'Aligned with ISO/IEC 27001:2022',
    });
    expect(version.status).toBe(201);
    const draft = await callApi(admin, 'POST', versions, { label: '3.0', effectiveOn: '2099-01-01' });
    expect(draft.status).toBe(201);
    const campaign = await callApi(
      admin,
      'POST',
      `/api/infosec/policy-versions/${version.json.id}/campaigns`,
      {
        siteIds: [SITES.K7.id, SITES.PG.id],
        openedOn: '2026-01-05',
        dueOn: '2099-02-05',
      },
    );
    expect(campaign.status).toBe(201);
    await admin.goto('/infosec/policies');
    await admin.getByText('Information Security Policy').click();
    await admin.waitForURL(/\/infosec\/policies\/[0-9a-f-]+$/);
    await poll(() => admin.getByText('Aligned with ISO/IEC 27001:2022').count()).toBe(1);
    await poll(() => admin.getByText('Nobody asked').count()).toBeGreaterThan(0);
    await poll(() => admin.locator('canvas').count()).toBeGreaterThan(0);
    // The draft 3.0 has no campaign: it can be edited; 2.0, asked about, cannot.
    expect(await admin.getByRole('button', { name: 'Edit 2.0' }).count()).toBe(0);
    await admin.getByRole('button', { name: 'Edit 3.0' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Summary of changes' }).fill('Cloud services chapter');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await poll(() => admin.getByText('Cloud services chapter').count()).toBe(1);
    // The screenshot waits for the page to be quiet (its requests done) before it is taken.
    await screenshot(admin, 'infosec-policy');

    const employee = await (await newContext(browser, server.baseUrl)).newPage();
    await signIn(employee, 'employee');
    await employee.goto('/infosec/policies/mine');
    await poll(() =>
      employee.getByText('I have read and understood version 2.0 of Information Security Policy.').count(),
    ).toBe(1);
    await employee.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await poll(() => employee.getByText(/^Acknowledged \d{4}-\d{2}-\d{2}$/).count()).toBe(1);
    await poll(() => employee.getByRole('button', { name: 'Acknowledge', exact: true }).count()).toBe(0);
    await screenshot(employee, 'infosec-policies-mine');
    // Acknowledged by mistake: withdrawn while the campaign is open, it can be given again.
    await employee.getByRole('button', { name: 'Withdraw my acknowledgement' }).click();
    await poll(() => employee.getByRole('button', { name: 'Acknowledge', exact: true }).count()).toBe(1);
  });
});
