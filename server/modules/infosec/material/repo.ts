import { sql } from 'kysely';
import type { Db } from '../../../db/types.ts';
import type { SiteScope } from '../../../platform/access/actor.ts';
import { inScope } from '../../../platform/access/sql.ts';

/** An incident's material decisions, newest first (the first is the one that stands). */
export function decisionsOf(db: Db, incidentId: string) {
  return db
    .selectFrom('infosec_material_decisions')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('decided_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/**
 * A year's incidents (by the day of awareness in the group's zone) by their standing decision: material, not
 * material, and not decided yet. Sensitive incidents count too: the count names no incident.
 */
export async function yearDecisionCounts(db: Db, scope: SiteScope, year: number, timeZone: string) {
  const standing = db
    .selectFrom('infosec_incidents as i')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('infosec_material_decisions as d')
          .select('d.material')
          .whereRef('d.incident_id', '=', 'i.id')
          .orderBy('d.decided_at', 'desc')
          .orderBy('d.created_at', 'desc')
          .limit(1)
          .as('d'),
      (join) => join.onTrue(),
    )
    .where((eb) => inScope(eb, 'i.site_id', scope))
    .where(sql<number>`extract(year from i.aware_at at time zone ${timeZone})`, '=', year)
    .select([
      sql<string>`count(*) filter (where d.material)`.as('material'),
      sql<string>`count(*) filter (where d.material = false)`.as('not_material'),
      sql<string>`count(*) filter (where d.material is null)`.as('undecided'),
      sql<string>`count(*)`.as('incidents'),
    ]);
  const r = await standing.executeTakeFirstOrThrow();
  return {
    material: Number(r.material),
    notMaterial: Number(r.not_material),
    undecided: Number(r.undecided),
    incidents: Number(r.incidents),
  };
}
