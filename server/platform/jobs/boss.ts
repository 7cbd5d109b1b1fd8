import { fromPglite, PgBoss } from 'pg-boss';
import type { Database } from '../../db/connect.ts';

/** A background job: a queue name, an optional cron schedule (UTC), and what it does. */
export type JobDefinition = {
  name: string;
  cron?: string;
  /** Also run once when a worker starts (one run for all workers starting within the same minute). */
  runOnStart?: boolean;
  handler: () => Promise<unknown>;
};

export type JobRunner = { stop(): Promise<void>; send(name: string): Promise<string | null> };

type Log = { info(o: object, msg?: string): void; error(o: object, msg?: string): void };

/**
 * Runs jobs through pg-boss, on PGlite or PostgreSQL. Schedules are kept by pg-boss in the database, so with
 * several worker processes each cron tick creates one job, and each job is worked by one process.
 */
export async function startJobRunner(
  database: Database,
  jobs: JobDefinition[],
  log: Log,
  databaseUrl?: string,
): Promise<JobRunner> {
  const boss =
    database.kind === 'pglite' && database.pglite
      ? new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite', schema: 'pgboss' })
      : new PgBoss({
          connectionString: databaseUrl,
          schema: 'pgboss',
          max: 4,
          application_name: 'steward-worker',
        });
  boss.on('error', (error: Error) => log.error({ err: error }, 'job runner error'));
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name);
    await boss.work(job.name, async () => {
      const result = await job.handler();
      log.info({ job: job.name, result }, 'job done');
      return result;
    });
    if (job.cron) await boss.schedule(job.name, job.cron, null, { tz: 'UTC' });
    if (job.runOnStart)
      await boss.send(job.name, {}, { singletonKey: `${job.name}:start`, singletonSeconds: 60 });
  }
  log.info({ jobs: jobs.map((j) => j.name) }, 'job runner started');
  return {
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
    send: (name) => boss.send(name, {}),
  };
}
