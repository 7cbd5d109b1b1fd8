import type { Db } from '../../db/types.ts';
import type { Office } from './rules/offices.ts';

/** The IP program's SQL: matters with their family and site, families, trademarks, closure days. */

export function matterRows(db: Db) {
  return db
    .selectFrom('ip_matters as m')
    .innerJoin('ip_families as f', 'f.id', 'm.family_id')
    .selectAll('m')
    .select(['f.reference as family_reference', 'f.title as family_title', 'f.technology', 'f.green']);
}
export type MatterRow = Awaited<ReturnType<ReturnType<typeof matterRows>['execute']>>[number];

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

export async function closures(db: Db, offices?: Office[], year?: number) {
  let q = db.selectFrom('ip_office_closures').selectAll().orderBy('office').orderBy('day');
  if (offices) q = q.where('office', 'in', offices);
  if (year) q = q.where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`);
  return q.execute();
}
