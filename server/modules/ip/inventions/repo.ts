import { sql } from 'kysely';
import type { Db } from '../../../db/types.ts';

/** Every SQL statement of invention disclosures, on the IP program's own tables. */

export function disclosureRows(db: Db) {
  return db
    .selectFrom('ip_disclosures as d')
    .leftJoin('ip_families as f', 'f.id', 'd.family_id')
    .selectAll('d')
    .select('f.reference as family_reference');
}
export type DisclosureRow = Awaited<ReturnType<ReturnType<typeof disclosureRows>['execute']>>[number];

export type Inventor = { employeeId: string; name: string; share: number };

export async function inventorsOf(db: Db, ids: readonly string[]) {
  const out = new Map<string, Inventor[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('ip_disclosure_inventors')
    .selectAll()
    .where('disclosure_id', 'in', [...ids])
    .orderBy('share', 'desc')
    .orderBy('name')
    .execute();
  for (const r of rows) {
    const list = out.get(r.disclosure_id) ?? [];
    list.push({ employeeId: r.employee_id, name: r.name, share: Number(r.share) });
    out.set(r.disclosure_id, list);
  }
  return out;
}

export async function insertInventors(trx: Db, disclosureId: string, inventors: readonly Inventor[]) {
  await trx
    .insertInto('ip_disclosure_inventors')
    .values(
      inventors.map((i) => ({
        disclosure_id: disclosureId,
        employee_id: i.employeeId,
        name: i.name,
        share: i.share,
      })),
    )
    .execute();
}

/**
 * The next reference of the year, `ID-2026-0001`: counted inside the filing's transaction, under a lock of the
 * year's references held to its end, so that two disclosures filed at once never draw the same number.
 */
export async function nextReference(trx: Db, year: number) {
  const prefix = `ID-${year}-`;
  await sql`select pg_advisory_xact_lock(hashtext(${`ip_disclosures:${prefix}`}))`.execute(trx);
  const row = await trx
    .selectFrom('ip_disclosures')
    .select(sql<string>`coalesce(max(split_part(reference, '-', 3)::int), 0)`.as('n'))
    .where('reference', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();
  return `${prefix}${String(Number(row.n) + 1).padStart(4, '0')}`;
}

export function rewardsOf(db: Db, disclosureId: string) {
  return db
    .selectFrom('ip_invention_rewards')
    .selectAll()
    .where('disclosure_id', '=', disclosureId)
    .orderBy('event')
    .orderBy('share', 'desc')
    .orderBy('name')
    .execute();
}

export function rewardRow(db: Db, id: string) {
  return db.selectFrom('ip_invention_rewards').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function familyReferenceTaken(db: Db, reference: string) {
  return Boolean(
    await db.selectFrom('ip_families').select('id').where('reference', '=', reference).executeTakeFirst(),
  );
}

export async function applicationTaken(db: Db, office: string, applicationNo: string) {
  return Boolean(
    await db
      .selectFrom('ip_matters')
      .select('id')
      .where('office', '=', office as never)
      .where('application_no', '=', applicationNo)
      .executeTakeFirst(),
  );
}

/** Whether any matter of the family is granted (its grant date recorded). */
export async function familyGranted(db: Db, familyId: string) {
  return Boolean(
    await db
      .selectFrom('ip_matters')
      .select('id')
      .where('family_id', '=', familyId)
      .where('grant_date', 'is not', null)
      .executeTakeFirst(),
  );
}
