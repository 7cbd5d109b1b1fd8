// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { AREAS, SITES } from '../support/fixture.ts';

const arsine = {
  siteId: SITES.K7.id,
  areaId: AREAS.K7_B1_F3_L2.id,
  tag: 'K7-GAS-01',
  name: 'Arsine at gas cabinet 3',
  kind: 'toxic_gas',
  unit: 'ppb',
  equipment: 'Gas cabinet GC-3',
  gateway: 'k7-gw-1',
  limitH: 25,
  limitHH: 50,
  deadband: 2,
  onDelaySeconds: 10,
  offDelaySeconds: 10,
};

describe.each(databases())('sensor registry (%s)', (kind) => {
  let t: TestApp;
  let officer: ApiClient;
  beforeAll(async () => {
    t = await createTestApp({ kind });
    officer = await t.signInAs('k7Officer');
  });
  afterAll(async () => t?.close());

  let sensorId: string;
  it('registers a sensor in an OHS area with its limits, audited', async () => {
    const res = await officer.post('/api/smart/sensors', arsine);
    expect(res.status).toBe(201);
    sensorId = res.body.id;
    expect(res.body).toMatchObject({
      siteCode: 'K7',
      areaName: 'B1-F3-L2 Wire bonding line 2',
      inService: true,
      limitH: 25,
      limitHH: 50,
      limitL: null,
      openAlarms: 0,
      lastValue: null,
    });
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', sensorId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['smart.sensor.registered']);
  });

  it('refuses a second sensor of the same tag, limits out of order, and an area of another site', async () => {
    expect((await officer.post('/api/smart/sensors', arsine)).status).toBe(409);
    const disorder = await officer.post('/api/smart/sensors', { ...arsine, tag: 'K7-GAS-02', limitH: 60 });
    expect(disorder.status).toBe(400);
    expect(JSON.stringify(disorder.body)).toContain('limitH');
    const elsewhere = await officer.post('/api/smart/sensors', {
      ...arsine,
      tag: 'K7-GAS-03',
      areaId: AREAS.TC_FAB.id,
    });
    expect(elsewhere.status).toBe(422);
    expect(JSON.stringify(elsewhere.body)).toContain('areaId');
  });

  it('lists with filters and sorting, exports, and refuses a stale edit', async () => {
    await officer.post('/api/smart/sensors', {
      siteId: SITES.K7.id,
      tag: 'K7-TMP-01',
      name: 'Cleanroom temperature',
      kind: 'temperature',
      unit: '°C',
      limitL: 19,
      limitH: 25,
    });
    const gas = await officer.get('/api/smart/sensors', { query: { kind: 'toxic_gas' } });
    expect(gas.body.items.map((s: any) => s.tag)).toEqual(['K7-GAS-01']);
    const byTag = await officer.get('/api/smart/sensors', { query: { sort: 'tag', order: 'desc' } });
    expect(byTag.body.items.map((s: any) => s.tag)).toEqual(['K7-TMP-01', 'K7-GAS-01']);
    const search = await officer.get('/api/smart/sensors', { query: { q: 'cabinet' } });
    expect(search.body.items.map((s: any) => s.tag)).toEqual(['K7-GAS-01']);
    const csv = await officer.get('/api/smart/sensors/export.csv');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('Arsine at gas cabinet 3');
    expect(csv.text).toContain('toxic gas');
    const xlsx = await officer.get('/api/smart/sensors/export.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.raw.subarray(0, 2).toString()).toBe('PK');

    const fresh = await officer.patch(`/api/smart/sensors/${sensorId}`, { limitH: 20, version: 1 });
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ limitH: 20, version: 2 });
    const stale = await officer.patch(`/api/smart/sensors/${sensorId}`, { limitH: 22, version: 1 });
    expect(stale.status).toBe(409);
    const disorder = await officer.patch(`/api/smart/sensors/${sensorId}`, { limitHH: 10, version: 2 });
    expect(disorder.status).toBe(422);
  });

  it('hides a site’s sensors from another site’s officer; the auditor reads and changes nothing', async () => {
    const spil = await t.signInAs('spilOfficer');
    expect((await spil.get(`/api/smart/sensors/${sensorId}`)).status).toBe(404);
    expect((await spil.patch(`/api/smart/sensors/${sensorId}`, { name: 'x', version: 2 })).status).toBe(404);
    const list = await spil.get('/api/smart/sensors');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
    expect((await spil.post('/api/smart/sensors', { ...arsine, tag: 'X-1' })).status).toBe(404);
    const auditor = await t.signInAs('auditor');
    expect((await auditor.get(`/api/smart/sensors/${sensorId}`)).status).toBe(200);
    expect((await auditor.patch(`/api/smart/sensors/${sensorId}`, { name: 'x', version: 2 })).status).toBe(
      403,
    );
    const employee = await t.signInAs('employee');
    expect((await employee.get('/api/smart/sensors')).status).toBe(403);
  });
});
