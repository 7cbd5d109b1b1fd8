import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../server/db/connect.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { seedFixture } from './fixture.ts';

/**
 * Global set-up of the suites that open PGlite databases: initialising an empty PGlite cluster takes about five
 * seconds, and most test files then run the same migrations and seed the same fixture. Both are done once per
 * run here and dumped; each test opens its own in-memory database from the dump in about a second. Built from
 * this checkout's migrations at every run, so it is never stale.
 */
export type PgliteTemplates = { empty: string; fixture: string };

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplates: PgliteTemplates;
  }
}

export default async function setup(project: TestProject) {
  const folder = mkdtempSync(path.join(tmpdir(), 'steward-pglite-template-'));
  const database = await openDatabase({ dataDir: 'memory://' });
  const templates: PgliteTemplates = {
    empty: path.join(folder, 'empty.tar'),
    fixture: path.join(folder, 'fixture.tar'),
  };
  try {
    const pglite = database.pglite as NonNullable<typeof database.pglite>;
    writeFileSync(templates.empty, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
    await migrateToLatest(database.db);
    await seedFixture(database.db);
    writeFileSync(templates.fixture, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
  } finally {
    await database.close();
  }
  project.provide('pgliteTemplates', templates);
  return () => rmSync(folder, { recursive: true, force: true });
}
