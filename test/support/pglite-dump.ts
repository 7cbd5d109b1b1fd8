import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import type { PgliteTemplates, TemplateName } from './pglite-template.ts';

/**
 * The dumped PGlite database the suite's global set-up made (test/support/pglite-template.ts), when this run
 * has one: the fixture's template is migrated and seeded, the empty one only initialised.
 */
export function pgliteTemplate(from: TemplateName): Blob | undefined {
  const templates = inject('pgliteTemplates') as PgliteTemplates | undefined;
  if (!templates) return undefined;
  return new Blob([readFileSync(templates[from])]);
}

/**
 * The template database on TEST_DATABASE_URL's server that holds the migrated fixture (the suite's global
 * set-up made it), when this run has one.
 */
export function postgresFixtureTemplate(): string | undefined {
  return inject('postgresFixtureTemplate') as string | undefined;
}

/**
 * A new PGlite data folder copied from the run's template folder (`from`), when this run has one: opening a
 * copied folder takes a fraction of loading the dump into memory.
 */
export function pgliteTemplateCopy(from: TemplateName): string | undefined {
  const templates = inject('pgliteTemplates') as PgliteTemplates | undefined;
  if (!templates) return undefined;
  const dataDir = mkdtempSync(path.join(templates.scratch, `${from}-`));
  cpSync(templates.folders[from], dataDir, { recursive: true });
  return dataDir;
}
