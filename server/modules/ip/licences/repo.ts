import { sql } from 'kysely';
import type { Db } from '../../../db/types.ts';
import type { SiteScope } from '../../../platform/access/actor.ts';
import { inScope } from '../../../platform/access/sql.ts';

/** SQL of licences, their royalty reports and freedom-to-operate records. */

export function licenceRows(db: Db) {
  return db.selectFrom('ip_licences as l').selectAll('l');
}
export type LicenceRow = Awaited<ReturnType<ReturnType<typeof licenceRows>['execute']>>[number];

export function ftoRows(db: Db) {
  return db.selectFrom('ip_fto_records as o').selectAll('o');
}
export type FtoRow = Awaited<ReturnType<ReturnType<typeof ftoRows>['execute']>>[number];

export type FamilyLabel = { id: string; reference: string; title: string; siteId: string };
export type MatterLabel = {
  id: string;
  office: string;
  applicationNo: string;
  patentNo: string | null;
  siteId: string;
};

export async function familyLabels(db: Db, ids: readonly string[]): Promise<Map<string, FamilyLabel>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('ip_families')
    .select(['id', 'reference', 'title', 'site_id'])
    .where('id', 'in', unique)
    .execute();
  return new Map(
    rows.map((r) => [r.id, { id: r.id, reference: r.reference, title: r.title, siteId: r.site_id }]),
  );
}

export async function matterLabels(db: Db, ids: readonly string[]): Promise<Map<string, MatterLabel>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('ip_matters')
    .select(['id', 'office', 'application_no', 'patent_no', 'site_id'])
    .where('id', 'in', unique)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        office: r.office,
        applicationNo: r.application_no,
        patentNo: r.patent_no,
        siteId: r.site_id,
      },
    ]),
  );
}

/** The families and matters each licence covers, in reference and number order. */
export async function coverage(db: Db, licenceIds: readonly string[]) {
  const families = new Map<string, string[]>();
  const matters = new Map<string, string[]>();
  if (licenceIds.length === 0) return { families, matters };
  const [f, m] = await Promise.all([
    db
      .selectFrom('ip_licence_families as lf')
      .innerJoin('ip_families as f', 'f.id', 'lf.family_id')
      .select(['lf.licence_id', 'lf.family_id'])
      .where('lf.licence_id', 'in', licenceIds)
      .orderBy('f.reference')
      .execute(),
    db
      .selectFrom('ip_licence_matters as lm')
      .innerJoin('ip_matters as m', 'm.id', 'lm.matter_id')
      .select(['lm.licence_id', 'lm.matter_id'])
      .where('lm.licence_id', 'in', licenceIds)
      .orderBy('m.office')
      .orderBy('m.application_no')
      .execute(),
  ]);
  for (const r of f) families.set(r.licence_id, [...(families.get(r.licence_id) ?? []), r.family_id]);
  for (const r of m) matters.set(r.licence_id, [...(matters.get(r.licence_id) ?? []), r.matter_id]);
  return { families, matters };
}

export async function replaceCoverage(trx: Db, licenceId: string, familyIds: string[], matterIds: string[]) {
  await trx.deleteFrom('ip_licence_families').where('licence_id', '=', licenceId).execute();
  await trx.deleteFrom('ip_licence_matters').where('licence_id', '=', licenceId).execute();
  if (familyIds.length)
    await trx
      .insertInto('ip_licence_families')
      .values(familyIds.map((family_id) => ({ licence_id: licenceId, family_id })))
      .execute();
  if (matterIds.length)
    await trx
      .insertInto('ip_licence_matters')
      .values(matterIds.map((matter_id) => ({ licence_id: licenceId, matter_id })))
      .execute();
}

export function reportRows(db: Db, licenceId: string) {
  return db
    .selectFrom('ip_royalty_reports')
    .selectAll()
    .where('licence_id', '=', licenceId)
    .orderBy('period_end', 'desc')
    .execute();
}

export async function reportedPeriodEnds(db: Db, licenceIds: readonly string[]) {
  const out = new Map<string, Set<string>>();
  if (licenceIds.length === 0) return out;
  const rows = await db
    .selectFrom('ip_royalty_reports')
    .select(['licence_id', 'period_end'])
    .where('licence_id', 'in', licenceIds)
    .execute();
  for (const r of rows) {
    const set = out.get(r.licence_id) ?? new Set<string>();
    set.add(r.period_end);
    out.set(r.licence_id, set);
  }
  return out;
}

/** Licences in scope that cover a matter, directly or through its family. */
export function licencesCoveringMatter(db: Db, matterId: string, familyId: string, scope: SiteScope) {
  return licenceRows(db)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('ip_licence_matters as lm')
            .select(sql`1`.as('one'))
            .whereRef('lm.licence_id', '=', 'l.id')
            .where('lm.matter_id', '=', matterId),
        ),
        eb.exists(
          eb
            .selectFrom('ip_licence_families as lf')
            .select(sql`1`.as('one'))
            .whereRef('lf.licence_id', '=', 'l.id')
            .where('lf.family_id', '=', familyId),
        ),
      ]),
    )
    .where((eb) => inScope(eb, 'l.site_id', scope))
    .orderBy('l.starts_on', 'desc')
    .orderBy('l.id')
    .execute();
}
