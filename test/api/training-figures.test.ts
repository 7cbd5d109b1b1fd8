import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { EMPLOYEES, SITES } from '../support/fixture.ts';

type Figure = { individuals: number; hours: string; completions: number };
type Figures = { domains: ({ domain: string } & Figure)[]; total: Figure };

/**
 * The yearly training figures read summaries that triggers keep; they must always equal the figures grouped
 * from the completions themselves, whatever is inserted, changed, deleted or truncated.
 */
describe.each(databases())('training figures of a year (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let safety: { id: string; version: number };
  let ip: { id: string; version: number };
  const mover = EMPLOYEES['TC-0005'];

  /** The figures of a year grouped straight from training_completions, for the sites given (all: null). */
  async function fromCompletions(year: number, sites: string[] | null): Promise<Figures> {
    const rows = await sql<{ domain: string; individuals: number; hours: string; completions: number }>`
      select coalesce(c.domain, 'all') as domain, count(distinct tc.person_id)::int as individuals,
             coalesce(sum(tc.hours), 0)::numeric(14,2)::text as hours, count(*)::int as completions
      from training_completions tc join training_courses c on c.id = tc.course_id
      where extract(year from tc.completed_on) = ${year} and tc.result <> 'failed'
        and (${sites === null} or tc.site_id = any(${sites ?? []}::uuid[]))
      group by grouping sets ((c.domain), ())`.execute(t.db);
    const pick = (domain: string): Figure => {
      const r = rows.rows.find((x) => x.domain === domain);
      return {
        individuals: r?.individuals ?? 0,
        hours: r?.hours ?? '0.00',
        completions: r?.completions ?? 0,
      };
    };
    return {
      domains: ['intellectual_property', 'cybersecurity', 'safety', 'other'].map((domain) => ({
        domain,
        ...pick(domain),
      })),
      total: pick('all'),
    };
  }

  /** The API's figures for the group admin, the SPIL officer (TC and SZ) and one site equal the raw ones. */
  async function expectFiguresMatch(year: number) {
    const group = await admin.get<Figures>('/api/training/figures', { query: { year } });
    expect(group.status).toBe(200);
    expect({ domains: group.body.domains, total: group.body.total }).toEqual(
      await fromCompletions(year, null),
    );
    const spil = await t.signInAs('spilOfficer');
    const spilFigures = await spil.get<Figures>('/api/training/figures', { query: { year } });
    expect({ domains: spilFigures.body.domains, total: spilFigures.body.total }).toEqual(
      await fromCompletions(year, [SITES.TC.id, SITES.SZ.id]),
    );
    const sz = await admin.get<Figures>('/api/training/figures', { query: { year, siteId: SITES.SZ.id } });
    expect({ domains: sz.body.domains, total: sz.body.total }).toEqual(
      await fromCompletions(year, [SITES.SZ.id]),
    );
    return group.body;
  }

  async function complete(courseId: string, personId: string, completedOn: string, result = 'passed') {
    const r = await admin.post('/api/training/completions', {
      courseId,
      personType: 'employee',
      personId,
      completedOn,
      result,
    });
    expect(r.status).toBe(201);
    return r.body.id as number;
  }

  beforeAll(async () => {
    t = await createTestApp({ kind });
    admin = await t.signInAs('ohsOwner');
    const course = async (code: string, domain: string, hours: string) => {
      const r = await admin.post('/api/training/courses', {
        code,
        title: `Course ${code}`,
        domain,
        audience: 'all_employees',
        hours,
      });
      expect(r.status).toBe(201);
      return { id: r.body.id as string, version: r.body.version as number };
    };
    safety = await course('SAF-1', 'safety', '3');
    ip = await course('IP-1', 'intellectual_property', '1.5');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('counts each person once per domain and in the total, with hours and completions', async () => {
    await complete(safety.id, EMPLOYEES['K7-0001'].id, '2025-03-10');
    await complete(ip.id, EMPLOYEES['K7-0001'].id, '2025-04-02');
    await complete(safety.id, EMPLOYEES['K7-0001'].id, '2025-09-01');
    await complete(safety.id, EMPLOYEES['K7-0002'].id, '2025-03-11', 'failed');
    await complete(safety.id, EMPLOYEES['SZ-0001'].id, '2025-05-20');
    await complete(safety.id, EMPLOYEES['SZ-0001'].id, '2024-12-31');
    const figures = await expectFiguresMatch(2025);
    expect(figures.total).toEqual({ individuals: 2, hours: '10.50', completions: 4 });
    expect(figures.domains.find((d) => d.domain === 'safety')).toMatchObject({
      individuals: 2,
      completions: 3,
    });
    expect((await expectFiguresMatch(2024)).total).toEqual({ individuals: 1, hours: '3.00', completions: 1 });
  });

  it('counts a person trained at two sites in a year once for the scopes that hold both', async () => {
    await complete(safety.id, mover.id, '2025-02-01');
    await t.db.updateTable('employees').set({ site_id: SITES.SZ.id }).where('id', '=', mover.id).execute();
    await complete(ip.id, mover.id, '2025-06-01');
    await complete(safety.id, mover.id, '2025-07-01');
    const figures = await expectFiguresMatch(2025);
    expect(figures.total.individuals).toBe(3);
    const sz = await admin.get<Figures>('/api/training/figures', {
      query: { year: 2025, siteId: SITES.SZ.id },
    });
    expect(sz.body.total.individuals).toBe(2);
  });

  it('follows deletions, changes of result, year and site, and a change of a course’s domain', async () => {
    const extra = await complete(ip.id, EMPLOYEES['K7-0003'].id, '2025-08-08');
    expect((await expectFiguresMatch(2025)).total.individuals).toBe(4);
    await t.db
      .updateTable('training_completions')
      .set({ result: 'failed' })
      .where('id', '=', extra)
      .execute();
    expect((await expectFiguresMatch(2025)).total.individuals).toBe(3);
    await t.db
      .updateTable('training_completions')
      .set({ result: 'passed', completed_on: '2024-08-08' })
      .where('id', '=', extra)
      .execute();
    await expectFiguresMatch(2025);
    expect((await expectFiguresMatch(2024)).total.individuals).toBe(2);
    await t.db.deleteFrom('training_completions').where('id', '=', extra).execute();
    await t.db
      .deleteFrom('training_completions')
      .where('person_id', '=', mover.id)
      .where('site_id', '=', SITES.TC.id)
      .execute();
    expect((await expectFiguresMatch(2025)).total.individuals).toBe(3);
    await t.db
      .updateTable('training_completions')
      .set({ site_id: SITES.TC.id })
      .where('person_id', '=', EMPLOYEES['SZ-0001'].id)
      .execute();
    await expectFiguresMatch(2025);

    const patched = await admin.patch(`/api/training/courses/${ip.id}`, {
      domain: 'cybersecurity',
      version: ip.version,
    });
    expect(patched.status).toBe(200);
    const figures = await expectFiguresMatch(2025);
    expect(figures.domains.find((d) => d.domain === 'intellectual_property')?.individuals).toBe(0);
    expect(figures.domains.find((d) => d.domain === 'cybersecurity')?.individuals).toBe(2);
  });

  it('is empty once the completions are truncated', async () => {
    await sql`truncate training_completions`.execute(t.db);
    const figures = await expectFiguresMatch(2025);
    expect(figures.total).toEqual({ individuals: 0, hours: '0.00', completions: 0 });
  });
});
