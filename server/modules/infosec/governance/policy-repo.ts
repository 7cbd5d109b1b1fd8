import { sql } from 'kysely';
import type { Db } from '../../../db/types.ts';
import type { SiteScope } from '../../../platform/access/actor.ts';
import { inScope } from '../../../platform/access/sql.ts';

/** Every SQL statement of information security policies, on the module's own tables. */

export function policyRows(db: Db) {
  return db.selectFrom('infosec_policies as p').selectAll('p');
}
export type PolicyRow = Awaited<ReturnType<ReturnType<typeof policyRows>['execute']>>[number];

/** The policies a reader sees: the group-wide ones (no site) and those of the sites in scope. */
export function policyListBase(db: Db, scope: SiteScope) {
  return policyRows(db).where((eb) => eb.or([eb('p.site_id', 'is', null), inScope(eb, 'p.site_id', scope)]));
}

export function policyById(db: Db, id: string) {
  return policyRows(db).where('p.id', '=', id).executeTakeFirst();
}

export function codeTaken(db: Db, code: string, exceptId?: string) {
  let q = db.selectFrom('infosec_policies').select('id').where(sql<boolean>`lower(code) = lower(${code})`);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

export function versionsOf(db: Db, policyIds: readonly string[]) {
  if (policyIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('infosec_policy_versions')
    .selectAll()
    .where('policy_id', 'in', [...new Set(policyIds)])
    .orderBy('effective_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}
export type PolicyVersionRow = Awaited<ReturnType<typeof versionsOf>>[number];

export function versionById(db: Db, id: string) {
  return db.selectFrom('infosec_policy_versions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether a campaign has asked for acknowledgements of the version (then it stays as it was). */
export async function versionHasCampaign(db: Db, versionId: string) {
  const row = await db
    .selectFrom('infosec_policy_campaigns')
    .select('id')
    .where('policy_version_id', '=', versionId)
    .executeTakeFirst();
  return row !== undefined;
}

export function campaignRows(db: Db) {
  return db
    .selectFrom('infosec_policy_campaigns as c')
    .innerJoin('infosec_policy_versions as v', 'v.id', 'c.policy_version_id')
    .innerJoin('infosec_policies as p', 'p.id', 'v.policy_id')
    .selectAll('c')
    .select([
      'v.label',
      'v.effective_on',
      'v.policy_id',
      'p.code as policy_code',
      'p.title as policy_title',
      'p.site_id as policy_site_id',
    ]);
}
export type CampaignRow = Awaited<ReturnType<ReturnType<typeof campaignRows>['execute']>>[number];

export function campaignById(db: Db, id: string) {
  return campaignRows(db).where('c.id', '=', id).executeTakeFirst();
}

export function campaignsOfPolicy(db: Db, policyId: string) {
  return campaignRows(db)
    .where('v.policy_id', '=', policyId)
    .orderBy('c.opened_on', 'desc')
    .orderBy('c.id')
    .execute();
}

export async function campaignSites(db: Db, campaignIds: readonly string[]) {
  if (campaignIds.length === 0) return [];
  return db
    .selectFrom('infosec_policy_campaign_sites')
    .selectAll()
    .where('campaign_id', 'in', [...new Set(campaignIds)])
    .execute();
}

/** Asked and acknowledged per campaign and site, counted from the rows. */
export async function progressCounts(db: Db, campaignIds: readonly string[]) {
  if (campaignIds.length === 0) return [];
  const rows = await db
    .selectFrom('infosec_policy_asked as a')
    .leftJoin('infosec_policy_acknowledgements as k', (j) =>
      j.onRef('k.campaign_id', '=', 'a.campaign_id').onRef('k.user_id', '=', 'a.user_id'),
    )
    .select((eb) => [
      'a.campaign_id',
      'a.site_id',
      eb.fn.countAll<string>().as('asked'),
      eb.fn.count<string>('k.user_id').as('acknowledged'),
    ])
    .where('a.campaign_id', 'in', [...new Set(campaignIds)])
    .groupBy(['a.campaign_id', 'a.site_id'])
    .execute();
  return rows.map((r) => ({
    campaignId: r.campaign_id,
    siteId: r.site_id,
    asked: Number(r.asked),
    acknowledged: Number(r.acknowledged),
  }));
}

/** The people of a campaign asked at these sites who have not acknowledged. */
export function notAcknowledged(db: Db, campaignId: string, scope: SiteScope) {
  return db
    .selectFrom('infosec_policy_asked as a')
    .leftJoin('infosec_policy_acknowledgements as k', (j) =>
      j.onRef('k.campaign_id', '=', 'a.campaign_id').onRef('k.user_id', '=', 'a.user_id'),
    )
    .select(['a.user_id', 'a.employee_id', 'a.site_id'])
    .where('a.campaign_id', '=', campaignId)
    .where('k.user_id', 'is', null)
    .where((eb) => inScope(eb, 'a.site_id', scope))
    .orderBy('a.site_id')
    .orderBy('a.user_id')
    .limit(1000)
    .execute();
}

/** The campaigns that ask this user, with the user's acknowledgement if any. */
export function campaignsAsking(db: Db, userId: string) {
  return campaignRows(db)
    .innerJoin('infosec_policy_asked as a', 'a.campaign_id', 'c.id')
    .leftJoin('infosec_policy_acknowledgements as k', (j) =>
      j.onRef('k.campaign_id', '=', 'a.campaign_id').onRef('k.user_id', '=', 'a.user_id'),
    )
    .select(['a.site_id as asked_site_id', 'k.acknowledged_at'])
    .where('a.user_id', '=', userId)
    .orderBy('c.due_on', 'desc')
    .orderBy('c.id')
    .execute();
}
