import { sql } from 'kysely';
import { bulkInsert } from '../../server/db/bulk.ts';
import type { Database } from '../../server/db/connect.ts';
import { withIndexesBuiltAfter } from '../../server/db/deferred-indexes.ts';
import { allSummaries, rebuildSummaries } from '../../server/db/summaries.ts';
import type { Db } from '../../server/db/types.ts';
import { programModules } from '../../server/modules/index.ts';
import { systemActor } from '../../server/platform/access/actor.ts';
import { recordAuditHistory } from '../../server/platform/audit/history.ts';
import { recordAudit } from '../../server/platform/audit/service.ts';
import { hashPassword } from '../../server/platform/auth/passwords.ts';
import { platformMessage } from '../../server/platform/i18n/index.ts';
import type { AnyProgramModule, ModuleDemoData } from '../../server/platform/modules/manifest.ts';
import { demoAuditHistory } from './audit-history.ts';
import { demoClock } from './clock.ts';
import { committeeTables, generateCommittees } from './committees.ts';
import { DEFAULT_SEED, type DemoDataset, datasetCounts, generateDemoDataset } from './generate.ts';
import type { TableRows } from './ohs-tables.ts';
import { generateModuleDemos } from './parts.ts';
import { loadEmployeeWork, loadSelfServiceDemo } from './self-service.ts';
import { siteCalendarDays } from './site-calendars.ts';
import { generateTraining, trainingTables } from './training.ts';
import { DEMO_PASSWORD } from './users.ts';

export { isEmptyDatabase } from '../../server/db/empty.ts';

export type DemoOptions = {
  log?: (line: string) => void;
  /** 1 is the full group (about 100,000 employees); tests use 0.01. */
  scale?: number;
  /** The demo's today, 'YYYY-MM-DD' (default: STEWARD_DEMO_CLOCK, or today in Taipei). */
  clock?: string;
  seed?: string;
  /** The modules whose parts of the demo are loaded (default: the module list). */
  modules?: readonly AnyProgramModule[];
};

export type DemoLoadReport = {
  clock: string;
  scale: number;
  counts: Record<string, number>;
  milliseconds: number;
};

/** The app_settings key that records which demo was loaded, and with which clock. */
export const DEMO_SETTING_KEY = 'demo';

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Loads the demo dataset: the group of the seeds, its sites and areas, its people, one demo user per role,
 * training, committees, and each module's part (its manifest's `demo`: the OHS records that reproduce the OHS
 * seed's figures, the industry–academia partners…). Everything goes in one transaction (an
 * interrupted load leaves the database empty, so the next start loads it again), in batches of a few thousand
 * rows per statement.
 */
export async function loadDemoDataset(
  database: Database,
  options: DemoOptions = {},
): Promise<DemoLoadReport> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const clock = options.clock ?? demoClock();
  const scale = options.scale ?? 1;
  const seed = options.seed ?? DEFAULT_SEED;
  log(`Demo dataset: generating the group (scale ${scale}, demo clock ${clock})`);
  const data = generateDemoDataset({ clock, scale, seed });
  log(`Demo dataset: ${fmt(data.employees.length)} employees generated; generating the programs' records`);
  const parts = await generateModuleDemos(options.modules ?? programModules, data);
  log('Demo dataset: generating training, committees and the audit history');
  const training = generateTraining(data);
  const committees = generateCommittees(data);
  const history = [
    ...demoAuditHistory(data, training, committees),
    ...parts.flatMap((p) => p.history),
  ].filter((e) => e.occurredAt.getTime() <= Date.now());
  const counts: Record<string, number> = {
    ...datasetCounts(data),
    training_courses: training.courses.length,
    training_completions: training.completions.length,
    committees: committees.committees.length,
    meetings: committees.meetings.length,
    audit_history: history.length,
  };
  for (const part of parts)
    for (const [key, n] of Object.entries(part.counts)) counts[key] = (counts[key] ?? 0) + n;
  const passwordHashes = await Promise.all(data.users.map(() => hashPassword(DEMO_PASSWORD)));
  log(`Demo dataset: writing ${fmt(Object.values(counts).reduce((a, b) => a + b, 0))} records`);

  await database.db.transaction().execute(async (trx) => {
    const tables = [...demoTables(data, passwordHashes, parts), ...committeeTables(committees)];
    const programs = trainingTables(training);
    const run = (text: string) => sql.raw<Record<string, unknown>>(text).execute(trx);
    await withIndexesBuiltAfter(
      run,
      [...tables, ...programs, { table: 'audit_events' }].map((t) => t.table),
      async () => {
        // Training completions as a bulk import writes them: the kept summaries are built once at the end
        // rather than by the triggers batch by batch (the yearly summary deferred, the latest completions and
        // campaign counts switched off as their rebuild does). Modules' tables hold completions too (the
        // security awareness courses): switched off before them, they load four times as fast.
        await sql`set local steward.training_summary_deferred = on`.execute(trx);
        await sql`set local steward.training_campaign_rebuilding = on`.execute(trx);
        for (const { table, rows, batchSize } of tables) {
          if (rows.length > 20_000) await loadWithProgress(trx, table, rows, log, table.replaceAll('_', ' '));
          else await bulkInsert(trx, table, rows, { batchSize });
        }
        for (const { table, rows, batchSize } of programs) {
          if (rows.length > 20_000) await loadWithProgress(trx, table, rows, log, table.replaceAll('_', ' '));
          else await bulkInsert(trx, table, rows, { batchSize });
        }
        await sql`set local steward.training_summary_deferred = off`.execute(trx);
        await sql`set local steward.training_campaign_rebuilding = off`.execute(trx);
        for (const summary of allSummaries(options.modules ?? programModules)) {
          log(`Demo dataset: kept summary of ${summary.name}`);
          await rebuildSummaries((statement) => sql.raw(statement).execute(trx), [summary]);
        }
        log(`Demo dataset: audit history of the loaded records (${fmt(history.length)} events)`);
        await recordAuditHistory(
          trx,
          history,
          quarterly(history.length, (done, total) =>
            log(`Demo dataset: audit history ${fmt(done)} / ${fmt(total)}`),
          ),
        );
        log('Demo dataset: building the indexes of the loaded tables');
      },
      quarterly(0, (built, total) => log(`Demo dataset: indexes ${fmt(built)} / ${fmt(total)}`)),
    );
    log(
      `Demo dataset: ${counts.subsidiaries} subsidiaries, ${counts.sites} sites, ${fmt(counts.areas)} areas, ${fmt(counts.contractor_companies)} contractor companies, ${fmt(counts.external_persons)} external persons and ${counts.users} demo users loaded`,
    );
    for (const part of parts) if (part.summary) log(`Demo dataset: ${part.summary}`);
    await loadSelfServiceDemo(trx, clock);
    await loadEmployeeWork(trx, clock);
    log(
      `Demo dataset: ${training.courses.length} training courses with ${fmt(training.completions.length)} completions, ${committees.committees.length} OHS committees with ${committees.meetings.length} meetings`,
    );
    const milliseconds = Math.round(performance.now() - started);
    await recordAudit(trx, systemActor('platform.actor.demo'), {
      action: 'demo.loaded',
      entityType: 'demo',
      entityId: seed,
      siteId: null,
      summary: platformMessage('platform.audit.demoLoaded', {
        sites: counts.sites,
        employees: counts.employees,
        contractorWorkers: counts.contractor_workers,
      }),
      after: { seed, scale, clock, counts },
    });
    await trx
      .insertInto('app_settings')
      .values({
        key: DEMO_SETTING_KEY,
        value: JSON.stringify({ seed, scale, clock, loadedAt: new Date().toISOString(), milliseconds }),
      })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), updated_at: new Date() })),
      )
      .execute();
  });

  const milliseconds = Math.round(performance.now() - started);
  log(
    `Demo dataset loaded in ${(milliseconds / 1000).toFixed(1)} s: ${fmt(counts.employees)} employees (${fmt(counts.leavers)} leavers), ${fmt(counts.contractor_workers)} contractor workers. Sign in as admin@steward.demo with the password ${DEMO_PASSWORD}.`,
  );
  return { clock, scale, counts, milliseconds };
}

/**
 * Every table of the demo in load order, parents before children: the group's, then each module's part.
 * The demo's loader and the benchmarks' (which COPY the same rows into PostgreSQL at ten times the scale)
 * read the same list.
 */
export function demoTables(
  data: DemoDataset,
  passwordHashes: readonly string[],
  parts: readonly ModuleDemoData[],
): TableRows[] {
  return [
    { table: 'holdings', rows: data.holdings },
    { table: 'subsidiaries', rows: data.subsidiaries },
    { table: 'sites', rows: data.sites },
    { table: 'site_calendar_days', rows: siteCalendarDays(data) },
    { table: 'areas', rows: areasParentsFirst(data) },
    { table: 'employees', rows: data.employees },
    { table: 'contractor_companies', rows: data.contractorCompanies },
    { table: 'contractor_workers', rows: data.contractorWorkers },
    { table: 'external_persons', rows: data.externalPersons },
    { table: 'users', rows: data.users.map((u, i) => ({ ...u, password_hash: passwordHashes[i] })) },
    { table: 'role_assignments', rows: data.roleAssignments },
    ...parts.flatMap((p) => p.tables),
  ];
}

async function loadWithProgress(
  trx: Db,
  table: string,
  rows: readonly Record<string, unknown>[],
  log: (line: string) => void,
  label = table,
) {
  // A progress line about every quarter of the way, and at the end.
  const every = Math.max(5000, Math.ceil(rows.length / 4 / 5000) * 5000);
  let next = every;
  await bulkInsert(trx, table, rows, {
    batchSize: 5000,
    onBatch: (done, total) => {
      if (done >= next || done === total) {
        log(`Demo dataset: ${label} ${fmt(done)} / ${fmt(total)}`);
        next = done + every;
      }
    },
  });
}

/**
 * A progress callback that reports about every quarter of the way and at the end (of `total` steps; 0: the
 * total is learnt from the first call).
 */
function quarterly(total: number, report: (done: number, total: number) => void) {
  let next = 0;
  return (done: number, of: number) => {
    const every = Math.max(1, Math.ceil((total || of) / 4));
    if (done >= next || done === of) {
      report(done, of);
      next = done + every;
    }
  };
}

/** Areas in the order buildings, floors, lines: a parent is always in before its children. */
function areasParentsFirst(data: DemoDataset) {
  const depth = new Map<string, number>();
  const byId = new Map(data.areas.map((a) => [a.id, a]));
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const parent = byId.get(id)?.parent_id;
    const d = parent ? depthOf(parent) + 1 : 0;
    depth.set(id, d);
    return d;
  };
  return [...data.areas].sort((a, b) => depthOf(a.id) - depthOf(b.id));
}
