import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { CONTRACTOR_WORKERS, EMPLOYEES, SITES, USERS } from '../support/fixture.ts';

const today = () => localDate(new Date(), 'Asia/Taipei');
const me = USERS.employee.employeeId;
const colleague = EMPLOYEES['K7-0002'].id;

describe.each(databases())('Self-service: my reports, my training, my qualifications (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind });
  });
  afterAll(async () => t?.close());

  it('tells the session which person the account belongs to', async () => {
    const employee = await t.signInAs('employee');
    expect((await employee.get('/api/auth/session')).body.person).toEqual({
      kind: 'employee',
      id: me,
      siteId: SITES.K7.id,
    });
    const contractor = await t.signInAs('contractor');
    expect((await contractor.get('/api/auth/session')).body.person).toEqual({
      kind: 'contractor_worker',
      id: CONTRACTOR_WORKERS.KS_003.id,
      siteId: SITES.TC.id,
    });
    const auditor = await t.signInAs('auditor');
    expect((await auditor.get('/api/auth/session')).body.person).toBeNull();
  });

  it("lists an employee's own reports only, with where each stands and the actions taken", async () => {
    const employee = await t.signInAs('employee');
    const officer = await t.signInAs('k7Officer');
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const mine = await employee.post('/api/ohs/incidents', {
      siteId: SITES.K7.id,
      kind: 'unsafe_condition',
      occurredAt: at,
      title: 'Guard rail loose on the mezzanine',
      description: 'The rail moves when leaned on.',
      immediateActions: 'Taped off the section',
    });
    expect(mine.status).toBe(201);
    const anonymous = await employee.post('/api/ohs/incidents', {
      siteId: SITES.K7.id,
      kind: 'near_miss',
      occurredAt: at,
      title: 'Anonymous near miss',
      description: 'Not mine to see under my name.',
      anonymous: true,
    });
    expect(anonymous.status).toBe(201);
    const theirs = await officer.post('/api/ohs/incidents', {
      siteId: SITES.K7.id,
      kind: 'near_miss',
      occurredAt: at,
      title: "The officer's own report",
      description: 'Someone else reported this.',
    });
    expect(theirs.status).toBe(201);

    let page = await employee.get('/api/ohs/my/reports');
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(1);
    expect(page.body.items).toEqual([
      expect.objectContaining({
        id: mine.body.id,
        title: 'Guard rail loose on the mezzanine',
        status: 'received',
        immediateActions: 'Taped off the section',
        actions: [],
      }),
    ]);

    // The officer investigates and raises an action: the reporter sees the report move and the action.
    const inv = (await officer.post(`/api/ohs/incidents/${mine.body.id}/investigation`)).body;
    const withCause = (
      await officer.post(`/api/ohs/investigations/${inv.id}/root-causes`, {
        method: 'fishbone',
        category: 'machine',
        statement: 'Rail bolts corroded',
      })
    ).body;
    const moved = await officer.post(`/api/ohs/investigations/${inv.id}/transition`, {
      to: 'investigating',
      version: withCause.version,
    });
    expect(moved.status).toBe(200);
    const action = await officer.post(`/api/ohs/root-causes/${withCause.rootCauses[0].id}/actions`, {
      title: 'Replace the rail bolts with stainless ones',
      ownerId: USERS.k7Officer.id,
      dueDate: addDays(today(), 14),
    });
    expect(action.status).toBe(201);

    page = await employee.get('/api/ohs/my/reports');
    expect(page.body.items[0]).toMatchObject({
      id: mine.body.id,
      status: 'investigating',
      actions: [
        {
          title: 'Replace the rail bolts with stainless ones',
          status: 'open',
          dueDate: addDays(today(), 14),
          overdue: false,
        },
      ],
    });
    // The officer's "my reports" holds his report only, not the employee's.
    const officers = await officer.get('/api/ohs/my/reports');
    expect(officers.body.items.map((i: { id: string }) => i.id)).toEqual([theirs.body.id]);
    // Filters: by kind, by text.
    expect((await employee.get('/api/ohs/my/reports', { query: { kind: 'near_miss' } })).body.total).toBe(0);
    expect((await employee.get('/api/ohs/my/reports', { query: { q: 'mezzanine' } })).body.total).toBe(1);
  });

  it("gives an employee his own training due, not a colleague's, and staff an employee's in scope", async () => {
    const owner = await t.signInAs('ohsOwner');
    const course = async (code: string, audience: string, recurrenceMonths: number | null) => {
      const r = await owner.post('/api/training/courses', {
        code,
        title: `Course ${code}`,
        domain: 'safety',
        audience,
        recurrenceMonths,
        hours: 3,
      });
      expect(r.status).toBe(201);
      return r.body.id as string;
    };
    const yearly = await course('SELF-YEARLY', 'all_employees', 12);
    const once = await course('SELF-ONCE', 'all_employees', null);
    const soon = await course('SELF-SOON', 'all_employees', 12);
    const contractors = await course('SELF-CONTRACTORS', 'contractors', 12);
    await course('SELF-OFFICERS', 'site_officers', 12);
    const complete = async (courseId: string, personType: string, personId: string, daysAgo: number) =>
      expect(
        (
          await owner.post('/api/training/completions', {
            courseId,
            personType,
            personId,
            completedOn: addDays(today(), -daysAgo),
          })
        ).status,
      ).toBe(201);
    await complete(yearly, 'employee', me, 400); // a year and more ago: overdue
    await complete(soon, 'employee', me, 340); // due within 60 days
    await complete(once, 'employee', colleague, 10); // the colleague's, not mine
    await complete(contractors, 'contractor_worker', CONTRACTOR_WORKERS.KS_003.id, 20);

    const employee = await t.signInAs('employee');
    const mine = await employee.get('/api/training/mine');
    expect(mine.status).toBe(200);
    expect(mine.body.person).toMatchObject({ kind: 'employee', id: me });
    const byCode = Object.fromEntries(
      mine.body.items.map((i: { code: string; state: string }) => [i.code, i.state]),
    );
    expect(byCode).toEqual({ 'SELF-YEARLY': 'overdue', 'SELF-ONCE': 'not_taken', 'SELF-SOON': 'due_soon' });
    expect(mine.body.items[0].code).toBe('SELF-YEARLY');
    expect(mine.body.counts).toEqual({ overdue: 1, notTaken: 1, dueSoon: 1, done: 0 });

    const contractor = await t.signInAs('contractor');
    const theirs = await contractor.get('/api/training/mine');
    expect(theirs.body.items).toEqual([
      expect.objectContaining({
        code: 'SELF-CONTRACTORS',
        state: 'done',
        lastCompletedOn: addDays(today(), -20),
      }),
    ]);

    // Another person's training: not through "mine", and only for staff who read training at that site.
    expect((await employee.get(`/api/training/employees/${colleague}`)).status).toBe(403);
    const k7 = await t.signInAs('k7Officer');
    const colleagues = await k7.get(`/api/training/employees/${colleague}`);
    expect(colleagues.status).toBe(200);
    expect(
      Object.fromEntries(
        colleagues.body.items.map((i: { code: string; state: string }) => [i.code, i.state]),
      ),
    ).toMatchObject({ 'SELF-ONCE': 'done', 'SELF-YEARLY': 'not_taken' });
    const spil = await t.signInAs('spilOfficer');
    expect((await spil.get(`/api/training/employees/${colleague}`)).status).toBe(404);
  });

  it("shows a contractor worker his own qualifications only: another's is not found", async () => {
    const admin = await t.signInAs('groupAdmin');
    const qualify = async (workerId: string, kind: string, validUntil: string) => {
      const r = await admin.post('/api/ohs/qualifications', { workerId, kind, validUntil });
      expect(r.status).toBe(201);
      return r.body.id as string;
    };
    const expiring = await qualify(CONTRACTOR_WORKERS.KS_003.id, 'elevated_work', addDays(today(), 30));
    const valid = await qualify(CONTRACTOR_WORKERS.KS_003.id, 'safety_induction', addDays(today(), 300));
    const expired = await qualify(CONTRACTOR_WORKERS.KS_003.id, 'first_aid', addDays(today(), -2));
    const someoneElses = await qualify(CONTRACTOR_WORKERS.KS_001.id, 'hot_work', addDays(today(), 100));

    const contractor = await t.signInAs('contractor');
    const mine = await contractor.get('/api/ohs/my/qualifications');
    expect(mine.status).toBe(200);
    expect(mine.body.worker).toMatchObject({ id: CONTRACTOR_WORKERS.KS_003.id, fullName: 'Pan Zhi-Ming' });
    expect(mine.body.items.map((q: { id: string; state: string }) => [q.id, q.state])).toEqual([
      [expired, 'expired'],
      [expiring, 'expiring'],
      [valid, 'valid'],
    ]);
    expect((await contractor.get(`/api/ohs/my/qualifications/${valid}`)).body).toMatchObject({
      id: valid,
      kind: 'safety_induction',
      state: 'valid',
      daysLeft: 300,
    });
    expect((await contractor.get(`/api/ohs/my/qualifications/${someoneElses}`)).status).toBe(404);
    // Nor does the contractor reach the qualification register.
    expect((await contractor.get('/api/ohs/qualifications')).status).toBe(403);

    const employee = await t.signInAs('employee');
    expect((await employee.get('/api/ohs/my/qualifications')).body).toEqual({ worker: null, items: [] });
    expect((await employee.get(`/api/ohs/my/qualifications/${valid}`)).status).toBe(404);
    // An administrator who sees every qualification still finds none "of his own".
    expect((await admin.get(`/api/ohs/my/qualifications/${valid}`)).status).toBe(404);
  });

  it("opens an employee's details to staff who read people at the site, and to no one else", async () => {
    const k7 = await t.signInAs('k7Officer');
    const res = await k7.get(`/api/people/employees/${colleague}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: colleague, employeeNo: 'K7-0002', siteCode: 'K7' });
    expect(Object.keys(res.body).some((k) => /health|screening|medical/i.test(k))).toBe(false);
    expect((await (await t.signInAs('spilOfficer')).get(`/api/people/employees/${colleague}`)).status).toBe(
      404,
    );
    expect((await (await t.signInAs('employee')).get(`/api/people/employees/${colleague}`)).status).toBe(403);
  });
});
