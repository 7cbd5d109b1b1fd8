import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { AREAS, CONTRACTOR_COMPANY, CONTRACTOR_WORKERS, SITES } from '../support/fixture.ts';

const today = () => localDate(new Date(), 'Asia/Taipei');
const at = (hoursFromNow: number) => new Date(Date.now() + hoursFromNow * 3_600_000).toISOString();

describe.each(databases())('OHS hazards, permits to work and qualifications (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind });
  });
  afterAll(async () => t?.close());

  it('assesses a hazard on the 5 × 5 matrix, schedules its review by residual risk, lists the worst first', async () => {
    const officer = await t.signInAs('k7Officer');
    const high = await officer.post('/api/ohs/hazards', {
      siteId: SITES.K7.id,
      areaId: AREAS.K7_B1.id,
      activity: 'Clearing jams on the trim press',
      hazard: 'Hands in the die area',
      consequence: 'Crush or amputation',
      likelihood: 4,
      severity: 5,
      controls: [
        { type: 'engineering', description: 'Light curtain interlock', inPlace: true },
        { type: 'administrative', description: 'Lockout before clearing jams', inPlace: true },
      ],
      residualLikelihood: 2,
      residualSeverity: 5,
    });
    expect(high.status).toBe(201);
    expect(high.body).toMatchObject({
      score: 20,
      level: 'critical',
      residualScore: 10,
      residualLevel: 'high',
    });
    // High residual risk: reviewed every 6 months.
    const [y, m, d] = today().split('-').map(Number);
    expect(high.body.nextReview).toBe(new Date(Date.UTC(y, m - 1 + 6, d)).toISOString().slice(0, 10));
    const low = await officer.post('/api/ohs/hazards', {
      siteId: SITES.K7.id,
      activity: 'Office work',
      hazard: 'Trailing cables',
      consequence: 'Trip',
      likelihood: 2,
      severity: 2,
      residualLikelihood: 1,
      residualSeverity: 2,
    });
    expect(low.body.residualLevel).toBe('low');
    const outOfRange = await officer.post('/api/ohs/hazards', {
      siteId: SITES.K7.id,
      activity: 'x',
      hazard: 'x',
      consequence: 'x',
      likelihood: 6,
      severity: 1,
      residualLikelihood: 1,
      residualSeverity: 1,
    });
    expect(outOfRange.status).toBe(422);

    const list = await officer.get('/api/ohs/hazards');
    expect(list.body.items.map((h: { hazard: string }) => h.hazard)).toEqual([
      'Hands in the die area',
      'Trailing cables',
    ]);
    const onlyHigh = await officer.get('/api/ohs/hazards', { query: { residualLevel: 'high' } });
    expect(onlyHigh.body.items).toHaveLength(1);
    const reviews = await officer.get('/api/obligations', {
      query: { view: 'scope', kind: 'ohs.hazard_review' },
    });
    expect(reviews.body.total).toBe(2);
    expect((await (await t.signInAs('spilOfficer')).get(`/api/ohs/hazards/${high.body.id}`)).status).toBe(
      404,
    );
  });

  it('takes a confined space permit from request to close, with checklist, gas test and qualified workers', async () => {
    const officer = await t.signInAs('k7Officer');
    const workers = [CONTRACTOR_WORKERS.KS_001.id, CONTRACTOR_WORKERS.KS_002.id];
    const requested = await officer.post('/api/ohs/permits', {
      siteId: SITES.K7.id,
      areaId: AREAS.K7_B1.id,
      type: 'confined_space',
      companyId: CONTRACTOR_COMPANY.id,
      workerIds: workers,
      description: 'Inspect the inside of wastewater tank T-3',
      startsAt: at(1),
      endsAt: at(9),
    });
    expect(requested.status).toBe(201);
    let p = requested.body;
    expect(p).toMatchObject({
      status: 'requested',
      needsGasTest: true,
      reference: expect.stringMatching(/^PTW-K7-\d{4}-0001$/),
    });
    expect(p.workers.every((w: { qualified: boolean }) => !w.qualified)).toBe(true);

    const step = async (body: Record<string, unknown>) =>
      officer.post(`/api/ohs/permits/${p.id}/transition`, { version: p.version, ...body });
    p = (await step({ transition: 'approve' })).body;
    p = (await step({ transition: 'verify_isolations' })).body;
    const failed = await step({
      transition: 'record_gas_test',
      gasTest: { oxygenPercent: 17.5, lelPercent: 2 },
    });
    expect(failed.status).toBe(409);
    expect(failed.body.problems).toEqual(['Oxygen 17.5% is below 18%.']);
    p = (await step({ transition: 'record_gas_test', gasTest: { oxygenPercent: 20.8, lelPercent: 0 } })).body;
    expect(p.status).toBe('gas_test_passed');

    const notTicked = await step({ transition: 'issue' });
    expect(notTicked.status).toBe(409);
    const ticks = Object.fromEntries(p.checklist.map((c: { key: string }) => [c.key, true]));
    const unqualified = await step({ transition: 'issue', checklist: ticks });
    expect(unqualified.status).toBe(409);
    expect(unqualified.body.unqualified).toHaveLength(2);

    for (const workerId of workers) {
      const q = await officer.post('/api/ohs/qualifications', {
        workerId,
        kind: 'confined_space',
        certificateNo: `CS-${workerId.slice(-4)}`,
        validUntil: addDays(today(), 365),
      });
      expect(q.status).toBe(201);
    }
    p = (await step({ transition: 'issue', checklist: ticks })).body;
    expect(p.status).toBe('issued');
    expect(p.workers.every((w: { qualified: boolean }) => w.qualified)).toBe(true);
    for (const transition of ['start', 'suspend']) p = (await step({ transition })).body;
    p = (await step({ transition: 'resume' })).body;
    expect(p.status).toBe('isolations_verified');
    p = (await step({ transition: 'record_gas_test', gasTest: { oxygenPercent: 20.9, lelPercent: 1 } })).body;
    for (const transition of ['issue', 'start', 'complete', 'close']) p = (await step({ transition })).body;
    expect(p.status).toBe('closed');
    expect(p.history.map((h: { transition: string }) => h.transition)).toEqual([
      'request',
      'approve',
      'verify_isolations',
      'record_gas_test',
      'issue',
      'start',
      'suspend',
      'resume',
      'record_gas_test',
      'issue',
      'start',
      'complete',
      'close',
    ]);
    expect((await step({ transition: 'start' })).status).toBe(409);
  });

  it('warns of overlapping permits in one area and refuses to issue into a permit in force', async () => {
    const officer = await t.signInAs('k7Officer');
    const base = {
      siteId: SITES.K7.id,
      areaId: AREAS.K7_B1_F3.id,
      companyId: CONTRACTOR_COMPANY.id,
      workerIds: [CONTRACTOR_WORKERS.KS_001.id],
    };
    const first = (
      await officer.post('/api/ohs/permits', {
        ...base,
        type: 'crane',
        description: 'Lift chiller onto the roof',
        startsAt: at(24),
        endsAt: at(30),
      })
    ).body;
    const second = (
      await officer.post('/api/ohs/permits', {
        ...base,
        type: 'elevated_work',
        description: 'Replace lamps',
        startsAt: at(28),
        endsAt: at(32),
      })
    ).body;
    expect(second.overlaps.map((o: { reference: string }) => o.reference)).toEqual([first.reference]);
    await officer.post('/api/ohs/qualifications', {
      workerId: CONTRACTOR_WORKERS.KS_001.id,
      kind: 'crane_operation',
      validUntil: addDays(today(), 100),
    });
    await officer.post('/api/ohs/qualifications', {
      workerId: CONTRACTOR_WORKERS.KS_001.id,
      kind: 'elevated_work',
      validUntil: addDays(today(), 100),
    });
    let p = first;
    for (const transition of ['approve', 'verify_isolations'])
      p = (await officer.post(`/api/ohs/permits/${p.id}/transition`, { transition, version: p.version }))
        .body;
    const ticks = (x: { checklist: { key: string }[] }) =>
      Object.fromEntries(x.checklist.map((c) => [c.key, true]));
    p = (
      await officer.post(`/api/ohs/permits/${p.id}/transition`, {
        transition: 'issue',
        version: p.version,
        checklist: ticks(p),
      })
    ).body;
    expect(p.status).toBe('issued');
    let q = second;
    for (const transition of ['approve', 'verify_isolations'])
      q = (await officer.post(`/api/ohs/permits/${q.id}/transition`, { transition, version: q.version }))
        .body;
    const clash = await officer.post(`/api/ohs/permits/${q.id}/transition`, {
      transition: 'issue',
      version: q.version,
      checklist: ticks(q),
    });
    expect(clash.status).toBe(409);
    expect(clash.body.detail).toContain(first.reference);
  });

  it('refuses a permit for workers of another company, and hides permits from other sites', async () => {
    const officer = await t.signInAs('k7Officer');
    const bad = await officer.post('/api/ohs/permits', {
      siteId: SITES.K7.id,
      areaId: AREAS.K7_B1.id,
      type: 'hot_work',
      companyId: CONTRACTOR_COMPANY.id,
      workerIds: ['00000000-0000-4000-8000-000000000000'],
      description: 'Weld',
      startsAt: at(1),
      endsAt: at(2),
    });
    expect(bad.status).toBe(422);
    const list = await (await t.signInAs('spilOfficer')).get('/api/ohs/permits');
    expect(list.body.total).toBe(0);
  });
});
