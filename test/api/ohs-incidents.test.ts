import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { AREAS, CONTRACTOR_WORKERS, EMPLOYEES, SITES, USERS } from '../support/fixture.ts';

const k7Area = Object.values(AREAS).find((a) => a.siteId === SITES.K7.id) as { id: string };
const contractorAtK7 = CONTRACTOR_WORKERS.KS_001;

describe.each(databases())('OHS incidents, investigations and statistics (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind });
  });
  afterAll(async () => t?.close());

  it('takes an anonymous near miss and keeps no trace of the reporter', async () => {
    const employee = await t.signInAs('employee');
    const res = await employee.post('/api/ohs/incidents', {
      siteId: SITES.K7.id,
      areaId: k7Area.id,
      kind: 'near_miss',
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      title: 'Forklift reversed without a spotter',
      description: 'Nearly hit a person at the dock.',
      anonymous: true,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      anonymous: true,
      reportedByName: null,
      reference: expect.stringMatching(/^K7-\d{4}-0001$/),
    });
    const row = await t.db
      .selectFrom('ohs_incidents')
      .select(['reported_by', 'created_by'])
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ reported_by: null, created_by: null });
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['actor_id', 'actor_label'])
      .where('entity_id', '=', res.body.id)
      .execute();
    expect(audit).toEqual([{ actor_id: null, actor_label: 'anonymous reporter' }]);
    const injuryAnon = await employee.post('/api/ohs/incidents', {
      siteId: SITES.K7.id,
      kind: 'injury',
      occurredAt: new Date().toISOString(),
      title: 'x',
      description: 'y',
      anonymous: true,
    });
    expect(injuryAnon.status).toBe(400);
  });

  let incidentId: string;
  it('opens an 8-hour authority notice for a hospitalisation, closed when the notice is recorded', async () => {
    const employee = await t.signInAs('employee');
    // Two hours ago, but never before the site's local midnight: the injury must fall on today at K7.
    const occurredAt = new Date(
      Date.now() - Math.min(2 * 3_600_000, msSinceLocalMidnight(SITES.K7.timeZone)),
    );
    const res = await employee.post('/api/ohs/incidents', {
      siteId: SITES.K7.id,
      kind: 'injury',
      occurredAt: occurredAt.toISOString(),
      title: 'Hand caught in a press',
      description: 'Operator hand caught while clearing a jam.',
      injured: 1,
      hospitalised: 1,
    });
    expect(res.status).toBe(201);
    incidentId = res.body.id;
    expect(res.body.notice).toMatchObject({
      required: true,
      notifiedAt: null,
      overdue: false,
      dueAt: new Date(occurredAt.getTime() + 8 * 3_600_000).toISOString(),
    });
    expect((await employee.get(`/api/ohs/incidents/${incidentId}`)).status).toBe(200);
    expect(
      (
        await employee.post(`/api/ohs/incidents/${incidentId}/injuries`, {
          personType: 'employee',
          personId: EMPLOYEES['K7-0001'].id,
          injuryType: 'crush',
          bodyPart: 'hand',
          classification: 'temporary_total_disability',
        })
      ).status,
    ).toBe(403);

    const officer = await t.signInAs('k7Officer');
    const notices = await officer.get('/api/obligations', {
      query: { view: 'scope', kind: 'ohs.authority_notice' },
    });
    expect(notices.body.items).toHaveLength(1);
    expect(notices.body.items[0]).toMatchObject({
      sourceId: incidentId,
      state: 'open',
      dueAt: res.body.notice.dueAt,
    });

    const injured = await officer.post(`/api/ohs/incidents/${incidentId}/injuries`, {
      personType: 'employee',
      personId: EMPLOYEES['K7-0001'].id,
      injuryType: 'crush',
      bodyPart: 'hand',
      classification: 'temporary_total_disability',
      hospitalised: true,
    });
    expect(injured.status).toBe(201);
    // Off work since today: no full day lost yet, so not yet a disabling injury.
    expect(injured.body.injuries[0]).toMatchObject({
      personName: EMPLOYEES['K7-0001'].fullName,
      daysLost: 0,
      disabling: false,
    });
    const notified = await officer.patch(`/api/ohs/incidents/${incidentId}`, {
      version: injured.body.version,
      authorityNotifiedAt: new Date().toISOString(),
      authorityReference: 'KH-LAB-2026-118',
    });
    expect(notified.status).toBe(200);
    expect(notified.body.notice.reference).toBe('KH-LAB-2026-118');
    const after = await officer.get('/api/obligations', {
      query: { view: 'scope', kind: 'ohs.authority_notice' },
    });
    expect(after.body.items[0].state).toBe('done');
  });

  it('hides a site incident from other sites and from people who did not report it', async () => {
    expect((await (await t.signInAs('spilOfficer')).get(`/api/ohs/incidents/${incidentId}`)).status).toBe(
      404,
    );
    expect((await (await t.signInAs('contractor')).get(`/api/ohs/incidents/${incidentId}`)).status).toBe(404);
    const spilList = await (await t.signInAs('spilOfficer')).get('/api/ohs/incidents');
    expect(spilList.body.total).toBe(0);
  });

  it('closes an investigation only when every root cause has an action', async () => {
    const officer = await t.signInAs('k7Officer');
    const opened = await officer.post(`/api/ohs/incidents/${incidentId}/investigation`);
    expect(opened.status).toBe(201);
    let inv = opened.body;
    expect(inv).toMatchObject({
      status: 'draft',
      leadName: USERS.k7Officer.displayName,
      closeBlockers: ['Record at least one root cause.'],
    });
    inv = (
      await officer.post(`/api/ohs/investigations/${inv.id}/timeline`, {
        at: new Date().toISOString(),
        description: 'Scene secured, press locked out',
      })
    ).body;
    inv = (
      await officer.post(`/api/ohs/investigations/${inv.id}/root-causes`, {
        method: 'five_whys',
        whys: [
          'Hand entered the die area',
          'Jam cleared while running',
          'No lockout for jams',
          'Procedure silent on jams',
        ],
        statement: 'No lockout procedure for clearing jams',
      })
    ).body;
    inv = (
      await officer.post(`/api/ohs/investigations/${inv.id}/root-causes`, {
        method: 'fishbone',
        category: 'machine',
        statement: 'Light curtain bypassed',
      })
    ).body;
    const fishboneWithout = await officer.post(`/api/ohs/investigations/${inv.id}/root-causes`, {
      method: 'fishbone',
      statement: 'No category',
    });
    expect(fishboneWithout.status).toBe(400);
    inv = (
      await officer.post(`/api/ohs/investigations/${inv.id}/transition`, {
        to: 'investigating',
        version: inv.version,
      })
    ).body;
    inv = (
      await officer.post(`/api/ohs/investigations/${inv.id}/transition`, {
        to: 'review',
        version: inv.version,
      })
    ).body;
    const early = await officer.post(`/api/ohs/investigations/${inv.id}/transition`, {
      to: 'closed',
      version: inv.version,
    });
    expect(early.status).toBe(409);
    expect(early.body.blockers).toHaveLength(2);

    for (const rc of inv.rootCauses) {
      const withAction = await officer.post(`/api/ohs/root-causes/${rc.id}/actions`, {
        title: `Fix: ${rc.statement}`,
        ownerId: USERS.k7Officer.id,
        dueDate: '2030-01-31',
      });
      expect(withAction.status).toBe(201);
      inv = withAction.body;
    }
    expect(inv.closeBlockers).toEqual([]);
    const closed = await officer.post(`/api/ohs/investigations/${inv.id}/transition`, {
      to: 'closed',
      version: inv.version,
    });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const actions = await officer.get('/api/actions', { query: { sourceType: 'ohs_root_cause' } });
    expect(actions.body.total).toBe(2);
    expect(
      (
        await officer.post(`/api/ohs/investigations/${inv.id}/root-causes`, {
          method: 'five_whys',
          statement: 'late',
        })
      ).status,
    ).toBe(409);
  });

  it('computes FR, SR and FSI from row-level injuries and hours; deleting an injury moves the figures', async () => {
    const officer = await t.signInAs('k7Officer');
    expect(
      (
        await officer.put('/api/ohs/hours', {
          siteId: SITES.K7.id,
          month: '2022-01',
          employeeHours: '1000000',
          nonEmployeeHours: '500000',
        })
      ).status,
    ).toBe(200);
    const report = async (body: Record<string, unknown>) => {
      const res = await officer.post('/api/ohs/incidents', {
        siteId: SITES.K7.id,
        kind: 'injury',
        title: 'Injury',
        description: 'Recorded for the statistics',
        ...body,
      });
      expect(res.status).toBe(201);
      return res.body;
    };
    // An employee off work 10 calendar days (5 → 16 March), a contractor killed, and a commuting accident.
    await report({
      occurredAt: '2022-03-05T01:00:00Z',
      injuries: [
        {
          personType: 'employee',
          personId: EMPLOYEES['K7-0002'].id,
          injuryType: 'fracture',
          bodyPart: 'foot',
          classification: 'temporary_total_disability',
          returnDate: '2022-03-16',
        },
      ],
    });
    const fatal = await report({
      occurredAt: '2022-06-01T02:00:00Z',
      injuries: [
        {
          personType: 'contractor_worker',
          personId: contractorAtK7.id,
          injuryType: 'fall',
          bodyPart: 'multiple',
          classification: 'fatality',
        },
      ],
    });
    await report({
      occurredAt: '2022-07-01T23:00:00Z',
      commuting: true,
      injuries: [
        {
          personType: 'employee',
          personId: EMPLOYEES['K7-0003'].id,
          injuryType: 'fracture',
          bodyPart: 'leg',
          classification: 'temporary_total_disability',
          returnDate: '2022-08-01',
        },
      ],
    });

    const stats = await officer.get('/api/ohs/statistics', { query: { from: 2022, to: 2022, by: 'site' } });
    expect(stats.status).toBe(200);
    const k7 = stats.body.rows.find((r: { key: string }) => r.key === 'K7');
    expect(k7.employees).toMatchObject({
      hours: '1000000',
      disablingInjuries: 1,
      daysLost: 10,
      fr: '1.00',
      sr: '10',
      fsi: '0.10',
    });
    expect(k7.nonEmployees).toMatchObject({
      hours: '500000',
      disablingInjuries: 1,
      daysLost: 6000,
      fatalities: 1,
      fr: '2.00',
      sr: '12000',
    });
    expect(k7.all).toMatchObject({
      hours: '1500000',
      disablingInjuries: 2,
      daysLost: 6010,
      fr: '1.33',
      sr: '4006',
    });
    expect(k7.injuryCases).toBe(2);

    const removed = await officer.delete(`/api/ohs/incidents/${fatal.id}`, {
      query: { version: fatal.version },
    });
    expect(removed.status).toBe(204);
    const again = await officer.get('/api/ohs/statistics', { query: { from: 2022, to: 2022, by: 'site' } });
    expect(again.body.rows.find((r: { key: string }) => r.key === 'K7').injuryCases).toBe(1);
  });

  it('lets only a group-wide OHS manager choose the rounding of rates', async () => {
    const officer = await t.signInAs('k7Officer');
    expect((await officer.put('/api/ohs/settings', { rounding: 'round-half-up' })).status).toBe(403);
    const owner = await t.signInAs('ohsOwner');
    expect((await owner.put('/api/ohs/settings', { rounding: 'round-half-up' })).body).toEqual({
      rounding: 'round-half-up',
    });
    const stats = await owner.get('/api/ohs/statistics', { query: { from: 2022, to: 2022 } });
    expect(stats.body.rounding).toBe('round-half-up');
  });
  it('lets the people of a site and the OHS owner report, and refuses the auditor, the Board and other program owners', async () => {
    const admin = await t.signInAs('groupAdmin');
    const ipOwner = await admin.post('/api/users', {
      email: 'ip.owner@steward.test',
      displayName: 'Ivy Patent',
      password: 'Patent-Office-Pass-1',
      assignments: [{ role: 'program_owner', program: 'ip', scopeKind: 'group' }],
    });
    expect(ipOwner.status, ipOwner.text).toBe(201);
    const report = (siteId: string, title: string) => ({
      siteId,
      kind: 'unsafe_condition',
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      title,
      description: 'A guard rail is missing on the mezzanine.',
    });
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('ohs_incidents')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const refused = [
      ['auditor', await t.signInAs('auditor')],
      ['board', await t.signInAs('board')],
      ['ip owner', await t.signIn('ip.owner@steward.test', 'Patent-Office-Pass-1')],
    ] as const;
    for (const [who, client] of refused) {
      const res = await client.post('/api/ohs/incidents', report(SITES.K7.id, `Refused report by ${who}`));
      expect(res.status, who).toBe(403);
      expect(res.body.permission, who).toBe('ohs.report');
    }
    expect(await count()).toBe(before);
    const allowed = [
      ['employee', await t.signInAs('employee'), SITES.K7.id],
      ['contractor worker', await t.signInAs('contractor'), SITES.TC.id],
      ['medical', await t.signInAs('medical'), SITES.K7.id],
      ['site officer', await t.signInAs('k7Officer'), SITES.K7.id],
      ['ohs owner', await t.signInAs('ohsOwner'), SITES.PG.id],
    ] as const;
    for (const [who, client, siteId] of allowed) {
      const res = await client.post('/api/ohs/incidents', report(siteId, `Report by ${who}`));
      expect(res.status, `${who}: ${res.text}`).toBe(201);
    }
    expect(await count()).toBe(before + allowed.length);
    // At a site outside their own, the people of a site cannot report (the site is not found).
    const employee = await t.signInAs('employee');
    expect((await employee.post('/api/ohs/incidents', report(SITES.TC.id, 'Elsewhere'))).status).toBe(404);
  });
});

/** Milliseconds since midnight in the time zone, as the site's clock reads now. */
function msSinceLocalMidnight(timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date());
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return ((part('hour') * 60 + part('minute')) * 60 + part('second')) * 1000;
}
