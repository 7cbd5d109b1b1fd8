import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connect.ts';
import { copyEmptyCluster, emptyClusterFolder, ensureEmptyCluster } from '../../server/db/empty-cluster.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';

/**
 * A new PGlite data folder is a copy of the empty cluster made once per PGlite version (server/db/empty-cluster.ts),
 * so that a restore or a first start does not run initdb in its own process.
 */

/** initdb gives every cluster its own system identifier: two folders that share one are copies of one cluster. */
async function systemIdentifier(dataDir: string): Promise<string> {
  const database = await openDatabase({ dataDir });
  try {
    const rows = await sql<{ id: string }>`
      select system_identifier::text as id from pg_control_system()`.execute(database.db);
    return rows.rows[0].id;
  } finally {
    await database.close();
  }
}

describe('the empty PGlite cluster', () => {
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'steward-empty-cluster-'));
  });
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('is made once, in a process of its own, and copied into each new folder, which opens, migrates and takes writes', async () => {
    const cache = path.join(work, 'cache');
    const first = path.join(work, 'first');
    expect(await copyEmptyCluster(path.join(first, 'pgdata'), cache)).toBe(true);
    const cluster = emptyClusterFolder(cache);
    expect(await readdir(cache)).toEqual([path.basename(cluster)]);
    const made = (await stat(path.join(cluster, 'PG_VERSION'))).mtimeMs;

    // An empty folder is filled too; the cluster is not made again.
    const second = path.join(work, 'second');
    await mkdir(path.join(second, 'pgdata'), { recursive: true });
    expect(await copyEmptyCluster(path.join(second, 'pgdata'), cache)).toBe(true);
    expect((await stat(path.join(cluster, 'PG_VERSION'))).mtimeMs).toBe(made);
    expect(await readdir(second)).toEqual(['pgdata']);

    expect(await systemIdentifier(first)).toBe(await systemIdentifier(second));
    const database = await openDatabase({ dataDir: first });
    try {
      expect((await migrateToLatest(database.db)).length).toBeGreaterThan(10);
      await database.db.insertInto('app_settings').values({ key: 'copied', value: '{"ok": true}' }).execute();
      const row = await database.db
        .selectFrom('app_settings')
        .select('value')
        .where('key', '=', 'copied')
        .executeTakeFirstOrThrow();
      expect(row.value).toEqual({ ok: true });
    } finally {
      await database.close();
    }
    // The folders are copies: what one holds, the other does not.
    const other = await openDatabase({ dataDir: second });
    try {
      const tables = await sql<{ n: number }>`
        select count(*)::int as n from pg_tables where schemaname = 'public'`.execute(other.db);
      expect(tables.rows[0].n).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('is where openDatabase starts every new data folder from', async () => {
    const a = await systemIdentifier(path.join(work, 'opened-a'));
    expect(await systemIdentifier(path.join(work, 'opened-b'))).toBe(a);
    // A database in memory still runs initdb: a cluster of its own.
    expect(await systemIdentifier('memory://')).not.toBe(a);
  });

  it('leaves a folder that holds files as it was', async () => {
    const target = path.join(work, 'occupied', 'pgdata');
    await mkdir(target, { recursive: true });
    await writeFile(path.join(target, 'notes.txt'), 'not a cluster');
    expect(await copyEmptyCluster(target, path.join(work, 'cache'))).toBe(false);
    expect(await readdir(target)).toEqual(['notes.txt']);
  });

  it('is made whole when two processes make it at once', async () => {
    const cache = path.join(work, 'raced');
    const [a, b] = await Promise.all([ensureEmptyCluster(cache), ensureEmptyCluster(cache)]);
    expect(a).toBe(emptyClusterFolder(cache));
    expect(b).toBe(a);
    expect(await readdir(cache)).toEqual([path.basename(emptyClusterFolder(cache))]);
    expect(await readFile(path.join(emptyClusterFolder(cache), 'PG_VERSION'), 'utf8')).toMatch(/^\d+\n$/);
  });

  it('cannot be made where the cache cannot be written: the target is left absent', async () => {
    const blocked = path.join(work, 'a-file');
    await writeFile(blocked, 'in the way');
    const target = path.join(work, 'unmade', 'pgdata');
    expect(await ensureEmptyCluster(path.join(blocked, 'cache'))).toBeUndefined();
    expect(await copyEmptyCluster(target, path.join(blocked, 'cache'))).toBe(false);
    await expect(stat(target)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
