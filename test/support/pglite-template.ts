import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../server/db/connect.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { type DemoTemplates, demoTemplateNames } from './demo-template.ts';
import { seedFixture } from './fixture.ts';

/**
 * Global set-up of the suites that open databases: initialising an empty PGlite cluster takes about five
 * seconds, and most test files then run the same migrations and seed the same fixture. Both are done once per
 * run here, dumped and kept as data folders; each test opens a copy of a folder in about half a second. With
 * TEST_DATABASE_URL, the same is done once on the PostgreSQL server: a template database, migrated and seeded,
 * that each test's database is created from (a file copy, instead of running every migration again). Built
 * from this checkout's migrations at every run, so it is never stale.
 */
/** The two databases every run prepares: initialised only, and migrated with the fixture seeded. */
export type TemplateName = 'empty' | 'fixture';

export type PgliteTemplates = {
  empty: string;
  fixture: string;
  /** The same two databases as PGlite data folders, which a test copies and opens (see `openTestDatabase`). */
  folders: Record<TemplateName, string>;
  /** Where the tests' own data folders go (in memory where the machine has /dev/shm). */
  scratch: string;
};

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplates: PgliteTemplates;
    /** The PostgreSQL template database holding the migrated fixture, when TEST_DATABASE_URL is set. */
    postgresFixtureTemplate: string | undefined;
  }
}

/** Runs one statement on TEST_DATABASE_URL's server, outside any database of the tests. */
async function onServer(serverUrl: string, statement: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** The fixture as a template database on the server; dropped by the returned teardown. */
async function postgresTemplate(serverUrl: string): Promise<{ name: string; drop(): Promise<void> }> {
  const name = `steward_template_${process.pid}_${Date.now().toString(36)}`;
  await onServer(serverUrl, `create database ${name}`);
  const drop = () => onServer(serverUrl, `drop database if exists ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
    try {
      await migrateToLatest(database.db);
      await seedFixture(database.db);
    } finally {
      await database.close();
    }
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, drop };
}

/**
 * The temporary folder for the templates and the tests' databases: /dev/shm (memory) where the machine has it,
 * else the system's.
 */
function memoryBackedTmp(): string {
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}

export default async function setup(project: TestProject) {
  const folder = mkdtempSync(path.join(memoryBackedTmp(), 'steward-pglite-template-'));
  const database = await openDatabase({ dataDir: 'memory://' });
  const templates: PgliteTemplates = {
    empty: path.join(folder, 'empty.tar'),
    fixture: path.join(folder, 'fixture.tar'),
    folders: { empty: path.join(folder, 'empty'), fixture: path.join(folder, 'fixture') },
    scratch: path.join(folder, 'scratch'),
  };
  mkdirSync(templates.scratch);
  try {
    const pglite = database.pglite as NonNullable<typeof database.pglite>;
    writeFileSync(templates.empty, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
    await migrateToLatest(database.db);
    await seedFixture(database.db);
    writeFileSync(templates.fixture, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
  } finally {
    await database.close();
  }
  for (const from of ['empty', 'fixture'] as const) {
    const copy = await openDatabase({
      dataDir: templates.folders[from],
      pgliteDataDir: new Blob([readFileSync(templates[from])]),
    });
    await copy.close();
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  const onPostgres = serverUrl ? await postgresTemplate(serverUrl) : undefined;
  // The demo's templates are made by the first test that needs one (test/support/demo-template.ts).
  const demo: DemoTemplates = {
    folder: path.join(folder, 'demo'),
    postgresPrefix: `steward_demo_${process.pid}_`,
  };
  mkdirSync(demo.folder);
  project.provide('pgliteTemplates', templates);
  project.provide('postgresFixtureTemplate', onPostgres?.name);
  project.provide('demoTemplates', demo);
  return async () => {
    await onPostgres?.drop();
    if (serverUrl)
      for (const name of demoTemplateNames(demo.folder))
        await onServer(serverUrl, `drop database if exists ${name}`);
    rmSync(folder, { recursive: true, force: true });
  };
}
