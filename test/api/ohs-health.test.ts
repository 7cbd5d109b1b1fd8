import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { EMPLOYEES, SITES, USERS } from '../support/fixture.ts';

const FINDING = 'Hearing threshold shift of 35 dB at 4 kHz, left ear';

describe.each(databases())('OHS health management, wellbeing and goals (%s)', (kind) => {
  let t: TestApp;
  let screeningId: string;
  beforeAll(async () => {
    t = await createTestApp({ kind });
  });
  afterAll(async () => t?.close());

  it('lets medical staff record an abnormal special screening, which opens a follow-up', async () => {
    const doctor = await t.signInAs('medical');
    const res = await doctor.post('/api/ohs/health/screenings', {
      siteId: SITES.K7.id,
      personType: 'employee',
      personId: EMPLOYEES['K7-0001'].id,
      kind: 'special',
      specialHazard: 'noise',
      screenedOn: '2025-05-02',
      provider: 'Kaohsiung Medical University Hospital',
      costMinor: 180000,
      managementLevel: 3,
      abnormal: true,
      findings: FINDING,
      recommendation: 'Audiology in 30 days; hearing protection',
    });
    expect(res.status).toBe(201);
    screeningId = res.body.id;
    expect(res.body).toMatchObject({
      findings: FINDING,
      managementLevel: 3,
      followups: [{ dueDate: '2025-06-01', consultedOn: null }],
    });
    const mine = await doctor.get('/api/obligations', {
      query: { view: 'mine', kind: 'ohs.health_followup' },
    });
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0].title).toBe('Health record review');
  });

  it('shows individual results to nobody but medical staff', async () => {
    for (const user of ['k7Officer', 'ohsOwner', 'auditor', 'groupAdmin', 'board', 'employee'] as const) {
      const client = await t.signInAs(user);
      expect((await client.get(`/api/ohs/health/screenings/${screeningId}`)).status, user).toBe(403);
      expect((await client.get('/api/ohs/health/screenings')).status, user).toBe(403);
    }
    expect(
      (await (await t.signInAs('spilOfficer')).get(`/api/ohs/health/screenings/${screeningId}`)).status,
    ).toBe(404);
    expect((await t.anonymous().get(`/api/ohs/health/screenings/${screeningId}`)).status).toBe(401);
  });

  it('logs every read of an individual record: which record, who and when, nothing else', async () => {
    const doctor = await t.signInAs('medical');
    await doctor.get(`/api/ohs/health/screenings/${screeningId}`);
    await doctor.get('/api/ohs/health/screenings');
    const auditor = await t.signInAs('auditor');
    const reads = await auditor.get('/api/audit/events', {
      query: { action: 'health.records.read', order: 'asc' },
    });
    expect(reads.body.items).toHaveLength(2);
    for (const read of reads.body.items)
      expect(read).toMatchObject({
        actorId: USERS.medical.id,
        entityType: 'health_record',
        entityId: screeningId,
        summary: null,
        before: null,
        after: null,
      });
  });

  it('never lets health details into the audit log, its API or its export, nor whether there were findings', async () => {
    const doctor = await t.signInAs('medical');
    // A normal result (of the year before, out of the counts below) next to the abnormal one: their audit
    // events must look alike.
    const normal = await doctor.post('/api/ohs/health/screenings', {
      siteId: SITES.K7.id,
      personType: 'employee',
      personId: EMPLOYEES['K7-0002'].id,
      kind: 'special',
      specialHazard: 'noise',
      screenedOn: '2024-05-02',
      provider: 'Kaohsiung Medical University Hospital',
      costMinor: 180000,
      managementLevel: 1,
      abnormal: false,
    });
    expect(normal.status).toBe(201);
    const record = (await doctor.get(`/api/ohs/health/screenings/${screeningId}`)).body;
    const consulted = await doctor.post(`/api/ohs/health/followups/${record.followups[0].id}`, {
      consultedOn: '2025-05-20',
      notes: 'Referred to ENT; noise exposure reduced',
      version: record.followups[0].version,
    });
    expect(consulted.status).toBe(200);
    const rows = await t.db
      .selectFrom('audit_events')
      .select(['before', 'after', 'summary', 'summary_params'])
      .execute();
    const everything = JSON.stringify(rows);
    for (const detail of ['Hearing threshold', 'Referred to ENT', 'Kaohsiung Medical', 'noise', 'sha256'])
      expect(everything).not.toContain(detail);
    for (const reader of ['auditor', 'groupAdmin'] as const) {
      const client = await t.signInAs(reader);
      const csv = await client.get('/api/audit/events/export.csv');
      expect(csv.status).toBe(200);
      expect(csv.text).not.toContain('Hearing threshold');
      expect(csv.text).not.toContain(EMPLOYEES['K7-0001'].id);
      const api = await client.get('/api/audit/events', {
        query: { entityType: 'health_record', order: 'asc', pageSize: 100 },
      });
      expect(api.status).toBe(200);
      const written = api.body.items.filter((e: { action: string }) => e.action !== 'health.records.read');
      // The abnormal record, its consultation, the normal record: the action, the record, who and when.
      expect(written.map((e: { action: string; entityId: string }) => [e.action, e.entityId])).toEqual([
        ['health.record.created', screeningId],
        ['health.record.created', normal.body.id],
        ['health.record.updated', screeningId],
      ]);
      for (const e of written)
        expect(e).toMatchObject({
          actorId: USERS.medical.id,
          summary: null,
          summaryKey: null,
          summaryParams: null,
          before: null,
          after: null,
        });
      // The follow-up's obligation adds no event of its own, and the log names no follow-up.
      const all = JSON.stringify((await client.get('/api/audit/events', { query: { pageSize: 500 } })).body);
      expect(all).not.toContain('health_followup');
      expect(all).not.toContain('health_screening');
      expect(all).not.toContain(record.followups[0].id);
    }
  });

  it('gives everyone else counts, with counts under five shown as "<5"', async () => {
    const officer = await t.signInAs('k7Officer');
    let summary = await officer.get('/api/ohs/health/summary', { query: { year: 2025 } });
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({
      peopleScreened: '<5',
      abnormal: '<5',
      byLevel: { level3: '<5', level1: 0 },
      costMinor: 180000,
    });
    const doctor = await t.signInAs('medical');
    for (const no of ['K7-0002', 'K7-0003', 'K7-0004', 'K7-0005', 'K7-0007']) {
      const r = await doctor.post('/api/ohs/health/screenings', {
        siteId: SITES.K7.id,
        personType: 'employee',
        personId: EMPLOYEES[no].id,
        kind: 'general',
        screenedOn: '2025-05-03',
        costMinor: 170000,
      });
      expect(r.status).toBe(201);
    }
    summary = await officer.get('/api/ohs/health/summary', { query: { year: 2025 } });
    expect(summary.body).toMatchObject({
      peopleScreened: 6,
      screenings: 6,
      general: 5,
      special: '<5',
      costMinor: 180000 + 5 * 170000,
    });
  });

  it('tracks wellbeing programs and participation', async () => {
    const owner = await t.signInAs('ohsOwner');
    const gym = await owner.post('/api/ohs/wellbeing/programs', {
      siteId: SITES.K7.id,
      kind: 'gym',
      name: 'K7 staff gym',
      nameZh: 'K7 員工健身房',
      startedOn: '2020-01-01',
    });
    expect(gym.status).toBe(201);
    expect(
      (
        await owner.post(`/api/ohs/wellbeing/programs/${gym.body.id}/participation`, {
          participatedOn: '2025-03-01',
          count: 12,
        })
      ).body,
    ).toEqual({ recorded: 12 });
    const summary = await owner.get('/api/ohs/wellbeing/summary', { query: { year: 2025 } });
    expect(summary.body.kinds.find((k: { kind: string }) => k.kind === 'gym')).toEqual({
      kind: 'gym',
      programs: 1,
      participations: 12,
    });
  });

  it('measures goals against the actual figures', async () => {
    const owner = await t.signInAs('ohsOwner');
    const zero = await owner.post('/api/ohs/goals', {
      title: 'Zero fatalities',
      horizon: 'short',
      metric: 'fatalities',
      comparison: 'at_most',
      target: 0,
      fromYear: 2025,
      toYear: 2025,
    });
    expect(zero.status).toBe(201);
    expect(zero.body).toMatchObject({ actual: '0', met: true });
    const coverage = await owner.post('/api/ohs/goals', {
      siteId: SITES.K7.id,
      title: 'Screen every K7 employee',
      horizon: 'medium',
      metric: 'screening_coverage',
      comparison: 'at_least',
      target: '95',
      fromYear: 2025,
      toYear: 2025,
    });
    // All six K7 employees still employed at the end of 2025 were screened (two had left).
    expect(coverage.body).toMatchObject({ actual: '100.00', met: true });
    const group = await owner.post('/api/ohs/goals', {
      title: 'Screen every employee of the group',
      horizon: 'medium',
      metric: 'screening_coverage',
      comparison: 'at_least',
      target: '95',
      fromYear: 2025,
      toYear: 2025,
    });
    expect(group.body.met).toBe(false);
    const officer = await t.signInAs('k7Officer');
    expect(
      (
        await officer.post('/api/ohs/goals', {
          title: 'Group goal',
          horizon: 'long',
          metric: 'fr',
          comparison: 'at_most',
          target: '0.5',
          fromYear: 2025,
          toYear: 2030,
        })
      ).status,
    ).toBe(403);
  });
});
