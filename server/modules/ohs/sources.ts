import type { SourcesService } from '../../platform/sources/service.ts';
import { ROOT_CAUSE_SOURCE } from './investigations/service.ts';

/** The OHS records that actions and obligations come from, by their human names. */
export function registerOhsSources(sources: SourcesService) {
  sources.register('ohs_incident', async (db, id) => {
    const r = await db
      .selectFrom('ohs_incidents')
      .select(['reference', 'title', 'site_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    return (
      r && { label: `${r.reference} · ${r.title}`, siteId: r.site_id, permission: 'ohs.read', program: 'ohs' }
    );
  });
  // A root cause is shown in its incident's investigation.
  sources.register(ROOT_CAUSE_SOURCE, async (db, id) => {
    const r = await db
      .selectFrom('ohs_root_causes')
      .innerJoin('ohs_investigations', 'ohs_investigations.id', 'ohs_root_causes.investigation_id')
      .innerJoin('ohs_incidents', 'ohs_incidents.id', 'ohs_investigations.incident_id')
      .select([
        'ohs_root_causes.statement',
        'ohs_root_causes.site_id',
        'ohs_incidents.id as incident_id',
        'ohs_incidents.reference',
      ])
      .where('ohs_root_causes.id', '=', id)
      .executeTakeFirst();
    return (
      r && {
        label: `${r.reference} · ${r.statement}`,
        siteId: r.site_id,
        permission: 'ohs.read',
        program: 'ohs',
        page: { type: 'ohs_incident', id: r.incident_id },
      }
    );
  });
  sources.register('ohs_hazard', async (db, id) => {
    const r = await db
      .selectFrom('ohs_hazards')
      .select(['hazard', 'activity', 'site_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    return (
      r && { label: `${r.activity} · ${r.hazard}`, siteId: r.site_id, permission: 'ohs.read', program: 'ohs' }
    );
  });
}
