import { likePattern } from '#shared/platform/http/list.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { assertMayRead, visibleIncidents } from './visibility.ts';

export type SecurityIncidentLabel = { id: string; siteId: string; reference: string; title: string };

/**
 * What another program may know of security incidents (exported by the index): the IP program's risk cases
 * name the incident through which data left the company. Only the incidents the actor may read, by the
 * program's own rule (sensitive ones only for those named on them and the program owner), are ever named.
 */
export function createSecurityIncidentLookup(db: Db) {
  const base = (handle: Db, actor: Actor) =>
    handle
      .selectFrom('infosec_incidents as i')
      .select(['i.id', 'i.site_id', 'i.reference', 'i.title'])
      .where((eb) => visibleIncidents(eb, actor));
  const label = (r: {
    id: string;
    site_id: string;
    reference: string;
    title: string;
  }): SecurityIncidentLabel => ({
    id: r.id,
    siteId: r.site_id,
    reference: r.reference,
    title: r.title,
  });

  return {
    /** Of these incidents, the ones the actor may read, by id. */
    async readable(actor: Actor, ids: readonly (string | null)[], handle: Db = db) {
      const unique = [...new Set(ids.filter((id): id is string => id !== null))];
      if (unique.length === 0) return new Map<string, SecurityIncidentLabel>();
      const rows = await base(handle, actor).where('i.id', 'in', unique).execute();
      return new Map(rows.map((r) => [r.id, label(r)]));
    },

    /**
     * An incident the actor may read, refused as the incident's own page refuses it: 404 where it does not
     * exist for them (another site, or a sensitive one they are not named on), 403 at their site without the
     * permission to read the program.
     */
    async assertReadable(actor: Actor, id: string, handle: Db = db) {
      const r = await handle
        .selectFrom('infosec_incidents as i')
        .select(['i.id', 'i.site_id', 'i.reference', 'i.title', 'i.sensitive', 'i.reported_by'])
        .where('i.id', '=', id)
        .executeTakeFirst();
      if (!r) throw new NotFoundError('incident');
      const named = await handle
        .selectFrom('infosec_incident_people')
        .select('user_id')
        .where('incident_id', '=', id)
        .execute();
      assertMayRead(actor, {
        site_id: r.site_id,
        sensitive: r.sensitive,
        reported_by: r.reported_by,
        namedUserIds: named.map((p) => p.user_id),
      });
      return label(r);
    },

    /** Incidents the actor may read, newest first, by reference or title, for a form's choice. */
    async choices(actor: Actor, q: string | undefined, handle: Db = db) {
      let query = base(handle, actor).orderBy('i.aware_at', 'desc').orderBy('i.id').limit(50);
      if (q) {
        const p = likePattern(q);
        query = query.where((eb) => eb.or([eb('i.reference', 'ilike', p), eb('i.title', 'ilike', p)]));
      }
      return (await query.execute()).map(label);
    },
  };
}

export type SecurityIncidentLookup = ReturnType<typeof createSecurityIncidentLookup>;
