import { sql } from 'kysely';
import type { KeepDropDecision } from '#shared/modules/ip/reassessment/contract.ts';
import type { Db } from '../../../db/types.ts';
import type { SiteScope } from '../../../platform/access/actor.ts';
import { inScope } from '../../../platform/access/sql.ts';

/** SQL of the portfolio review campaigns and their items. */

export function campaignRows(db: Db) {
  return db.selectFrom('ip_review_campaigns as c').selectAll('c');
}
export type CampaignRow = Awaited<ReturnType<ReturnType<typeof campaignRows>['execute']>>[number];

export function itemRows(db: Db) {
  return db
    .selectFrom('ip_review_items as i')
    .innerJoin('ip_matters as m', 'm.id', 'i.matter_id')
    .innerJoin('ip_families as f', 'f.id', 'm.family_id')
    .selectAll('i')
    .select([
      'm.office',
      'm.application_no',
      'm.patent_no',
      'f.reference as family_reference',
      'f.title as family_title',
      'f.technology',
    ]);
}
export type ItemRow = Awaited<ReturnType<ReturnType<typeof itemRows>['execute']>>[number];

export type Tally = {
  total: number;
  reviewed: number;
  keep: number;
  drop: number;
  sell: number;
  license: number;
};

/** Items and verdicts per campaign (and site, when asked), counted over the sites in scope. */
export async function tallies(db: Db, campaignIds: readonly string[], scope: SiteScope, bySite = false) {
  if (campaignIds.length === 0) return [];
  const counted = (verdict: string) => sql<string>`count(*) filter (where i.verdict = ${verdict})`;
  let q = db
    .selectFrom('ip_review_items as i')
    .where('i.campaign_id', 'in', [...campaignIds])
    .where((eb) => inScope(eb, 'i.site_id', scope))
    .select([
      'i.campaign_id',
      (eb) => eb.fn.countAll<string>().as('total'),
      (eb) => eb.fn.count<string>('i.verdict').as('reviewed'),
      counted('keep').as('keep'),
      counted('drop').as('drop'),
      counted('sell').as('sell'),
      counted('license').as('license'),
    ])
    .groupBy('i.campaign_id');
  if (bySite) q = q.select('i.site_id').groupBy('i.site_id');
  const rows = await q.execute();
  return rows.map((r) => ({
    campaignId: r.campaign_id,
    siteId: bySite ? (r as unknown as { site_id: string }).site_id : null,
    tally: {
      total: Number(r.total),
      reviewed: Number(r.reviewed),
      keep: Number(r.keep),
      drop: Number(r.drop),
      sell: Number(r.sell),
      license: Number(r.license),
    } satisfies Tally,
  }));
}

export type LatestVerdict = {
  campaign_id: string;
  campaign_name: string;
  verdict: KeepDropDecision;
  note: string | null;
  reviewed_on: string;
  reviewed_by: string | null;
};

/** The latest verdict given on each matter in any review campaign, with the campaign's name. */
export async function latestVerdicts(db: Db, matterIds: readonly string[]) {
  const out = new Map<string, LatestVerdict>();
  if (matterIds.length === 0) return out;
  const rows = await db
    .selectFrom('ip_review_items as i')
    .innerJoin('ip_review_campaigns as c', 'c.id', 'i.campaign_id')
    // A matter moved to another site since carries the verdicts of its present site only.
    .innerJoin('ip_matters as m', (j) =>
      j.onRef('m.id', '=', 'i.matter_id').onRef('m.site_id', '=', 'i.site_id'),
    )
    .where('i.matter_id', 'in', [...new Set(matterIds)])
    .where('i.verdict', 'is not', null)
    .distinctOn('i.matter_id')
    .select([
      'i.matter_id',
      'i.campaign_id',
      'c.name as campaign_name',
      'i.verdict',
      'i.note',
      'i.reviewed_on',
      'i.reviewed_by',
    ])
    .orderBy('i.matter_id')
    .orderBy('i.reviewed_on', 'desc')
    .orderBy('i.updated_at', 'desc')
    .execute();
  for (const r of rows)
    out.set(r.matter_id, {
      campaign_id: r.campaign_id,
      campaign_name: r.campaign_name,
      verdict: r.verdict as KeepDropDecision,
      note: r.note,
      reviewed_on: r.reviewed_on as string,
      reviewed_by: r.reviewed_by,
    });
  return out;
}

/**
 * Patents judged in a year at the sites in scope, each counted once by the latest verdict given it in the year
 * (a patent reviewed in two campaigns is one patent), per verdict.
 */
export async function verdictCountsInYear(db: Db, scope: SiteScope, year: number) {
  const latest = db
    .selectFrom('ip_review_items as i')
    .where('i.reviewed_on', '>=', `${year}-01-01`)
    .where('i.reviewed_on', '<=', `${year}-12-31`)
    .where((eb) => inScope(eb, 'i.site_id', scope))
    .distinctOn('i.matter_id')
    .select(['i.matter_id', 'i.verdict'])
    .orderBy('i.matter_id')
    .orderBy('i.reviewed_on', 'desc')
    .orderBy('i.updated_at', 'desc');
  const rows = await db
    .selectFrom(latest.as('l'))
    .select(['l.verdict', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('l.verdict')
    .execute();
  return rows.map((r) => ({ verdict: r.verdict as KeepDropDecision, count: Number(r.n) }));
}
