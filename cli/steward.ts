#!/usr/bin/env node
// First: backup and restore re-run themselves in a lean process (see lean.ts).
import './lean.ts';
import { existsSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import path from 'node:path';
import type { openDatabase } from '../server/db/connect.ts';

// V8 keeps the compiled code of the server's modules on disk (in the system's temporary folder): a second start
// reads it instead of compiling them again (a third less time to load them, measured on this project).
enableCompileCache();

// Modules load when they are needed (here, after lean.ts has had its say): `steward backup` and `restore`
// re-run themselves in a lean process before loading anything.
const { Command, Option } = await import('commander');
const { loadConfig } = await import('../server/config.ts');
const { roles } = await import('#shared/platform/access/roles.ts');
const server = {
  connect: () => import('../server/db/connect.ts'),
  migrate: () => import('../server/db/migrate.ts'),
};

/**
 * PGlite settings of backup and restore: each reads or writes every table once, a cache would only grow.
 * PGlite's memory never shrinks, so what an index build sorts in memory stays part of the peak; a bigger
 * index sorts on disk instead.
 */
const LOW_MEMORY_PGLITE = ['shared_buffers=16MB', 'work_mem=4MB', 'maintenance_work_mem=16MB'];

/** The `steward` command: run through `npm run steward -- <command>` or `npx steward <command>`. */

async function withDatabase<T>(
  fn: (database: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const { openDatabase } = await server.connect();
  const { migrateToLatest } = await server.migrate();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 2,
  });
  try {
    await migrateToLatest(database.db);
    return await fn(database);
  } finally {
    await database.close();
  }
}

const program = new Command('steward').description(
  'Steward: sustainability programs of a multi-site manufacturer',
);

program
  .command('start')
  .description('Run the server (STEWARD_ROLE=web|worker|all); loads the demo dataset into an empty database')
  .action(async () => {
    const { start } = await import('../server/main.ts');
    await start(loadConfig());
  });

program
  .command('migrate')
  .description('Apply pending database migrations')
  .action(async () => {
    const { migrateToLatest } = await server.migrate();
    await withDatabase(async (database) => {
      const applied = await migrateToLatest(database.db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    });
  });

program
  .command('create-user')
  .description('Create a user with one role')
  .requiredOption('--email <email>')
  .requiredOption('--name <displayName>')
  .requiredOption('--password <password>')
  .addOption(new Option('--role <role>').choices(roles).default('group_admin'))
  .option('--program <program>', 'for program owners and site officers')
  .option('--sites <codes>', 'comma-separated site codes (default: the whole group)')
  .action(async (o) => {
    const { createOrgService } = await import('../server/platform/org/service.ts');
    const { createUsersService } = await import('../server/platform/users/service.ts');
    const { systemActor } = await import('../server/platform/access/actor.ts');
    const { registerModulePolicies } = await import('../server/services.ts');
    // The programs a role may name are those of the module list.
    registerModulePolicies();
    await withDatabase(async (database) => {
      const org = createOrgService(database.db);
      const users = createUsersService(database.db, org);
      let scope: { scopeKind: 'group' } | { scopeKind: 'sites'; siteIds: string[] } = { scopeKind: 'group' };
      if (o.sites) {
        const codes = String(o.sites)
          .split(',')
          .map((s) => s.trim());
        const ids = await org.siteIdsByCode(codes);
        const unknown = codes.filter((c) => !ids.has(c));
        if (unknown.length) throw new Error(`Unknown site code(s): ${unknown.join(', ')}`);
        scope = { scopeKind: 'sites', siteIds: [...ids.values()] };
      }
      const user = await users.create(systemActor('platform.actor.createUser'), {
        email: o.email,
        displayName: o.name,
        password: o.password,
        assignments: [{ role: o.role, program: o.program ?? null, ...scope }],
      });
      console.log(`Created ${user.email} (${o.role}).`);
    });
  });

program
  .command('demo')
  .description(
    'Load the demo dataset into an empty database (STEWARD_DEMO_CLOCK=YYYY-MM-DD pins the day it treats as today)',
  )
  .option('--scale <factor>', 'size of the workforce: 1 is about 100,000 employees', '1')
  .action(async (o) => {
    const { isEmptyDatabase, loadDemoDataset } = await import('../reference/demo/load.ts');
    const scale = Number(o.scale);
    if (!(scale > 0 && scale <= 10))
      throw new Error('--scale must be a number greater than 0 and at most 10.');
    await withDatabase(async (database) => {
      if (!(await isEmptyDatabase(database.db)))
        throw new Error('The database already holds data: the demo loads into an empty one only.');
      await loadDemoDataset(database, { scale, log: (line) => console.log(line) });
    });
  });

program
  .command('backup <file>')
  .description('Write a portable dump (.tar.gz) of the whole database and the stored files')
  .action(async (file: string) => {
    const { backupDatabase } = await import('../server/platform/backup/backup.ts');
    const { openDatabase } = await server.connect();
    const config = loadConfig();
    if (!config.databaseUrl && !existsSync(path.join(config.dataDir, 'pgdata')))
      throw new Error(
        `There is no Steward database in ${config.dataDir} (set STEWARD_DATA_DIR or DATABASE_URL).`,
      );
    const database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: 2,
      pgliteSettings: LOW_MEMORY_PGLITE,
    });
    try {
      await backupDatabase(database, { file, filesDir: config.filesDir, log: (line) => console.log(line) });
    } finally {
      await database.close();
    }
  });

program
  .command('restore <file>')
  .description(
    'Load a backup into the database of DATABASE_URL or the data folder; refuses a database that holds data',
  )
  .option('--force', 'replace everything the target database holds')
  .action(async (file: string, o: { force?: boolean }) => {
    const { restoreDatabase } = await import('../server/platform/backup/restore.ts');
    const { openDatabase } = await server.connect();
    const config = loadConfig();
    const database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: 2,
      pgliteSettings: LOW_MEMORY_PGLITE,
    });
    try {
      const report = await restoreDatabase(database, {
        file,
        filesDir: config.filesDir,
        // A server's database is shared by processes that all read STEWARD_FILES_DIR: it must be said.
        filesDirUnset: !!config.databaseUrl && !process.env.STEWARD_FILES_DIR,
        force: !!o.force,
        log: (line) => console.log(line),
      });
      for (const b of report.audit.breaks) console.log(`BROKEN ${b.chainKey} at event ${b.seq}: ${b.detail}`);
      if (report.audit.breaks.length || report.filesMissing) process.exitCode = 1;
    } finally {
      await database.close();
    }
  });

const summaries = program.command('summaries').description('Summary tables kept by triggers');
summaries
  .command('rebuild')
  .description(
    'Recompute every kept summary (training years, OHS injury months) from its rows, in one transaction',
  )
  .action(async () => {
    const { sql } = await import('kysely');
    const { rebuildSummaries } = await import('../server/db/summaries.ts');
    await withDatabase(async (database) => {
      const started = performance.now();
      const names = await database.db
        .transaction()
        .execute((trx) => rebuildSummaries((statement) => sql.raw(statement).execute(trx)));
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`Rebuilt ${names.join(', ')} in ${seconds} s`);
    });
  });

const audit = program.command('audit').description('The hash-chained audit log');
audit
  .command('verify')
  .description('Check every chain and name the first broken link of each')
  .action(async () => {
    const { verifyAuditChains } = await import('../server/platform/audit/service.ts');
    await withDatabase(async (database) => {
      const report = await verifyAuditChains(database.db);
      for (const r of report.redactions)
        console.log(`REDACTED ${r.chainKey} at event ${r.seq} (${r.occurredAt}): ${r.summary ?? ''}`);
      for (const b of report.breaks) console.log(`BROKEN ${b.chainKey} at event ${b.seq}: ${b.detail}`);
      console.log(
        `${report.chains} chain(s), ${report.events} event(s) verified, ${report.breaks.length} broken.`,
      );
      if (report.breaks.length) process.exitCode = 1;
    });
  });

const files = program.command('files').description('The stored files of documents');
files
  .command('verify')
  .description(
    'List documents whose stored file is absent from STEWARD_FILES_DIR or differs in size or SHA-256',
  )
  .option('--no-hash', 'check presence and size only (faster: the files are not read)')
  .action(async (o: { hash: boolean }) => {
    const { verifyStoredFiles } = await import('../server/platform/documents/verify.ts');
    const config = loadConfig();
    await withDatabase(async (database) => {
      const report = await verifyStoredFiles(database.db, config.filesDir, {
        hash: o.hash,
        onProblem: (p) =>
          console.log(
            `${p.problem.toUpperCase()} document ${p.documentId} "${p.filename}" (${p.storageKey})` +
              (p.problem === 'missing' ? '' : `: expected ${p.expected}, found ${p.actual}`),
          ),
      });
      console.log(
        `${report.checked} document(s) checked in ${config.filesDir}: ${report.problems.length} with a missing or different file.`,
      );
      if (report.problems.length) process.exitCode = 1;
    });
  });

const collect = (value: string, previous: string[]) => [...previous, value];
program
  .command('simulate')
  .description(
    "Publish realistic readings of a site's sensors over MQTT as a gateway would, with injected faults",
  )
  .requiredOption('--site <code>', 'the site whose sensors are simulated (and whose topics are published to)')
  .option('--area <name>', 'only the sensors of this area (repeatable)', collect, [])
  .option('--token <token>', "the gateway's API token (default: STEWARD_GATEWAY_TOKEN)")
  .option(
    '--token-for <email>',
    'create a one-day API token of this user (who sends readings for the site) in the configured database',
  )
  .option('--broker <url>', 'MQTT broker (default: MQTT_URL, or the embedded broker on STEWARD_MQTT_PORT)')
  .option('--token-in-batch', 'put the token in each batch (default: when publishing to MQTT_URL)')
  .option('--api <url>', "Steward's address, to read the site's sensors (default: PUBLIC_URL)")
  .option('--rate <n>', 'readings per second, all sensors together', '5')
  .option('--duration <seconds>', 'how long to simulate (default 60)')
  .option('--count <n>', 'how many readings to take instead of a duration')
  .option('--seed <n>', 'the same seed gives the same readings', '1')
  .option(
    '--fault <fault>',
    'gas-leak|stuck|spike|dropout|drift[:<sensor tag or area>][@<seconds>][+<seconds>] (repeatable)',
    collect,
    [],
  )
  .option('--speed <factor>', 'simulated seconds per second; above 1 the readings start in the past', '1')
  .option('--batch <seconds>', "one batch per area for each this many seconds' readings", '1')
  .option('--gateway <name>', 'the gateway name in the batches (default: simulator-<site>)')
  .action(async (o) => {
    const { simulate } = await import('./simulate.ts');
    await simulate(o, loadConfig(), withDatabase);
  });

program.parseAsync().catch((error: Error) => {
  console.error(`steward: ${error.message}`);
  process.exit(1);
});
