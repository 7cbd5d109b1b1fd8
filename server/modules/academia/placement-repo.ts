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
    .select('p.name as partner_name');
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
