#!/usr/bin/env node
// npm run bench: Steward's speed and memory against the limits of this machine, measured in one run.
// Never part of npm test. Needs PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { demoClock } from '../reference/demo/clock.ts';
import { DEMO_PASSWORD } from '../reference/demo/users.ts';
import {
  BENCH_SETTING,
  databaseUrl,
  dropDatabase,
  existingDataset,
  type LoadReport,
  loadBenchDataset,
  recreateDatabase,
} from './data/load.ts';
import { FIXES } from './fixes.ts';
import { openCapturer, pgExecutor, pgliteExecutor } from './lib/direct.ts';
import { type Session, signIn, waitReady } from './lib/http.ts';
import { commitInfo, machineInfo } from './lib/machine.ts';
import { memoryOf, ROOT, round, sleep, startServer } from './lib/proc.ts';
import { databaseSettler, queueSettler } from './lib/settle.ts';
import { consoleTable } from './lib/table.ts';
import { measuredParts, mergeIntoLatest } from './merge.ts';
import { updateReadme } from './readme.ts';
import { type BenchResults, evaluateTargets, readmeSection, toMarkdown } from './report.ts';
import { runBackupRestore } from './suites/backup.ts';
import { runIdentityPropagation } from './suites/identity.ts';
import { runImport, writeCompletionsCsv } from './suites/import.ts';
import { runInfosec } from './suites/infosec.ts';
import { runNab } from './suites/nab.ts';
import { capturePlans, type ReadResult, runReads, selectedCases, USERS } from './suites/reads.ts';
import { runSmartIngest } from './suites/smart.ts';
import { runStartup } from './suites/startup.ts';
import { bundleFigures, ensureWebBuilt, homeRender } from './suites/web.ts';

const env = process.env;
const QUICK = env.BENCH_QUICK === '1';
/** The "scale 1" and "scale 10" of a run; BENCH_QUICK=1 shrinks everything for a smoke run. */
const SCALE_SMALL = Number(env.BENCH_SCALE_SMALL ?? (QUICK ? 0.02 : 1));
const SCALE_LARGE = Number(env.BENCH_SCALE_LARGE ?? (QUICK ? 0.2 : 10));
const IMPORT_ROWS = Number(env.BENCH_IMPORT_ROWS ?? (QUICK ? 20_000 : 1_000_000));
const INFOSEC_OBJECTS = QUICK ? 200 : 1_000;
const INFOSEC_FINDINGS = QUICK ? 5_000 : 100_000;
// 2 s of 32 clients is some thousands of requests for a fast endpoint; a slow one gets a longer window.
const SECONDS = Number(env.BENCH_SECONDS ?? (QUICK ? 1 : 2));
const CLIENTS = 32;
const ADMIN_URL = env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PARTS = [
  'nab',
  'startup',
  'data',
  'reads',
  'identity',
  'pglite',
  'import',
  'infosec',
  'web',
  'backup',
  'smart',
];
const ONLY = new Set((env.BENCH_ONLY ?? PARTS.join(',')).split(','));
/** BENCH_BACKUP_LARGE=0: backup and restore at the small scale only (the large one takes minutes). */
const BACKUP_LARGE = env.BENCH_BACKUP_LARGE !== '0';
const REUSE = env.BENCH_REUSE === '1';
/** A partial run's parts replace those of bench/results/latest.* (bench/merge.ts), the others' are kept. */
const MERGE = env.BENCH_MERGE === '1';
const PGLITE_SQL = env.BENCH_PGLITE_SQL === '1';
/** Keep the PostgreSQL databases after the run (BENCH_REUSE=1 implies it). */
const KEEP = env.BENCH_KEEP === '1' || REUSE;
/** Server logs of the run, kept after it (the work folder is removed). */
const LOGS = path.join(os.tmpdir(), 'steward-bench-logs');
const DB_LARGE = 'steward_bench_s10';
const DB_SMALL = 'steward_bench_s1';

const began = performance.now();
const elapsed = () => `${Math.round((performance.now() - began) / 1000)} s`.padStart(6);
const log = (line: string) => console.log(line);
let current: BenchResults | undefined;
/** Each section starts by saving what the run has measured so far (a run cut short still leaves its figures). */
const section = (title: string) => {
  if (current)
    writeFileSync(path.join(tmpResults(), 'progress.json'), `${JSON.stringify(current, null, 2)}\n`);
  log(`\n[${elapsed()}] ${title}`);
};

const failures: string[] = [];
/** Runs one part of the suite; a failure is reported and the rest of the suite goes on. */
async function guarded<T>(label: string, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    const message = `${label}: ${(error as Error).message.split('\n')[0]}`;
    failures.push(message);
    log(`  FAILED ${message}`);
    return undefined;
  }
}

async function main() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'steward-bench-'));
  rmSync(LOGS, { recursive: true, force: true });
  mkdirSync(LOGS, { recursive: true });
  const clock = demoClock();
  const results: BenchResults = {
    version: 1,
    startedAt: new Date().toISOString(),
    finishedAt: '',
    durationSeconds: 0,
    quick: QUICK,
    commit: commitInfo(),
    machine: await machineInfo(ADMIN_URL),
    settings: {
      clients: CLIENTS,
      seconds: SECONDS,
      maxWindowSeconds: Number(env.BENCH_MAX_WINDOW ?? 5),
      serverPoolSize: 10,
      directPoolSize: 10,
      clock,
      scales: { small: SCALE_SMALL, large: SCALE_LARGE },
      importRows: IMPORT_ROWS,
      cases: env.BENCH_CASES,
    },
    datasets: {},
    reads: {},
    fixes: FIXES,
    targets: [],
  };
  current = results;
  log(
    `Steward benchmarks: commit ${results.commit.sha.slice(0, 10)}${results.commit.dirty ? ' (uncommitted changes)' : ''}, ${results.machine.cpus} cores, ${results.machine.memoryGb} GB, load average ${results.machine.loadAverageStart.join(' ')}`,
  );
  log(`Server logs: ${LOGS}`);
  log(
    `Scales ${SCALE_SMALL} and ${SCALE_LARGE}, ${CLIENTS} clients, ${SECONDS} s per measurement, demo clock ${clock}; work folder ${tmp}`,
  );

  try {
    if (ONLY.has('nab')) {
      section('Anomaly detection: the Numenta Anomaly Benchmark, 35 series (reference/nab)');
      results.nab = await guarded('NAB', async () => runNab(log));
    }

    if (ONLY.has('web') || ONLY.has('startup')) {
      section('Web app build');
      const buildSeconds = ensureWebBuilt(log);
      results.web = { bundle: bundleFigures(buildSeconds) };
      log(
        `  first page JavaScript: ${results.web.bundle.jsGzipKb} KB gzipped (${results.web.bundle.jsKb} KB raw) in ${results.web.bundle.files.filter((f) => f.file.endsWith('.js')).length} files`,
      );
    }

    if (ONLY.has('startup')) {
      section('Start-up: npm start on an empty data folder (PGlite)');
      results.startup = await guarded('start-up', () =>
        runStartup({
          tmp,
          logs: LOGS,
          log,
          // What a newcomer sees after npm start: the home page of the demo on PGlite.
          withDemoServer: async (base) => {
            if (results.web)
              results.web.render = await homeRender(base, 'the demo on PGlite, just after npm start', log);
          },
        }),
      );
    }

    let large: LoadReport | undefined;
    let small: LoadReport | undefined;
    let pgliteDir: string | undefined;
    const largeUrl = databaseUrl(ADMIN_URL, DB_LARGE);
    const smallUrl = databaseUrl(ADMIN_URL, DB_SMALL);
    const needsLarge =
      ['data', 'reads', 'import', 'infosec'].some((p) => ONLY.has(p)) || (ONLY.has('backup') && BACKUP_LARGE);
    if (needsLarge || ONLY.has('backup') || ONLY.has('identity') || ONLY.has('smart')) {
      const load = async (name: string, url: string, scale: number) => {
        section(`Data: scale ${scale} into PostgreSQL (${name})`);
        const reused = REUSE ? await existingDataset(url, { scale, clock }) : null;
        if (reused) {
          log(`  reusing the dataset already in ${name} (BENCH_REUSE=1)`);
          return reused;
        }
        const report = await loadBenchDataset(
          { databaseUrl: await recreateDatabase(ADMIN_URL, name) },
          { scale, clock, log },
        );
        log(
          `  ${total(report)} rows: generated in ${report.generateSeconds} s, loaded in ${report.loadSeconds} s (${report.rowsPerSecond.toLocaleString('en-US')} rows/s)`,
        );
        return report;
      };
      if (needsLarge) {
        large = await load(DB_LARGE, largeUrl, SCALE_LARGE);
        results.datasets[`postgres-s${SCALE_LARGE}`] = large;
      }
      small = await load(DB_SMALL, smallUrl, SCALE_SMALL);
      results.datasets[`postgres-s${SCALE_SMALL}`] = small;
    }

    if (ONLY.has('reads') && large) {
      section(`API reads: PostgreSQL, scale ${SCALE_LARGE}, ${CLIENTS} clients`);
      results.reads[`postgres-s${SCALE_LARGE}`] = await guarded('reads at the large scale', () =>
        postgresReads(largeUrl, large as LoadReport, tmp, [CLIENTS], true, results),
      );
      if (small && ONLY.has('pglite')) {
        section(`API reads: PostgreSQL, scale ${SCALE_SMALL}, ${CLIENTS} clients`);
        results.reads[`postgres-s${SCALE_SMALL}`] = await guarded('reads at the small scale', () =>
          postgresReads(smallUrl, small as LoadReport, tmp, [CLIENTS], false, results, false),
        );
      }
    }

    if (ONLY.has('identity') && small) {
      section(`Identity changes across two web processes: PostgreSQL, scale ${SCALE_SMALL}`);
      results.identity = await guarded('identity propagation', () =>
        runIdentityPropagation({
          databaseUrl: smallUrl,
          adminEmail: USERS.admin,
          password: DEMO_PASSWORD,
          tmp,
          logs: LOGS,
          log,
        }),
      );
    }

    if (ONLY.has('pglite')) {
      section(`Data: scale ${SCALE_SMALL} into PGlite`);
      const dataDir = path.join(tmp, 'pglite-s1');
      const report = await guarded('PGlite data', () =>
        loadBenchDataset({ dataDir }, { scale: SCALE_SMALL, clock, log }),
      );
      if (report) {
        pgliteDir = dataDir;
        results.datasets[`pglite-s${SCALE_SMALL}`] = report;
        log(`  ${total(report)} rows loaded in ${report.loadSeconds} s`);
        section(`API reads: PGlite, scale ${SCALE_SMALL}, 1 and ${CLIENTS} clients`);
        results.reads[`pglite-s${SCALE_SMALL}`] = await guarded('PGlite reads', () =>
          pgliteReads(dataDir, report, tmp),
        );
      }
    }

    if (ONLY.has('import') && small) {
      section(
        `Import: ${IMPORT_ROWS.toLocaleString('en-US')} training completions into PostgreSQL, Steward against COPY`,
      );
      results.import = await guarded('import', () => importBench(smallUrl, tmp));
    }

    if (ONLY.has('infosec') && large) {
      section(
        `Information security: an advisory of ${INFOSEC_OBJECTS} objects routed, a scan of ${INFOSEC_FINDINGS.toLocaleString('en-US')} findings imported (PostgreSQL, scale ${SCALE_LARGE})`,
      );
      const picks = large.picks;
      results.infosec = await guarded('information security', () =>
        withServer(largeUrl, tmp, 'infosec', (server, session) =>
          runInfosec({
            server,
            session,
            siteId: picks.siteKh,
            objects: INFOSEC_OBJECTS,
            results: INFOSEC_FINDINGS,
            tmp,
            log,
          }),
        ),
      );
    }

    if (ONLY.has('backup')) {
      results.backup = {};
      for (const [url, data] of [
        [smallUrl, small],
        [largeUrl, large],
      ] as const) {
        if (!data) continue;
        section(
          `Backup and restore: PostgreSQL, scale ${data.scale} (steward backup, restore into a new database)`,
        );
        const target = 'steward_bench_restore';
        const figures = await guarded(`backup and restore at scale ${data.scale}`, async () => {
          const targetUrl = await recreateDatabase(ADMIN_URL, target);
          try {
            return await runBackupRestore({
              database: 'postgres',
              scale: data.scale,
              source: { databaseUrl: url },
              target: { databaseUrl: targetUrl },
              tmp,
              log,
            });
          } finally {
            await dropDatabase(ADMIN_URL, target).catch(() => {});
          }
        });
        if (figures) results.backup[`postgres-s${data.scale}`] = figures;
      }
      section(`Backup and restore: PGlite, scale ${SCALE_SMALL} (server stopped, restore into a new folder)`);
      const figures = await guarded('PGlite backup and restore', async () => {
        if (!pgliteDir) {
          pgliteDir = path.join(tmp, 'pglite-s1');
          const report = await loadBenchDataset({ dataDir: pgliteDir }, { scale: SCALE_SMALL, clock, log });
          results.datasets[`pglite-s${SCALE_SMALL}`] = report;
        }
        return runBackupRestore({
          database: 'pglite',
          scale: SCALE_SMALL,
          source: { dataDir: pgliteDir },
          target: { dataDir: path.join(tmp, 'pglite-restored') },
          tmp,
          log,
        });
      });
      if (figures) results.backup[`pglite-s${SCALE_SMALL}`] = figures;
    }

    // Last: its readings would add to the small database's rows that the other parts measure.
    if (ONLY.has('smart') && small) {
      section(
        `Shop-floor monitoring: readings over MQTT stored, rolled up and judged, beside COPY and one INSERT per reading; alarm latency to the browser (PostgreSQL, scale ${SCALE_SMALL})`,
      );
      results.smart = await guarded('smart: shop-floor monitoring ingestion', () =>
        runSmartIngest({ databaseUrl: smallUrl, tmp, logs: LOGS, log }),
      );
    }
  } finally {
    if (!KEEP) {
      for (const name of [DB_LARGE, DB_SMALL]) await dropDatabase(ADMIN_URL, name).catch(() => {});
    }
    rmSync(tmp, { recursive: true, force: true });
  }

  results.finishedAt = new Date().toISOString();
  results.durationSeconds = Math.round((performance.now() - began) / 1000);
  results.machine.loadAverageEnd = os.loadavg().map((x) => round(x, 2));
  results.targets = evaluateTargets(results);
  results.failures = failures;
  const out = path.join(ROOT, 'bench/results');
  mkdirSync(out, { recursive: true });
  const markdown = toMarkdown(results);
  if (!QUICK && PARTS.every((p) => ONLY.has(p))) {
    writeFileSync(path.join(out, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(path.join(out, 'latest.md'), markdown);
    updateReadme(readmeSection(results));
    log(`\nWrote bench/results/latest.json, bench/results/latest.md and the README's benchmark section.`);
  } else {
    writeFileSync(path.join(tmpResults(), 'partial.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(path.join(tmpResults(), 'partial.md'), markdown);
    log(
      `\nA partial or quick run: wrote ${tmpResults()}/partial.{json,md} (bench/results/latest.* are kept).`,
    );
    if (MERGE && !QUICK) {
      const parts = measuredParts(results);
      mergeIntoLatest(results, parts);
      log(`Merged ${parts.join(', ')} into bench/results/latest.json, latest.md and the README's section.`);
    }
  }
  log('');
  log(consoleTable(results));
  log(`\nDone in ${results.durationSeconds} s.`);
}

function tmpResults() {
  const dir = path.join(os.tmpdir(), 'steward-bench-results');
  mkdirSync(dir, { recursive: true });
  return dir;
}

const total = (r: LoadReport) =>
  Object.values(r.counts)
    .reduce((a, b) => a + b, 0)
    .toLocaleString('en-US');

/** A server on PostgreSQL in the web role; reads at the given concurrency beside their direct SQL. */
async function postgresReads(
  databaseUrl: string,
  data: LoadReport,
  tmp: string,
  concurrency: number[],
  withWeb: boolean,
  results: BenchResults,
  direct = true,
) {
  const server = startServer({
    logFile: path.join(LOGS, `server-${data.scale}.log`),
    env: {
      DATABASE_URL: databaseUrl,
      STEWARD_ROLE: 'web',
      STEWARD_DEMO: '0',
      STEWARD_FILES_DIR: path.join(tmp, 'files'),
    },
  });
  const capturer = await openCapturer({ databaseUrl });
  const executor = direct ? pgExecutor(databaseUrl, 10) : null;
  const settler = databaseSettler(databaseUrl);
  try {
    await waitReady(server.base, 120_000, () => server.child.exitCode === null);
    const cookies = await sessions(server.base);
    const capturerCookies = {
      admin: await capturer.signIn(USERS.admin, DEMO_PASSWORD),
      officer: await capturer.signIn(USERS.officer, DEMO_PASSWORD),
    };
    await sleep(1000);
    const idle = memoryOf(server.pid()).rssMb;
    const { results: reads, maxRssMb } = await runReads({
      base: server.base,
      cookies,
      capturer,
      capturerCookies,
      executor,
      picks: data.picks,
      concurrency,
      seconds: direct ? SECONDS : 1,
      serverPid: server.pid(),
      log,
      settle: settler.settle,
    });
    const figures = {
      scale: data.scale,
      database: 'postgres' as const,
      rssIdleMb: idle,
      rssUnderLoadMb: maxRssMb,
      rssPeakMb: memoryOf(server.pid()).hwmMb,
      results: [...reads.values()],
    };
    if (withWeb && (ONLY.has('web') || ONLY.has('startup')) && results.web) {
      results.web.render = await homeRender(server.base, `PostgreSQL at scale ${data.scale}`, log);
    }
    return figures;
  } finally {
    await executor?.close();
    await settler.close();
    await capturer.close();
    await server.stop();
  }
}

async function sessions(base: string) {
  const admin = await signIn(base, USERS.admin, DEMO_PASSWORD);
  const officer = await signIn(base, USERS.officer, DEMO_PASSWORD);
  if (!admin || !officer) throw new Error('the demo users could not sign in');
  return { admin: admin.cookie, officer: officer.cookie };
}

/**
 * PGlite serves one process: the direct SQL runs first in this process on the folder, then the server
 * opens the folder and the same endpoints are read over HTTP.
 */
async function pgliteReads(dataDir: string, data: LoadReport, tmp: string) {
  const concurrency = [1, CLIENTS];
  const { openDatabase } = await import('../server/db/connect.ts');
  const database = await openDatabase({ dataDir });
  let reads = new Map<string, ReadResult>();
  let plans: Awaited<ReturnType<typeof capturePlans>>;
  try {
    const pglite = database.pglite as NonNullable<typeof database.pglite>;
    const capturer = await openCapturer({ pglite });
    const capturerCookies = {
      admin: await capturer.signIn(USERS.admin, DEMO_PASSWORD),
      officer: await capturer.signIn(USERS.officer, DEMO_PASSWORD),
    };
    plans = await capturePlans(
      capturer,
      capturerCookies,
      data.picks,
      selectedCases().filter((c) => c.kind !== 'baseline'),
    );
    // The same SQL run directly on PGlite, at one client (BENCH_PGLITE_SQL=1; a minute of the suite's time).
    if (PGLITE_SQL) {
      const run = await runReads({
        base: '',
        cookies: capturerCookies,
        capturer,
        capturerCookies,
        executor: pgliteExecutor(pglite),
        picks: data.picks,
        concurrency: [1],
        seconds: Math.max(1, SECONDS - 1),
        log,
        phase: 'direct',
        plans,
      });
      reads = run.results;
    }
    await capturer.close();
  } finally {
    await database.close();
  }
  const server = startServer({
    logFile: path.join(LOGS, 'server-pglite.log'),
    env: {
      STEWARD_DATA_DIR: dataDir,
      STEWARD_ROLE: 'all',
      STEWARD_DEMO: '0',
      STEWARD_FILES_DIR: path.join(tmp, 'files'),
    },
  });
  try {
    await waitReady(server.base, 120_000, () => server.child.exitCode === null);
    const cookies = await sessions(server.base);
    await sleep(1000);
    const idle = memoryOf(server.pid()).rssMb;
    const nothing = { capture: async () => [] } as unknown as Parameters<typeof runReads>[0]['capturer'];
    const run = await runReads(
      {
        base: server.base,
        cookies,
        capturer: nothing,
        capturerCookies: cookies,
        executor: null,
        picks: data.picks,
        concurrency,
        seconds: Math.max(1, SECONDS - 1),
        serverPid: server.pid(),
        log,
        phase: 'http',
        plans,
        settle: queueSettler(server.base),
        // PGlite answers one query at a time: 32 clients of a 0.2 s request queue for 6 s and more.
        slowSingleMs: 200,
      },
      reads,
    );
    return {
      scale: data.scale,
      database: 'pglite' as const,
      rssIdleMb: idle,
      rssUnderLoadMb: run.maxRssMb,
      rssPeakMb: memoryOf(server.pid()).hwmMb,
      results: [...run.results.values()],
    };
  } finally {
    await server.stop();
  }
}

/** The import into the scale-1 PostgreSQL database, its completions emptied first; a fresh server process for a clean peak. */
async function importBench(databaseUrl: string, tmp: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let people: string[];
  let courses: string[];
  try {
    await client.query('truncate training_completions');
    await client.query('delete from app_settings where key = $1', [BENCH_SETTING]);
    people = (
      await client.query<{ employee_no: string }>('select employee_no from employees order by employee_no')
    ).rows.map((r) => r.employee_no);
    courses = (
      await client.query<{ code: string }>('select code from training_courses order by code')
    ).rows.map((r) => r.code);
  } finally {
    await client.end();
  }
  const file = path.join(tmp, 'completions.csv');
  await writeCompletionsCsv(file, IMPORT_ROWS, people, courses, demoClock());
  return withServer(databaseUrl, tmp, 'import', (server, session) =>
    runImport({ server, session, databaseUrl, file, rows: IMPORT_ROWS, log }),
  );
}

/** A fresh web process on the database (a clean peak of memory), the group admin signed in, for one part. */
async function withServer<T>(
  databaseUrl: string,
  tmp: string,
  part: string,
  work: (server: ReturnType<typeof startServer>, session: Session) => Promise<T>,
): Promise<T> {
  const server = startServer({
    logFile: path.join(LOGS, `server-${part}.log`),
    env: {
      DATABASE_URL: databaseUrl,
      STEWARD_ROLE: 'web',
      STEWARD_DEMO: '0',
      STEWARD_FILES_DIR: path.join(tmp, `${part}-files`),
    },
  });
  try {
    await waitReady(server.base, 120_000, () => server.child.exitCode === null);
    const session = await signIn(server.base, USERS.admin, DEMO_PASSWORD);
    if (!session) throw new Error('admin could not sign in');
    return await work(server, session);
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
