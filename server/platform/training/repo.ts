import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/types.ts';
import { type SiteScope, scopeIsEmpty } from '../access/actor.ts';
import { inScope } from '../access/sql.ts';

export type CampaignQuery = {
  courseId: string;
  /** The course's own site, or null for a group-wide course. */
  courseSiteId: string | null;
  scope: SiteScope;
  /** Today, in the group's time zone (YYYY-MM-DD). */
  today: string;
  /** Completions within this many months before today count, or null: any completion. */
  recurrenceMonths: number | null;
  /** Only the employees hired within the year before today (the course's audience is new hires). */
  newHiresOnly: boolean;
};

export type CampaignSiteRow = { site_id: string; site_code: string; people: number; done: number };

/**
 * Per site, of the active employees a course concerns, how many there are and how many hold a current
 * completion, from the counts kept by triggers (0035) plus, live, the open cases: employees hired after today,
 * those with a leaving date, those hired in the month the new-hire window cuts, and those whose latest
 * completion lies after today. For each open case the exact figure replaces what the counts hold for it.
 */
export async function campaignBySite(db: Db, q: CampaignQuery): Promise<CampaignSiteRow[]> {
  const today = sql`${q.today}::date`;
  // Month arithmetic as PostgreSQL does it (the end of a month clamps), as the figures always have.
  const since = q.recurrenceMonths
    ? sql`(${today} - make_interval(months => ${q.recurrenceMonths}))::date`
    : sql`'0001-01-01'::date`;
  const hiredAfter = sql`(${today} - interval '1 year')::date`;
  const cutMonth = sql`date_trunc('month', ${hiredAfter})::date`;
  const newHires = sql.lit(q.newHiresOnly);
  const sites = (column: RawBuilder<unknown>) => {
    const parts = [
      q.scope === 'all'
        ? sql`true`
        : q.scope.size === 0
          ? sql`false`
          : sql`${column} = any(${[...q.scope]}::uuid[])`,
    ];
    if (q.courseSiteId) parts.push(sql`${column} = ${q.courseSiteId}::uuid`);
    return sql.join(parts, sql` and `);
  };
  const result = await sql<{ site_id: string; site_code: string; people: string; done: string }>`
    with kept_people as (
      select site_id, sum(people) as people from training_campaign_people
      where ${sites(sql.ref('site_id'))} and (not ${newHires} or hire_month > ${cutMonth})
      group by site_id
    ),
    kept_done as (
      select site_id, sum(people) as done from training_campaign_done
      where course_id = ${q.courseId} and latest_on > ${since} and latest_on <= ${today}
        and ${sites(sql.ref('site_id'))} and (not ${newHires} or hire_month > ${cutMonth})
      group by site_id
    ),
    open_people as (
      select id, site_id, hire_date, leave_date from employees where leave_date is null and hire_date > ${today}
      union select id, site_id, hire_date, leave_date from employees
        where leave_date is not null and leave_date > ${today}
      union select id, site_id, hire_date, leave_date from employees
        where ${newHires} and leave_date is null and hire_date >= ${cutMonth}
          and hire_date < (${cutMonth} + interval '1 month')::date
      union select e.id, e.site_id, e.hire_date, e.leave_date
        from training_course_latest l join employees e on e.id = l.person_id
        where l.course_id = ${q.courseId} and l.latest_on > ${today}
    ),
    open_cases as (
      select o.site_id, f.counted, f.kept,
             f.counted and l.latest_on > ${since} and (l.latest_on <= ${today} or exists (
               select 1 from training_completions tc
               where tc.course_id = ${q.courseId} and tc.person_id = o.id and tc.result <> 'failed'
                 and tc.completed_on > ${since} and tc.completed_on <= ${today})) as counted_done,
             f.kept and l.latest_on > ${since} and l.latest_on <= ${today} as kept_done
      from open_people o
      cross join lateral (select
        (o.leave_date is null or o.leave_date > ${today}) and o.hire_date <= ${today}
          and (not ${newHires} or o.hire_date > ${hiredAfter}) as counted,
        o.leave_date is null
          and (not ${newHires} or date_trunc('month', o.hire_date)::date > ${cutMonth}) as kept) f
      left join training_course_latest l on l.course_id = ${q.courseId} and l.person_id = o.id
      where ${sites(sql.ref('o.site_id'))}
    ),
    corrections as (
      select site_id, sum(counted::int - kept::int) as people,
             sum(coalesce(counted_done, false)::int - coalesce(kept_done, false)::int) as done
      from open_cases group by site_id
    )
    select s.id as site_id, s.code as site_code,
           coalesce(p.people, 0) + coalesce(c.people, 0) as people,
           coalesce(d.done, 0) + coalesce(c.done, 0) as done
    from sites s
    left join kept_people p on p.site_id = s.id
    left join kept_done d on d.site_id = s.id
    left join corrections c on c.site_id = s.id
    where coalesce(p.people, 0) + coalesce(c.people, 0) > 0
    order by s.code`.execute(db);
  return result.rows.map((r) => ({
    site_id: r.site_id,
    site_code: r.site_code,
    people: Number(r.people),
    done: Number(r.done),
  }));
}

export type NumberedPerson = {
  /** The number in upper case, as the lookup compares it. */
  no: string;
  id: string;
  site_id: string;
  type: 'employee' | 'contractor_worker';
};

/**
 * The employees and contractor workers at sites in `scope` whose numbers are among `numbers`, compared in
 * upper case (index 0068): a few index entries per number, whatever the size of the group.
 */
export async function peopleByNumber(db: Db, numbers: string[], scope: SiteScope): Promise<NumberedPerson[]> {
  const keys = [...new Set(numbers.map((n) => n.toUpperCase()))];
  if (keys.length === 0 || scopeIsEmpty(scope)) return [];
  const employees = db
    .selectFrom('employees')
    .select([
      sql<string>`upper(employee_no)`.as('no'),
      'id',
      'site_id',
      sql<NumberedPerson['type']>`'employee'`.as('type'),
    ])
    .where(sql<SqlBool>`upper(employee_no) = any(${keys}::text[])`)
    .where((eb) => inScope(eb, 'site_id', scope));
  const workers = db
    .selectFrom('contractor_workers')
    .select([
      sql<string>`upper(worker_no)`.as('no'),
      'id',
      'site_id',
      sql<NumberedPerson['type']>`'contractor_worker'`.as('type'),
    ])
    .where(sql<SqlBool>`upper(worker_no) = any(${keys}::text[])`)
    .where((eb) => inScope(eb, 'site_id', scope));
  return employees.unionAll(workers).execute();
}
