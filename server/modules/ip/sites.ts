import type { Db } from '../../db/types.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { OrgService } from '../../platform/org/service.ts';

type SiteInfo = { code: string; timeZone: string };

/** Site codes and time zones for views, read through the platform's org service (never its tables). */
export function createSitesLookup(org: OrgService) {
  return {
    async visible(actor: Actor): Promise<Map<string, SiteInfo>> {
      const rows = await org.visibleSites(actor);
      return new Map(rows.map((s) => [s.id, { code: s.code, timeZone: s.time_zone }]));
    },
    of(map: Map<string, SiteInfo>, siteId: string): SiteInfo {
      const site = map.get(siteId);
      if (!site) throw new NotFoundError('site');
      return site;
    },
    async forWriting(siteId: string, handle?: Db): Promise<SiteInfo & { id: string }> {
      const s = await org.siteForWriting(siteId, handle);
      return { id: s.id, code: s.code, timeZone: s.timeZone };
    },
  };
}

export type SitesLookup = ReturnType<typeof createSitesLookup>;
