import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDataFolderLock, type DataFolderLock } from './lock.ts';
import type { DB } from './schema.ts';

const PG_INT8 = 20;
const PG_DATE = 1082;

/** Calendar dates stay 'YYYY-MM-DD' strings on both drivers; int8 counts come back as numbers. */
pg.types.setTypeParser(PG_DATE, (v: string) => v);
pg.types.setTypeParser(PG_INT8, (v: string) => Number(v));

export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** Where the data lives, for messages: the PGlite folder or the server URL without its password. */
  location: string;
  /** The PGlite instance when embedded: backup/restore and tests use it directly. */
  pglite?: PGlite;
  close(): Promise<void>;
};

export type OpenOptions = {
  databaseUrl?: string;
  /** PGlite data folder; 'memory://' keeps everything in memory (tests). */
  dataDir?: string;
  /** Size of the pg pool for a PostgreSQL server. */
  poolSize?: number;
  /**
   * PGlite server settings (`name=value`) for this opening only, e.g. a small buffer cache for a backup,
   * which reads every table once: PGlite's memory never shrinks, so its cache is part of the process's peak.
   */
  pgliteSettings?: string[];
};

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir ?? 'memory://', options.pgliteSettings ?? []);
}

/**
 * Session settings of every connection to a PostgreSQL server, those of a database serving many short
 * requests at once. JIT compilation is off: for the few queries the planner costs high (a campaign over a
 * million employees) compiling took a third of a second before the query began. Parallel workers are off:
 * a list's count started two more processes per request, which under 32 clients on 2 cores only queued
 * behind each other (a p99 of one to two seconds on lists whose p50 was a tenth of that). Random reads
 * cost little more than sequential ones (the data is cached or on SSD): without saying so, the planner
 * counted a site's rows by scanning the table in the hope of meeting them early, and concurrent scans of a
 * big table start where another one is (synchronised scans), far from them: seconds under load.
 */
export const POSTGRES_SESSION_OPTIONS =
  '-c jit=off -c max_parallel_workers_per_gather=0 -c random_page_cost=1.1';

function openPostgres(url: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: POSTGRES_SESSION_OPTIONS });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const safe = new URL(url);
  safe.password = '';
  return {
    db,
    kind: 'postgres',
    location: safe.toString(),
    close: () => db.destroy(),
  };
}

async function openPglite(dataDir: string, settings: string[]): Promise<Database> {
  let lock: DataFolderLock | undefined;
  let target = dataDir;
  if (!dataDir.startsWith('memory://')) {
    const folder = path.resolve(dataDir);
    mkdirSync(folder, { recursive: true });
    lock = acquireDataFolderLock(folder);
    target = path.join(folder, 'pgdata');
  }
  try {
    const pglite = await PGlite.create(target, {
      parsers: { [PG_DATE]: (v: string) => v },
      ...(settings.length
        ? { startParams: [...PGlite.defaultStartParams, ...settings.flatMap((s) => ['-c', s])] }
        : {}),
    });
    const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
    return {
      db,
      kind: 'pglite',
      location: dataDir,
      pglite,
      async close() {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
