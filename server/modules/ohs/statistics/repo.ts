import type { Db } from '../../../db/types.ts';

/** SQL of the statistics: the hours and injuries of a set of sites over a span of dates. */

export const hoursOf = (db: Db, siteIds: string[], from: string, to: string) =>
  db
    .selectFrom('ohs_hours')
    .select(['site_id', 'month', 'employee_hours', 'non_employee_hours'])
    .where('site_id', 'in', siteIds)
    .where('month', '>=', from)
    .where('month', '<=', to)
    .execute();

/** Injuries of the span, commuting accidents left out (as the Ministry's statistics and GRI 403-9 do). */
export const injuriesOf = (db: Db, siteIds: string[], from: string, to: string) =>
  db
    .selectFrom('ohs_injuries as j')
    .innerJoin('ohs_incidents as i', 'i.id', 'j.incident_id')
    .select([
      'j.site_id',
      'j.person_type',
      'j.classification',
      'j.injury_date',
      'j.return_date',
      'j.charged_days',
      'j.restricted_days',
      'j.injury_type',
      'j.recovery',
    ])
    .where('j.site_id', 'in', siteIds)
    .where('j.injury_date', '>=', from)
    .where('j.injury_date', '<=', to)
    .where('i.commuting', '=', false)
    .execute();
