import { type Insertable, sql } from 'kysely';
import { paginate } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import type { SiteScope } from '../../../platform/access/actor.ts';
import { inScope } from '../../../platform/access/sql.ts';
import type { HealthFollowupsTable, HealthScreeningsTable } from '../tables.ts';

/** SQL of health screenings and follow-ups (names of sites and people: platform lookups). */

export const screeningById = (db: Db, id: string) =>
  db.selectFrom('health_screenings as h').selectAll('h').where('h.id', '=', id).executeTakeFirst();
export type ScreeningRow = NonNullable<Awaited<ReturnType<typeof screeningById>>>;

export function screeningPage(
  db: Db,
  f: {
    scope: SiteScope;
    siteId?: string;
    personId?: string;
    abnormal?: boolean;
    year?: number;
    order: 'asc' | 'desc';
    page: number;
    pageSize: number;
    cursor?: string;
    count?: boolean;
  },
) {
  let base = db
    .selectFrom('health_screenings as h')
    .selectAll('h')
    .where((eb) => inScope(eb, 'h.site_id', f.scope));
  if (f.siteId) base = base.where('h.site_id', '=', f.siteId);
  if (f.personId) base = base.where('h.person_id', '=', f.personId);
  if (f.abnormal !== undefined) base = base.where('h.abnormal', '=', f.abnormal);
  if (f.year)
    base = base
      .where('h.screened_on', '>=', `${f.year}-01-01`)
      .where('h.screened_on', '<=', `${f.year}-12-31`);
  return paginate<ScreeningRow>(db, base, {
    sortColumn: 'h.screened_on',
    order: f.order,
    tieBreaker: 'h.id',
    page: f.page,
    pageSize: f.pageSize,
    cursor: f.cursor,
    count: f.count,
  });
}

export const followupsOf = (db: Db, screeningId: string) =>
  db
    .selectFrom('health_followups')
    .select(['id', 'due_date', 'consulted_on', 'notes', 'version'])
    .where('screening_id', '=', screeningId)
    .orderBy('due_date')
    .execute();

export const followupById = (db: Db, id: string) =>
  db.selectFrom('health_followups').selectAll().where('id', '=', id).executeTakeFirst();

export const insertScreening = (db: Db, values: Insertable<HealthScreeningsTable>) =>
  db.insertInto('health_screenings').values(values).returningAll().executeTakeFirstOrThrow();

export const insertFollowup = (db: Db, values: Insertable<HealthFollowupsTable>) =>
  db.insertInto('health_followups').values(values).returningAll().executeTakeFirstOrThrow();

/** Counts of a year's screenings in scope: in total, per site, and the follow-ups still open. */
export async function yearCounts(db: Db, scope: SiteScope, year: number, siteId?: string) {
  let base = db
    .selectFrom('health_screenings as h')
    .where((eb) => inScope(eb, 'h.site_id', scope))
    .where('h.screened_on', '>=', `${year}-01-01`)
    .where('h.screened_on', '<=', `${year}-12-31`);
  if (siteId) base = base.where('h.site_id', '=', siteId);
  const totals = await base
    .select([
      sql<number>`count(distinct h.person_id)`.as('people'),
      sql<number>`count(*)`.as('screenings'),
      sql<number>`count(*) filter (where h.kind = 'general')`.as('general'),
      sql<number>`count(*) filter (where h.kind = 'special')`.as('special'),
      sql<number>`count(*) filter (where h.abnormal)`.as('abnormal'),
      sql<number>`count(*) filter (where h.management_level = 1)`.as('l1'),
      sql<number>`count(*) filter (where h.management_level = 2)`.as('l2'),
      sql<number>`count(*) filter (where h.management_level = 3)`.as('l3'),
      sql<number>`count(*) filter (where h.management_level = 4)`.as('l4'),
      sql<string>`coalesce(sum(h.cost_minor), 0)::text`.as('cost'),
    ])
    .executeTakeFirstOrThrow();
  const bySite = await base
    .select([
      'h.site_id',
      sql<number>`count(distinct h.person_id)`.as('people'),
      sql<number>`count(*) filter (where h.abnormal)`.as('abnormal'),
      sql<string>`coalesce(sum(h.cost_minor), 0)::text`.as('cost'),
    ])
    .groupBy('h.site_id')
    .execute();
  const open = await db
    .selectFrom('health_followups as f')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => inScope(eb, 'f.site_id', scope))
    .where('f.consulted_on', 'is', null)
    .where((eb) => (siteId ? eb('f.site_id', '=', siteId) : sql<boolean>`true`))
    .executeTakeFirstOrThrow();
  return { totals, bySite, open };
}
