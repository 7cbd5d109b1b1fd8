// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

const HOUR_MS = 3_600_000;
const DAYS = 28;
/** The window's end: the start of the current hour, passed as `to` so that the series does not move. */
const END = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
const START = END - DAYS * 24 * HOUR_MS;
/** Hours of the window without readings: a few in its third week and one among the held-out last day. */
const GAP_HOURS = new Set([400, 401, 402, 403, 404, DAYS * 24 - 10]);
/** The last hours, sent after the rest with a step of +8 on the daily cycle. */
const STEP_HOURS = 4;

/** A small deterministic generator (mulberry32) and standard normal draws (Box–Muller). */
function normals(seed: number) {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** A cleanroom temperature that follows the day: 22 °C ± 1.5, three readings an hour with a little noise. */
function readings(sensorId: string, hours: readonly number[], step = 0) {
  const draw = normals(17);
  const out: { sensorId: string; at: string; value: number }[] = [];
  for (let h = 0; h < DAYS * 24; h++)
    for (const minute of [5, 25, 45]) {
      const value = 22 + 1.5 * Math.sin((2 * Math.PI * h) / 24) + 0.25 * draw();
      if (!hours.includes(h)) continue;
      out.push({ sensorId, at: new Date(START + h * HOUR_MS + minute * 60_000).toISOString(), value });
    }
  return out.map((r) => ({ ...r, value: Math.round((r.value + step) * 100) / 100 }));
}

/**
 * A sensor's hourly means with a forecast of the day, from readings sent through the gateway route (the
 * module's ingest service rolls them up): the interval's backtest coverage, a step flagged, gaps kept as gaps.
 */
describe.each(databases())('trend of a sensor’s hourly means (%s)', (kind) => {
  let t: TestApp;
  let officer: ApiClient;
  let sensorId: string;
  let idleId: string;

  const trend = (client: ApiClient, id: string, query: Record<string, string> = {}) =>
    client.get(`/api/smart/sensors/${id}/trend`, {
      query: { days: String(DAYS), horizon: '24', to: new Date(END).toISOString(), ...query },
    });

  beforeAll(async () => {
    t = await createTestApp({ kind });
    officer = await t.signInAs('k7Officer');
    const sensor = async (tag: string) => {
      const res = await officer.post('/api/smart/sensors', {
        siteId: SITES.K7.id,
        tag,
        name: `Cleanroom temperature ${tag}`,
        kind: 'temperature',
        unit: '°C',
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    sensorId = await sensor('K7-TMP-TREND');
    idleId = await sensor('K7-TMP-IDLE');
    const token = await officer.post('/api/auth/tokens', { name: 'K7 trend gateway' });
    expect(token.status).toBe(201);
    const gateway = t.withToken(token.body.token);
    const all = Array.from({ length: DAYS * 24 }, (_, h) => h).filter((h) => !GAP_HOURS.has(h));
    const before = all.filter((h) => h < DAYS * 24 - STEP_HOURS);
    const sent = await gateway.post('/api/smart/readings', { readings: readings(sensorId, before) });
    expect(sent.status).toBe(200);
    expect(sent.body.stored).toBe(before.length * 3);
    const stepped = all.filter((h) => h >= DAYS * 24 - STEP_HOURS);
    const step = await gateway.post('/api/smart/readings', { readings: readings(sensorId, stepped, 8) });
    expect(step.body.stored).toBe(stepped.length * 3);
  });
  afterAll(() => t?.close());

  it('fits the hourly means with a daily season, and the backtest’s 95% interval holds 90–99% of the hours', async () => {
    const res = await trend(officer, sensorId);
    expect(res.status).toBe(200);
    const body: any = res.body;
    expect(body).toMatchObject({ tag: 'K7-TMP-TREND', unit: '°C', level: 0.95, unfitted: null });
    expect(body.from).toBe(new Date(START).toISOString());
    expect(body.to).toBe(new Date(END).toISOString());
    expect(body.actual).toHaveLength(DAYS * 24);
    expect(body.actual[0]).toMatchObject({ at: new Date(START).toISOString(), count: 3 });
    expect(body.forecast).toHaveLength(24);
    expect(body.forecast[0].at).toBe(new Date(END).toISOString());
    // Day-ahead forecasts from each day with at least three days and two hours before it (24 origins), less the
    // hours without readings.
    expect(body.backtest.points).toBe(24 * 24 - GAP_HOURS.size);
    expect(body.backtest.coverage).toBeGreaterThanOrEqual(0.9);
    expect(body.backtest.coverage).toBeLessThanOrEqual(0.99);
  });

  it('flags the hours after a step, and only those', async () => {
    const body: any = (await trend(officer, sensorId)).body;
    expect(body.recent).toHaveLength(24);
    const flagged = body.recent.filter((r: any) => r.outside).map((r: any) => r.at);
    const stepped = body.recent.slice(-STEP_HOURS).map((r: any) => r.at);
    expect(flagged).toEqual(expect.arrayContaining(stepped));
    expect(flagged.length).toBeLessThanOrEqual(STEP_HOURS + 1);
    for (const r of body.recent.slice(-STEP_HOURS)) expect(r.value).toBeGreaterThan(r.upper);
  });

  it('keeps an hour without readings a gap: no value, not judged, not a zero', async () => {
    const body: any = (await trend(officer, sensorId)).body;
    expect(body.gaps).toBe(GAP_HOURS.size);
    for (const h of GAP_HOURS) expect(body.actual[h]).toMatchObject({ value: null, count: 0 });
    expect(body.actual.filter((a: any) => a.value === 0)).toEqual([]);
    const held = body.recent[24 - 10];
    expect(held).toMatchObject({ at: body.actual[DAYS * 24 - 10].at, value: null, outside: null });
    // The forecast over the gap still follows the day: no dip towards zero.
    expect(held.mean).toBeGreaterThan(19);
  });

  it('answers a sensor without readings with its gaps and no forecast', async () => {
    const body: any = (await trend(officer, idleId)).body;
    expect(body).toMatchObject({
      unfitted: 'too_few_hours',
      gaps: DAYS * 24,
      recent: [],
      forecast: [],
      backtest: { coverage: null, points: 0 },
      weights: null,
    });
    expect(body.actual.every((a: any) => a.value === null)).toBe(true);
  });

  it('keeps a sensor to those who read its site, and refuses a window that ends in the future', async () => {
    const spil = await t.signInAs('spilOfficer');
    expect((await trend(spil, sensorId)).status).toBe(404);
    const future = await trend(officer, sensorId, { to: new Date(Date.now() + 2 * HOUR_MS).toISOString() });
    expect(future.status).toBe(422);
    expect(JSON.stringify(future.body)).toContain('"to"');
    const short = await trend(officer, sensorId, { days: '3' });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toContain('days');
  });
});
