import { sql } from 'kysely';
import type { Db } from '../../db/types.ts';
import type { SiteScope } from '../../platform/access/actor.ts';
import { inScope } from '../../platform/access/sql.ts';

/** SQL of internship cooperation placements. */

export function placementRows(db: Db) {
  return db
    .selectFrom('academia_placements as c')
    .innerJoin('academia_partners as p', 'p.id', 'c.partner_id')
    .selectAll('c')
    .select(['p.name as partner_name', 'p.name_zh as partner_name_zh']);
}
export type PlacementRow = Awaited<ReturnType<ReturnType<typeof placementRows>['execute']>>[number];

/** The year's placements at the sites in scope (terms starting in it), added up per site and school. */
export function placementTotals(db: Db, scope: SiteScope, year: number) {
  return db
    .selectFrom('academia_placements')
    .select([
      'site_id',
      'partner_id',
      sql<string>`count(*)`.as('placements'),
      sql<string>`sum(students)`.as('students'),
      sql<string>`sum(participation_hours)`.as('participation_hours'),
    ])
    .where('starts_on', '>=', `${year}-01-01`)
    .where('starts_on', '<=', `${year}-12-31`)
    .where((eb) => inScope(eb, 'site_id', scope))
    .groupBy(['site_id', 'partner_id'])
    .execute();
}

/** Every school or institute by its English and Chinese names, for an import that names schools. */
export function partnerNames(db: Db) {
  return db.selectFrom('academia_partners').select(['id', 'name', 'name_zh']).execute();
}

/**
 * The placements already recorded that share a site, a school and a first day with one of these (a
 * superset of the import's natural key; the caller compares the terms).
 */
export function placementsLike(
  db: Db,
  keys: readonly { siteId: string; partnerId: string; startsOn: string }[],
) {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('academia_placements')
    .select(['site_id', 'partner_id', 'term', 'starts_on'])
    .where('site_id', 'in', [...new Set(keys.map((k) => k.siteId))])
    .where('partner_id', 'in', [...new Set(keys.map((k) => k.partnerId))])
    .where('starts_on', 'in', [...new Set(keys.map((k) => k.startsOn))])
    .execute();
}

export type PlacementInsert = {
  siteId: string;
  partnerId: string;
  term: string;
  startsOn: string;
  endsOn: string;
  students: number;
  participationHours: number;
};

/** Writes a batch of checked placements (an import's, inside its transaction). */
export async function insertPlacements(db: Db, rows: readonly PlacementInsert[], actorId: string | null) {
  if (rows.length === 0) return;
  await db
    .insertInto('academia_placements')
    .values(
      rows.map((r) => ({
        site_id: r.siteId,
        partner_id: r.partnerId,
        term: r.term,
        starts_on: r.startsOn,
        ends_on: r.endsOn,
        students: r.students,
        participation_hours: r.participationHours,
        created_by: actorId,
        updated_by: actorId,
      })),
    )
    .execute();
}
