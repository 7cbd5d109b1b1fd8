import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoLoadReport, isEmptyDatabase, loadDemoDataset } from '../../reference/demo/load.ts';
import { SITES as DEMO_SITES } from '../../reference/demo/organisation.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../../reference/demo/users.ts';
import { verifyAuditChains } from '../../server/platform/audit/service.ts';
import { createTestApp, databases, type TestApp } from '../support/app.ts';

/** The demo dataset at 1/100 of its size, loaded into an empty database, signed into as each demo user. */
describe.each(databases())('demo dataset (%s)', (kind) => {
  let t: TestApp;
  let report: DemoLoadReport;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ kind, seed: false });
    expect(await isEmptyDatabase(t.db)).toBe(true);
    report = await loadDemoDataset(t.database, {
      scale: 0.01,
      clock: '2026-06-30',
      log: (l) => lines.push(l),
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('loads the group with progress lines, the history of its records in the audit log and one load event', async () => {
    expect(await isEmptyDatabase(t.db)).toBe(false);
    expect(report.counts).toMatchObject({ subsidiaries: 3, sites: 25 });
    expect(lines[0]).toMatch(/generating/);
    expect(lines.at(-1)).toMatch(/Demo dataset loaded in [\d.]+ s/);
    const counted = await t.db
      .selectFrom('employees')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(counted.n)).toBe(report.counts.employees);
    const loaded = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'demo.loaded')
      .execute();
    expect(loaded).toHaveLength(1);
    expect(loaded[0]).toMatchObject({ actor_id: null, site_id: null, chain_key: 'group' });
    expect((loaded[0].after as { counts: Record<string, number> }).counts.employees).toBe(
      report.counts.employees,
    );
    // The history: one event per record made (and per step of a permit, investigation or action), dated
    // when it was made, before the load event; the load event closes the group's chain.
    const total = await t.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(report.counts.audit_history).toBeGreaterThan(100);
    expect(Number(total.n)).toBe(report.counts.audit_history + 1);
    const head = await t.db
      .selectFrom('audit_chains')
      .select('last_seq')
      .where('chain_key', '=', 'group')
      .executeTakeFirstOrThrow();
    expect(Number(head.last_seq)).toBe(Number(loaded[0].seq));
    const incident = await t.db
      .selectFrom('ohs_incidents')
      .select(['id', 'created_at', 'site_id'])
      .orderBy('occurred_at')
      .limit(1)
      .executeTakeFirstOrThrow();
    const reported = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', incident.id)
      .where('action', '=', 'ohs.incident.reported')
      .executeTakeFirstOrThrow();
    expect(reported.occurred_at.toISOString()).toBe(new Date(incident.created_at).toISOString());
    expect(reported.chain_key).toBe(incident.site_id);
    expect(reported.occurred_at.getTime()).toBeLessThan(loaded[0].occurred_at.getTime());
    const verified = await verifyAuditChains(t.db);
    expect(verified.breaks).toEqual([]);
    expect(verified.events).toBe(Number(total.n));
    expect(verified.chains).toBeGreaterThan(20);
  });

  it('lets every demo user sign in with the shared demo password', async () => {
    for (const u of DEMO_USERS) {
      const client = await t.signIn(u.email, DEMO_PASSWORD);
      expect(client.session).toBeTruthy();
    }
  });

  it('gives the demo student her internship and the professor his project, and nothing else', async () => {
    const student = await t.signIn('student@steward.demo', DEMO_PASSWORD);
    const internships = await student.get('/api/academia/my/internships');
    expect(internships.body.items).toHaveLength(1);
    expect(internships.body.items[0]).toMatchObject({ siteCode: 'ASE-KH' });
    expect((await student.get('/api/academia/interns')).status).toBe(403);
    const professor = await t.signIn('professor@steward.demo', DEMO_PASSWORD);
    const projects = await professor.get('/api/academia/my/projects');
    expect(projects.body.items).toEqual([expect.objectContaining({ siteCode: 'ASE-KH', status: 'active' })]);
    expect(projects.body.items[0]).not.toHaveProperty('budgetMinor');
    expect((await professor.get('/api/academia/my/internships')).body.items).toEqual([]);
    // The internship carries the student's name, as the program's staff see it.
    const officer = await t.signIn('officer.kh@steward.demo', DEMO_PASSWORD);
    const seen = await officer.get(`/api/academia/interns/${internships.body.items[0].id}`);
    expect(seen.body).toMatchObject({
      fullName: 'Chen Yu-Ting',
      email: 'student@steward.demo',
      hiredEmployeeId: null,
    });
    const matches = await officer.get('/api/academia/hire-matches', { query: { pageSize: '100' } });
    expect(matches.body.items.map((m: { internId: string }) => m.internId)).not.toContain(seen.body.id);
    // Her internship waits for her own evaluation, while the site's finished internships carry theirs.
    expect(internships.body.items[0].evaluation).toBeNull();
    expect((await officer.get(`/api/academia/interns/${seen.body.id}/evaluations`)).body.items).toEqual([]);
    const { rows } = await sql<{ intern_id: string; evaluators: string[] }>`
      select e.intern_id, array_agg(e.evaluator order by e.evaluator) as evaluators
      from academia_intern_evaluations e join sites s on s.id = e.site_id
      where s.code = 'ASE-KH' group by e.intern_id order by e.intern_id`.execute(t.db);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.evaluators.length === 2)).toBe(true);
    const shown = await officer.get(`/api/academia/interns/${rows[0].intern_id}/evaluations`);
    expect(shown.status).toBe(200);
    expect(shown.body.items.map((e: { evaluator: string }) => e.evaluator).sort()).toEqual(
      rows[0].evaluators,
    );
  });

  it('shows the ASE Kaohsiung site officer only ASE Kaohsiung, the SPIL officer every SPIL site, the admin all 25', async () => {
    const codes = async (email: string) => {
      const client = await t.signIn(email, DEMO_PASSWORD);
      const res = await client.get('/api/org/sites', { query: { pageSize: 100 } });
      expect(res.status).toBe(200);
      return res.body.items.map((s: { code: string }) => s.code).sort();
    };
    expect(await codes('officer.kh@steward.demo')).toEqual(['ASE-KH']);
    expect(await codes('officer.spil@steward.demo')).toEqual(
      DEMO_SITES.filter((s) => s.subsidiary === 'SPIL')
        .map((s) => s.code)
        .sort(),
    );
    expect(await codes('admin@steward.demo')).toHaveLength(25);
  });

  it('gives the demo employee and contractor worker their own training to see, due and up to date', async () => {
    const employee = await t.signIn('employee@steward.demo', DEMO_PASSWORD);
    const mine = await employee.get('/api/training/mine');
    expect(mine.status).toBe(200);
    expect(mine.body.person.kind).toBe('employee');
    // Completions are dated from the demo clock (fixed here), their states from today: the three-yearly
    // refresher taken over three years before the clock is overdue whatever today is.
    const byCode = Object.fromEntries(
      mine.body.items.map((i: { code: string; state: string; lastCompletedOn: string | null }) => [
        i.code,
        i,
      ]),
    );
    // The group's yearly courses of the demo catalogue, and the courses the demo employee's own history adds.
    expect(Object.keys(byCode).sort()).toEqual(['IP-301', 'SAF-101', 'SEC-201']);
    // The yearly refresher last taken 405 days before the clock is overdue whatever today is.
    expect(byCode['SAF-101']).toMatchObject({ state: 'overdue', lastCompletedOn: '2025-05-21' });
    expect(byCode['SEC-201'].lastCompletedOn).toBe('2025-08-04');
    expect(byCode['IP-301'].lastCompletedOn).toBe('2026-04-01');
    expect((await employee.get('/api/ohs/my/reports')).status).toBe(200);
    // Their own work: an action given to them, its obligation, the reminder in their language, a report made.
    expect((await employee.get('/api/actions', { query: { mine: 'true' } })).body.total).toBe(1);
    const obligations = (await employee.get('/api/obligations', { query: { view: 'mine' } })).body;
    expect(obligations.items.map((o: { kind: string }) => o.kind)).toContain('action.due');
    const inbox = (await employee.get('/api/notifications')).body.items;
    expect(inbox).toHaveLength(1);
    expect(inbox[0].title).toMatch(/^提醒：\[ASE-[A-Z]+\] 改善措施：/);
    const reported = await employee.get('/api/infosec/incidents', { query: { mine: 'true' } });
    expect(reported.body.total, reported.text).toBeGreaterThanOrEqual(1);
    const contractor = await t.signIn('contractor@steward.demo', DEMO_PASSWORD);
    const theirs = await contractor.get('/api/training/mine');
    // Contractor courses only: the group's induction, last taken 200 days before the clock.
    expect(theirs.body.items).toEqual([
      expect.objectContaining({ code: 'SAF-150', lastCompletedOn: '2025-12-12' }),
    ]);
    expect((await contractor.get('/api/ohs/my/qualifications')).body.worker).not.toBeNull();
  });
});
