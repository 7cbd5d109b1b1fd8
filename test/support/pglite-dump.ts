import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import type { PgliteTemplates } from './pglite-template.ts';

/**
 * The dumped PGlite database the suite's global set-up made (test/support/pglite-template.ts), when this run
 * has one: the fixture's template is migrated and seeded, the empty one only initialised.
 */
export function pgliteTemplate(from: keyof PgliteTemplates): Blob | undefined {
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
