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

// ---- Goals and KPIs

export function goalRows(db: Db) {
  return db.selectFrom('infosec_goals as g').selectAll('g');
}
export type GoalRow = Awaited<ReturnType<ReturnType<typeof goalRows>['execute']>>[number];

/** The goals a reader sees: the group's (no site) and those of the sites in scope. */
export function goalListBase(db: Db, scope: SiteScope) {
  return goalRows(db).where((eb) => eb.or([eb('g.site_id', 'is', null), inScope(eb, 'g.site_id', scope)]));
}

export function goalById(db: Db, id: string) {
  return goalRows(db).where('g.id', '=', id).executeTakeFirst();
}

export async function kpisOf(db: Db, goalIds: readonly string[]) {
  if (goalIds.length === 0) return [];
  return db
    .selectFrom('infosec_goal_kpis')
    .selectAll()
    .where('goal_id', 'in', [...goalIds])
    .orderBy('goal_id')
    .orderBy('position')
    .execute();
}

export async function replaceKpis(
  trx: Db,
  goalId: string,
  kpis: {
    metric: string;
    name?: string | null;
    comparison: string;
    target: string;
    actual?: string | null;
  }[],
) {
  await trx.deleteFrom('infosec_goal_kpis').where('goal_id', '=', goalId).execute();
  if (kpis.length === 0) return;
  await trx
    .insertInto('infosec_goal_kpis')
    .values(
      kpis.map((k, position) => ({
        goal_id: goalId,
        position,
        metric: k.metric as 'manual',
        name: k.metric === 'manual' ? (k.name ?? null) : null,
        comparison: k.comparison as 'at_least',
        target: k.target,
        actual: k.metric === 'manual' ? (k.actual ?? null) : null,
      })),
    )
    .execute();
}

/** The goals set for a year, counted from the rows: the group's and those of the sites in scope. */
export async function goalCount(db: Db, year: number, scope: SiteScope) {
  const row = await goalListBase(db, scope)
    .clearSelect()
    .select(sql<string>`count(*)`.as('n'))
    .where('g.year', '=', year)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Each site's monthly KPIs of a year, at the sites in scope. */
export function siteKpisOfYear(db: Db, year: number, scope: SiteScope) {
  return db
    .selectFrom('infosec_site_kpis')
    .selectAll()
    .where((eb) => inScope(eb, 'site_id', scope))
    .where('month', '>=', `${year}-01-01`)
    .where('month', '<=', `${year}-12-01`)
    .execute();
}

export function siteKpiListBase(db: Db, scope: SiteScope) {
  return db
    .selectFrom('infosec_site_kpis as k')
    .selectAll('k')
    .where((eb) => inScope(eb, 'k.site_id', scope));
}
export type SiteKpiRow = Awaited<ReturnType<ReturnType<typeof siteKpiListBase>['execute']>>[number];
