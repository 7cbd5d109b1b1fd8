import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/connect.ts';
import { isEmptyDatabase } from './db/empty.ts';
import { migrateToLatest, pendingMigrations } from './db/migrate.ts';
import type { Db } from './db/types.ts';
import { createLogger } from './logger.ts';
import { programModules } from './modules/index.ts';
import { failInterruptedImports } from './platform/imports/service.ts';
import { type JobDefinition, startJobRunner } from './platform/jobs/boss.ts';
import { platformJobs } from './platform/jobs/platform-jobs.ts';
import { startBackgroundServices } from './platform/modules/background.ts';
import type { AnyProgramModule } from './platform/modules/manifest.ts';
import { startNoticeMail } from './platform/notify/notice-mail.ts';
import { createServices, registerModulePolicies, type Services } from './services.ts';

/** The worker's jobs: the platform's, then each program module's. */
export function workerJobs(
  db: Db,
  config: Config,
  modules: readonly AnyProgramModule[] = programModules,
): JobDefinition[] {
  registerModulePolicies(modules);
  return [...platformJobs(db, config), ...modules.flatMap((module) => module.jobs?.(db, config) ?? [])];
}

/**
 * The embedded database's buffers: 32 MB instead of PostgreSQL's 128 MB. PGlite's memory never shrinks, and
 * its reads that miss them come from the operating system's file cache: with the demo, 120 MB less resident
 * memory at rest and the same page times (bench/results/latest.md, PGlite).
 */
const EMBEDDED_SERVER_SETTINGS = ['shared_buffers=32MB'];

/**
 * Starts Steward in its process role: `web` serves HTTP, `worker` runs background jobs, `all` does both
 * (the embedded single-process default).
 */
export async function start(config: Config) {
  const log = createLogger(config.logLevel);
  if (!config.databaseUrl && !existsSync(path.join(path.resolve(config.dataDir), 'pgdata')))
    log.info({ location: config.dataDir }, 'first start: creating the embedded database (about ten seconds)');
  const open = () =>
    openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      pgliteSettings: EMBEDDED_SERVER_SETTINGS,
    });
  let database = await open();
  log.info({ database: database.kind, location: database.location, role: config.role }, 'database opened');
  const pending = await pendingMigrations(database.db);
  if (pending.length) log.info({ pending: pending.length }, 'applying migrations');
  const applied = await migrateToLatest(database.db);
  if (applied.length) log.info({ applied }, 'migrations applied');
  if (database.kind === 'pglite') {
    const interrupted = await failInterruptedImports(database.db);
    if (interrupted) log.warn({ interrupted }, 'imports interrupted by the last stop were marked failed');
  }

  if (config.loadDemoOnEmpty && config.role !== 'worker' && (await isEmptyDatabase(database.db))) {
    log.info('empty database: loading the demo dataset (STEWARD_DEMO=0 to skip)');
    // Demo code is loaded only when a demo is loaded: it is not part of the running system.
    const { loadDemoDataset } = await import('../reference/demo/load.ts');
    await loadDemoDataset(database, { log: (line) => log.info(line) });
    if (database.kind === 'pglite') {
      // PGlite's memory grows to what the load's sorts and index builds used and never shrinks: a new instance
      // of the same folder serves at the size of what it serves.
      await database.close();
      database = await open();
      // A full collection frees the closed instance's memory now rather than whenever V8 next collects
      // (`npm start` exposes it).
      (globalThis as { gc?: () => void }).gc?.();
      log.info('demo loaded: the embedded database reopened');
    }
  }

  const stops: (() => Promise<void>)[] = [];
  let services: Services | undefined;
  if (config.role !== 'worker') {
    const app = await buildApp({ database, config });
    await app.listen({ port: config.port, host: config.host });
    services = app.services;
    stops.push(() => app.close());
  }
  if (config.role !== 'web') {
    const runner = await startJobRunner(database, workerJobs(database.db, config), log, config.databaseUrl);
    stops.push(() => runner.stop());
    // The modules' long-running services (MQTT ingestion, say), on the web role's services when it runs here.
    services ??= createServices(database, config);
    const stopBackground = await startBackgroundServices(programModules, services, config, log);
    // Stopped first: they take data in, which the database must still be open to store.
    stops.unshift(stopBackground);
    stops.unshift(await startNoticeMail(database.db, services.signals, config, log));
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    for (const stop of stops) await stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
