import { sql } from 'kysely';
import type { Db } from '../../../db/types.ts';
import type { SiteScope } from '../../../platform/access/actor.ts';
import { inScope } from '../../../platform/access/sql.ts';

/** Every SQL statement of phishing campaigns and their results, on the module's own tables. */

/** The counts of a group of results: targets, and how many opened, clicked, submitted (furthest step) or reported. */
const counts = {
  targets: sql<number>`count(r.id)`,
  opened: sql<number>`count(r.id) filter (where r.status in ('opened', 'clicked', 'submitted'))`,
  clicked: sql<number>`count(r.id) filter (where r.status in ('clicked', 'submitted'))`,
  submitted: sql<number>`count(r.id) filter (where r.status = 'submitted')`,
  reported: sql<number>`count(r.id) filter (where r.reported)`,
};

export function campaignRows(db: Db) {
  return db
    .selectFrom('infosec_phishing_campaigns as c')
    .leftJoin('infosec_phishing_results as r', 'r.campaign_id', 'c.id')
    .selectAll('c')
    .select([
      counts.targets.as('targets'),
      counts.opened.as('opened'),
      counts.clicked.as('clicked'),
      counts.submitted.as('submitted'),
      counts.reported.as('reported'),
    ])
    .groupBy('c.id');
}
export type CampaignRow = Awaited<ReturnType<ReturnType<typeof campaignRows>['execute']>>[number];

export function campaignListBase(db: Db, scope: SiteScope) {
  return campaignRows(db).where((eb) => inScope(eb, 'c.site_id', scope));
}

/** The clicked share of a campaign, for sorting the list by it. */
export const clickedShare = sql`(count(r.id) filter (where r.status in ('clicked', 'submitted')))::numeric / nullif(count(r.id), 0)`;

export function byDepartment(db: Db, campaignId: string) {
  return db
    .selectFrom('infosec_phishing_results as r')
    .select([
      'r.department',
      counts.targets.as('targets'),
      counts.opened.as('opened'),
      counts.clicked.as('clicked'),
      counts.submitted.as('submitted'),
      counts.reported.as('reported'),
    ])
    .where('r.campaign_id', '=', campaignId)
    .groupBy('r.department')
    .orderBy('r.department')
    .execute();
}

export function bySite(db: Db, scope: SiteScope, year: number, siteId?: string) {
  let q = db
    .selectFrom('infosec_phishing_results as r')
    .innerJoin('infosec_phishing_campaigns as c', 'c.id', 'r.campaign_id')
    .select([
      'r.site_id',
      counts.targets.as('targets'),
      counts.opened.as('opened'),
      counts.clicked.as('clicked'),
      counts.submitted.as('submitted'),
      counts.reported.as('reported'),
    ])
    .where((eb) => inScope(eb, 'r.site_id', scope))
    .where('c.sent_on', '>=', `${year}-01-01`)
    .where('c.sent_on', '<=', `${year}-12-31`)
    .groupBy('r.site_id');
  if (siteId) q = q.where('r.site_id', '=', siteId);
  return q.execute();
}

/**
 * The repeat clickers of a campaign: recipients who clicked or submitted in it and in at least one campaign
 * sent before it (at any site), with how many such earlier campaigns.
 */
export function repeatClickers(db: Db, campaignId: string) {
  return db
    .selectFrom('infosec_phishing_results as r')
    .innerJoin('infosec_phishing_campaigns as c', 'c.id', 'r.campaign_id')
    .innerJoin('infosec_phishing_results as e', 'e.employee_id', 'r.employee_id')
    .innerJoin('infosec_phishing_campaigns as ec', 'ec.id', 'e.campaign_id')
    .select(['r.id', 'r.employee_id', 'r.site_id', 'r.name', 'r.department', 'r.status', 'r.training_due_on'])
    .select((eb) => eb.fn.count<number>('ec.id').distinct().as('earlier'))
    .where('r.campaign_id', '=', campaignId)
    .where('r.status', 'in', ['clicked', 'submitted'])
    .where('e.status', 'in', ['clicked', 'submitted'])
    .whereRef('ec.sent_on', '<', 'c.sent_on')
    .groupBy([
      'r.id',
      'r.employee_id',
      'r.site_id',
      'r.name',
      'r.department',
      'r.status',
      'r.training_due_on',
    ])
    .orderBy('r.name')
    .execute();
}
