import { webModules } from '../modules/manifest.ts';

/**
 * Where the record behind an obligation, an action or a notification lives in the web app, by its source
 * type: the platform's, and those the modules declare in their manifests.
 */
const platformSourcePages: Record<string, (id: string) => string> = {
  certification: (id) => `/certifications/${id}`,
  action: (id) => `/actions/${id}`,
  meeting: (id) => `/meetings/${id}`,
  committee: (id) => `/committees/${id}`,
};

function pageOf(sourceType: string): ((id: string) => string) | undefined {
  return (
    platformSourcePages[sourceType] ??
    webModules().find((m) => m.sourcePages?.[sourceType])?.sourcePages?.[sourceType]
  );
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The page of a source record, or null when the web app has none for it. */
export function sourcePage(sourceType: string | null, sourceId: string | null): string | null {
  if (!sourceType || !sourceId) return null;
  const page = pageOf(sourceType);
  if (!page) return null;
  // Pages addressed by id need a real id (a free-text reference such as "INC-2026-0042" has no page).
  const path = page(sourceId);
  return path.includes(sourceId) && !uuid.test(sourceId) ? null : path;
}
