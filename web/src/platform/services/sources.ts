/**
 * Where the record behind an obligation, an action or a notification lives in the web app, by its source
 * type. Modules add their own types here.
 */
const sourcePages: Record<string, (id: string) => string> = {
  certification: (id) => `/certifications/${id}`,
  action: (id) => `/actions/${id}`,
  meeting: (id) => `/meetings/${id}`,
  committee: (id) => `/committees/${id}`,
  ohs_incident: (id) => `/ohs/incidents/${id}`,
  incident: (id) => `/ohs/incidents/${id}`,
  ohs_hazard: () => '/ohs/hazards',
  health_followup: () => '/ohs/health',
  contractor_qualification: () => '/ohs/qualifications',
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The page of a source record, or null when the web app has none for it. */
export function sourcePage(sourceType: string | null, sourceId: string | null): string | null {
  if (!sourceType || !sourceId) return null;
  const page = sourcePages[sourceType];
  if (!page) return null;
  // Pages addressed by id need a real id (a free-text reference such as "INC-2026-0042" has no page).
  const path = page(sourceId);
  return path.includes(sourceId) && !uuid.test(sourceId) ? null : path;
}
