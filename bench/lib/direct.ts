import type { PGlite } from '@electric-sql/pglite';
import { Kysely, type LogEvent, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { buildApp, type StewardApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
// Imported for its effect too: the type parsers Steward sets on pg (dates as text, int8 as numbers).
import { type Database, POSTGRES_SESSION_OPTIONS } from '../../server/db/connect.ts';
import '../../server/db/connect.ts';
import type { DB } from '../../server/db/schema.ts';

/**
 * "The same SQL, directly": an endpoint's queries are captured from Steward's own code (the app built in
 * this process over a Kysely that logs every query with its timing), then replayed through the bare
 * driver. Queries that ran at the same time in the endpoint (a page and its count) are replayed at the
 * same time; the others one after the other, in the order the endpoint ran them.
 */

export type Query = { sql: string; parameters: readonly unknown[] };
/** Stages run one after the other; the queries of a stage run concurrently. */
export type QueryPlan = Query[][];

type Logged = Query & { start: number; end: number };

export type Capturer = {
  app: StewardApp;
  /** The queries one GET of `url` runs, as a plan; throws unless the answer is 200. */
  capture(url: string, cookie: string): Promise<QueryPlan>;
  signIn(email: string, password: string): Promise<string>;
  close(): Promise<void>;
};

export async function openCapturer(target: { databaseUrl: string } | { pglite: PGlite }): Promise<Capturer> {
  let log: Logged[] | null = null;
  const onLog = (event: LogEvent) => {
    if (event.level !== 'query' || !log) return;
    const end = performance.now();
    log.push({
      sql: event.query.sql,
      parameters: event.query.parameters,
      start: end - event.queryDurationMillis,
      end,
    });
  };
  let pool: pg.Pool | undefined;
  let db: Kysely<DB>;
  if ('databaseUrl' in target) {
    pool = new pg.Pool({ connectionString: target.databaseUrl, max: 10, options: POSTGRES_SESSION_OPTIONS });
    db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: onLog });
  } else {
    db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite: target.pglite }), log: onLog });
  }
  const database: Database = {
    db,
    kind: 'databaseUrl' in target ? 'postgres' : 'pglite',
    location: 'bench',
    pglite: 'pglite' in target ? target.pglite : undefined,
    // No change signals here: the identity cache stays bypassed, and each request's identity query is captured.
    listen: async () => async () => {},
    close: async () => {},
  };
  const config = loadConfig({
    STEWARD_DEMO: '0',
    LOG_LEVEL: process.env.BENCH_DEBUG === '1' ? 'error' : 'silent',
    ...('databaseUrl' in target ? { DATABASE_URL: target.databaseUrl } : {}),
  });
  const app = await buildApp({ database, config, serveWeb: false, logger: process.env.BENCH_DEBUG === '1' });
  await app.ready();
  return {
    app,
    async signIn(email, password) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email, password },
      });
      if (res.statusCode !== 200)
        throw new Error(`sign-in of ${email} refused: ${res.statusCode} ${res.body}`);
      return String(res.headers['set-cookie']).split(';')[0];
    },
    async capture(url, cookie) {
      log = [];
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      const queries = log;
      log = null;
      if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return toPlan(queries.filter((q) => !/^update "sessions"/i.test(q.sql)));
    },
    async close() {
      await app.close();
      if (pool) await db.destroy();
    },
  };
}

/** Groups queries whose run times overlapped into one stage. */
function toPlan(queries: Logged[]): QueryPlan {
  const sorted = [...queries].sort((a, b) => a.start - b.start);
  const plan: QueryPlan = [];
  let stageEnd = -Infinity;
  for (const q of sorted) {
    const query = { sql: q.sql, parameters: q.parameters };
    if (plan.length && q.start < stageEnd) {
      plan[plan.length - 1].push(query);
      stageEnd = Math.max(stageEnd, q.end);
    } else {
      plan.push([query]);
      stageEnd = q.end;
    }
  }
  return plan;
}

export type Executor = { run(q: Query): Promise<unknown>; close(): Promise<void> };

/** A pg pool of the server's size (10), for replaying plans. */
export function pgExecutor(databaseUrl: string, poolSize = 10): Executor {
  // A statement still running long after its window would slow the next measurement.
  // The server's own session settings, so that both sides run the same plans.
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    statement_timeout: 30_000,
    options: POSTGRES_SESSION_OPTIONS,
  });
  return { run: (q) => pool.query(q.sql, q.parameters as unknown[]), close: () => pool.end() };
}

export function pgliteExecutor(pglite: PGlite): Executor {
  return { run: (q) => pglite.query(q.sql, q.parameters as unknown[]), close: async () => {} };
}

export async function runPlan(executor: Executor, plan: QueryPlan): Promise<void> {
  for (const stage of plan) {
    if (stage.length === 1) await executor.run(stage[0]);
    else await Promise.all(stage.map((q) => executor.run(q)));
  }
}

export function describePlan(plan: QueryPlan): string {
  return plan.map((s) => (s.length === 1 ? '1' : `${s.length}∥`)).join(' → ');
}
