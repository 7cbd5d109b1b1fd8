import { likePattern } from '#shared/platform/http/list.ts';
import type { Db } from '../../db/types.ts';
import { type Actor, scopeHas, visibleSites } from '../../platform/access/actor.ts';
import { inScope } from '../../platform/access/sql.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { assertReadAt } from './deps.ts';
import * as repo from './repo.ts';

export type ResearchProjectLabel = { id: string; siteId: string; title: string; partnerName: string };

/**
 * What another program may know of research projects (exported by the index): the IP program's invention
 * disclosures name the project they came out of, and the project's page lists them. Titles are offered at
 * the sites the person sees; a project's own results only to its readers.
 */
export function createResearchProjectLookup(db: Db) {
  const label = (r: repo.ProjectRow): ResearchProjectLabel => ({
    id: r.id,
    siteId: r.site_id,
    title: r.title,
    partnerName: r.partner_name,
  });

  return {
    /** Projects at the sites the actor sees, by title or partner, for a form's choice. */
    async choices(actor: Actor, q: string | undefined, handle: Db = db) {
      let base = repo
        .projectRows(handle)
        .where((eb) => inScope(eb, 'r.site_id', visibleSites(actor)))
        .orderBy('r.starts_on', 'desc')
        .orderBy('r.id')
        .limit(50);
      if (q) {
        const p = likePattern(q);
        base = base.where((eb) => eb.or([eb('r.title', 'ilike', p), eb('p.name', 'ilike', p)]));
      }
      return (await base.execute()).map(label);
    },

    /** Titles of these projects, by id, whoever asks: a record that names one shows its title. */
    async labels(ids: readonly string[], handle: Db = db) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map<string, ResearchProjectLabel>();
      const rows = await repo.projectRows(handle).where('r.id', 'in', unique).execute();
      return new Map(rows.map((r) => [r.id, label(r)]));
    },

    /** A project the actor sees (404 otherwise), for a record to name it. */
    async visible(actor: Actor, id: string, handle: Db = db) {
      const r = await repo.projectRows(handle).where('r.id', '=', id).executeTakeFirst();
      if (!r || !scopeHas(visibleSites(actor), r.site_id)) throw new NotFoundError('research project');
      return label(r);
    },

    /** A project the actor may read in the academia program (404 outside their sites, 403 without). */
    async readable(actor: Actor, id: string, handle: Db = db) {
      const r = await repo.projectRows(handle).where('r.id', '=', id).executeTakeFirst();
      if (!r) throw new NotFoundError('research project');
      assertReadAt(actor, r.site_id, 'research project');
      return label(r);
    },
  };
}

export type ResearchProjectLookup = ReturnType<typeof createResearchProjectLookup>;
