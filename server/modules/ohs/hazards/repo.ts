import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import { likePattern } from '#shared/platform/http/list.ts';
import { paginate } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import type { SiteScope } from '../../../platform/access/actor.ts';
import { inScope } from '../../../platform/access/sql.ts';
import type { OhsHazardsTable } from '../tables.ts';

/** SQL of the hazard register (names of sites, areas and owners: platform lookups). */

export const hazardById = (db: Db, id: string) =>
  db.selectFrom('ohs_hazards as h').selectAll('h').where('h.id', '=', id).executeTakeFirst();
export type HazardRow = NonNullable<Awaited<ReturnType<typeof hazardById>>>;

export const insertHazard = (db: Db, values: Insertable<OhsHazardsTable>) =>
  db.insertInto('ohs_hazards').values(values).returningAll().executeTakeFirstOrThrow();

export type HazardFilter = {
  scope: SiteScope;
  archived: boolean;
  siteId?: string;
  areaId?: string;
  /** Residual score above `low` and at most `high` (a level's band on the matrix). */
  residualBand?: { low: number; high: number };
  q?: string;
  sort: 'residualScore' | 'score' | 'nextReview' | 'activity';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
  cursor?: string;
  count?: boolean;
};

/** One page of hazards in scope. */
export function hazardPage(db: Db, f: HazardFilter) {
  let base = db
    .selectFrom('ohs_hazards as h')
    .selectAll('h')
    .where((eb) => inScope(eb, 'h.site_id', f.scope))
    .where('h.archived', '=', f.archived);
  if (f.siteId) base = base.where('h.site_id', '=', f.siteId);
  if (f.areaId) base = base.where('h.area_id', '=', f.areaId);
  const band = f.residualBand;
  if (band)
    base = base
      .where((eb) => eb(eb('h.residual_likelihood', '*', eb.ref('h.residual_severity')), '>', band.low))
      .where((eb) => eb(eb('h.residual_likelihood', '*', eb.ref('h.residual_severity')), '<=', band.high));
  if (f.q) {
    const p = likePattern(f.q);
    base = base.where((eb) =>
      eb.or([eb('h.activity', 'ilike', p), eb('h.hazard', 'ilike', p), eb('h.consequence', 'ilike', p)]),
    );
  }
  // The scores are sorted as expressions, not by their names in the select list: a page's cursor compares them.
  const sortColumn = {
    residualScore: sql`h.residual_likelihood * h.residual_severity`,
    score: sql`h.likelihood * h.severity`,
    nextReview: 'h.next_review',
    activity: 'h.activity',
  }[f.sort];
  const scored = base.select((eb) => [
    eb('h.residual_likelihood', '*', eb.ref('h.residual_severity')).as('residual_score'),
    eb('h.likelihood', '*', eb.ref('h.severity')).as('initial_score'),
  ]);
  return paginate<HazardRow>(db, scored, {
    sortColumn,
    order: f.order,
    tieBreaker: 'h.id',
    page: f.page,
    pageSize: f.pageSize,
    cursor: f.cursor,
    count: f.count,
  });
}

/** A hazard's activity, hazard and site: how actions and obligations name it. */
export const hazardLabel = (db: Db, id: string) =>
  db
    .selectFrom('ohs_hazards')
    .select(['hazard', 'activity', 'site_id'])
    .where('id', '=', id)
    .executeTakeFirst();
