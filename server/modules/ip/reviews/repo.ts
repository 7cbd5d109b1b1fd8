import { sql } from 'kysely';
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
