import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allMigrations, migrateToLatest, migrateUpTo } from '../../server/db/migrate.ts';
import { registerModulePolicies } from '../../server/services.ts';
import { databases, openTestDatabase } from '../support/app.ts';
import { EMPLOYEES, SITES, seedFixture } from '../support/fixture.ts';

registerModulePolicies();

const names = Object.keys(allMigrations());
const MIGRATION = '0030_training_domain_words';

/** The figures of the year summary per domain, as stored. */
async function summary(db: Awaited<ReturnType<typeof openTestDatabase>>['database']['db']) {
  const rows = await db
    .selectFrom('training_year_sites')
    .select(['year', 'site_key', 'domain', 'individuals', 'completions', 'hours'])
    .orderBy('year')
    .orderBy('site_key')
    .orderBy('domain')
    .execute();
  return rows.map((r) => ({ ...r, hours: String(r.hours) }));
}

describe.each(databases())(`migration ${MIGRATION} (%s)`, (kind) => {
  let scratch: Awaited<ReturnType<typeof openTestDatabase>>;
  const ipCourse = randomUUID();
  const safetyCourse = randomUUID();

  beforeAll(async () => {
    scratch = await openTestDatabase(kind);
    await migrateUpTo(scratch.database.db, names[names.indexOf(MIGRATION) - 1]);
    await seedFixture(scratch.database.db);
    const db = scratch.database.db;
    // A course stored with the subject's old code, beside one of another subject, each with completions.
    await sql`insert into training_courses (id, code, title, domain, audience, hours) values
      (${ipCourse}, 'IP-301', 'Trade secrets', 'ip', 'all_employees', 2),
      (${safetyCourse}, 'SAF-101', 'Safety induction', 'safety', 'all_employees', 3)`.execute(db);
    const people = [EMPLOYEES['K7-0001'], EMPLOYEES['K7-0002']];
    for (const [i, person] of people.entries())
      await sql`insert into training_completions (course_id, person_type, person_id, site_id, completed_on, hours, result)
        values (${ipCourse}, 'employee', ${person.id}, ${SITES.K7.id}, ${`2025-0${i + 3}-10`}, 2, 'passed'),
               (${safetyCourse}, 'employee', ${person.id}, ${SITES.K7.id}, '2025-05-02', 3, 'passed')`.execute(
        db,
      );
  });
  afterAll(async () => {
    await scratch?.close();
  });

  it("renames the subject 'ip' to 'intellectual_property' in the courses and the year summary, figures unchanged", async () => {
    const db = scratch.database.db;
    const before = await summary(db);
    expect(before.filter((r) => r.domain === 'ip').map((r) => r.completions)).toContain(2);

    expect(await migrateToLatest(db)).toContain(MIGRATION);

    const courses = await db
      .selectFrom('training_courses')
      .select(['id', 'domain'])
      .orderBy('code')
      .execute();
    expect(courses).toEqual([
      { id: ipCourse, domain: 'intellectual_property' },
      { id: safetyCourse, domain: 'safety' },
    ]);
    const after = await summary(db);
    const renamed = before.map((r) => ({
      ...r,
      domain: r.domain === 'ip' ? 'intellectual_property' : r.domain,
    }));
    expect(after).toEqual(
      renamed.sort((a, b) =>
        `${a.year}${a.site_key}${a.domain}` < `${b.year}${b.site_key}${b.domain}` ? -1 : 1,
      ),
    );
    expect(after.some((r) => r.domain === 'ip')).toBe(false);
  });

  it('refuses the old code from then on', async () => {
    await expect(
      sql`update training_courses set domain = 'ip' where id = ${ipCourse}`.execute(scratch.database.db),
    ).rejects.toThrow(/training_courses_domain_check/);
  });
});
