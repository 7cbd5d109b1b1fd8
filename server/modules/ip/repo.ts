import { type ExpressionBuilder, sql } from 'kysely';
import { deadStatuses, type Office, type Status, type Technology } from '#shared/modules/ip/rules/offices.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import type { Db } from '../../db/types.ts';
import type { SiteScope } from '../../platform/access/actor.ts';
import { inScope } from '../../platform/access/sql.ts';

/** The IP program's SQL: matters with their family and site, families, trademarks, trade secrets, closure days. */

export function matterRows(db: Db) {
  return db
    .selectFrom('ip_matters as m')
    .innerJoin('ip_families as f', 'f.id', 'm.family_id')
    .selectAll('m')
    .select(['f.reference as family_reference', 'f.title as family_title', 'f.technology', 'f.green']);
}
export type MatterRow = Awaited<ReturnType<ReturnType<typeof matterRows>['execute']>>[number];

/**
 * A search of matters (aliases `m`, `f`): by application or patent number, or the family's reference or title.
 */
export function matterMatches(q: string) {
  const p = likePattern(q);
  // biome-ignore lint/suspicious/noExplicitAny: any query that joins ip_matters as m and ip_families as f
  return (eb: ExpressionBuilder<any, any>) =>
    eb.or([
      eb('m.application_no', 'ilike', p),
      eb('m.patent_no', 'ilike', p),
      eb('f.reference', 'ilike', p),
      eb('f.title', 'ilike', p),
    ]);
}

/** Matters still alive (not lapsed, abandoned or expired) at the sites in scope, with the common filters. */
export function liveMatterRows(
  db: Db,
  scope: SiteScope,
  f: { siteId?: string; office?: Office; technology?: Technology },
) {
  let q = matterRows(db)
    .where((eb) => inScope(eb, 'm.site_id', scope))
    .where('m.status', 'not in', [...deadStatuses]);
  if (f.siteId) q = q.where('m.site_id', '=', f.siteId);
  if (f.office) q = q.where('m.office', '=', f.office);
  if (f.technology) q = q.where('f.technology', '=', f.technology);
  return q;
}

export function familyRows(db: Db) {
  return db
    .selectFrom('ip_families as f')
    .selectAll('f')
    .select((eb) => [
      eb
        .selectFrom('ip_matters as m')
        .whereRef('m.family_id', '=', 'f.id')
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('matter_count'),
    ]);
}
export type FamilyRow = Awaited<ReturnType<ReturnType<typeof familyRows>['execute']>>[number];

export async function inventorsOf(db: Db, familyIds: string[]) {
  if (familyIds.length === 0) return new Map<string, { employeeId: string; name: string; share: number }[]>();
  const rows = await db
    .selectFrom('ip_inventors')
    .selectAll()
    .where('family_id', 'in', familyIds)
    .orderBy('share', 'desc')
    .orderBy('name')
    .execute();
  const out = new Map<string, { employeeId: string; name: string; share: number }[]>();
  for (const r of rows) {
    const list = out.get(r.family_id) ?? [];
    list.push({ employeeId: r.employee_id, name: r.name, share: Number(r.share) });
    out.set(r.family_id, list);
  }
  return out;
}

export async function replaceInventors(
  trx: Db,
  familyId: string,
  inventors: { employeeId: string; name: string; share: number }[],
) {
  await trx.deleteFrom('ip_inventors').where('family_id', '=', familyId).execute();
  if (inventors.length)
    await trx
      .insertInto('ip_inventors')
      .values(
        inventors.map((i) => ({
          family_id: familyId,
          employee_id: i.employeeId,
          name: i.name,
          share: i.share,
        })),
      )
      .execute();
}

export function trademarkRows(db: Db) {
  return db.selectFrom('ip_trademarks as t').selectAll('t');
}
export type TrademarkRow = Awaited<ReturnType<ReturnType<typeof trademarkRows>['execute']>>[number];

export function secretRows(db: Db) {
  return db.selectFrom('ip_trade_secrets as s').selectAll('s');
}
export type SecretRow = Awaited<ReturnType<ReturnType<typeof secretRows>['execute']>>[number];

export async function closures(db: Db, offices?: Office[], year?: number) {
  let q = db.selectFrom('ip_office_closures').selectAll().orderBy('office').orderBy('day');
  if (offices) q = q.where('office', 'in', offices);
  if (year) q = q.where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`);
  return q.execute();
}

/** A matter's statuses with the days they took effect, in order. */
export function eventsOf(db: Db, matterId: string) {
  return db
    .selectFrom('ip_matter_events')
    .select(['status', 'effective_on'])
    .where('matter_id', '=', matterId)
    .orderBy('effective_on')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function insertEvents(
  trx: Db,
  matterId: string,
  events: readonly { status: Status; effectiveOn: string }[],
  by: string | null,
) {
  if (events.length === 0) return Promise.resolve();
  return trx
    .insertInto('ip_matter_events')
    .values(
      events.map((e) => ({
        matter_id: matterId,
        status: e.status,
        effective_on: e.effectiveOn,
        created_by: by,
      })),
    )
    .execute()
    .then(() => undefined);
}

/**
 * Matters by office and the status in force on a day (the latest event on or before it), for the sites in scope.
 * Matters with no status yet on that day (filed later) are not counted.
 */
export function countsOnDay(db: Db, scope: SiteScope, day: string, siteId?: string) {
  let q = db
    .selectFrom('ip_matters as m')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('ip_matter_events as e')
          .select('e.status')
          .whereRef('e.matter_id', '=', 'm.id')
          .where('e.effective_on', '<=', day)
          .orderBy('e.effective_on', 'desc')
          .orderBy('e.created_at', 'desc')
          .orderBy('e.id', 'desc')
          .limit(1)
          .as('s'),
      (join) => join.onTrue(),
    )
    .where((eb) => inScope(eb, 'm.site_id', scope));
  if (siteId) q = q.where('m.site_id', '=', siteId);
  return q
    .select(['m.office', 's.status', sql<number>`count(*)::int`.as('n')])
    .groupBy(['m.office', 's.status'])
    .execute();
}

/** Matters of green-related families granted in a year (by technology) and up to its end, for the sites in scope. */
export function greenGrants(db: Db, scope: SiteScope, year: number, siteId?: string) {
  let q = db
    .selectFrom('ip_matters as m')
    .innerJoin('ip_families as f', 'f.id', 'm.family_id')
    .where('f.green', '=', true)
    .where('m.grant_date', '<=', `${year}-12-31`)
    .where((eb) => inScope(eb, 'm.site_id', scope));
  if (siteId) q = q.where('m.site_id', '=', siteId);
  return q
    .select([
      'f.technology',
      sql<number>`count(*) filter (where m.grant_date >= ${`${year}-01-01`}::date)::int`.as('in_year'),
      sql<number>`count(*)::int`.as('up_to_year_end'),
    ])
    .groupBy('f.technology')
    .execute();
}

/** The families with these references (an import's rows name their family by reference). */
export function familiesByReference(db: Db, references: string[]) {
  if (references.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('ip_families')
    .select(['id', 'site_id', 'reference', 'title', 'technology', 'green', 'sustainability_focus'])
    .where('reference', 'in', references)
    .execute();
}

/** Which of these office and application numbers the register holds already ("US 13648029"). */
export async function numbersInRegister(db: Db, numbers: { office: Office; applicationNo: string }[]) {
  if (numbers.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('ip_matters')
    .select(['office', 'application_no'])
    .where('application_no', 'in', [...new Set(numbers.map((n) => n.applicationNo))])
    .execute();
  return new Set(rows.map((r) => `${r.office} ${r.application_no}`));
}
