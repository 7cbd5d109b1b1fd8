import { sql } from 'kysely';
import type { Db } from '../../../db/types.ts';

/**
 * SQL of the statistics: the hours of a set of sites over a span of dates, the settled injuries' counts from
 * their summary (ohs_injury_months, migration 0034) and the few injuries read row by row.
 */

export const hoursOf = (db: Db, siteIds: string[], from: string, to: string) =>
  db
    .selectFrom('ohs_hours')
    .select(['site_id', 'month', 'employee_hours', 'non_employee_hours'])
    .where('site_id', 'in', siteIds)
    .where('month', '>=', from)
    .where('month', '<=', to)
    .execute();

/** Which months of the span the summary answers for: all, or (year to date) those before a month of the year. */
export type SummedMonths = { from: string; to: string; beforeMonth: number | null; period: 'year' | 'month' };

function summed(db: Db, siteIds: string[], m: SummedMonths) {
  return db
    .selectFrom('ohs_injury_months')
    .where('site_id', 'in', siteIds)
    .where('month', '>=', m.from)
    .where('month', '<=', m.to)
    .$if(m.beforeMonth !== null, (q) =>
      q.where(sql<number>`extract(month from month)`, '<', m.beforeMonth ?? 13),
    );
}

/** The first day of the period (a date as text: the service keys it by its year or month). */
const periodOf = (period: 'year' | 'month') =>
  period === 'year' ? sql<string>`date_trunc('year', month)::date` : sql<string>`month`;

/** The settled injuries' counts per site, period and person type (keys that hold no injury left out). */
export const summedCounts = (db: Db, siteIds: string[], m: SummedMonths) =>
  summed(db, siteIds, m)
    .select([
      'site_id',
      periodOf(m.period).as('period'),
      'person_type',
      sql<number>`sum(disabling)::integer`.as('disabling'),
      sql<string>`sum(days_lost)::text`.as('days_lost'),
      sql<number>`sum(fatalities)::integer`.as('fatalities'),
      sql<number>`sum(high_consequence)::integer`.as('high_consequence'),
      sql<number>`sum(recordable)::integer`.as('recordable'),
      sql<number>`sum(dart)::integer`.as('dart'),
      sql<number>`sum(lost_time)::integer`.as('lost_time'),
    ])
    .groupBy(['site_id', sql`2`, 'person_type'])
    .having(sql<number>`sum(injuries)`, '>', 0)
    .execute();

/** The settled recordable cases per site, period, person type and injury type. */
export const summedTypes = (db: Db, siteIds: string[], m: SummedMonths) =>
  summed(db, siteIds, m)
    .select([
      'site_id',
      periodOf(m.period).as('period'),
      'person_type',
      'injury_type',
      sql<number>`sum(recordable)::integer`.as('recordable'),
    ])
    .groupBy(['site_id', sql`2`, 'person_type', 'injury_type'])
    .having(sql<number>`sum(recordable)`, '>', 0)
    .execute();

/**
 * Injuries read row by row, commuting accidents left out (as the Ministry's statistics and GRI 403-9 do): the
 * open ones (a temporary total or permanent partial disability not yet back at work, whose days lost grow with
 * today), which the summary leaves out, and, year to date, every injury of the month each year is cut in, up to
 * the cut (`cutMonths`).
 */
export const injuriesOutsideSummary = (
  db: Db,
  siteIds: string[],
  from: string,
  to: string,
  cutMonths: { from: string; to: string }[],
) =>
  db
    .selectFrom('ohs_injuries as j')
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
    // A subquery per injury rather than a join: the injuries are few, and a join would be planned (from the
    // open injuries' estimate, which counts the two conditions apart) as a scan of every incident.
    .where(sql<boolean>`(select not i.commuting from ohs_incidents i where i.id = j.incident_id)`)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('j.return_date', 'is', null),
          eb('j.classification', 'in', ['temporary_total_disability', 'permanent_partial_disability']),
        ]),
        ...cutMonths.map((m) => eb.and([eb('j.injury_date', '>=', m.from), eb('j.injury_date', '<=', m.to)])),
      ]),
    )
    .execute();
