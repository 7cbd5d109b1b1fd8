// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { AREAS, SITES } from '../support/fixture.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const STEP = 5_000;

/** The learned detector on a series without limits, through the ingestion: alarms of condition `anomaly`. */
describe.each(databases())('learned anomaly alarms (%s)', (kind) => {
  let t: TestApp;
  let officer: ApiClient;
  let gateway: ApiClient;
  let sensorId: string;
  /** 400 readings 5 s apart end well inside the late horizon (60 minutes). */
  const t0 = Date.now() - 50 * 60_000;
  const steady = (from: number, count: number, level = 20) =>
    Array.from({ length: count }, (_, i) => ({
      sensorId,
      at: iso(t0 + (from + i) * STEP),
      value: level + (((from + i) * 7919) % 11) / 10,
    }));
  const post = (readings: { sensorId: string; at: string; value: number }[]) =>
    gateway.post('/api/smart/readings', { gateway: 'k7-anomaly-gw', readings });
  const anomalies = async () =>
    (await officer.get('/api/smart/alarms', { query: { sensorId, status: 'all' } })).body.items.filter(
      (a: any) => a.condition === 'anomaly',
    );

  beforeAll(async () => {
    t = await createTestApp({ kind });
    officer = await t.signInAs('k7Officer');
    const created = await officer.post('/api/smart/sensors', {
      siteId: SITES.K7.id,
      areaId: AREAS.K7_B1_F3_L2.id,
      tag: 'K7-EXH-01',
      name: 'Exhaust airflow, wet bench 2',
      kind: 'exhaust_airflow',
      unit: 'm³/h',
    });
    expect(created.status).toBe(201);
    sensorId = created.body.id;
    gateway = t.withToken(
      (await officer.post('/api/auth/tokens', { name: 'K7 anomaly gateway' })).body.token,
    );
  });
  afterAll(async () => t?.close());

  it('learns a series without limits, then raises a low-priority anomaly alarm at a jump and clears it', async () => {
    const learning = await post(steady(0, 400));
    expect(learning.status).toBe(200);
    expect(learning.body).toMatchObject({ stored: 400, alarmsRaised: 0 });
    expect(await anomalies()).toEqual([]);

    const jump = { sensorId, at: iso(t0 + 400 * STEP), value: 95 };
    const judged = await post([jump, ...steady(401, 3)]);
    expect(judged.body).toMatchObject({ stored: 4, alarmsRaised: 1, alarmsCleared: 1 });
    const [alarm] = await anomalies();
    expect(alarm).toMatchObject({
      condition: 'anomaly',
      priority: 'low',
      raisedAt: jump.at,
      raisedValue: 95,
      limitValue: null,
      active: false,
      state: 'rtn_unacknowledged',
    });
  });

  it('relearns from the stored readings what another process judged meanwhile', async () => {
    // Another worker stored and judged 400 readings at a new level (200): this process's detector never saw them.
    const rows = steady(404, 400, 200);
    await t.db
      .insertInto('smart_readings')
      .values(
        rows.map((r) => ({ sensor_id: sensorId, site_id: SITES.K7.id, at: new Date(r.at), value: r.value })),
      )
      .execute();
    await t.db
      .updateTable('smart_sensor_states')
      .set({ judged_at: new Date(rows[rows.length - 1].at) })
      .where('sensor_id', '=', sensorId)
      .execute();
    // At the new level: usual for a detector that learned what was stored, a jump for one that did not.
    const next = await post(steady(804, 2, 200));
    expect(next.body).toMatchObject({ stored: 2, late: 0, alarmsRaised: 0 });
    expect(await anomalies()).toHaveLength(1);
  });
});

/**
 * Detectors in memory are bounded (here to one): a sensor's detector dropped for another's is built again from
 * the stored readings when the sensor sends next, so it judges at once, with what is stored, and not cold.
 */
describe.each(databases())('learned detectors dropped from memory (%s)', (kind) => {
  let t: TestApp;
  let gateway: ApiClient;
  let officer: ApiClient;
  const ids: Record<'A' | 'B', string> = { A: '', B: '' };
  const t0 = Date.now() - 50 * 60_000;
  const steady = (sensor: 'A' | 'B', from: number, count: number, level = 20) =>
    Array.from({ length: count }, (_, i) => ({
      sensorId: ids[sensor],
      at: iso(t0 + (from + i) * STEP),
      value: level + (((from + i) * 7919) % 11) / 10,
    }));
  const post = (readings: { sensorId: string; at: string; value: number }[]) =>
    gateway.post('/api/smart/readings', { gateway: 'k7-evict-gw', readings });

  beforeAll(async () => {
    t = await createTestApp({ kind, config: { detectors: { idleMinutes: 60, max: 1 } } });
    officer = await t.signInAs('k7Officer');
    for (const sensor of ['A', 'B'] as const) {
      const created = await officer.post('/api/smart/sensors', {
        siteId: SITES.K7.id,
        tag: `K7-EXH-E${sensor}`,
        name: `Exhaust airflow ${sensor}`,
        kind: 'exhaust_airflow',
        unit: 'm³/h',
      });
      expect(created.status).toBe(201);
      ids[sensor] = created.body.id;
    }
    gateway = t.withToken((await officer.post('/api/auth/tokens', { name: 'K7 evict gateway' })).body.token);
  });
  afterAll(async () => t?.close());

  it('rebuilds a dropped detector from the stored readings and judges the next readings with it', async () => {
    expect((await post(steady('A', 0, 400))).body).toMatchObject({ stored: 400, alarmsRaised: 0 });
    // B's detector takes the only place: A's is dropped.
    expect((await post(steady('B', 0, 200))).body).toMatchObject({ stored: 200, alarmsRaised: 0 });
    // Meanwhile the stored history of A holds readings at 95 as well, between those it judged (written here
    // behind the process's back): only a detector rebuilt from storage knows them. One kept in memory since
    // would take 95 for a jump, as the learned anomaly test above shows.
    const judged = t0 + 399 * STEP;
    await t.db
      .insertInto('smart_readings')
      .values(
        Array.from({ length: 200 }, (_, i) => ({
          sensor_id: ids.A,
          site_id: SITES.K7.id,
          at: new Date(t0 + (200 + i) * STEP + STEP / 2),
          value: 95 + (i % 3) / 10,
        })),
      )
      .execute();
    const back = await post([{ sensorId: ids.A, at: iso(judged + STEP), value: 95 }]);
    expect(back.body).toMatchObject({ stored: 1, late: 0, alarmsRaised: 0 });
    // Not a cold detector on its warm-up (it would score nothing yet): a jump far off is an anomaly at once.
    const jump = await post([{ sensorId: ids.A, at: iso(judged + 2 * STEP), value: 900 }]);
    expect(jump.body).toMatchObject({ stored: 1, alarmsRaised: 1 });
    const alarms = (await officer.get('/api/smart/alarms', { query: { sensorId: ids.A, status: 'all' } }))
      .body.items;
    expect(alarms).toEqual([expect.objectContaining({ condition: 'anomaly', raisedValue: 900 })]);
  });
});
