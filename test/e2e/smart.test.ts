import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, SITES } from '../support/fixture.ts';
import { launchBrowser, newContext, poll, screenshot, signIn } from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE, startServer } from './support/server.ts';

/** A write from the signed-in page, with its session's CSRF token (setting up what a gateway needs). */
async function postFromPage(page: Page, url: string, body: unknown) {
  return page.evaluate(
    async ({ url, body }) => {
      const session = await (await fetch('/api/auth/session')).json();
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    { url, body },
  );
}

if (!hasChromium) console.warn(SKIP_MESSAGE);

describe.skipIf(!hasChromium)('shop-floor monitoring in the browser', () => {
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

  it('raises an alarm from a gateway’s readings; the officer acknowledges it and reports a near miss', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'k7Officer');
    const sensor = await postFromPage(page, '/api/smart/sensors', {
      siteId: SITES.K7.id,
      areaId: AREAS.K7_B1_F3_L2.id,
      tag: 'K7-GAS-01',
      name: 'Arsine at gas cabinet 3',
      kind: 'toxic_gas',
      unit: 'ppb',
      limitH: 25,
    });
    expect(sensor.status).toBe(201);
    const token = await postFromPage(page, '/api/auth/tokens', { name: 'K7 gateway 1' });
    expect(token.status).toBe(201);

    // The gateway: a gas leak, three readings a minute apart, sent with the API token.
    const now = Date.now();
    const readings = [4, 12, 41].map((value, i) => ({
      sensorId: sensor.body.id,
      at: new Date(now - (3 - i) * 60_000).toISOString(),
      value,
    }));
    const sent = await fetch(`${server.baseUrl}/api/smart/readings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token.body.token}` },
      body: JSON.stringify({ gateway: 'k7-gw-1', readings }),
    });
    expect(sent.status).toBe(200);
    expect((await sent.json()).alarmsRaised).toBe(1);

    await page.goto('/smart/alarms');
    const table = page.getByRole('table', { name: 'Alarms' });
    await poll(() => table.getAttribute('data-total')).toBe('1');
    const row = table.getByRole('row').filter({ hasText: 'High: K7-GAS-01 Arsine at gas cabinet 3' });
    await row.getByText('Unacknowledged').waitFor();
    await screenshot(page, 'smart-alarms');
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    await row.getByText('Acknowledged', { exact: true }).waitFor();

    await row.getByRole('button', { name: 'Report a near miss' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report a near miss to OHS' });
    await dialog.waitFor();
    await expect(dialog.getByRole('textbox', { name: 'Title' }).inputValue()).resolves.toContain('K7-GAS-01');
    await dialog.getByRole('button', { name: 'Report a near miss' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByRole('link', { name: 'Open the OHS report' }).click();
    await page.waitForURL(/\/ohs\/incidents\/[0-9a-f-]+$/);
    // The readings are attached to the report, among its files.
    await page.getByRole('tab', { name: /Photos/ }).click();
    await page.getByText('K7-GAS-01-readings.csv').waitFor();
    await screenshot(page, 'smart-near-miss');

    // The sensor's page charts its readings with its limit.
    await page.goto(`/smart/sensors/${sensor.body.id}`);
    await page.getByRole('img', { name: 'Readings of K7-GAS-01 with its alarm limits' }).waitFor();
    await context.close();
  });
});
