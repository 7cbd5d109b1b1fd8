import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

/**
 * The training summary's triggers run once per statement: a transaction of many single-row writes (a form
 * saved row by row, a script) must leave the summary exact and must not exhaust the server's lock table.
 */
/**
 * Before the fix a transaction ran out of the lock table after about 3,000 such statements (each one made and
 * dropped a table, whose lock is held to the end); 5,000 is past that and quick enough for every run.
 */
const WRITES = 5_000;

describe.each(databases())('training summary under many single-row writes (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind });
  });
  afterAll(() => t?.close());

  it('keeps the summary exact through 5,000 one-row inserts in one transaction', async () => {
    const course = await sql<{ id: string }>`
      insert into training_courses (code, title, domain, audience, hours)
      values ('SAFE-ROW', 'Row by row', 'safety', 'all_employees', 1.5) returning id`.execute(t.db);
    const courseId = course.rows[0].id;
    const people = Array.from({ length: 1_000 }, () => randomUUID());
    await t.db.transaction().execute(async (trx) => {
      for (let i = 0; i < WRITES; i++) {
        const day = 1 + Math.floor(i / people.length) * 7;
        await sql`insert into training_completions (course_id, person_type, person_id, site_id, completed_on, hours, result)
          values (${courseId}, 'employee', ${people[i % people.length]}, ${i % 2 ? SITES.K7.id : SITES.TC.id},
                  ${`2026-03-${String(day).padStart(2, '0')}`}, 1.5, 'passed')`.execute(trx);
      }
    });
    const summary = await sql<{ individuals: number; completions: number; hours: string }>`
      select sum(individuals)::int as individuals, sum(completions)::int as completions, sum(hours)::text as hours
      from training_year_sites where year = 2026 and domain = 'safety'`.execute(t.db);
    const rows = await sql<{ individuals: number; completions: number; hours: string }>`
      select count(distinct (person_id, site_id))::int as individuals, count(*)::int as completions,
             sum(hours)::text as hours
      from training_completions where course_id = ${courseId}`.execute(t.db);
    expect(rows.rows[0].completions).toBe(WRITES);
    expect(summary.rows[0]).toEqual(rows.rows[0]);
  });
});
