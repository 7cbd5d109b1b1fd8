import type { SourcesService } from '../../../platform/sources/service.ts';

/** The source type of remediation actions raised on a finding. */
export const FINDING_RECORD = 'infosec_finding';

/** Remediation of a finding is a platform action whose source is the finding: its name is the finding's title. */
export function registerFindingSource(sources: SourcesService) {
  sources.register(FINDING_RECORD, async (handle, id) => {
    const r = await handle
      .selectFrom('infosec_findings')
      .select(['site_id', 'title'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!r) return null;
    return { label: r.title, siteId: r.site_id, permission: 'infosec.read', program: 'infosec' };
  });
}
