import { sql } from 'kysely';
import type { Db } from '../../db/types.ts';
import type { SiteScope } from '../../platform/access/actor.ts';
import { inScope } from '../../platform/access/sql.ts';

/** SQL of the program's teaching: courses, mentorship programs and their activities. */

export function courseRows(db: Db) {
  return db
    .selectFrom('academia_courses as c')
    .leftJoin('academia_partners as p', 'p.id', 'c.partner_id')
    .selectAll('c')
    .select(['p.name as partner_name', 'p.name_zh as partner_name_zh']);
}
export type CourseRow = Awaited<ReturnType<ReturnType<typeof courseRows>['execute']>>[number];

export function mentorshipRows(db: Db) {
  return db
    .selectFrom('academia_mentorships as m')
    .innerJoin('academia_partners as p', 'p.id', 'm.partner_id')
    .selectAll('m')
    .select((eb) => [
      'p.name as partner_name',
      'p.name_zh as partner_name_zh',
      eb
        .selectFrom('academia_mentorship_activities as a')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('a.mentorship_id', '=', 'm.id')
        .as('activity_count'),
      eb
        .selectFrom('academia_mentorship_activities as a')
        .select(sql<string>`coalesce(sum(a.hours * a.students), 0)`.as('h'))
        .whereRef('a.mentorship_id', '=', 'm.id')
        .as('participation_hours'),
    ]);
}
export type MentorshipRow = Awaited<ReturnType<ReturnType<typeof mentorshipRows>['execute']>>[number];

export function activityRows(db: Db, mentorshipId: string) {
  return db
    .selectFrom('academia_mentorship_activities')
    .selectAll()
    .where('mentorship_id', '=', mentorshipId)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
}
export type ActivityRow = Awaited<ReturnType<typeof activityRows>>[number];

export function activityById(db: Db, id: string) {
  return db.selectFrom('academia_mentorship_activities').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The year's teaching at the sites in scope, added up per site: the courses whose term starts in the year
 * (per program and subject), the mentorship programs whose term starts in it, and the mentorship activities
 * held in it.
 */
export async function teachingTotals(db: Db, scope: SiteScope, year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [courses, mentorships, activities] = await Promise.all([
    db
      .selectFrom('academia_courses')
      .select([
        'site_id',
        'program',
        'subject',
        sql<string>`count(*)`.as('courses'),
        sql<string>`sum(hours)`.as('hours'),
        sql<string>`sum(students)`.as('students'),
        sql<string>`sum(hours * students)`.as('participation_hours'),
      ])
      .where('starts_on', '>=', from)
      .where('starts_on', '<=', to)
      .where((eb) => inScope(eb, 'site_id', scope))
      .groupBy(['site_id', 'program', 'subject'])
      .execute(),
    db
      .selectFrom('academia_mentorships')
      .select(['site_id', sql<string>`count(*)`.as('programs'), sql<string>`sum(students)`.as('students')])
      .where('starts_on', '>=', from)
      .where('starts_on', '<=', to)
      .where((eb) => inScope(eb, 'site_id', scope))
      .groupBy('site_id')
      .execute(),
    db
      .selectFrom('academia_mentorship_activities')
      .select([
        'site_id',
        sql<string>`count(*)`.as('activities'),
        sql<string>`sum(hours * students)`.as('participation_hours'),
      ])
      .where('held_on', '>=', from)
      .where('held_on', '<=', to)
      .where((eb) => inScope(eb, 'site_id', scope))
      .groupBy('site_id')
      .execute(),
  ]);
  return { courses, mentorships, activities };
}
