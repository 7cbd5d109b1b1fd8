import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Database, type DatabaseKind, openDatabase } from '../../../server/db/connect.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import { openTestDatabase } from '../../support/app.ts';
import { seedFixture } from '../../support/fixture.ts';

/**
 * A migrated database holding the fixture, for Steward processes started with `node cli/steward.ts start`:
 * a new database on TEST_DATABASE_URL's server, or a PGlite data folder. `env` is what the processes need
 * (DATABASE_URL or STEWARD_DATA_DIR, and a files folder); `open()` gives the test its own handle (on PGlite
 * only while no server holds the folder).
 */
export type PreparedDatabase = {
  kind: DatabaseKind;
  env: Record<string, string>;
  dir: string;
  open(): Promise<Database>;
  dispose(): Promise<void>;
};

export async function prepareDatabase(kind: DatabaseKind): Promise<PreparedDatabase> {
  const dir = await mkdtemp(path.join(tmpdir(), `steward-${kind}-`));
  const filesDir = path.join(dir, 'files');
  if (kind === 'postgres') {
    const scratch = await openTestDatabase('postgres', 'fixture');
    await migrateToLatest(scratch.database.db);
    if (!scratch.fromTemplate) await seedFixture(scratch.database.db);
    const url = scratch.url as string;
    const handles: Database[] = [];
    return {
      kind,
      dir,
      env: { DATABASE_URL: url, STEWARD_FILES_DIR: filesDir },
      async open() {
        const db = await openDatabase({ databaseUrl: url, poolSize: 4 });
        handles.push(db);
        return db;
      },
      async dispose() {
        for (const h of handles) await h.close().catch(() => undefined);
        await scratch.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const dataDir = path.join(dir, 'data');
  const db = await openDatabase({ dataDir });
  await migrateToLatest(db.db);
  await seedFixture(db.db);
  await db.close();
  return {
    kind,
    dir,
    env: { STEWARD_DATA_DIR: dataDir, STEWARD_FILES_DIR: filesDir },
    open: () => openDatabase({ dataDir }),
    async dispose() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}
