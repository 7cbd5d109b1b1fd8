// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES, USERS } from '../support/fixture.ts';

describe.each(databases())('security drills (%s)', (kind) => {
  let t: TestApp;
  let officer: ApiClient;
  let mesId: string;
  let erpId: string;
  beforeAll(async () => {
    t = await createTestApp({ kind });
    officer = await t.signInAs('k7Officer');
    const mes = await officer.post('/api/infosec/systems', {
      siteId: SITES.K7.id,
      name: 'MES',
      domain: 'it',
      criticality: 'critical',
      rtoHours: 4,
      rpoHours: 1,
    });
    const erp = await officer.post('/api/infosec/systems', {
      siteId: SITES.K7.id,
      name: 'ERP',
      domain: 'it',
      criticality: 'critical',
      rtoHours: 8,
      rpoHours: 0.5,
    });
    mesId = mes.body.id;
    erpId = erp.body.id;
  });
  afterAll(async () => t?.close());

  const plan = (title: string, plannedOn: string) => ({
    siteId: SITES.K7.id,
    kind: 'recovery',
    title,
    plannedOn,
    durationHours: 6,
    scope: 'full_failover',
    scopeNote: 'MES and ERP fail over to the Nanzih data centre',
    participants: [
      {
        userId: USERS.k7Officer.id,
        role: 'commander',
        unit: 'IT',
        task: 'Declares the disaster and leads the drill',
        backupUserId: USERS.groupAdmin.id,
      },
      {
        userId: USERS.groupAdmin.id,
        role: 'recovery_lead',
        unit: 'Infrastructure',
        task: 'Restores the databases',
      },
    ],
    systems: [
      { systemId: mesId, backupSource: 'offsite_backup' },
      { systemId: erpId, backupSource: 'replica' },
    ],
    steps: [
      { description: 'Announce the start and freeze changes', minutes: 10 },
      { description: 'Restore the MES database from last night’s backup', minutes: 120 },
    ],
    resources: ['Standby servers in the backup data centre', 'Backup tapes'],
    risks: [
      { risk: 'Production orders lost during fail-over', mitigation: 'Drill on Sunday night, lines idle' },
    ],
  });

  let drillId: string;
  it('plans a recovery drill with its participants, backups, systems, steps, resources and risks', async () => {
    const res = await officer.post('/api/infosec/drills', plan('H1 recovery drill', '2023-05-20'));
    expect(res.status).toBe(201);
    drillId = res.body.id;
    expect(res.body).toMatchObject({ status: 'planned', siteCode: 'K7', heldOn: null, nextDueOn: null });
    expect(res.body.participants[0]).toMatchObject({
      name: USERS.k7Officer.displayName,
      role: 'commander',
      backupName: USERS.groupAdmin.displayName,
    });
    expect(res.body.systems.map((s: any) => [s.name, s.rtoHours, s.rpoHours])).toEqual([
      ['ERP', 8, 0.5],
      ['MES', 4, 1],
    ]);
  });

  it('refuses a system of another site naming the field, and a participant who is their own backup', async () => {
    const other = await t.signInAs('spilOfficer');
    const tcSystem = await other.post('/api/infosec/systems', {
      siteId: SITES.TC.id,
      name: 'TC MES',
      domain: 'it',
      criticality: 'high',
    });
    const body = plan('Wrong drill', '2023-06-01');
    body.systems = [{ systemId: tcSystem.body.id, backupSource: 'replica' }];
    const bad = await officer.post('/api/infosec/drills', body);
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('systems.0.systemId');
    const self = plan('Self backup', '2023-06-01');
    self.participants[0].backupUserId = USERS.k7Officer.id;
    const selfBackup = await officer.post('/api/infosec/drills', self);
    expect(selfBackup.status).toBe(400);
    expect(JSON.stringify(selfBackup.body)).toContain('backupUserId');
  });

  it('runs the drill: achieved recovery time and data loss against the objectives; the next one falls due', async () => {
    const held = await officer.post(`/api/infosec/drills/${drillId}/held`, {
      heldOn: '2023-05-21',
      systems: [
        { systemId: mesId, achievedRtoHours: 3.5, achievedRpoHours: 1, dataRestored: true },
        { systemId: erpId, achievedRtoHours: 9, achievedRpoHours: 0.25, dataRestored: true },
      ],
      version: 1,
    });
    expect(held.status).toBe(200);
    const bySystem = Object.fromEntries(
      held.body.systems.map((s: any) => [s.name, [s.rtoOutcome, s.rpoOutcome]]),
    );
    expect(bySystem).toEqual({ MES: ['met', 'met'], ERP: ['missed', 'met'] });
    expect(held.body.objectivesMet).toBe(false);
    expect(held.body.nextDueOn).toBe('2023-11-21');
    const due = await t.db
      .selectFrom('obligations')
      .select(['due_date', 'state'])
      .where('kind', '=', 'infosec.recovery_drill_due')
      .where('source_id', '=', drillId)
      .executeTakeFirstOrThrow();
    expect(due).toEqual({ due_date: '2023-11-21', state: 'open' });
    const again = await officer.post(`/api/infosec/drills/${drillId}/held`, {
      heldOn: '2023-05-22',
      systems: [],
      version: held.body.version,
    });
    expect(again.status).toBe(409);
  });

  it('reviews the drill: each improvement becomes an action on the drill', async () => {
    const current = await officer.get(`/api/infosec/drills/${drillId}`);
    const early = await officer.post(`/api/infosec/drills/${drillId}/review`, {
      reviewedOn: '2023-05-01',
      findings: 'ERP restore exceeded its RTO',
      improvements: [],
      version: current.body.version,
    });
    expect(early.status).toBe(422);
    expect(JSON.stringify(early.body)).toContain('reviewedOn');
    const res = await officer.post(`/api/infosec/drills/${drillId}/review`, {
      reviewedOn: '2023-05-30',
      findings: 'ERP restore exceeded its RTO: the replica lagged',
      improvements: [
        { title: 'Monitor ERP replica lag', ownerId: USERS.k7Officer.id, dueDate: '2023-08-31' },
      ],
      version: current.body.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('reviewed');
    expect(res.body.actionIds).toHaveLength(1);
    const action = await officer.get(`/api/actions/${res.body.actionIds[0]}`);
    expect(action.body).toMatchObject({
      kind: 'improvement',
      sourceType: 'infosec_drill',
      sourceId: drillId,
    });
    const stale = await officer.patch(`/api/infosec/drills/${drillId}`, { title: 'Renamed', version: 1 });
    expect(stale.status).toBe(409);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', drillId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'infosec.drill.planned',
      'infosec.drill.held',
      'infosec.drill.reviewed',
    ]);
  });

  it('counts the year’s incident drills from the recovery drills held; removing one moves the count', async () => {
    const second = await officer.post('/api/infosec/drills', plan('H2 recovery drill', '2023-11-15'));
    await officer.post(`/api/infosec/drills/${second.body.id}/held`, {
      heldOn: '2023-11-18',
      systems: [{ systemId: mesId, achievedRtoHours: 2, achievedRpoHours: 0.5, dataRestored: true }],
      version: 1,
    });
    const ir = await officer.post('/api/infosec/drills', {
      ...plan('Ransomware tabletop', '2023-09-05'),
      kind: 'incident_response',
      scope: 'tabletop',
      systems: [],
    });
    await officer.post(`/api/infosec/drills/${ir.body.id}/held`, {
      heldOn: '2023-09-05',
      systems: [],
      version: 1,
    });
    await officer.post('/api/infosec/drills', plan('H1 2024 recovery drill', '2024-05-18'));

    const figures = await officer.get('/api/infosec/drills/figures', { query: { year: '2023' } });
    expect(figures.body).toEqual({ year: 2023, incidentDrills: 2, incidentResponseDrills: 1, planned: 0 });
    // The first drill's next-due is done: a later one was held, whose own is open.
    const states = await t.db
      .selectFrom('obligations')
      .select(['source_id', 'state', 'due_date'])
      .where('kind', '=', 'infosec.recovery_drill_due')
      .orderBy('due_date')
      .execute();
    expect(states).toEqual([
      { source_id: drillId, state: 'done', due_date: '2023-11-21' },
      { source_id: second.body.id, state: 'open', due_date: '2024-05-18' },
    ]);

    const removed = await officer.delete(`/api/infosec/drills/${second.body.id}`, {
      query: { version: '2' },
    });
    expect(removed.status).toBe(204);
    const after = await officer.get('/api/infosec/drills/figures', { query: { year: '2023' } });
    expect(after.body.incidentDrills).toBe(1);
    const reopened = await t.db
      .selectFrom('obligations')
      .select(['source_id', 'state'])
      .where('kind', '=', 'infosec.recovery_drill_due')
      .where('state', '=', 'open')
      .execute();
    expect(reopened).toEqual([{ source_id: drillId, state: 'open' }]);
    const kept = await officer.delete(`/api/infosec/drills/${drillId}`, { query: { version: '3' } });
    expect(kept.status).toBe(409);
  });

  it('filters, sorts, pages and exports the list', async () => {
    const recovery = await officer.get('/api/infosec/drills', {
      query: { kind: 'recovery', sort: 'plannedOn', order: 'desc' },
    });
    expect(recovery.body.items.map((d: any) => d.title)).toEqual([
      'H1 2024 recovery drill',
      'H1 recovery drill',
    ]);
    const paged = await officer.get('/api/infosec/drills', {
      query: { pageSize: '1', page: '2', sort: 'title', count: 'true' },
    });
    expect(paged.body.total).toBe(3);
    expect(paged.body.items.map((d: any) => d.title)).toEqual(['H1 recovery drill']);
    const year = await officer.get('/api/infosec/drills', { query: { year: '2024' } });
    expect(year.body.items).toHaveLength(1);
    const csv = await officer.get('/api/infosec/drills/export.csv', { query: { status: 'reviewed' } });
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('H1 recovery drill');
    expect(String(csv.body)).not.toContain('Ransomware tabletop');
  });

  it('hides a site’s drills from another site’s team and lets the auditor change nothing', async () => {
    const spil = await t.signInAs('spilOfficer');
    expect((await spil.get(`/api/infosec/drills/${drillId}`)).status).toBe(404);
    expect((await spil.get('/api/infosec/drills', { query: { siteId: SITES.K7.id } })).status).toBe(404);
    const mine = await spil.get('/api/infosec/drills');
    expect(mine.body.total).toBe(0);
    const auditor = await t.signInAs('auditor');
    expect((await auditor.get(`/api/infosec/drills/${drillId}`)).status).toBe(200);
    const write = await auditor.post('/api/infosec/drills', plan('Auditor drill', '2023-06-01'));
    expect(write.status).toBe(403);
  });
});
