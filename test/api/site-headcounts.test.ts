import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildSummaries } from '../../server/db/summaries.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

/**
 * A site's headcount (employees who have not left) is kept by triggers on employees (migration 0036): after
 * every kind of write, the sites' answer equals the count taken from the rows.
 */
describe.each(databases())('site headcounts kept by the writes (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;

  /** Employees who have not left, per site code, counted from the rows (every site, zero included). */
  const fromRows = async () => {
    const rows = await sql<{ code: string; n: number }>`
      select s.code, count(e.id)::int as n from sites s
      left join employees e on e.site_id = s.id and e.leave_date is null
      group by s.code`.execute(t.db);
    return Object.fromEntries(rows.rows.map((r) => [r.code, r.n]));
  };
  const fromApi = async () => {
    const res = await admin.get('/api/org/sites', { query: { pageSize: '200' } });
    expect(res.status).toBe(200);
    return Object.fromEntries(
      (res.body.items as { code: string; employeeCount: number }[]).map((s) => [s.code, s.employeeCount]),
    );
  };
  const expectExact = async () => {
    const rows = await fromRows();
    expect(Object.values(rows).some((n) => n > 0)).toBe(true);
    expect(await fromApi()).toEqual(rows);
  };
  const hire = (n: number, siteId: string, prefix: string) =>
    t.db
      .insertInto('employees')
      .values(
        Array.from({ length: n }, (_, i) => ({
          site_id: siteId,
          employee_no: `${prefix}-${String(i).padStart(5, '0')}`,
          full_name: `Headcount ${prefix} ${i}`,
          department: 'Assembly',
          hire_date: '2024-01-15',
          created_by: null,
          updated_by: null,
        })),
      )
      .execute();

  beforeAll(async () => {
    t = await createTestApp({ kind });
    admin = await t.signInAs('groupAdmin');
  });
  afterAll(() => t?.close());

  it('follows hires, leaves, returns, moves and deletions', async () => {
    await expectExact();
    const before = (await fromRows()).K7;

    await hire(40, SITES.K7.id, 'HC-K7');
    await hire(15, SITES.TC.id, 'HC-TC');
    await expectExact();
    expect((await fromApi()).K7).toBe(before + 40);

    // Ten leave, and two of them come back.
    await sql`update employees set leave_date = '2026-06-30'
      where employee_no in (select employee_no from employees where employee_no like 'HC-K7-%' order by employee_no limit 10)`.execute(
      t.db,
    );
    await expectExact();
    await sql`update employees set leave_date = null
      where employee_no in ('HC-K7-00000', 'HC-K7-00001')`.execute(t.db);
    await expectExact();

    // Five move from TC to K7 in one statement, one of them having left.
    await sql`update employees set leave_date = '2026-01-31' where employee_no = 'HC-TC-00000'`.execute(t.db);
    await sql`update employees set site_id = ${SITES.K7.id}
      where employee_no in ('HC-TC-00000', 'HC-TC-00001', 'HC-TC-00002', 'HC-TC-00003', 'HC-TC-00004')`.execute(
      t.db,
    );
    await expectExact();

    await sql`delete from employees where employee_no like 'HC-TC-%'`.execute(t.db);
    await expectExact();
    expect((await fromApi()).K7).toBe(before + 40 - 8);
  });

  it('is rebuilt from the rows by the summaries rebuild', async () => {
    await sql`update site_headcounts set employees = employees + 1000`.execute(t.db);
    expect(await fromApi()).not.toEqual(await fromRows());
    await t.db
      .transaction()
      .execute((trx) => rebuildSummaries((statement) => sql.raw(statement).execute(trx)));
    await expectExact();
  });

  it('stays exact through 2,000 one-row inserts in one transaction', async () => {
    await t.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 2_000; i++)
        await sql`insert into employees (site_id, employee_no, full_name, department, hire_date)
          values (${i % 3 ? SITES.K7.id : SITES.TC.id}, ${`HC-ROW-${i}`}, ${`Row ${i}`}, 'Test', '2025-05-01')`.execute(
          trx,
        );
    });
    await expectExact();
  });
});
