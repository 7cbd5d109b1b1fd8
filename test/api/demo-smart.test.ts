// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClock } from '../../reference/demo/clock.ts';
import { DEMO_PASSWORD } from '../../reference/demo/users.ts';
import { type ApiClient, createTestApp, type TestApp } from '../support/app.ts';

/** The monitoring demo as the smart manufacturing office sees it: sensors at two sites, history and a past leak. */
describe('demo shop-floor monitoring (pglite)', () => {
  let t: TestApp;
  let owner: ApiClient;
  const clock = demoClock({});

  beforeAll(async () => {
    t = await createTestApp({ demo: { scale: 0.01, clock } });
    owner = await t.signIn('smart.owner@steward.demo', DEMO_PASSWORD);
  });
  afterAll(async () => t?.close());

  it('has gas, oxygen, exhaust and temperature sensors in the areas of two sites', async () => {
    const sensors = (await owner.get('/api/smart/sensors', { query: { pageSize: 100 } })).body;
    expect(sensors.total).toBe(8);
    // At a site of ASE and one of SPIL, so that the officers of either subsidiary see the monitoring alive.
    expect([...new Set(sensors.items.map((s: any) => s.siteCode))].sort()).toEqual(['ASE-KH', 'SPIL-DF']);
    expect(sensors.items.every((s: any) => s.areaName && s.lastValue !== null)).toBe(true);
  });

  it('keeps two weeks of readings with roll-ups that agree with them', async () => {
    const sensors = (await owner.get('/api/smart/sensors', { query: { kind: 'toxic_gas' } })).body.items;
    const gas = sensors[0];
    const to = new Date(`${clock}T00:00:00+08:00`).toISOString();
    const from = new Date(new Date(to).getTime() - 7 * 86_400_000).toISOString();
    const hours = (
      await owner.get(`/api/smart/sensors/${gas.id}/readings`, { query: { from, to, resolution: 'hour' } })
    ).body;
    expect(hours.points.length).toBeGreaterThanOrEqual(168);
    const stored = await t.db
      .selectFrom('smart_readings')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.sum<number>('value').as('sum')])
      .where('sensor_id', '=', gas.id)
      .executeTakeFirstOrThrow();
    const rolled = await t.db
      .selectFrom('smart_rollups_hour')
      .select((eb) => [eb.fn.sum<string>('count').as('n'), eb.fn.sum<number>('sum').as('sum')])
      .where('sensor_id', '=', gas.id)
      .executeTakeFirstOrThrow();
    expect(Number(rolled.n)).toBe(Number(stored.n));
    expect(Number(rolled.sum)).toBeCloseTo(Number(stored.sum), 3);
  });

  it('has a past arsine leak whose alarms were acknowledged and closed, and one acknowledged alarm open per site', async () => {
    const open = (await owner.get('/api/smart/alarms')).body;
    expect(open.items.map((a: any) => `${a.condition}:${a.state}`)).toEqual([
      'stuck:acknowledged',
      'stuck:acknowledged',
    ]);
    expect(new Set(open.items.map((a: any) => a.siteId)).size).toBe(2);
    const all = (await owner.get('/api/smart/alarms', { query: { status: 'all' } })).body;
    expect(all.items.map((a: any) => `${a.condition}:${a.state}:${a.priority}`).sort()).toEqual([
      'h:normal:medium',
      'hh:normal:urgent',
      'stuck:acknowledged:low',
      'stuck:acknowledged:low',
    ]);
  });

  it('forecasts each sensor’s hourly means with a 95% interval whose backtest holds 90–99% of the demo’s hours', async () => {
    const sensors = (await owner.get('/api/smart/sensors', { query: { pageSize: 100 } })).body.items;
    // The demo's two weeks of readings end at the start of its day (Taipei).
    const to = new Date(`${clock}T00:00:00+08:00`).toISOString();
    for (const sensor of sensors) {
      const res = await owner.get(`/api/smart/sensors/${sensor.id}/trend`, {
        query: { days: '14', horizon: '24', to },
      });
      expect(res.status).toBe(200);
      const body = res.body;
      expect(body.gaps).toBe(0);
      // Day-ahead forecasts from the ten days with three days and two hours of history before them.
      expect(body.backtest.points).toBe(240);
      expect(body.backtest.coverage, sensor.tag).toBeGreaterThanOrEqual(0.9);
      expect(body.backtest.coverage, sensor.tag).toBeLessThanOrEqual(0.99);
    }
  });

  it('flags the hour of the past arsine leak against the forecast made the day before', async () => {
    const gas = (await owner.get('/api/smart/sensors', { query: { kind: 'toxic_gas' } })).body.items.find(
      (s: any) => s.siteCode === 'ASE-KH',
    );
    const end = new Date(`${clock}T00:00:00+08:00`).getTime();
    // The leak began three days before the end, ten hours on; the day held out around it ends the next day.
    const leakHour = new Date(end - 3 * 86_400_000 + 10 * 3_600_000).toISOString();
    const to = new Date(end - 2 * 86_400_000).toISOString();
    const body = (
      await owner.get(`/api/smart/sensors/${gas.id}/trend`, { query: { days: '11', horizon: '24', to } })
    ).body;
    const flagged = body.recent.filter((r: any) => r.outside);
    expect(flagged.map((r: any) => r.at)).toContain(leakHour);
    // The leak hour is far above its interval; any other hour flagged only just leaves it.
    const leak = flagged.find((r: any) => r.at === leakHour);
    expect(leak.value - leak.upper).toBeGreaterThan(10);
    expect(flagged.length).toBeLessThanOrEqual(3);
  });
});
