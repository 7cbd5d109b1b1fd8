import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { copyEmptyCluster } from './empty-cluster.ts';
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
  /**
   * Listens on a notification channel (LISTEN/NOTIFY): on PostgreSQL through a connection of its own that
   * reconnects when lost, and on the pool's connections too, so that the process that commits a change hears
   * its own signal before the commit returns; on PGlite in process, at commit. `state(false)` says signals
   * may have been missed (the listening connection is lost) and `state(true)` that they arrive again.
   * Resolves after the first attempt to listen, and to the function that stops listening.
   * `ownCommits: false` leaves the pool's connections out on PostgreSQL: each signal is then heard once
   * (through the pool it may be heard by several connections), shortly after its commit rather than before it
   * returns; for listeners that pass each signal on, where a repeat is not harmless.
   */
  listen(
    channel: string,
    listener: ChannelListener,
    options?: { ownCommits?: boolean },
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

export type ChannelListener = {
  message(payload: string): void;
  state(live: boolean): void;
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
  /** A PGlite data folder dumped earlier (`dumpDataDir`) to start from, instead of initialising an empty one. */
  pgliteDataDir?: Blob;
};

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir ?? 'memory://', options.pgliteSettings ?? [], options.pgliteDataDir);
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
  const channels = new Map<string, Set<ChannelListener>>();
  const heard = new WeakMap<pg.PoolClient, Set<string>>();
  const stops = new Set<() => Promise<void>>();
  // A connection taken from the pool listens on every channel before it runs anything else (the client
  // queues its queries in order): the backend that commits a NOTIFY delivers it to itself before it says
  // the commit is done, so this process drops what a change made stale before the change's request answers.
  pool.on('acquire', (client) => {
    if (channels.size === 0) return;
    let own = heard.get(client);
    if (!own) {
      own = new Set();
      heard.set(client, own);
      client.on('notification', (m) => {
        for (const l of channels.get(m.channel) ?? []) l.message(m.payload ?? '');
      });
    }
    for (const channel of channels.keys()) {
      if (own.has(channel)) continue;
      own.add(channel);
      client.query(`listen ${quoteChannel(channel)}`).catch(() => own.delete(channel));
    }
  });
  return {
    db,
    kind: 'postgres',
    location: safe.toString(),
    async listen(channel, listener, options) {
      if (options?.ownCommits !== false) {
        const set = channels.get(channel) ?? new Set();
        set.add(listener);
        channels.set(channel, set);
      }
      const dedicated = await listenPostgres(url, channel, listener);
      const stop = async () => {
        stops.delete(stop);
        channels.get(channel)?.delete(listener);
        if (channels.get(channel)?.size === 0) channels.delete(channel);
        await dedicated();
      };
      stops.add(stop);
      return stop;
    },
    async close() {
      await Promise.all([...stops].map((stop) => stop()));
      await db.destroy();
    },
  };
}

function quoteChannel(channel: string): string {
  return `"${channel.replaceAll('"', '""')}"`;
}

/** How often the listening connection proves it is alive, and how long it may take to answer. */
const HEARTBEAT_MS = 10_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;

/**
 * A connection of its own that LISTENs on `channel`, reconnecting (100 ms, doubling up to 5 s) when it is
 * lost or stops answering its heartbeat. Lost means signals may have been missed: `state(false)` at once,
 * `state(true)` only once LISTEN runs again.
 */
async function listenPostgres(
  url: string,
  channel: string,
  listener: ChannelListener,
): Promise<() => Promise<void>> {
  let stopped = false;
  let current: pg.Client | undefined;
  let retryMs = 100;
  let retry: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;

  const lost = (client: pg.Client) => {
    if (client !== current) return;
    current = undefined;
    clearInterval(heartbeat);
    listener.state(false);
    client.end().catch(() => {});
    if (!stopped) {
      retry = setTimeout(() => void connect(), retryMs);
      retryMs = Math.min(retryMs * 2, 5_000);
    }
  };

  const connect = async () => {
    if (stopped) return;
    const client = new pg.Client({
      connectionString: url,
      application_name: `steward listen ${channel}`,
      keepAlive: true,
      query_timeout: HEARTBEAT_TIMEOUT_MS,
      connectionTimeoutMillis: HEARTBEAT_TIMEOUT_MS,
    });
    current = client;
    client.on('notification', (m) => {
      if (m.channel === channel) listener.message(m.payload ?? '');
    });
    client.on('error', () => lost(client));
    client.on('end', () => lost(client));
    try {
      await client.connect();
      await client.query(`listen ${quoteChannel(channel)}`);
    } catch {
      lost(client);
      return;
    }
    if (stopped || client !== current) {
      client.end().catch(() => {});
      return;
    }
    retryMs = 100;
    listener.state(true);
    heartbeat = setInterval(() => {
      client.query('select 1').catch(() => lost(client));
    }, HEARTBEAT_MS);
    heartbeat.unref();
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    clearInterval(heartbeat);
    const client = current;
    current = undefined;
    if (client) await client.end().catch(() => {});
  };
}

/**
 * PGlite's compiled code and its file bundle, made once per process: a process that opens several databases
 * (a restore's scratch database, the test suites) would otherwise compile the 9 MB WebAssembly module again
 * for each, half a second every time.
 */
let pgliteCode: Promise<{ pgliteWasmModule: WebAssembly.Module; fsBundle: Blob }> | undefined;
function compiledPglite() {
  pgliteCode ??= (async () => {
    const require = createRequire(import.meta.url);
    const [wasm, bundle] = await Promise.all([
      readFile(require.resolve('@electric-sql/pglite/pglite.wasm')),
      readFile(require.resolve('@electric-sql/pglite/pglite.data')),
    ]);
    return { pgliteWasmModule: await WebAssembly.compile(wasm), fsBundle: new Blob([bundle]) };
  })().then(undefined, (error: unknown) => {
    // Not kept: the next open compiles again. This open fails with the error.
    pgliteCode = undefined;
    throw error;
  });
  return pgliteCode;
}

async function openPglite(dataDir: string, settings: string[], initial?: Blob): Promise<Database> {
  let lock: DataFolderLock | undefined;
  let target = dataDir;
  if (!dataDir.startsWith('memory://')) {
    const folder = path.resolve(dataDir);
    mkdirSync(folder, { recursive: true });
    lock = acquireDataFolderLock(folder);
    target = path.join(folder, 'pgdata');
  }
  try {
    // A new data folder starts as a copy of the empty cluster (empty-cluster.ts), not with initdb in this process.
    if (lock && !initial && !existsSync(path.join(target, 'PG_VERSION'))) await copyEmptyCluster(target);
    const pglite = await PGlite.create(target, {
      ...(await compiledPglite()),
      parsers: { [PG_DATE]: (v: string) => v },
      ...(initial ? { loadDataDir: initial } : {}),
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
      // One process: a NOTIFY reaches the listeners when its transaction commits, before the commit returns.
      async listen(channel, listener) {
        const unlisten = await pglite.listen(channel, (payload) => listener.message(payload));
        listener.state(true);
        return async () => {
          if (!pglite.closed) await unlisten();
        };
      },
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
