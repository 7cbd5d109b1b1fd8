import type { SourcesService } from '../../../platform/sources/service.ts';
import { MEMBERSHIP_SOURCE } from './memberships.ts';
import { CAMPAIGN_SOURCE } from './policy-campaigns.ts';
import { RISK_SOURCE } from './risks.ts';

/** The names of governance's records behind their obligations: the organisation, the risk's title. */
export function registerGovernanceSources(sources: SourcesService) {
  sources.register(MEMBERSHIP_SOURCE, async (handle, id) => {
    const r = await handle
      .selectFrom('infosec_memberships')
      .select(['site_id', 'organisation'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!r) return null;
    return { label: r.organisation, siteId: r.site_id, permission: 'infosec.read', program: 'infosec' };
  });
  sources.register(RISK_SOURCE, async (handle, id) => {
    const r = await handle
      .selectFrom('infosec_risks')
      .select(['site_id', 'title'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!r) return null;
    return { label: r.title, siteId: r.site_id, permission: 'infosec.read', program: 'infosec' };
  });
  sources.register(CAMPAIGN_SOURCE, async (handle, id) => {
    const r = await handle
      .selectFrom('infosec_policy_campaigns as c')
      .innerJoin('infosec_policy_versions as v', 'v.id', 'c.policy_version_id')
      .innerJoin('infosec_policies as p', 'p.id', 'v.policy_id')
      .select(['p.site_id', 'p.code', 'v.label'])
      .where('c.id', '=', id)
      .executeTakeFirst();
    if (!r) return null;
    return {
      label: `${r.code} ${r.label}`,
      siteId: r.site_id,
      permission: 'infosec.read',
      program: 'infosec',
    };
  });
}
