import { type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Db } from '../../db/types.ts';
import type { SiteScope } from '../access/actor.ts';
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
 * completion. The latter reads training_course_latest (kept by triggers, 0035): the people whose latest
 * completion falls in the window, and, live, those whose latest lies after today (entered ahead) but who
 * hold an earlier one in the window.
 */
export async function campaignBySite(db: Db, q: CampaignQuery): Promise<CampaignSiteRow[]> {
  // Month arithmetic as PostgreSQL does it (the end of a month clamps), as the figures always have.
  const after = q.recurrenceMonths
    ? sql<string>`(${q.today}::date - make_interval(months => ${q.recurrenceMonths}))::date`
    : sql<string>`'0001-01-01'::date`;
  const concerned = (eb: ExpressionBuilder<DB, 'e'>) => {
    const conditions = [
      inScope(eb, 'e.site_id', q.scope),
      eb.or([eb('e.leave_date', 'is', null), eb('e.leave_date', '>', q.today)]),
      eb('e.hire_date', '<=', q.today),
    ];
    if (q.courseSiteId) conditions.push(eb('e.site_id', '=', q.courseSiteId));
    if (q.newHiresOnly)
      conditions.push(eb('e.hire_date', '>', sql<string>`(${q.today}::date - interval '1 year')::date`));
    return eb.and(conditions);
  };
  const people = db
    .selectFrom('employees as e')
    .select('e.site_id')
    .select((eb) => eb.fn.countAll<string>().as('people'))
    .where(concerned)
    .groupBy('e.site_id');
  const done = db
    .selectFrom('training_course_latest as l')
    .innerJoin('employees as e', 'e.id', 'l.person_id')
    .select('e.site_id')
    .select((eb) => eb.fn.countAll<string>().as('done'))
    .where('l.course_id', '=', q.courseId)
    .where('l.latest_on', '>', after)
    .where((eb) =>
      eb.or([
        eb('l.latest_on', '<=', q.today),
        eb.exists(
          eb
            .selectFrom('training_completions as tc')
            .select(sql<SqlBool>`true`.as('held'))
            .whereRef('tc.course_id', '=', 'l.course_id')
            .whereRef('tc.person_id', '=', 'l.person_id')
            .where('tc.result', '<>', 'failed')
            .where('tc.completed_on', '>', after)
            .where('tc.completed_on', '<=', q.today),
        ),
      ]),
    )
    .where((eb) => concerned(eb as unknown as ExpressionBuilder<DB, 'e'>))
    .groupBy('e.site_id');
  const rows = await db
    .selectFrom(people.as('p'))
    .innerJoin('sites as s', 's.id', 'p.site_id')
    .leftJoin(done.as('d'), 'd.site_id', 'p.site_id')
    .select(['s.id as site_id', 's.code as site_code', 'p.people', 'd.done'])
    .orderBy('s.code')
    .execute();
  return rows.map((r) => ({
    site_id: r.site_id,
    site_code: r.site_code,
    people: Number(r.people),
    done: Number(r.done ?? 0),
  }));
}
