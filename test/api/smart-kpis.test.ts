// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { AREAS, SITES } from '../support/fixture.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const LINE = AREAS.K7_B1_F3_L2;

/**
 * Alarms raised through the real path (a gateway's readings judged on arrival, acknowledged by the officer),
 * then the KPIs of the last 24 hours checked against what was sent and against their invariants.
 */
describe.each(databases())('alarm KPIs (%s)', (kind) => {
  let t: TestApp;
  let officer: ApiClient;
  let spil: ApiClient;
  let gateway: ApiClient;
  let chatterId: string;
  /** Inside the late horizon (60 minutes), so the readings are judged. */
  const t0 = Date.now() - 30 * 60_000;
  const send = (readings: { sensorId: string; at: number; value: number }[]) =>
    gateway.post('/api/smart/readings', {
      gateway: 'k7-kpi-gw',
      readings: readings.map((r) => ({ ...r, at: iso(r.at) })),
    });
  const sensor = async (client: ApiClient, body: Record<string, unknown>) => {
    const res = await client.post('/api/smart/sensors', {
      kind: 'temperature',
      unit: '°C',
      limitH: 30,
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await createTestApp({ kind });
    officer = await t.signInAs('k7Officer');
    spil = await t.signInAs('spilOfficer');
    gateway = t.withToken((await officer.post('/api/auth/tokens', { name: 'K7 KPI gateway' })).body.token);

    // A flood on wire bonding line 2: 11 sensors pass their high limit 10 s apart (t0, t0 + 10 s … t0 + 100 s).
    const flood: string[] = [];
    for (let i = 1; i <= 11; i++)
      flood.push(
        await sensor(officer, { siteId: SITES.K7.id, areaId: LINE.id, tag: `K7-TC-${i}`, name: `Oven ${i}` }),
      );
    const raised = await send(flood.map((sensorId, i) => ({ sensorId, at: t0 + i * 10_000, value: 35 })));
    expect(raised.body.alarmsRaised).toBe(11);

    // A chattering one on the same line: raised, cleared and acknowledged (closed) twice, raised a third
    // time, all within 20 s (t0 + 200 s … t0 + 220 s): three alarm records.
    chatterId = await sensor(officer, {
      siteId: SITES.K7.id,
      areaId: LINE.id,
      tag: 'K7-TC-CH',
      name: 'Chatter',
    });
    for (const s of [200, 210]) {
      await send([
        { sensorId: chatterId, at: t0 + s * 1000, value: 35 },
        { sensorId: chatterId, at: t0 + (s + 5) * 1000, value: 20 },
      ]);
      const open = await officer.get('/api/smart/alarms', { query: { sensorId: chatterId } });
      const [alarm] = open.body.items;
      expect(alarm.state).toBe('rtn_unacknowledged');
      expect(
        (await officer.post(`/api/smart/alarms/${alarm.id}/acknowledge`, { version: alarm.version })).status,
      ).toBe(200);
    }
    expect((await send([{ sensorId: chatterId, at: t0 + 220_000, value: 35 }])).body.alarmsRaised).toBe(1);

    // One alarm at Taichung, another officer's site.
    const tc = await sensor(spil, { siteId: SITES.TC.id, tag: 'TC-TC-1', name: 'Taichung oven' });
    const spilGateway = t.withToken((await spil.post('/api/auth/tokens', { name: 'TC gateway' })).body.token);
    const tcRaised = await spilGateway.post('/api/smart/readings', {
      gateway: 'tc-gw',
      readings: [{ sensorId: tc, at: iso(t0), value: 40 }],
    });
    expect(tcRaised.body.alarmsRaised).toBe(1);
  });
  afterAll(async () => t?.close());

  it('counts the alarms of the last 24 hours, per 10-minute window and per area', async () => {
    const res = await officer.get('/api/smart/kpis', { query: { siteId: SITES.K7.id } });
    expect(res.status).toBe(200);
    const k = res.body;
    expect(k.total).toBe(14);
    expect(k.windows.reduce((n: number, w: any) => n + w.count, 0)).toBe(14);
    expect(Math.max(...k.windows.map((w: any) => w.count))).toBe(k.positions[0].peakPerWindow);
    expect(k.positions).toHaveLength(1);
    expect(k.positions[0]).toMatchObject({
      siteCode: 'K7',
      areaId: LINE.id,
      areaName: LINE.name,
      alarms: 14,
    });
    expect(k.positions[0].averagePerWindow).toBeCloseTo(14 / 144, 10);
    expect(k.thresholds).toMatchObject({ windowMinutes: 10, floodStartAbove: 10, floodEndBelow: 5 });
  });

  it('finds the flood and the chattering alarm, within the invariants', async () => {
    const k = (await officer.get('/api/smart/kpis', { query: { siteId: SITES.K7.id } })).body;
    // All 14 alarms came within 4 minutes: one flood from the first (t0), over once fewer than 5 remain in
    // the last 10 minutes: when the 10th alarm, raised at t0 + 90 s, leaves the window at t0 + 690 s.
    expect(k.floods).toEqual([
      expect.objectContaining({ areaId: LINE.id, start: iso(t0), end: iso(t0 + 690_000), alarms: 14 }),
    ]);
    expect(k.floodTimeShare).toBeCloseTo(690_000 / 86_400_000, 6);
    expect(k.chattering).toEqual([
      expect.objectContaining({
        sensorId: chatterId,
        sensorTag: 'K7-TC-CH',
        condition: 'h',
        alarms: 3,
        mostWithin: 3,
      }),
    ]);
    // Chattering alarms are some of all the alarms; the bad actors' counts sum to at most the total.
    const all = (await officer.get('/api/smart/alarms', { query: { status: 'all', pageSize: '100' } })).body
      .items;
    const sensors = new Set(all.map((a: any) => `${a.sensorId}/${a.condition}`));
    for (const c of k.chattering) expect(sensors.has(`${c.sensorId}/${c.condition}`)).toBe(true);
    expect(k.chattering.reduce((n: number, c: any) => n + c.alarms, 0)).toBeLessThanOrEqual(k.total);
    expect(k.badActors).toHaveLength(10);
    expect(k.badActors[0]).toMatchObject({ sensorId: chatterId, alarms: 3 });
    const topSum = k.badActors.reduce((n: number, b: any) => n + b.alarms, 0);
    expect(topSum).toBe(3 + 9);
    expect(topSum).toBeLessThanOrEqual(k.total);
    expect(k.badActorsShare).toBeCloseTo(12 / 14, 10);
    expect(k.stale).toEqual([]);
  });

  it('shows a site officer only their sites, and answers 404 for a site outside them', async () => {
    const mine = (await spil.get('/api/smart/kpis')).body;
    expect(mine.total).toBe(1);
    expect(new Set(mine.badActors.map((b: any) => b.siteCode))).toEqual(new Set(['TC']));
    expect(mine.positions).toEqual([expect.objectContaining({ siteCode: 'TC', areaId: null, alarms: 1 })]);
    expect((await spil.get('/api/smart/kpis', { query: { siteId: SITES.K7.id } })).status).toBe(404);
    const k7 = (await officer.get('/api/smart/kpis')).body;
    expect(k7.total).toBe(14);
    const auditor = (await (await t.signInAs('auditor')).get('/api/smart/kpis')).body;
    expect(auditor.total).toBe(15);
  });

  it('answers zero with no alarms in a period, and refuses a period backwards or longer than 31 days', async () => {
    const quiet = await officer.get('/api/smart/kpis', {
      query: { from: '2026-01-31T16:00:00Z', to: '2026-02-01T16:00:00Z' },
    });
    expect(quiet.status).toBe(200);
    expect(quiet.body).toMatchObject({
      total: 0,
      positions: [],
      floods: [],
      floodTimeShare: 0,
      badActors: [],
    });
    expect(quiet.body.windows).toHaveLength(144);
    const backwards = await officer.get('/api/smart/kpis', {
      query: { from: '2026-02-01T00:00:00Z', to: '2026-01-31T00:00:00Z' },
    });
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors[0].path).toBe('from');
    const long = await officer.get('/api/smart/kpis', {
      query: { from: '2026-01-01T00:00:00Z', to: '2026-02-02T00:00:00Z' },
    });
    expect(long.status).toBe(422);
  });

  it('reports as chattering a sensor crossing its limit 3 times in 60 s, nobody acknowledging in between', async () => {
    const crossing = await sensor(officer, {
      siteId: SITES.K7.id,
      areaId: LINE.id,
      tag: 'K7-TC-RE',
      name: 'Re-raised',
    });
    // Above, back, above, back, above: 0 s … 40 s, after the first test's alarms (t0 + 400 s on).
    const start = t0 + 400_000;
    const res = await send(
      [35, 20, 35, 20, 35].map((value, i) => ({ sensorId: crossing, at: start + i * 10_000, value })),
    );
    expect(res.status).toBe(200);
    expect(res.body.alarmsRaised).toBe(3);
    // One alarm record, re-activated twice (ISA-18.2: it returned before anyone acknowledged it)…
    const alarms = (await officer.get('/api/smart/alarms', { query: { sensorId: crossing, status: 'all' } }))
      .body.items;
    expect(alarms).toHaveLength(1);
    expect(alarms[0].state).toBe('unacknowledged');
    // …yet raised three times within 60 s: chattering, each raise counted.
    const k = (await officer.get('/api/smart/kpis', { query: { siteId: SITES.K7.id } })).body;
    expect(k.chattering).toContainEqual(
      expect.objectContaining({
        sensorId: crossing,
        sensorTag: 'K7-TC-RE',
        areaId: LINE.id,
        condition: 'h',
        alarms: 3,
        mostWithin: 3,
        firstAt: iso(start),
      }),
    );
  });

  it('counts a re-raised alarm twice in the rate: one record, two annunciations', async () => {
    const before = (await officer.get('/api/smart/kpis', { query: { siteId: SITES.K7.id } })).body;
    expect(before.positions.find((p: any) => p.areaId === null)).toBeUndefined();
    // A sensor of K7 without an area (its own operator position): above, back, above, nobody acknowledging.
    const twice = await sensor(officer, { siteId: SITES.K7.id, tag: 'K7-TC-TW', name: 'Twice' });
    const start = t0 + 500_000;
    const res = await send(
      [35, 20, 35].map((value, i) => ({ sensorId: twice, at: start + i * 30_000, value })),
    );
    expect(res.body.alarmsRaised).toBe(2);
    const alarms = (await officer.get('/api/smart/alarms', { query: { sensorId: twice, status: 'all' } }))
      .body.items;
    expect(alarms).toHaveLength(1);

    const k = (await officer.get('/api/smart/kpis', { query: { siteId: SITES.K7.id } })).body;
    expect(k.total).toBe(before.total + 2);
    expect(k.positions).toContainEqual(
      expect.objectContaining({ siteCode: 'K7', areaId: null, areaName: null, alarms: 2 }),
    );
    expect(k.positions.find((p: any) => p.areaId === null).averagePerWindow).toBeCloseTo(2 / 144, 10);
    expect(k.badActors).toContainEqual(expect.objectContaining({ sensorId: twice, alarms: 2 }));
    // Every part within its whole: positions and windows sum to the total, bad actors at most all of it.
    const sum = (xs: number[]) => xs.reduce((n, x) => n + x, 0);
    expect(sum(k.positions.map((p: any) => p.alarms))).toBe(k.total);
    expect(sum(k.windows.map((w: any) => w.count))).toBe(k.total);
    expect(sum(k.badActors.map((b: any) => b.alarms))).toBeLessThanOrEqual(k.total);
    expect(k.badActorsShare).toBeLessThanOrEqual(1);
    for (const f of k.floods) expect(f.alarms).toBeLessThanOrEqual(k.total);
  });

  it('takes new thresholds from the group-wide manager only, and judges with them', async () => {
    const current = (await officer.get('/api/smart/kpi-settings')).body;
    expect(current.chatterCount).toBe(3);
    expect((await officer.put('/api/smart/kpi-settings', { ...current, chatterCount: 4 })).status).toBe(403);
    const admin = await t.signInAs('groupAdmin');
    const bad = await admin.put('/api/smart/kpi-settings', { ...current, floodEndBelow: 20 });
    expect(bad.status).toBe(400);
    const set = await admin.put('/api/smart/kpi-settings', { ...current, chatterCount: 4 });
    expect(set.status).toBe(200);
    const k = (await officer.get('/api/smart/kpis', { query: { siteId: SITES.K7.id } })).body;
    expect(k.thresholds.chatterCount).toBe(4);
    expect(k.chattering).toEqual([]);
    // The page offers the thresholds form to whoever may change them, not to a site officer.
    expect(k.mayChangeThresholds).toBe(false);
    expect((await admin.get('/api/smart/kpis')).body.mayChangeThresholds).toBe(true);
  });
});
