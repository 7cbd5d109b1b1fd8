import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../../db/types.ts';
import type { SiteScope } from '../../../platform/access/actor.ts';
import { inScope } from '../../../platform/access/sql.ts';

/** SQL of the NIST CSF assessment's own tables. */

export function assessmentRows(db: Db) {
  return db
    .selectFrom('csf_assessments as a')
    .innerJoin('csf_campaigns as c', 'c.id', 'a.campaign_id')
    .selectAll('a')
    .select(['c.year', 'c.basis', 'c.catalogue_id', 'c.name as campaign_name'])
    .select((eb) =>
      eb
        .selectFrom('csf_answers as n')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('n.assessment_id', '=', 'a.id')
        .where((e) => e.or([e('n.current_level', 'is not', null), e('n.not_applicable', '=', true)]))
        .as('answered'),
    );
}
export type AssessmentRow = Awaited<ReturnType<ReturnType<typeof assessmentRows>['execute']>>[number];

export function answersOf(db: Db, assessmentId: string) {
  return db.selectFrom('csf_answers').selectAll().where('assessment_id', '=', assessmentId).execute();
}

export function revisionsOf(db: Db, campaignId: string, siteId: string, domain: 'it' | 'ot') {
  return db
    .selectFrom('csf_assessments')
    .select(['id', 'revision', 'status'])
    .where('campaign_id', '=', campaignId)
    .where('site_id', '=', siteId)
    .where('domain', '=', domain)
    .orderBy('revision', 'desc')
    .execute();
}

/**
 * Campaigns with the number of their site assessments in scope (one per site and domain, whatever its
 * revisions) and of those with an approved revision.
 */
export function campaignRows(db: Db, scope: SiteScope) {
  return db
    .selectFrom('csf_campaigns as c')
    .innerJoin('csf_catalogues as k', 'k.id', 'c.catalogue_id')
    .leftJoin('csf_assessments as a', (j) => j.onRef('a.campaign_id', '=', 'c.id').on('a.revision', '=', 1))
    .where((eb) => eb.or([eb('a.id', 'is', null), inScope(eb, 'a.site_id', scope)]))
    .select([
      'c.id',
      'c.year',
      'c.name',
      'c.basis',
      'c.due_on',
      'c.status',
      'c.version',
      'k.version as catalogue_version',
      (eb) => eb.fn.count<number>('a.id').as('assessments'),
      sql<number>`count(a.id) filter (where exists (
        select 1 from csf_assessments r
        where r.campaign_id = a.campaign_id and r.site_id = a.site_id and r.domain = a.domain
          and r.status in ('approved', 'superseded')))`.as('approved'),
    ])
    .groupBy(['c.id', 'k.version'])
    .orderBy('c.year', 'desc')
    .execute();
}

/** Only the latest revision of each site's assessment (a correction under way stands for its site). */
// biome-ignore lint/suspicious/noExplicitAny: any query that names its assessments `a`.
export function latestRevisionOnly(eb: ExpressionBuilder<any, any>) {
  return eb.not(
    eb.exists(
      eb
        .selectFrom('csf_assessments as newer')
        .select('newer.id')
        .whereRef('newer.campaign_id', '=', 'a.campaign_id')
        .whereRef('newer.site_id', '=', 'a.site_id')
        .whereRef('newer.domain', '=', 'a.domain')
        .whereRef('newer.revision', '>', 'a.revision'),
    ),
  );
}

/**
 * Level tallies of the approved assessments of one domain, by year, site and function: the roll-ups and the
 * heat map are computed from these (sum and count of applicable levels, and how many not applicable). A CSF
 * identifier starts with its function's ("PR.AA-01" is Protect's), so no catalogue join is needed.
 */
export function approvedTallies(
  db: Db,
  scope: SiteScope,
  filter: { domain: 'it' | 'ot'; year?: number; siteId?: string },
) {
  let q = db
    .selectFrom('csf_answers as n')
    .innerJoin('csf_assessments as a', 'a.id', 'n.assessment_id')
    .innerJoin('csf_campaigns as c', 'c.id', 'a.campaign_id')
    .where('a.status', '=', 'approved')
    .where('a.domain', '=', filter.domain)
    .where((eb) => inScope(eb, 'a.site_id', scope));
  if (filter.year !== undefined) q = q.where('c.year', '=', filter.year);
  if (filter.siteId !== undefined) q = q.where('a.site_id', '=', filter.siteId);
  return q
    .select([
      'c.year',
      'c.basis',
      'c.catalogue_id',
      'a.id as assessment_id',
      'a.site_id',
      sql<string>`substr(n.subcategory, 1, 2)`.as('function'),
      sql<number>`coalesce(sum(n.current_level), 0)::int`.as('sum'),
      sql<number>`count(n.current_level)::int`.as('count'),
      sql<number>`count(*) filter (where n.not_applicable)::int`.as('not_applicable'),
    ])
    .groupBy(['c.year', 'c.basis', 'c.catalogue_id', 'a.id', 'a.site_id', sql`substr(n.subcategory, 1, 2)`])
    .execute();
}

/** Per subcategory: how far the approved assessments of a year fall short of their targets. */
export function gapRows(db: Db, scope: SiteScope, year: number, domain: 'it' | 'ot') {
  return db
    .selectFrom('csf_answers as n')
    .innerJoin('csf_assessments as a', 'a.id', 'n.assessment_id')
    .innerJoin('csf_campaigns as c', 'c.id', 'a.campaign_id')
    .where('a.status', '=', 'approved')
    .where('a.domain', '=', domain)
    .where('c.year', '=', year)
    .where('n.current_level', 'is not', null)
    .where('n.target_level', 'is not', null)
    .where((eb) => inScope(eb, 'a.site_id', scope))
    .select([
      'n.subcategory',
      sql<number>`count(*)::int`.as('assessed'),
      sql<number>`count(*) filter (where n.current_level < n.target_level)::int`.as('below'),
      sql<number>`coalesce(sum(n.target_level - n.current_level) filter (where n.current_level < n.target_level), 0)::int`.as(
        'gap_sum',
      ),
    ])
    .groupBy('n.subcategory')
    .execute();
}

export function benchmarks(db: Db) {
  return db.selectFrom('csf_benchmarks').selectAll().execute();
}

export type ApprovedTally = Awaited<ReturnType<typeof approvedTallies>>[number];
