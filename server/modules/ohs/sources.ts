import type { SourcesService } from '../../platform/sources/service.ts';
import * as hazardsRepo from './hazards/repo.ts';
import * as incidentsRepo from './incidents/repo.ts';
import * as investigationsRepo from './investigations/repo.ts';
import { ROOT_CAUSE_SOURCE } from './investigations/service.ts';

/** The OHS records that actions and obligations come from, by their human names. */
export function registerOhsSources(sources: SourcesService) {
  sources.register('ohs_incident', async (db, id) => {
    const r = await incidentsRepo.incidentLabel(db, id);
    return (
      r && { label: `${r.reference} · ${r.title}`, siteId: r.site_id, permission: 'ohs.read', program: 'ohs' }
    );
  });
  // A root cause is shown in its incident's investigation.
  sources.register(ROOT_CAUSE_SOURCE, async (db, id) => {
    const r = await investigationsRepo.rootCauseLabel(db, id);
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
    const r = await hazardsRepo.hazardLabel(db, id);
    return (
      r && { label: `${r.activity} · ${r.hazard}`, siteId: r.site_id, permission: 'ohs.read', program: 'ohs' }
    );
  });
}
