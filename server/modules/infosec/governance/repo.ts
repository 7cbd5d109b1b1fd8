import { sql } from 'kysely';
import type { Db } from '../../../db/types.ts';
import type { SiteScope } from '../../../platform/access/actor.ts';
import { inScope } from '../../../platform/access/sql.ts';

/** Every SQL statement of governance's memberships, on the module's own tables, scoped by their site. */

export function membershipRows(db: Db) {
  return db.selectFrom('infosec_memberships as m').selectAll('m');
}
export type MembershipRow = Awaited<ReturnType<ReturnType<typeof membershipRows>['execute']>>[number];

/** The memberships a reader sees: the group-wide ones (no site) and those of the sites in scope. */
export function membershipListBase(db: Db, scope: SiteScope) {
  return membershipRows(db).where((eb) =>
    eb.or([eb('m.site_id', 'is', null), inScope(eb, 'm.site_id', scope)]),
  );
}

export function membershipById(db: Db, id: string) {
  return membershipRows(db).where('m.id', '=', id).executeTakeFirst();
}

// ---- Risk register

export function riskRows(db: Db) {
  return db
    .selectFrom('infosec_risks as r')
    .leftJoin('infosec_systems as s', 's.id', 'r.system_id')
    .selectAll('r')
    .select('s.name as system_name');
}
export type RiskRow = Awaited<ReturnType<ReturnType<typeof riskRows>['execute']>>[number];

export function riskListBase(db: Db, scope: SiteScope) {
  return riskRows(db).where((eb) => inScope(eb, 'r.site_id', scope));
}

export function riskById(db: Db, id: string) {
  return riskRows(db).where('r.id', '=', id).executeTakeFirst();
}

/** The site of a registered system, or undefined when there is none. */
export async function systemSite(db: Db, systemId: string) {
  const row = await db
    .selectFrom('infosec_systems')
    .select('site_id')
    .where('id', '=', systemId)
    .executeTakeFirst();
  return row?.site_id;
}

/** The risks counted by cell of the matrix (inherent, or residual where rated), over the sites in scope. */
export async function riskCells(db: Db, scope: SiteScope, q: { siteId?: string; residual?: boolean }) {
  const [l, i] = q.residual
    ? (['residual_likelihood', 'residual_impact'] as const)
    : (['likelihood', 'impact'] as const);
  let query = db
    .selectFrom('infosec_risks')
    .select([`${l} as likelihood`, `${i} as impact`, sql<string>`count(*)`.as('count')])
    .where((eb) => inScope(eb, 'site_id', scope))
    .where(l, 'is not', null)
    .groupBy([l, i]);
  if (q.siteId) query = query.where('site_id', '=', q.siteId);
  return query.execute();
}

/** The highest likelihood and impact any risk holds (inherent or residual), to keep a smaller matrix honest. */
export async function highestLevels(db: Db) {
  return db
    .selectFrom('infosec_risks')
    .select([
      sql<number | null>`max(greatest(likelihood, coalesce(residual_likelihood, 0)))`.as('likelihood'),
      sql<number | null>`max(greatest(impact, coalesce(residual_impact, 0)))`.as('impact'),
    ])
    .executeTakeFirstOrThrow();
}
