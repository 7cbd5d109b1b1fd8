import { sql } from 'kysely';
import type { Db } from '../../db/types.ts';
import type { SiteScope } from '../access/actor.ts';
import { inScope } from '../access/sql.ts';

export type CalendarDayRow = {
  id: string;
  day: string;
  country: string | null;
  site_id: string | null;
  site_code: string | null;
  kind: 'public_holiday' | 'day_off' | 'closure' | 'working_day';
  name: string;
  source: string | null;
  version: number;
};

/** The days of a calendar list: every country's, and the sites' own at the sites in scope. */
export function calendarDays(db: Db, scope: SiteScope) {
  return db
    .selectFrom('site_calendar_days as d')
    .leftJoin('sites as s', 's.id', 'd.site_id')
    .select([
      'd.id',
      'd.day',
      'd.country',
      'd.site_id',
      's.code as site_code',
      'd.kind',
      'd.name',
      'd.source',
      'd.version',
    ])
    .where((eb) => eb.or([eb('d.site_id', 'is', null), inScope(eb, 'd.site_id', scope)]));
}

/** One day by id, with its site's code. */
export function calendarDay(db: Db, id: string) {
  return calendarDays(db, 'all').where('d.id', '=', id).executeTakeFirst() as Promise<
    CalendarDayRow | undefined
  >;
}

/** The country of each of these sites. */
export async function siteCountries(db: Db, siteIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(siteIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('sites').select(['id', 'country']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.country]));
}

/** The entries that make up these sites' calendars: their countries' days and their own. */
export async function entriesOf(db: Db, countries: readonly string[], siteIds: readonly string[]) {
  if (countries.length === 0 && siteIds.length === 0) return [];
  return db
    .selectFrom('site_calendar_days')
    .select(['day', 'country', 'site_id', 'kind'])
    .where((eb) =>
      eb.or([
        ...(countries.length ? [eb('country', 'in', [...countries])] : []),
        ...(siteIds.length ? [eb('site_id', 'in', [...siteIds])] : []),
      ]),
    )
    .execute();
}

/** The sites of a country (those whose calendar a change of the country's days moves). */
export async function sitesOfCountry(db: Db, country: string): Promise<string[]> {
  const rows = await db.selectFrom('sites').select('id').where('country', '=', country).execute();
  return rows.map((r) => r.id);
}

/** The years each of these countries has days entered for. */
export async function coverage(db: Db, countries: readonly string[]) {
  if (countries.length === 0) return [];
  return db
    .selectFrom('site_calendar_days')
    .select(['country', sql<number>`extract(year from day)::int`.as('year')])
    .where('country', 'in', [...countries])
    .groupBy(['country', sql`extract(year from day)`])
    .orderBy('country')
    .orderBy('year')
    .execute();
}

/** The countries of the sites in scope. */
export async function countriesInScope(db: Db, scope: SiteScope): Promise<string[]> {
  const rows = await db
    .selectFrom('sites')
    .select('country')
    .distinct()
    .where((eb) => inScope(eb, 'id', scope))
    .orderBy('country')
    .execute();
  return rows.map((r) => r.country);
}
