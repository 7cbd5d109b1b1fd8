import { sql } from 'kysely';
import pg from 'pg';
import { DEFAULT_SEED, generateDemoDataset } from '../../reference/demo/generate.ts';
import { demoTables } from '../../reference/demo/load.ts';
import { generateModuleDemos } from '../../reference/demo/parts.ts';
import { DEMO_PASSWORD } from '../../reference/demo/users.ts';
import { bulkInsert } from '../../server/db/bulk.ts';
import { openDatabase } from '../../server/db/connect.ts';
import { withIndexesBuiltAfter } from '../../server/db/deferred-indexes.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { rebuildSummaries } from '../../server/db/summaries.ts';
import { programModules } from '../../server/modules/index.ts';
import { hashPassword } from '../../server/platform/auth/passwords.ts';
import { academiaAtScale } from './academia.ts';
import { type AuditHeads, hiringEvents } from './audit.ts';
import { copyRows } from './copy.ts';
import { ipDeadlineObligations } from './ip.ts';
import { trainingCompletions, trainingCourses } from './training.ts';

/**
 * The benchmark dataset: the demo group at a scale (1 is the demo, 10 is ten times every table), with a
 * year of training completions and an audit history added, the IP portfolio's open deadlines as obligations
 * and ten years of the industry–academia program at the scale, loaded with COPY into PostgreSQL or in JSON
 * batches into PGlite. Deterministic: the same seed, scale and clock give the same rows.
 */

/** The app_settings key that records which dataset a benchmark database holds (so a rerun can reuse it). */
export const BENCH_SETTING = 'bench-dataset';

export type LoadReport = {
  scale: number;
  clock: string;
  seed: string;
  database: 'postgres' | 'pglite';
  /** Rows per table. */
  counts: Record<string, number>;
  /** Records the read cases ask for by id. */
  picks: {
    siteKh: string;
    year: number;
    courseIds: string[];
    csfAssessmentId?: string;
    /** The demo's day (the clock): module reads ask for the months after it. */
    today?: string;
  };
  generateSeconds: number;
  /** Loading, including the generation of the streamed tables (completions, audit events). */
  loadSeconds: number;
  rowsPerSecond: number;
};

type Target = { databaseUrl: string } | { dataDir: string };
type Options = { scale: number; clock: string; seed?: string; log?: (line: string) => void };
type Table = { table: string; rows: () => Iterable<Record<string, unknown>> };

const seconds = (from: number) => Math.round((performance.now() - from) / 100) / 10;
const fmt = (n: number) => n.toLocaleString('en-US');

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops and creates a database on the server of `adminUrl`; returns its URL. */
export async function recreateDatabase(adminUrl: string, name: string): Promise<string> {
  await admin(adminUrl, async (c) => {
    await c.query(`drop database if exists "${name}" with (force)`);
    await c.query(`create database "${name}"`);
  });
  return databaseUrl(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await admin(adminUrl, (c) => c.query(`drop database if exists "${name}" with (force)`));
}

/** The dataset a database already holds, when it is the one asked for (same scale and clock). */
export async function existingDataset(
  url: string,
  wanted: { scale: number; clock: string },
): Promise<LoadReport | null> {
  try {
    return await admin(url, async (c) => {
      const { rows } = await c.query<{ value: LoadReport }>('select value from app_settings where key = $1', [
        BENCH_SETTING,
      ]);
      const report = rows[0]?.value;
      return report && report.scale === wanted.scale && report.clock === wanted.clock ? report : null;
    });
  } catch {
    return null;
  }
}

/** The NIST CSF assessment of ASE-KH's IT in the last closed campaign (a full one, approved). */
function lastYearsAssessment(
  parts: Awaited<ReturnType<typeof generateModuleDemos>>,
  siteId: string | undefined,
  clock: string,
): string | undefined {
  const rows = (table: string) => parts.flatMap((p) => p.tables).find((t) => t.table === table)?.rows ?? [];
  const year = Number(clock.slice(0, 4)) - 1;
  const campaign = rows('csf_campaigns').find((c) => c.year === year);
  const assessment = rows('csf_assessments').find(
    (a) => a.campaign_id === campaign?.id && a.site_id === siteId && a.domain === 'it',
  );
  return assessment?.id as string | undefined;
}

export async function loadBenchDataset(target: Target, options: Options): Promise<LoadReport> {
  const log = options.log ?? (() => {});
  const seed = options.seed ?? DEFAULT_SEED;
  const { scale, clock } = options;
  const started = performance.now();
  const data = generateDemoDataset({ clock, scale, seed });
  const parts = await generateModuleDemos(programModules, data);
  const hashes = await Promise.all(data.users.map(() => hashPassword(DEMO_PASSWORD)));
  const courses = trainingCourses(seed);
  const heads: AuditHeads = new Map();
  const moduleTables = parts.flatMap((p) => p.tables);
  const tables: Table[] = [
    ...demoTables(data, hashes, parts).map(({ table, rows }) => ({ table, rows: () => rows })),
    // What the modules' demos leave out or keep at the seed's size whatever the scale (bench/data/ip.ts, academia.ts).
    { table: 'obligations', rows: () => ipDeadlineObligations(moduleTables, clock, seed) },
    ...academiaAtScale(data, moduleTables, scale).map(({ table, rows }) => ({ table, rows: () => rows })),
    { table: 'training_courses', rows: () => courses },
    { table: 'training_completions', rows: () => trainingCompletions(seed, clock, courses, data.employees) },
    { table: 'audit_events', rows: () => hiringEvents(data.employees, heads) },
    {
      table: 'audit_chains',
      rows: () => [...heads].map(([chain_key, h]) => ({ chain_key, last_seq: h.seq, last_hash: h.hash })),
    },
  ];
  const generateSeconds = seconds(started);
  log(`  generated the demo group at scale ${scale} in ${generateSeconds} s`);

  const loading = performance.now();
  const counts: Record<string, number> = {};
  const copied = (table: string, n: number, from: number) => {
    counts[table] = (counts[table] ?? 0) + n;
    if (n >= 50_000) log(`  ${table}: ${fmt(n)} rows in ${seconds(from)} s`);
  };
  const database = 'databaseUrl' in target ? 'postgres' : 'pglite';
  const report = (): LoadReport => {
    const loadSeconds = seconds(loading);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    return {
      scale,
      clock,
      seed,
      database,
      counts,
      picks: {
        siteKh: data.sites.find((s) => s.code === 'ASE-KH')?.id as string,
        year: Number(clock.slice(0, 4)),
        courseIds: courses.map((c) => c.id),
        csfAssessmentId: lastYearsAssessment(parts, data.sites.find((s) => s.code === 'ASE-KH')?.id, clock),
        today: clock,
      },
      generateSeconds,
      loadSeconds,
      rowsPerSecond: Math.round(total / Math.max(loadSeconds, 0.1)),
    };
  };

  if ('databaseUrl' in target) {
    const migrated = await openDatabase({ databaseUrl: target.databaseUrl });
    await migrateToLatest(migrated.db).finally(() => migrated.close());
    const result = await admin(target.databaseUrl, async (client) => {
      await client.query('begin');
      // The generated rows are consistent by construction: like pg_restore --disable-triggers, the copy
      // skips the per-row foreign-key checks and triggers, then builds what the triggers keep in one pass.
      await client.query('set local session_replication_role = replica');
      // Also like pg_restore, secondary indexes are built once the rows are in rather than row by row.
      await client.query(`set local maintenance_work_mem = '512MB'`);
      let indexing = 0;
      const { indexes } = await withIndexesBuiltAfter(
        (text) => client.query(text),
        tables.map((t) => t.table),
        async () => {
          for (const t of tables) {
            const from = performance.now();
            copied(t.table, await copyRows(client, t.table, t.rows()), from);
          }
          indexing = performance.now();
        },
      );
      log(`  ${indexes} secondary indexes built in ${seconds(indexing)} s`);
      await client.query('set local session_replication_role = origin');
      const summarising = performance.now();
      await rebuildSummaries((statement) => client.query(statement));
      log(`  kept summaries built in ${seconds(summarising)} s`);
      const result = report();
      await client.query('insert into app_settings (key, value) values ($1, $2)', [BENCH_SETTING, result]);
      await client.query('commit');
      // Statistics and the visibility map, as a database in service would have them.
      await client.query('vacuum analyze');
      return result;
    });
    log(`  loaded and analysed in ${seconds(loading)} s`);
    return result;
  }

  const pglite = await openDatabase({ dataDir: target.dataDir });
  try {
    await migrateToLatest(pglite.db);
    let result: LoadReport | undefined;
    await pglite.db.transaction().execute(async (trx) => {
      // As on PostgreSQL: no per-row checks or triggers while the rows go in, then the summaries at once.
      await sql`set local session_replication_role = replica`.execute(trx);
      const run = (text: string) => sql.raw<Record<string, unknown>>(text).execute(trx);
      await withIndexesBuiltAfter(
        run,
        tables.map((t) => t.table),
        async () => {
          for (const t of tables) {
            const from = performance.now();
            let n = 0;
            let batch: Record<string, unknown>[] = [];
            for (const row of t.rows()) {
              batch.push(row);
              if (batch.length === 5000) {
                n += await bulkInsert(trx, t.table, batch);
                batch = [];
              }
            }
            n += await bulkInsert(trx, t.table, batch);
            copied(t.table, n, from);
          }
        },
      );
      await sql`set local session_replication_role = origin`.execute(trx);
      await rebuildSummaries((statement) => sql.raw(statement).execute(trx));
      result = report();
      await trx
        .insertInto('app_settings')
        .values({ key: BENCH_SETTING, value: JSON.stringify(result) })
        .execute();
    });
    await sql`analyze`.execute(pglite.db);
    return result as LoadReport;
  } finally {
    await pglite.close();
  }
}
