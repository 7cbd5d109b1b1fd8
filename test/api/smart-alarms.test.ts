// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { AREAS, SITES } from '../support/fixture.ts';
import { setUpSensors } from '../support/smart.ts';

const iso = (ms: number) => new Date(ms).toISOString();

describe.each(databases())('readings and alarms (%s)', (kind) => {
  let t: TestApp;
  let officer: ApiClient;
  let gateway: ApiClient;
  let gasId: string;
  let tcSensorId: string;
  /** The first reading's time: ten minutes ago, inside the late horizon (60 minutes by default). */
  const t0 = Date.now() - 10 * 60_000;
  const post = (readings: { sensorId: string; at: number; value: number }[], gatewayName = 'k7-gw-1') =>
    gateway.post('/api/smart/readings', {
      gateway: gatewayName,
      readings: readings.map((r) => ({ ...r, at: iso(r.at) })),
    });
  const gas = (seconds: number, value: number) => ({ sensorId: gasId, at: t0 + seconds * 1000, value });
  const alarmsOf = async (condition: string) =>
    (await officer.get('/api/smart/alarms', { query: { sensorId: gasId, status: 'all' } })).body.items.filter(
      (a: any) => a.condition === condition,
    );

  beforeAll(async () => {
    t = await createTestApp({ kind });
    let token: string;
    ({ officer, gasId, tcSensorId, token } = await setUpSensors(t, 'K7 gateway 1'));
    gateway = t.withToken(token);
  });
  afterAll(async () => t?.close());

  it('stores a reading repeated with the same sensor and time once, and rolls it up once', async () => {
    const batch = [gas(-300, 3), gas(-240, 4), gas(-180, 5)];
    const first = await post(batch);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ received: 3, stored: 3, duplicates: 0, late: 0, refused: [] });
    const again = await post(batch);
    expect(again.body).toMatchObject({ received: 3, stored: 0, duplicates: 3 });
    const stored = await t.db
      .selectFrom('smart_readings')
      .select('value')
      .where('sensor_id', '=', gasId)
      .execute();
    expect(stored.map((r) => r.value).sort()).toEqual([3, 4, 5]);
    const minutes = await t.db
      .selectFrom('smart_rollups_minute')
      .select(['count', 'min', 'max', 'sum'])
      .where('sensor_id', '=', gasId)
      .execute();
    expect(minutes.reduce((n, m) => n + m.count, 0)).toBe(3);
    const hours = await t.db
      .selectFrom('smart_rollups_hour')
      .select(['count', 'sum'])
      .where('sensor_id', '=', gasId)
      .execute();
    expect(hours.reduce((n, h) => n + h.count, 0)).toBe(3);
    expect(hours.reduce((n, h) => n + h.sum, 0)).toBe(12);
    const series = await officer.get(`/api/smart/sensors/${gasId}/readings`, {
      query: { from: iso(t0 - 3_600_000), resolution: 'raw' },
    });
    expect(series.body.points.map((p: any) => p.value)).toEqual([3, 4, 5]);
  });

  it('stores a reading older than the horizon, marked late and not judged', async () => {
    const old = { sensorId: gasId, at: Date.now() - 2 * 3_600_000, value: 400 };
    const res = await post([old]);
    expect(res.body).toMatchObject({ stored: 1, late: 1, alarmsRaised: 0 });
    const row = await t.db
      .selectFrom('smart_readings')
      .select(['late', 'value'])
      .where('sensor_id', '=', gasId)
      .where('at', '=', new Date(old.at))
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ late: true, value: 400 });
    expect(await alarmsOf('hh')).toEqual([]);
  });

  it('refuses a sensor of another site and an unknown one with the reason, counted per gateway', async () => {
    const unknown = '00000000-0000-4000-8000-000000000001';
    const res = await post(
      [{ sensorId: tcSensorId, at: t0, value: 18 }, { sensorId: unknown, at: t0, value: 1 }, gas(-120, 5)],
      'k7-gw-2',
    );
    expect(res.status).toBe(200);
    expect(res.body.stored).toBe(1);
    expect(res.body.refused).toEqual([
      { index: 0, sensorId: tcSensorId, reason: 'outside_site' },
      { index: 1, sensorId: unknown, reason: 'unknown_sensor' },
    ]);
    const tc = await t.db
      .selectFrom('smart_readings')
      .select('value')
      .where('sensor_id', '=', tcSensorId)
      .execute();
    expect(tc).toEqual([]);
    const counts = async () => {
      const row = await t.db
        .selectFrom('smart_gateway_counts')
        .select(['accepted', 'refused', 'refused_by_reason'])
        .where('gateway', '=', 'k7-gw-2')
        .executeTakeFirstOrThrow();
      return { accepted: Number(row.accepted), refused: Number(row.refused), reasons: row.refused_by_reason };
    };
    expect(await counts()).toEqual({
      accepted: 1,
      refused: 2,
      reasons: { outside_site: 1, unknown_sensor: 1 },
    });
    // The next batches add to each reason's count: one refusal more, then none (the counts stay).
    await post([{ sensorId: unknown, at: t0, value: 2 }, gas(-1000, 5)], 'k7-gw-2');
    await post([gas(-990, 5)], 'k7-gw-2');
    expect(await counts()).toEqual({
      accepted: 3,
      refused: 3,
      reasons: { outside_site: 1, unknown_sensor: 2 },
    });
  });

  it('takes a batch as CSV too, and refuses a malformed value naming it', async () => {
    const csv = `sensorId,at,value\n${gasId},${iso(t0 - 90_000)},6\n${gasId},${iso(t0 - 60_000)},7\n`;
    const res = await gateway.post('/api/smart/readings', csv, {
      contentType: 'text/csv',
      query: { gateway: 'k7-gw-csv' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: 2, stored: 2 });
    const counted = await t.db
      .selectFrom('smart_gateway_counts')
      .select('accepted')
      .where('gateway', '=', 'k7-gw-csv')
      .executeTakeFirstOrThrow();
    expect(Number(counted.accepted)).toBe(2);
    const bad = await gateway.post('/api/smart/readings', `sensorId,at,value\n${gasId},${iso(t0)},high\n`, {
      contentType: 'text/csv',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('value');
  });

  it('takes readings only with an API token', async () => {
    const res = await officer.post('/api/smart/readings', [{ sensorId: gasId, at: iso(t0), value: 1 }]);
    expect(res.status).toBe(403);
  });

  it('raises a limit alarm only after the on-delay, and clears it after the off-delay past the deadband', async () => {
    await post([gas(0, 30), gas(5, 31)]);
    expect(await alarmsOf('h')).toEqual([]); // 5 s beyond the limit: inside the 10 s on-delay
    const raised = await post([gas(12, 30)]);
    expect(raised.body.alarmsRaised).toBe(1);
    let [alarm] = await alarmsOf('h');
    expect(alarm).toMatchObject({
      state: 'unacknowledged',
      priority: 'medium',
      active: true,
      raisedValue: 30,
      limitValue: 25,
      title: 'High: K7-GAS-01 Arsine at gas cabinet 3',
    });
    expect(alarm.raisedAt).toBe(iso(t0 + 12_000));
    // 24 is below the limit but inside the 2 ppb deadband: still active.
    await post([gas(20, 24), gas(40, 24)]);
    expect((await alarmsOf('h'))[0].active).toBe(true);
    await post([gas(50, 22)]);
    expect((await alarmsOf('h'))[0].active).toBe(true); // the off-delay has just started
    const cleared = await post([gas(61, 22)]);
    expect(cleared.body.alarmsCleared).toBe(1);
    [alarm] = await alarmsOf('h');
    expect(alarm).toMatchObject({ state: 'rtn_unacknowledged', active: false, clearedAt: iso(t0 + 61_000) });
  });

  it('acknowledges an alarm that returned to normal (it closes), refusing a stale or a second one', async () => {
    const [alarm] = await alarmsOf('h');
    const stale = await officer.post(`/api/smart/alarms/${alarm.id}/acknowledge`, {
      version: alarm.version - 1,
    });
    expect(stale.status).toBe(409);
    const acked = await officer.post(`/api/smart/alarms/${alarm.id}/acknowledge`, { version: alarm.version });
    expect(acked.status).toBe(200);
    expect(acked.body).toMatchObject({ state: 'normal' });
    expect(acked.body.closedAt).not.toBeNull();
    const twice = await officer.post(`/api/smart/alarms/${alarm.id}/acknowledge`, {
      version: acked.body.version,
    });
    expect(twice.status).toBe(409);
    const open = await officer.get('/api/smart/alarms', { query: { sensorId: gasId } });
    expect(open.body.items.map((a: any) => a.id)).not.toContain(alarm.id);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', alarm.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['smart.alarm.acknowledged']);
  });

  it('shelves an alarm until a time, and refuses a shelve that ends in the past', async () => {
    const res = await post([gas(70, 60), gas(81, 61)]);
    expect(res.body.alarmsRaised).toBe(2); // high-high and, as a new alarm, high
    const [hh] = await alarmsOf('hh');
    expect(hh).toMatchObject({ priority: 'urgent', state: 'unacknowledged' });
    const past = await officer.post(`/api/smart/alarms/${hh.id}/shelve`, {
      until: iso(Date.now() - 60_000),
      reason: 'Cabinet purge in progress',
      version: hh.version,
    });
    expect(past.status).toBe(422);
    const shelved = await officer.post(`/api/smart/alarms/${hh.id}/shelve`, {
      until: iso(Date.now() + 3_600_000),
      reason: 'Cabinet purge in progress',
      version: hh.version,
    });
    expect(shelved.status).toBe(200);
    expect(shelved.body).toMatchObject({ state: 'shelved', shelveReason: 'Cabinet purge in progress' });
  });

  it('opens a near-miss report from an alarm with the readings of its window attached', async () => {
    const [hh] = await alarmsOf('hh');
    const res = await officer.post(`/api/smart/alarms/${hh.id}/near-miss`, {
      title: 'Arsine above high-high at gas cabinet 3',
      description: 'Gas detector K7-GAS-01 read 61 ppb; the cabinet was purged.',
      minutesBefore: 5,
      version: hh.version,
    });
    expect(res.status).toBe(201);
    expect(res.body.alarm.incidentId).toBe(res.body.incidentId);
    const incident = await officer.get(`/api/ohs/incidents/${res.body.incidentId}`);
    expect(incident.body).toMatchObject({
      kind: 'near_miss',
      siteId: SITES.K7.id,
      areaId: AREAS.K7_B1_F3_L2.id,
      title: 'Arsine above high-high at gas cabinet 3',
    });
    // From five minutes before the alarm (raised at t0 + 81 s) until now: the 13 readings since t0 − 219 s.
    expect(res.body.readings).toBe(13);
    const docs = await officer.get('/api/documents', {
      query: { entityType: 'ohs_incident', entityId: res.body.incidentId },
    });
    expect(docs.body.items.map((d: any) => d.filename)).toEqual(['K7-GAS-01-readings.csv']);
    const file = await officer.get(`/api/documents/${docs.body.items[0].id}/download`);
    expect(file.text.trim().split('\n')).toHaveLength(14);
    expect(file.text).toContain(`K7-GAS-01,ppb,${iso(t0 + 81_000)},61,false`);
    const again = await officer.post(`/api/smart/alarms/${hh.id}/near-miss`, {
      title: 'x',
      description: 'y',
      version: res.body.alarm.version,
    });
    expect(again.status).toBe(409);
    const source = await officer.get(`/api/sources/smart_alarm/${hh.id}`);
    expect(source.body.label).toContain('K7-GAS-01');
  });

  it('keeps alarms inside their site: 404 to another site’s officer, read-only to the auditor', async () => {
    const [hh] = await alarmsOf('hh');
    const spil = await t.signInAs('spilOfficer');
    expect((await spil.get(`/api/smart/alarms/${hh.id}`)).status).toBe(404);
    expect((await spil.post(`/api/smart/alarms/${hh.id}/acknowledge`, { version: hh.version })).status).toBe(
      404,
    );
    expect((await spil.get(`/api/smart/sensors/${gasId}/readings`)).status).toBe(404);
    const theirs = await spil.get('/api/smart/alarms', { query: { status: 'all' } });
    expect(theirs.status).toBe(200);
    expect(theirs.body.items).toEqual([]);
    const auditor = await t.signInAs('auditor');
    expect((await auditor.get(`/api/smart/alarms/${hh.id}`)).status).toBe(200);
    expect(
      (await auditor.post(`/api/smart/alarms/${hh.id}/acknowledge`, { version: hh.version })).status,
    ).toBe(403);
  });
});
