import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AREAS, SITES, USERS } from '../support/fixture.ts';
import { newContext, poll, screenshot, serverAndBrowserOfFile, signIn } from './support/browser.ts';
import { hasChromium, type RunningServer, SKIP_MESSAGE } from './support/server.ts';

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

  serverAndBrowserOfFile((started) => ({ server, browser } = started));

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
    // The line's alarm responder, always on call.
    const responders = await page.evaluate(
      async ({ areaId, userId }) => {
        const session = await (await fetch('/api/auth/session')).json();
        const res = await fetch(`/api/smart/areas/${areaId}/responders`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
          body: JSON.stringify({ responders: [{ userId }] }),
        });
        return res.status;
      },
      { areaId: AREAS.K7_B1_F3_L2.id, userId: USERS.employee.id },
    );
    expect(responders).toBe(200);

    // The officer watches the alarm list, which follows the server's stream of alarm changes.
    await page.goto('/smart/alarms');
    const table = page.getByRole('table', { name: 'Alarms' });
    await page.locator('[data-stream-state="live"]').getByText('Live').waitFor();
    await poll(() => table.getAttribute('data-total')).toBe('0');

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

    // The alarm appears on the open page, without a reload.
    await poll(() => table.getAttribute('data-total')).toBe('1');
    const row = table.getByRole('row').filter({ hasText: 'High: K7-GAS-01 Arsine at gas cabinet 3' });
    await row.getByText('Unacknowledged').waitFor();
    await screenshot(page, 'smart-alarms');
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    await row.getByText('Acknowledged', { exact: true }).waitFor();
    // The alarm reached the line's responder.
    await row.getByRole('button', { name: 'Notified' }).click();
    const reached = page.getByRole('dialog', { name: 'Who this alarm reached' });
    await reached
      .getByRole('row')
      .filter({ hasText: 'Chen Wei-Ling' })
      .getByText('Responder on shift')
      .waitFor();
    await page.keyboard.press('Escape');
    await reached.waitFor({ state: 'detached' });

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
    // And the responders of its area, with their shifts.
    await page.getByRole('heading', { name: 'Alarm responders of B1-F3-L2 Wire bonding line 2' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Chen Wei-Ling' }).getByText('Always').waitFor();
    await context.close();
  });

  it('shows the alarm KPIs of the last 24 hours: a flood, a chattering alarm, the bad actors, in both languages', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'k7Officer');
    const token = (await postFromPage(page, '/api/auth/tokens', { name: 'K7 KPI gateway' })).body.token;
    const send = async (readings: { sensorId: string; at: number; value: number }[]) => {
      const res = await fetch(`${server.baseUrl}/api/smart/readings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          gateway: 'k7-kpi',
          readings: readings.map((r) => ({ ...r, at: new Date(r.at).toISOString() })),
        }),
      });
      expect(res.status).toBe(200);
    };
    const sensorAt = async (tag: string, name: string) => {
      const res = await postFromPage(page, '/api/smart/sensors', {
        siteId: SITES.K7.id,
        areaId: AREAS.K7_B1_F3_L2.id,
        tag,
        name,
        kind: 'temperature',
        unit: '°C',
        limitH: 30,
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    // 12 ovens overheat within two minutes (a flood), and one thermocouple chatters: raised, cleared and
    // acknowledged twice, then raised again, within 30 seconds.
    const t0 = Date.now() - 40 * 60_000;
    const ovens = [];
    for (let i = 1; i <= 12; i++) ovens.push(await sensorAt(`K7-OVEN-${i}`, `Reflow oven ${i}`));
    await send(ovens.map((sensorId, i) => ({ sensorId, at: t0 + i * 10_000, value: 35 })));
    const chatter = await sensorAt('K7-TC-07', 'Cure oven thermocouple');
    for (const s of [300, 310]) {
      await send([
        { sensorId: chatter, at: t0 + s * 1000, value: 35 },
        { sensorId: chatter, at: t0 + (s + 5) * 1000, value: 20 },
      ]);
      const alarm = await page.evaluate(
        async (id) => (await (await fetch(`/api/smart/alarms?sensorId=${id}`)).json()).items[0],
        chatter,
      );
      expect(
        (await postFromPage(page, `/api/smart/alarms/${alarm.id}/acknowledge`, { version: alarm.version }))
          .status,
      ).toBe(200);
    }
    await send([{ sensorId: chatter, at: t0 + 320_000, value: 35 }]);

    await page.goto('/smart/kpis');
    await page.getByRole('heading', { level: 2, name: 'Alarm KPIs' }).waitFor();
    const floods = page.getByRole('table', { name: 'Alarm floods' });
    await floods.getByRole('row').filter({ hasText: 'Wire bonding line 2' }).waitFor();
    await page
      .getByRole('table', { name: 'Chattering alarms' })
      .getByText('K7-TC-07 Cure oven thermocouple')
      .waitFor();
    const bad = page.getByRole('table', { name: 'Top 10 bad actors' });
    await expect(bad.getByRole('row').nth(1).textContent()).resolves.toContain('K7-TC-07');
    await page.getByRole('img', { name: 'Bar chart of the alarms raised over the period' }).waitFor();
    await screenshot(page, 'smart-kpis');

    await page.evaluate(async () => {
      const session = await (await fetch('/api/auth/session')).json();
      await fetch('/api/auth/preferences', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ locale: 'zh-TW' }),
      });
      localStorage.setItem('steward.locale', 'zh-TW');
    });
    await page.reload();
    await page.getByRole('heading', { level: 2, name: '警報績效指標' }).waitFor();
    await page.getByRole('table', { name: '警報氾濫' }).getByRole('row').nth(1).waitFor();
    await screenshot(page, 'smart-kpis-zh');
    // A site officer reads the thresholds; only the group-wide manager changes them.
    await expect(page.getByRole('button', { name: '集團設定' }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();

    const admin = await (await newContext(browser, server.baseUrl)).newPage();
    await signIn(admin, 'groupAdmin');
    await admin.goto('/smart/kpis');
    await admin.getByRole('button', { name: 'Group settings' }).click();
    await admin.getByRole('menuitem', { name: 'Thresholds' }).click();
    const form = admin.getByRole('dialog', { name: 'Thresholds' });
    const endBelow = form.getByRole('textbox', { name: 'A flood ends below (alarms per window)' });
    await endBelow.fill('20');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('A flood ends below the count that starts it').waitFor();
    await screenshot(admin, 'smart-kpi-thresholds');
    await endBelow.fill('4');
    await form.getByRole('textbox', { name: 'Stale after (hours active)' }).fill('12');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await admin
      .getByText('Active more than 12 h at the end of the period', { exact: false })
      .first()
      .waitFor();

    // Vibration readings kept for 90 days while every other kind keeps the group's period.
    const openRetention = async () => {
      await admin.getByRole('button', { name: 'Group settings' }).click();
      await admin.getByRole('menuitem', { name: 'Retention of readings' }).click();
      return admin.getByRole('dialog', { name: 'Retention of readings' });
    };
    let retention = await openRetention();
    await retention.getByRole('textbox', { name: 'Vibration' }).fill('90');
    await retention.getByRole('button', { name: 'Save' }).click();
    await retention.waitFor({ state: 'detached' });
    retention = await openRetention();
    await poll(() => retention.getByRole('textbox', { name: 'Vibration' }).inputValue()).toBe('90');
    await expect(retention.getByRole('textbox', { name: 'Noise' }).inputValue()).resolves.toBe('');
    await admin.context().close();
  });
});
