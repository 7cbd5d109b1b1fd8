import { sql } from 'kysely';
import type {
  collegeInstitutes,
  internOutcomes,
  internPrograms,
  paymentCategories,
} from '#shared/modules/academia/contract.ts';
import { bulkInsert } from '../../db/bulk.ts';
import type { Db } from '../../db/types.ts';
import type { SiteScope } from '../../platform/access/actor.ts';
import { inScope } from '../../platform/access/sql.ts';

/** SQL of the industry–academia program: the rows of each record with its partner's name. */

export function partnerRows(db: Db) {
  return db.selectFrom('academia_partners as p').selectAll('p');
}
export type PartnerRow = Awaited<ReturnType<ReturnType<typeof partnerRows>['execute']>>[number];

export function agreementRows(db: Db) {
  return db
    .selectFrom('academia_agreements as a')
    .innerJoin('academia_partners as p', 'p.id', 'a.partner_id')
    .selectAll('a')
    .select(['p.name as partner_name', 'p.name_zh as partner_name_zh']);
}
export type AgreementRow = Awaited<ReturnType<ReturnType<typeof agreementRows>['execute']>>[number];

export function projectRows(db: Db) {
  return db
    .selectFrom('academia_projects as r')
    .innerJoin('academia_partners as p', 'p.id', 'r.partner_id')
    .selectAll('r')
    .select((eb) => [
      'p.name as partner_name',
      'p.name_zh as partner_name_zh',
      eb
        .selectFrom('academia_project_budgets as b')
        .select(sql<string>`coalesce(sum(b.budget_minor), 0)`.as('t'))
        .whereRef('b.project_id', '=', 'r.id')
        .as('budget_minor'),
    ]);
}
export type ProjectRow = Awaited<ReturnType<ReturnType<typeof projectRows>['execute']>>[number];

export function paymentRows(db: Db) {
  return db
    .selectFrom('academia_payments as m')
    .innerJoin('academia_partners as p', 'p.id', 'm.partner_id')
    .selectAll('m')
    .select(['p.name as partner_name', 'p.name_zh as partner_name_zh']);
}
export type PaymentRow = Awaited<ReturnType<ReturnType<typeof paymentRows>['execute']>>[number];

export function internRows(db: Db) {
  return db
    .selectFrom('academia_interns as i')
    .innerJoin('academia_partners as p', 'p.id', 'i.partner_id')
    .selectAll('i')
    .select(['p.name as partner_name', 'p.name_zh as partner_name_zh']);
}
export type InternRow = Awaited<ReturnType<ReturnType<typeof internRows>['execute']>>[number];

export function scholarshipRows(db: Db) {
  return db
    .selectFrom('academia_scholarships as s')
    .innerJoin('academia_partners as p', 'p.id', 's.partner_id')
    .selectAll('s')
    .select(['p.name as partner_name', 'p.name_zh as partner_name_zh']);
}
export type ScholarshipRow = Awaited<ReturnType<ReturnType<typeof scholarshipRows>['execute']>>[number];

export async function partnerExists(db: Db, id: string) {
  return !!(await db.selectFrom('academia_partners').select('id').where('id', '=', id).executeTakeFirst());
}

/** Holds the change of a record's sign-in for the rest of the transaction (one holder at a time). */
export async function lockSignIn(trx: Db, recordType: string, recordId: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`${recordType}:${recordId}`}))`.execute(trx);
}

/** A milestone's site, project and whether it is done: who may read or add its deliverables. */
export function milestoneOwner(db: Db, id: string) {
  return db
    .selectFrom('academia_milestones')
    .select(['site_id', 'project_id', 'done_on'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A milestone's title with its project's title and investigator, for a notice about it. */
export function milestoneNaming(db: Db, id: string) {
  return db
    .selectFrom('academia_milestones as m')
    .innerJoin('academia_projects as r', 'r.id', 'm.project_id')
    .select(['m.title', 'm.project_id', 'r.title as project_title', 'r.principal_investigator'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

/** A project's milestones and outcomes, without its money. */
export function projectPlan(db: Db, projectId: string) {
  return projectPlans(db, [projectId]);
}

/** The milestones and outcomes of several projects, in two queries, in each project's order. */
export async function projectPlans(db: Db, projectIds: readonly string[]) {
  if (projectIds.length === 0) return { milestones: [], outcomes: [] };
  const [milestones, outcomes] = await Promise.all([
    db
      .selectFrom('academia_milestones')
      .selectAll()
      .where('project_id', 'in', projectIds)
      .orderBy('due_date')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('academia_outcomes')
      .selectAll()
      .where('project_id', 'in', projectIds)
      .orderBy('occurred_on')
      .orderBy('id')
      .execute(),
  ]);
  return { milestones, outcomes };
}

/** A project's budget lines, milestones, outcomes and payments. */
export async function projectParts(db: Db, projectId: string) {
  const [budget, plan, payments] = await Promise.all([
    db
      .selectFrom('academia_project_budgets')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('year')
      .execute(),
    projectPlan(db, projectId),
    paymentRows(db).where('m.project_id', '=', projectId).orderBy('m.paid_on').orderBy('m.id').execute(),
  ]);
  return { budget, ...plan, payments };
}

/** Replaces a project's budget lines (in the transaction that changes the project). */
export async function replaceBudget(
  trx: Db,
  project: { id: string; site_id: string },
  lines: readonly { year: number; budgetMinor: number }[],
  userId: string | null,
) {
  await trx.deleteFrom('academia_project_budgets').where('project_id', '=', project.id).execute();
  if (lines.length === 0) return;
  await trx
    .insertInto('academia_project_budgets')
    .values(
      lines.map((l) => ({
        project_id: project.id,
        site_id: project.site_id,
        year: l.year,
        budget_minor: l.budgetMinor,
        created_by: userId,
        updated_by: userId,
      })),
    )
    .execute();
}

/** Patent outcomes with this IP reference, at the sites in scope. */
export function outcomesByIpReference(db: Db, reference: string, scope: SiteScope) {
  return db
    .selectFrom('academia_outcomes as o')
    .select(['o.project_id as projectId', 'o.id as outcomeId', 'o.title'])
    .where('o.ip_reference', '=', reference)
    .where((eb) => inScope(eb, 'o.site_id', scope))
    .execute();
}

/** The rows behind a year's contribution, at the sites in scope. */
export async function contributionRows(db: Db, scope: SiteScope, year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [payments, projects, internsStarted, internsEnded, scholarships] = await Promise.all([
    db
      .selectFrom('academia_payments')
      .select(['site_id', 'partner_id', 'category', 'paid_on', 'amount_minor', 'currency'])
      .where('paid_on', '>=', from)
      .where('paid_on', '<=', to)
      .where((eb) => inScope(eb, 'site_id', scope))
      .execute(),
    // Counted here, not listed: a year of a large program has thousands of interns and projects, and the
    // report needs only how many there are per partner, site and outcome.
    db
      .selectFrom('academia_projects')
      .select(['partner_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('status', 'in', ['active', 'completed'])
      .where('starts_on', '<=', to)
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', from)]))
      .where((eb) => inScope(eb, 'site_id', scope))
      .groupBy('partner_id')
      .execute(),
    db
      .selectFrom('academia_interns')
      .select(['site_id', 'partner_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('started_on', '>=', from)
      .where('started_on', '<=', to)
      .where((eb) => inScope(eb, 'site_id', scope))
      .groupBy(['site_id', 'partner_id'])
      .execute(),
    db
      .selectFrom('academia_interns')
      .select([
        'outcome',
        'ended_on',
        (eb) => eb('hired_on', 'is not', null).as('hired'),
        (eb) => eb.fn.countAll<string>().as('n'),
      ])
      .where('ended_on', '>=', from)
      .where('ended_on', '<=', to)
      .where((eb) => inScope(eb, 'site_id', scope))
      .groupBy(['outcome', 'ended_on', 'hired'])
      .execute(),
    db
      .selectFrom('academia_scholarships')
      .select(['partner_id'])
      .distinct()
      .where('awarded_on', '>=', from)
      .where('awarded_on', '<=', to)
      .where((eb) => inScope(eb, 'site_id', scope))
      .execute(),
  ]);
  return { payments, projects, internsStarted, internsEnded, scholarships };
}

/**
 * The research projects active in a year (as the contribution counts them) with their dates and status, and
 * the outcomes recorded in the year by kind, at the sites in scope.
 */
export async function researchYearRows(db: Db, scope: SiteScope, year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [projects, outcomes] = await Promise.all([
    db
      .selectFrom('academia_projects')
      .select(['id', 'status', 'starts_on', 'ends_on'])
      .where('status', 'in', ['active', 'completed'])
      .where('starts_on', '<=', to)
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', from)]))
      .where((eb) => inScope(eb, 'site_id', scope))
      .execute(),
    db
      .selectFrom('academia_outcomes')
      .select(['kind', (eb) => eb.fn.countAll<string>().as('n')])
      .where('occurred_on', '>=', from)
      .where('occurred_on', '<=', to)
      .where((eb) => inScope(eb, 'site_id', scope))
      .groupBy('kind')
      .execute(),
  ]);
  return { projects, outcomes };
}

/** The scholarships awarded in a year with their amounts, at the sites in scope. */
export function scholarshipsAwarded(db: Db, scope: SiteScope, year: number) {
  return db
    .selectFrom('academia_scholarships')
    .select(['partner_id', 'awarded_on', 'amount_minor', 'currency'])
    .where('awarded_on', '>=', `${year}-01-01`)
    .where('awarded_on', '<=', `${year}-12-31`)
    .where((eb) => inScope(eb, 'site_id', scope))
    .execute();
}

/**
 * The cohorts of a year at the sites in scope: students whose study began in it, by program and institute,
 * with those the company sponsors.
 */
export function cohortTotals(db: Db, scope: SiteScope, year: number) {
  return db
    .selectFrom('academia_interns')
    .select([
      'program',
      'institute',
      sql<string>`count(*)`.as('students'),
      sql<string>`count(*) filter (where sponsored)`.as('sponsored'),
    ])
    .where('study_started_on', '>=', `${year}-01-01`)
    .where('study_started_on', '<=', `${year}-12-31`)
    .where((eb) => inScope(eb, 'site_id', scope))
    .groupBy(['program', 'institute'])
    .orderBy('program')
    .orderBy('institute')
    .execute();
}

/**
 * The interns already recorded at these sites and schools who started on one of these days (a superset of an
 * import's natural key; the caller compares the names).
 */
export function internsLike(
  db: Db,
  keys: readonly { siteId: string; partnerId: string; startedOn: string }[],
) {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('academia_interns')
    .select(['site_id', 'partner_id', 'full_name', 'started_on'])
    .where('site_id', 'in', [...new Set(keys.map((k) => k.siteId))])
    .where('partner_id', 'in', [...new Set(keys.map((k) => k.partnerId))])
    .where('started_on', 'in', [...new Set(keys.map((k) => k.startedOn))])
    .where('full_name', 'is not', null)
    .execute();
}

export type InternInsert = {
  siteId: string;
  partnerId: string;
  fullName: string;
  email: string | null;
  dateOfBirth: string | null;
  program: (typeof internPrograms)[number];
  startedOn: string;
  endedOn: string | null;
  hours: number;
  outcome: (typeof internOutcomes)[number];
  institute: (typeof collegeInstitutes)[number] | null;
  sponsored: boolean;
  studyStartedOn: string | null;
  studyEndedOn: string | null;
};

/**
 * Writes a batch of checked interns (an import's, inside its transaction), as JSON rows: sixteen columns of a
 * full batch would pass the 65,535 parameters a statement may bind.
 */
export async function insertInterns(db: Db, rows: readonly InternInsert[], actorId: string | null) {
  await bulkInsert(
    db,
    'academia_interns',
    rows.map((r) => ({
      site_id: r.siteId,
      partner_id: r.partnerId,
      full_name: r.fullName,
      email: r.email,
      date_of_birth: r.dateOfBirth,
      program: r.program,
      started_on: r.startedOn,
      ended_on: r.endedOn,
      hours: r.hours,
      outcome: r.outcome,
      institute: r.institute,
      sponsored: r.sponsored,
      study_started_on: r.studyStartedOn,
      study_ended_on: r.studyEndedOn,
      created_by: actorId,
      updated_by: actorId,
    })),
  );
}

/** Research projects of these sites and schools whose titles are among these (lower case), for an import. */
export function projectsTitled(
  db: Db,
  keys: readonly { siteId: string; partnerId: string; projectTitle: string | null }[],
) {
  const titled = keys.filter((k) => k.projectTitle);
  if (titled.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('academia_projects')
    .select(['id', 'site_id', 'partner_id', 'title'])
    .where('site_id', 'in', [...new Set(titled.map((k) => k.siteId))])
    .where('partner_id', 'in', [...new Set(titled.map((k) => k.partnerId))])
    .where((eb) => eb.fn('lower', ['title']), 'in', [
      ...new Set(titled.map((k) => (k.projectTitle as string).toLowerCase())),
    ])
    .execute();
}

/** Payments already recorded at these sites to these schools on these days (an import's duplicates). */
export function paymentsLike(db: Db, keys: readonly { siteId: string; partnerId: string; paidOn: string }[]) {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('academia_payments')
    .select([
      'site_id',
      'partner_id',
      'category',
      'paid_on',
      'currency',
      'amount_minor',
      'project_id',
      'note',
    ])
    .where('site_id', 'in', [...new Set(keys.map((k) => k.siteId))])
    .where('partner_id', 'in', [...new Set(keys.map((k) => k.partnerId))])
    .where('paid_on', 'in', [...new Set(keys.map((k) => k.paidOn))])
    .execute();
}

export type PaymentInsert = {
  siteId: string;
  partnerId: string;
  category: (typeof paymentCategories)[number];
  projectTitle: string | null;
  /** Found by the import's check of the batch. */
  projectId: string | null;
  paidOn: string;
  amountMinor: number;
  currency: string;
  note: string | null;
};

/** Writes a batch of checked payments (an import's, inside its transaction). */
export async function insertPayments(db: Db, rows: readonly PaymentInsert[], actorId: string | null) {
  if (rows.length === 0) return;
  await db
    .insertInto('academia_payments')
    .values(
      rows.map((r) => ({
        site_id: r.siteId,
        partner_id: r.partnerId,
        category: r.category,
        project_id: r.projectId,
        scholarship_id: null,
        paid_on: r.paidOn,
        amount_minor: r.amountMinor,
        currency: r.currency,
        note: r.note,
        created_by: actorId,
        updated_by: actorId,
      })),
    )
    .execute();
}
