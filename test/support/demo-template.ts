import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseKind, openDatabase } from '../../server/db/connect.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';

/**
 * The demo dataset at a small scale, loaded once per run and copied for each test that reads it: several
 * test files check the demo's figures, each on a database of its own (they delete rows to see a figure
 * move), and loading the demo takes a minute or more where a copy takes a second. The first test to ask
 * builds the copy's source under a lock in the folder the suite's global set-up provides
 * (test/support/pglite-template.ts); the others wait for it. A PGlite dump, or a template database on
 * TEST_DATABASE_URL's server (dropped by the global set-up's teardown).
 */
export type DemoTemplates = {
  /** Folder for the PGlite dumps, the locks and the ready markers. */
  folder: string;
  /** Prefix of the template databases' names on the PostgreSQL server. */
  postgresPrefix: string;
};

declare module 'vitest' {
  export interface ProvidedContext {
    demoTemplates: DemoTemplates;
  }
}

export type DemoTemplateOptions = { scale: number; clock: string };

/** Every template database this run made on the server (for the global set-up's teardown). */
export function demoTemplateNames(folder: string): string[] {
  const list = path.join(folder, 'postgres-templates');
  return existsSync(list) ? readFileSync(list, 'utf8').split('\n').filter(Boolean) : [];
}

const WAIT_MS = 20 * 60_000;

async function buildOnce(folder: string, key: string, build: () => Promise<void>) {
  const ready = path.join(folder, `${key}.ready`);
  const failed = path.join(folder, `${key}.failed`);
  let mine = false;
  try {
    mkdirSync(path.join(folder, `${key}.lock`));
    mine = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (mine) {
    try {
      await build();
      writeFileSync(ready, '');
    } catch (error) {
      writeFileSync(failed, String((error as Error).stack ?? error));
      throw error;
    }
    return;
  }
  const deadline = Date.now() + WAIT_MS;
  while (!existsSync(ready)) {
    if (existsSync(failed))
      throw new Error(`Loading the demo template ${key} failed:\n${readFileSync(failed, 'utf8')}`);
    if (Date.now() > deadline) throw new Error(`The demo template ${key} was not ready in time`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function loadDemo(databaseUrl: string | undefined, options: DemoTemplateOptions) {
  const { loadDemoDataset } = await import('../../reference/demo/load.ts');
  const database = await openDatabase(databaseUrl ? { databaseUrl, poolSize: 4 } : { dataDir: 'memory://' });
  try {
    await migrateToLatest(database.db);
    await loadDemoDataset(database, { scale: options.scale, clock: options.clock });
    if (!databaseUrl) {
      const pglite = database.pglite as NonNullable<typeof database.pglite>;
      return Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());
    }
    return undefined;
  } finally {
    await database.close();
  }
}

/**
 * The demo at `scale` on `clock`, ready to copy: the PGlite dump's bytes, or the name of the template database
 * on TEST_DATABASE_URL's server. Undefined outside a suite with the global set-up (the caller loads the demo).
 */
const templateKey = (kind: DatabaseKind, options: DemoTemplateOptions) =>
  `${kind}-${String(options.scale).replace('.', '_')}-${options.clock.replaceAll('-', '')}`;

/** The file of the demo's PGlite dump at `scale` on `clock`, made once per run; none outside the suite's set-up. */
export async function demoDumpFile(options: DemoTemplateOptions): Promise<string | undefined> {
  const templates = inject('demoTemplates') as DemoTemplates | undefined;
  if (!templates) return undefined;
  const key = templateKey('pglite', options);
  const file = path.join(templates.folder, `${key}.tar`);
  await buildOnce(templates.folder, key, async () => {
    writeFileSync(file, (await loadDemo(undefined, options)) as Buffer);
  });
  return file;
}

export async function demoTemplate(
  kind: DatabaseKind,
  options: DemoTemplateOptions,
): Promise<{ dump: Blob } | { database: string } | undefined> {
  if (kind === 'pglite') {
    const file = await demoDumpFile(options);
    return file ? { dump: new Blob([readFileSync(file)]) } : undefined;
  }
  const templates = inject('demoTemplates') as DemoTemplates | undefined;
  if (!templates) return undefined;
  const key = templateKey(kind, options);
  const serverUrl = process.env.TEST_DATABASE_URL as string;
  const name = `${templates.postgresPrefix}${key.replaceAll('-', '_')}`;
  await buildOnce(templates.folder, key, async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`create database ${name}`);
    } finally {
      await admin.end();
    }
    writeFileSync(path.join(templates.folder, 'postgres-templates'), `${name}\n`, { flag: 'a' });
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await loadDemo(url.toString(), options);
  });
  return { database: name };
}
