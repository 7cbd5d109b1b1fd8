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
