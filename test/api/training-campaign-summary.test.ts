import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import { allSummaries, rebuildSummaries } from '../../server/db/summaries.ts';
import { backupDatabase } from '../../server/platform/backup/backup.ts';
import { restoreDatabase } from '../../server/platform/backup/restore.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

/**
 * A course's campaign progress reads the latest completion per course and person (kept by triggers) and checks
 * live the people whose latest completion lies after today. After every kind of write (inserts, a result turned
 * failed, dates moved, completions moved to another person or course, deletes, an employee deleted, an import,
 * a restore, a rebuild) the endpoint must answer what counting every row as of today answers.
 */
const NOW = new Date('2026-06-15T04:00:00Z');
const TODAY = localDate(NOW, GROUP_TIME_ZONE);

/** A small deterministic generator (mulberry32): the same rows on every run. */
function generator(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

type Course = { id: string; recurrenceMonths: number | null; audience: string };

describe.each(databases())('training campaign summary (%s)', (kind) => {
  let t: TestApp;
  let owner: ApiClient;
  const courses: Course[] = [];
  const random = generator(20260615);

  /** The campaign counted from the rows, as the endpoint answered before it had a summary. */
  async function oracle(course: Course) {
    const since = course.recurrenceMonths
      ? sql`(${TODAY}::date - make_interval(months => ${course.recurrenceMonths}))::date`
      : sql`'0001-01-01'::date`;
    const hiredAfter =
      course.audience === 'new_hires'
        ? sql`(${TODAY}::date - interval '1 year')::date`
        : sql`'0001-01-01'::date`;
    const result = await sql<{ siteId: string; people: number; done: number }>`
      select e.site_id as "siteId", count(*)::int as people,
             (count(*) filter (where exists (
               select 1 from training_completions tc
               where tc.course_id = ${course.id} and tc.person_id = e.id and tc.result <> 'failed'
                 and tc.completed_on > ${since} and tc.completed_on <= ${TODAY}::date)))::int as done
      from employees e join sites s on s.id = e.site_id
      where (e.leave_date is null or e.leave_date > ${TODAY}::date) and e.hire_date <= ${TODAY}::date
        and e.hire_date > ${hiredAfter}
      group by e.site_id, s.code order by s.code`.execute(t.db);
    return result.rows;
  }

  async function expectExact(when: string) {
    let counted = 0;
    for (const course of courses) {
      const res = await owner.get(`/api/training/courses/${course.id}/campaign`);
      expect(res.status, when).toBe(200);
      const got = res.body.sites.map((s: { siteId: string; people: number; done: number }) => ({
        siteId: s.siteId,
        people: s.people,
        done: s.done,
      }));
      const expected = await oracle(course);
      expect(got, `${when}: course ${course.audience} ${course.recurrenceMonths}`).toEqual(expected);
      counted += expected.reduce((a, s) => a + s.done, 0);
    }
    // Not a comparison of empty figures.
    expect(counted, when).toBeGreaterThan(0);
  }

  /** Completions at random over four years, some failed, some dated after today. */
  async function insertCompletions(n: number) {
    const people = await t.db.selectFrom('employees').select(['id', 'site_id']).execute();
    const values = Array.from({ length: n }, () => {
      const person = people[Math.floor(random() * people.length)];
      const course = courses[Math.floor(random() * courses.length)];
      return {
        course_id: course.id,
        person_type: 'employee' as const,
        person_id: person.id,
        site_id: person.site_id,
        completed_on: addDays(TODAY, Math.floor(random() * 1500) - 1460),
        hours: '1.00',
        result: (['passed', 'attended', 'failed'] as const)[Math.floor(random() * 3)],
      };
    });
    await t.db
      .insertInto('training_completions')
      .values(values)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => NOW });
    owner = await t.signInAs('ohsOwner');
    for (const [code, audience, recurrenceMonths] of [
      ['CAMP-12', 'all_employees', 12],
      ['CAMP-24', 'all_employees', 24],
      ['CAMP-NH', 'new_hires', null],
    ] as const) {
      const res = await owner.post('/api/training/courses', {
        code,
        title: `Campaign ${code}`,
        domain: 'safety',
        audience,
        recurrenceMonths,
        hours: '1',
      });
      expect(res.status).toBe(201);
      courses.push({ id: res.body.id, recurrenceMonths, audience });
    }
    // Employees hired over five years, some of them after today, some gone, some leaving after today.
    const employees = Array.from({ length: 200 }, (_, i) => {
      const hire = addDays(TODAY, Math.floor(random() * 1900) - 1850);
      const leaving = random();
      return {
        site_id: i % 2 ? SITES.K7.id : SITES.TC.id,
        employee_no: `CAMP-${String(i).padStart(4, '0')}`,
        full_name: `Campaign person ${i}`,
        department: 'Assembly',
        hire_date: hire,
        leave_date: leaving < 0.2 ? addDays(hire, Math.floor(random() * 900)) : null,
      };
    });
    await t.db.insertInto('employees').values(employees).execute();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers what the rows say after inserts, updates, deletes, an import, a restore and a rebuild', async () => {
    await insertCompletions(1500);
    await expectExact('after inserts');

    await sql`update training_completions set result = 'failed'
              where id in (select id from training_completions where result <> 'failed' order by id limit 120)`.execute(
      t.db,
    );
    await expectExact('after results turned failed');

    await sql`update training_completions tc set completed_on = tc.completed_on - 400
              where tc.id in (select id from training_completions order by id desc limit 150)
                and not exists (select 1 from training_completions o where o.course_id = tc.course_id
                                and o.person_id = tc.person_id and o.completed_on = tc.completed_on - 400)`.execute(
      t.db,
    );
    await expectExact('after dates moved');

    // Completions moved to another person and to another course.
    await sql`update training_completions tc set person_id = (select id from employees where employee_no = 'CAMP-0007')
              where tc.id in (select id from training_completions order by id limit 40)
                and not exists (select 1 from training_completions o where o.course_id = tc.course_id
                  and o.completed_on = tc.completed_on
                  and o.person_id = (select id from employees where employee_no = 'CAMP-0007'))`.execute(
      t.db,
    );
    await sql`update training_completions tc set course_id = ${courses[2].id}
              where tc.id in (select id from training_completions where course_id = ${courses[0].id}
                              order by id desc limit 60)
                and not exists (select 1 from training_completions o where o.course_id = ${courses[2].id}
                  and o.person_id = tc.person_id and o.completed_on = tc.completed_on)`.execute(t.db);
    await expectExact('after completions moved to other people and courses');

    // A course becomes one for new hires, another stops being one.
    await sql`update training_courses set audience = case when audience = 'new_hires' then 'all_employees' else 'new_hires' end
              where id in (${courses[1].id}, ${courses[2].id})`.execute(t.db);
    courses[1].audience = 'new_hires';
    courses[2].audience = 'all_employees';
    await expectExact('after audiences changed');
    await sql`update training_courses set audience = case when audience = 'new_hires' then 'all_employees' else 'new_hires' end
              where id in (${courses[1].id}, ${courses[2].id})`.execute(t.db);
    courses[1].audience = 'all_employees';
    courses[2].audience = 'new_hires';

    // An employee moves site, another leaves, one is hired today and one next month.
    await sql`update employees set site_id = ${SITES.TC.id} where employee_no = 'CAMP-0011'`.execute(t.db);
    await sql`update employees set leave_date = ${TODAY}::date where employee_no = 'CAMP-0013'`.execute(t.db);
    await sql`update employees set hire_date = ${TODAY}::date - 364 where employee_no = 'CAMP-0015'`.execute(
      t.db,
    );
    await t.db
      .insertInto('employees')
      .values(
        [0, 30].map((days, i) => ({
          site_id: SITES.K7.id,
          employee_no: `CAMP-NEW-${i}`,
          full_name: `Campaign newcomer ${i}`,
          department: 'Assembly',
          hire_date: addDays(TODAY, days),
        })),
      )
      .execute();
    await expectExact('after employees moved, left and were hired');

    await sql`delete from training_completions where id in (select id from training_completions order by id limit 200)`.execute(
      t.db,
    );
    const gone = await t.db
      .selectFrom('employees')
      .select('id')
      .where('employee_no', '=', 'CAMP-0021')
      .executeTakeFirstOrThrow();
    await sql`delete from training_completions where person_id = ${gone.id}`.execute(t.db);
    await sql`delete from employees where id = ${gone.id}`.execute(t.db);
    const left = await sql<{
      n: number;
    }>`select count(*)::int as n from training_course_latest where person_id = ${gone.id}`.execute(t.db);
    expect(left.rows[0].n).toBe(0);
    await expectExact('after deletes');

    // Completions imported through the platform's importer.
    const filesDir = await mkdtemp(path.join(tmpdir(), 'steward-campaign-'));
    try {
      const lines = ['工號,課程代碼,完成日期,時數,結果'];
      for (let i = 100; i < 160; i++)
        lines.push(`CAMP-${String(i).padStart(4, '0')},CAMP-12,${addDays(TODAY, -i)},1,passed`);
      const form = new FormData();
      form.append('file', new Blob([new TextEncoder().encode(`${lines.join('\n')}\n`)]), 'campaign.csv');
      const request = new Request('http://local/', { method: 'POST', body: form });
      const up = await owner.post('/api/imports', Buffer.from(await request.arrayBuffer()), {
        contentType: request.headers.get('content-type') as string,
        query: { kind: 'training_completions' },
      });
      expect(up.status).toBe(201);
      const job = await runImport(owner, up.body.id);
      expect(job).toMatchObject({ status: 'done', rowsTotal: 60, errorCount: 0 });
      expect(job.rowsInserted).toBeGreaterThan(0);
      await expectExact('after an import');

      // A restore from a backup whose copy of the table is wrong: the restore recomputes it.
      await sql`delete from training_course_latest where course_id = ${courses[0].id}`.execute(t.db);
      const archive = path.join(filesDir, 'steward.tar.gz');
      await backupDatabase(t.database, { file: archive, filesDir });
      await restoreDatabase(t.database, { file: archive, filesDir, force: true });
      owner = await t.signInAs('ohsOwner');
      await expectExact('after a restore');
    } finally {
      await rm(filesDir, { recursive: true, force: true });
    }

    // The rebuild (`steward summaries rebuild`) makes a spoilt table exact again.
    await sql`update training_course_latest set latest_on = latest_on - 500`.execute(t.db);
    await sql`delete from training_course_latest where course_id = ${courses[1].id}`.execute(t.db);
    await t.db
      .transaction()
      .execute((trx) => rebuildSummaries((statement) => sql.raw(statement).execute(trx), allSummaries()));
    await expectExact('after the rebuild');
  });

  // Its triggers make no temporary table, so the lock table is not at stake (training-summary-writes holds that
  // limit at 5,000 writes): a thousand one-row statements show each is counted once.
  it('stays exact through 1,000 one-row inserts in one transaction', async () => {
    const people = await t.db.selectFrom('employees').select(['id', 'site_id']).execute();
    await t.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 1_000; i++) {
        const person = people[i % people.length];
        await trx
          .insertInto('training_completions')
          .values({
            course_id: courses[i % courses.length].id,
            person_type: 'employee',
            person_id: person.id,
            site_id: person.site_id,
            completed_on: addDays(TODAY, -(i % 997)),
            hours: '1.00',
            result: i % 5 === 0 ? 'failed' : 'passed',
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    });
    await expectExact('after 1,000 one-row inserts');
  });
});

/** Validates and commits an uploaded import, waiting for each step. */
async function runImport(client: ApiClient, id: string) {
  const settle = async () => {
    for (let i = 0; i < 2400; i++) {
      const job = (await client.get(`/api/imports/${id}`)).body;
      if (job.status !== 'validating' && job.status !== 'committing') return job;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('import did not finish');
  };
  let job = (await client.get(`/api/imports/${id}`)).body;
  expect((await client.post(`/api/imports/${id}/validate`, { version: job.version })).status).toBe(202);
  job = await settle();
  expect(job.status).toBe('valid');
  expect((await client.post(`/api/imports/${id}/commit`, { version: job.version })).status).toBe(202);
  return settle();
}
