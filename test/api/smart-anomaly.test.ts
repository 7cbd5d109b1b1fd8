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
