// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SITES } from '../support/fixture.ts';
import { stixBundle } from '../support/stix.ts';
import { callApi, newContext, poll, screenshot, serverAndBrowserOfFile, signIn } from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE } from './support/server.ts';

if (!hasChromium) console.warn(SKIP_MESSAGE);

const csrf = (page: Page) =>
  page.evaluate(async () => (await (await fetch('/api/auth/session')).json()).csrfToken as string);

// Advisories and policies share a server: each test makes its own records.
describe.skipIf(!hasChromium)('cybersecurity advisories and security policies in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let advisoryPath = '';

  serverAndBrowserOfFile((started) => ({ server, browser } = started));

  it('uploads a STIX bundle and shows it routed to the site whose system runs the software', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'groupAdmin');
    const token = await csrf(page);
    const status = await page.evaluate(
      async ({ token, siteId }) =>
        (
          await fetch('/api/infosec/systems', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': token },
            body: JSON.stringify({
              siteId,
              name: 'Wire bonder PLC',
              domain: 'ot',
              criticality: 'critical',
              cpe: 'cpe:2.3:o:siemens:simatic_s7-1500_firmware:2.9.2:*:*:*:*:*:*:*',
            }),
          })
        ).status,
      { token, siteId: SITES.K7.id },
    );
    expect(status).toBe(201);
    const file = path.join(tmpdir(), `steward-bundle-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(stixBundle()));
    await page.goto('/infosec/advisories');
    await page.getByRole('button', { name: 'Import STIX bundle' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByRole('button', { name: 'Import STIX bundle' }).click();
    await page.waitForURL(/\/infosec\/advisories\/[0-9a-f-]{36}$/);
    advisoryPath = new URL(page.url()).pathname;
    const responses = page.getByRole('table').first();
    await responses.getByRole('cell', { name: 'K7', exact: true }).waitFor();
    await expect(responses.getByText('Wire bonder PLC (SIMATIC S7-1500 firmware)').count()).resolves.toBe(1);
    await screenshot(page, 'infosec-advisory-imported');
    await context.close();
  });

  it('lets the site officer record the site’s response', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'k7Officer');
    await page.goto(advisoryPath);
    await page.getByRole('button', { name: 'Respond' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Status', exact: true }).click();
    await page.getByRole('option', { name: 'Not affected' }).click();
    await dialog.getByRole('textbox', { name: 'Note' }).fill('The line runs firmware 3.1 since October.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Not affected', { exact: true }).waitFor();
    await screenshot(page, 'infosec-advisory-responded');
    // An incident whose record names the indicator's address shows the match.
    const token = await csrf(page);
    const incidentId = await page.evaluate(
      async ({ token, siteId }) =>
        (
          await (
            await fetch('/api/infosec/incidents', {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-csrf-token': token },
              body: JSON.stringify({
                siteId,
                title: 'Outbound sessions from the PLC network',
                description: 'The firewall logged sessions to 198.51.100.7 from the wire bonder PLC.',
                awareAt: new Date(Date.now() - 3_600_000).toISOString(),
              }),
            })
          ).json()
        ).id as string,
      { token, siteId: SITES.K7.id },
    );
    await page.goto(`/infosec/incidents/${incidentId}`);
    await page.getByRole('heading', { name: 'Matching threat indicators' }).waitFor();
    await expect(page.getByText('198.51.100.7', { exact: true }).count()).resolves.toBe(1);
    await context.close();
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
