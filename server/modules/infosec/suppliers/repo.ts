import { sql } from 'kysely';
import type { Db } from '../../../db/types.ts';
import type { SiteScope } from '../../../platform/access/actor.ts';
import { inScope } from '../../../platform/access/sql.ts';

/** Every SQL statement of supplier assessments, on the module's own tables, scoped by their site. */

export function supplierRows(db: Db) {
  return db.selectFrom('infosec_suppliers as s').selectAll('s');
}
export type SupplierRow = Awaited<ReturnType<ReturnType<typeof supplierRows>['execute']>>[number];

export async function servedSitesOf(db: Db, supplierIds: readonly string[]) {
  if (supplierIds.length === 0) return [];
  return db
    .selectFrom('infosec_supplier_sites as ss')
    .select(['ss.supplier_id', 'ss.site_id'])
    .where('ss.supplier_id', 'in', [...supplierIds])
    .execute();
}

export async function replaceServedSites(trx: Db, supplierId: string, siteIds: readonly string[]) {
  await trx.deleteFrom('infosec_supplier_sites').where('supplier_id', '=', supplierId).execute();
  if (siteIds.length === 0) return;
  await trx
    .insertInto('infosec_supplier_sites')
    .values([...new Set(siteIds)].map((site_id) => ({ supplier_id: supplierId, site_id })))
    .execute();
}

export async function contactsOf(db: Db, supplierIds: readonly string[]) {
  if (supplierIds.length === 0) return [];
  return db
    .selectFrom('infosec_supplier_contacts')
    .selectAll()
    .where('supplier_id', 'in', [...supplierIds])
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** Per supplier, the latest confirmation of its assessments. */
export async function lastConfirmedOf(db: Db, supplierIds: readonly string[]) {
  if (supplierIds.length === 0) return [];
  return db
    .selectFrom('infosec_supplier_assessments')
    .select(['supplier_id', sql<string>`max(confirmed_on)::text`.as('confirmed_on')])
    .where('supplier_id', 'in', [...supplierIds])
    .where('confirmed_on', 'is not', null)
    .groupBy('supplier_id')
    .execute();
}

export function templateRows(db: Db) {
  return db.selectFrom('infosec_supplier_templates as t').selectAll('t');
}
export type TemplateRow = Awaited<ReturnType<ReturnType<typeof templateRows>['execute']>>[number];

export async function assessmentsPerTemplate(db: Db) {
  const rows = await db
    .selectFrom('infosec_supplier_assessments')
    .select(['template_id', sql<number>`count(*)`.as('n')])
    .groupBy('template_id')
    .execute();
  return new Map(rows.map((r) => [r.template_id, Number(r.n)]));
}

export function assessmentRows(db: Db) {
  return db
    .selectFrom('infosec_supplier_assessments as a')
    .innerJoin('infosec_suppliers as s', 's.id', 'a.supplier_id')
    .innerJoin('infosec_supplier_templates as t', 't.id', 'a.template_id')
    .selectAll('a')
    .select(['s.name as supplier_name', 's.country as supplier_country', 't.name as template_name']);
}
export type AssessmentRow = Awaited<ReturnType<ReturnType<typeof assessmentRows>['execute']>>[number];

export async function answersOf(db: Db, assessmentIds: readonly string[]) {
  if (assessmentIds.length === 0) return [];
  return db
    .selectFrom('infosec_supplier_answers')
    .selectAll()
    .where('assessment_id', 'in', [...assessmentIds])
    .execute();
}

export async function upsertAnswers(
  trx: Db,
  assessmentId: string,
  userId: string | null,
  answers: { code: string; answer: string; note?: string | null }[],
) {
  await trx
    .insertInto('infosec_supplier_answers')
    .values(
      answers.map((a) => ({
        assessment_id: assessmentId,
        question_code: a.code,
        answer: a.answer as 'yes',
        note: a.note ?? null,
        answered_by: userId,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['assessment_id', 'question_code']).doUpdateSet((eb) => ({
        answer: eb.ref('excluded.answer'),
        note: eb.ref('excluded.note'),
        answered_by: eb.ref('excluded.answered_by'),
        answered_at: sql`now()`,
      })),
    )
    .execute();
}

/** A confirmed follow-up evaluation of this assessment, if one exists. */
export function followUpOf(db: Db, assessmentId: string) {
  return db
    .selectFrom('infosec_supplier_assessments')
    .select(['id', 'status'])
    .where('previous_id', '=', assessmentId)
    .executeTakeFirst();
}

/**
 * The supplier cybersecurity assessments of a year as the report counts them: those whose results were
 * confirmed in the year (the third step closes an assessment; follow-up evaluations are assessments too).
 */
export async function yearFigures(db: Db, scope: SiteScope, year: number, siteId?: string) {
  let q = db
    .selectFrom('infosec_supplier_assessments')
    .select([
      sql<number>`count(*)`.as('assessments'),
      sql<number>`count(*) filter (where kind = 'follow_up')`.as('follow_ups'),
      sql<number>`count(distinct supplier_id)`.as('suppliers'),
      sql<string | null>`round(avg(score), 1)`.as('average_score'),
    ])
    .where('confirmed_on', '>=', `${year}-01-01`)
    .where('confirmed_on', '<=', `${year}-12-31`)
    .where((eb) => inScope(eb, 'site_id', scope));
  if (siteId) q = q.where('site_id', '=', siteId);
  return q.executeTakeFirstOrThrow();
}
