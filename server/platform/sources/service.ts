import type { Program } from '#shared/platform/access/roles.ts';
import type { SourceView } from '#shared/platform/sources/contract.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../access/actor.ts';
import type { Permission } from '../access/policy.ts';
import { access } from '../access/service.ts';
import { NotFoundError } from '../http/errors.ts';

/**
 * What a source record says of itself: a human name, where it is (its site, null for a group record), the
 * permission that reads it, and the record whose page shows it (a root cause is shown on its incident's page).
 */
export type SourceDescription = {
  label: string;
  siteId: string | null;
  permission: Permission;
  program?: Program;
  page?: { type: string; id: string };
};

/** Reads one record of a source type; null when there is none. */
export type SourceDescriber = (
  db: Db,
  id: string,
  locale: Actor['locale'],
) => Promise<SourceDescription | null | undefined>;

/**
 * The human names of the records that actions and obligations come from. The platform and each module
 * register the types they own; a reader gets a name only for a record they may read (404 outside their sites,
 * 403 inside without the permission), so a link never reveals more than the record itself would.
 */
export function createSourcesService(db: Db) {
  const describers = new Map<string, SourceDescriber>();
  return {
    register(type: string, describer: SourceDescriber) {
      if (describers.has(type)) throw new Error(`The source type ${type} is registered twice`);
      describers.set(type, describer);
    },

    async describe(actor: Actor, type: string, id: string): Promise<SourceView> {
      const describer = describers.get(type);
      const found = describer ? await describer(db, id, actor.locale) : null;
      if (!found) throw new NotFoundError('source');
      access.assert(actor, {
        permission: found.permission,
        siteId: found.siteId,
        what: 'source',
        program: found.program,
      });
      // A group record (no site) is named only to those who read it over the whole group.
      if (found.siteId === null) access.assertGroupWide(actor, found.permission, found.program);
      return { type, id, label: found.label, page: found.page ?? { type, id } };
    },
  };
}

export type SourcesService = ReturnType<typeof createSourcesService>;
