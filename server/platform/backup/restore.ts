import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type QueryExecutorProvider, sql } from 'kysely';
import * as tar from 'tar';
import { insertJsonRows } from '../../db/bulk.ts';
import type { Database } from '../../db/connect.ts';
import { allMigrations, migrateToLatest, migrateUpTo } from '../../db/migrate.ts';
import { rebuildSummaries, summariesToRecompute } from '../../db/summaries.ts';
import { type VerifyReport, verifyAuditChains } from '../audit/service.ts';
import { verifyStoredFiles } from '../documents/verify.ts';
import {
  appliedMigrations,
  EPHEMERAL_COLUMNS,
  EPHEMERAL_TABLES,
  quoteIdent,
  readCatalog,
  SYSTEM_TABLES,
} from './catalog.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, type Manifest } from './format.ts';
import { readLines } from './lines.ts';

export type RestoreOptions = {
  /** The .tar.gz written by `steward backup`. */
  file: string;
  /** Where stored files go (documents): the folder the running system reads them from. */
  filesDir?: string;
  /**
   * The files folder was not chosen (no STEWARD_FILES_DIR) for a database that several processes share:
   * a backup holding stored files is then refused before anything is touched, rather than unpacked where
   * no web process will look.
   */
  filesDirUnset?: boolean;
  /** Replace whatever the target holds. Without it, a target that holds data is refused untouched. */
  force?: boolean;
  log?: (line: string) => void;
  /** Where the archive is unpacked while restoring (default: the system's temporary folder). */
  tmpDir?: string;
  /** A batch is sent when it reaches this many rows or bytes (default 5,000 rows or 8 MB; 2,000 or 2 MB on PGlite). */
  batchRows?: number;
  batchBytes?: number;
};

export type RestoreReport = {
  tables: number;
  rows: number;
  files: number;
  /** Documents whose stored file (by size) is not in the files folder after the restore. */
  filesMissing: number;
  /** Migrations run after the rows were in (the backup came from an older Steward). */
  migrated: string[];
  audit: VerifyReport;
  milliseconds: number;
};

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Loads a backup into the database: checks the archive (format, checksums) before touching anything,
 * refuses a target that holds data unless forced, migrates the target to the backup's point, then loads
 * every table in one transaction — all or nothing — with foreign keys and user triggers lifted while the
 * rows go in (rows are copied as they were, so triggers must not rewrite them), and sets every sequence
 * back where it was. Audit rows are copied byte for byte, so their hash chains verify on the target.
 */
export async function restoreDatabase(database: Database, options: RestoreOptions): Promise<RestoreReport> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const file = path.resolve(options.file);
  const work = await mkdtemp(path.join(options.tmpDir ?? os.tmpdir(), 'steward-restore-'));
  try {
    const manifest = await unpack(file, work);
    const knownMigrations = allMigrations();
    const unknown = manifest.migrations.filter((m) => !(m in knownMigrations));
    if (unknown.length)
      throw new BackupError(
        `The backup was made by a newer Steward: its migrations ${unknown.join(', ')} are unknown here. Upgrade Steward, then restore.`,
      );

    if (manifest.files.count > 0 && options.filesDirUnset)
      throw new BackupError(
        `The backup holds ${fmt(manifest.files.count)} stored files, and STEWARD_FILES_DIR is not set: set it to the folder ` +
          'every Steward process of this database shares (the same value they start with), then restore again.',
      );

    const db = database.db;
    const populated = await populatedTables(db);
    if (populated.length && !options.force) {
      throw new BackupError(
        `The target database (${database.location}) already holds data (${populated.slice(0, 5).join(', ')}${populated.length > 5 ? ', …' : ''}). ` +
          'Restore into an empty database, or pass --force to replace everything in it.',
      );
    }

    const applied = await appliedMigrations(db);
    const ahead = applied.filter((m) => !manifest.migrations.includes(m));
    const last = manifest.migrations.at(-1);
    if (ahead.length) {
      log(
        `Restore: the target is already past the backup's migrations (${ahead.join(', ')}); loading into its schema`,
      );
    } else if (last) {
      await migrateUpTo(db, last);
    }

    // PGlite's memory keeps its high-water mark (a batch's text and its parsed rows pass through it): smaller
    // batches there.
    const embedded = database.kind === 'pglite';
    const batches = {
      batchRows: options.batchRows ?? (embedded ? 2000 : 5000),
      batchBytes: options.batchBytes ?? (embedded ? 2 : 8) * 1024 * 1024,
    };
    const rows = await db.transaction().execute(async (trx) => {
      await sql`set local timezone = 'UTC'`.execute(trx);
      return loadTables(trx, manifest, work, { ...options, ...batches, log });
    });

    const migrated = await migrateToLatest(db);
    if (migrated.length) log(`Restore: migrated to the latest schema (${migrated.join(', ')})`);

    let files = 0;
    let filesMissing = 0;
    if (options.filesDir) {
      const filesDir = path.resolve(options.filesDir);
      files = await restoreFiles(work, filesDir, !!options.force);
      if (files) log(`Restore: ${fmt(files)} stored files written to ${filesDir} (STEWARD_FILES_DIR)`);
    }
    if (options.filesDir && manifest.tables.some((t) => t.name === 'documents')) {
      const filesDir = path.resolve(options.filesDir);
      filesMissing = (await verifyStoredFiles(db, filesDir, { hash: false })).problems.length;
      if (filesMissing)
        log(
          `Restore: ${fmt(filesMissing)} document(s) name a stored file that is not in ${filesDir}; "steward files verify" lists them`,
        );
    }

    // A page of a thousand events: PGlite holds a whole page in its memory while it answers.
    const audit = await verifyAuditChains(db, { pageSize: 1000 });
    const milliseconds = Math.round(performance.now() - started);
    log(
      `Restore complete: ${manifest.tables.length} tables, ${fmt(rows)} rows, ${fmt(files)} files in ${(milliseconds / 1000).toFixed(1)} s; ` +
        `audit log: ${audit.chains} chain(s), ${fmt(audit.events)} event(s), ${audit.breaks.length} broken`,
    );
    return { tables: manifest.tables.length, rows, files, filesMissing, migrated, audit, milliseconds };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Unpacks the archive and checks it whole before anything is restored. */
async function unpack(file: string, work: string): Promise<Manifest> {
  try {
    await stat(file);
  } catch {
    throw new BackupError(`No backup at ${file}`);
  }
  try {
    // Read the archive a megabyte at a time: tar reads 16 MB at once by default, which gzip inflates to ten
    // times as much held in memory.
    await tar.x({ file, cwd: work, strict: true, maxReadSize: 1 << 20 });
  } catch (error) {
    throw new BackupError(`${file} is not a readable Steward backup (.tar.gz): ${(error as Error).message}`);
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(path.join(work, 'manifest.json'), 'utf8'));
  } catch {
    throw new BackupError(`${file} is not a Steward backup: it has no readable manifest.json`);
  }
  if (manifest.format !== BACKUP_FORMAT)
    throw new BackupError(`${file} is not a Steward backup (format "${String(manifest.format)}")`);
  if (manifest.formatVersion > BACKUP_FORMAT_VERSION)
    throw new BackupError(
      `The backup uses format version ${manifest.formatVersion}; this Steward reads up to ${BACKUP_FORMAT_VERSION}. Upgrade Steward, then restore.`,
    );
  for (const table of manifest.tables) {
    const { sha256, lines } = await checksum(path.join(work, table.file));
    if (sha256 !== table.sha256 || lines !== table.rows)
      throw new BackupError(
        `The backup is damaged: ${table.file} does not match its manifest (${fmt(lines)} rows, expected ${fmt(table.rows)}).`,
      );
  }
  return manifest;
}

async function checksum(file: string): Promise<{ sha256: string; lines: number }> {
  const hash = createHash('sha256');
  let lines = 0;
  try {
    for await (const chunk of createReadStream(file)) {
      const buffer = chunk as Buffer;
      hash.update(buffer);
      for (let i = buffer.indexOf(10); i !== -1; i = buffer.indexOf(10, i + 1)) lines++;
    }
  } catch {
    return { sha256: '', lines: 0 };
  }
  return { sha256: hash.digest('hex'), lines };
}

/** Tables of the public schema that hold at least one row. */
async function populatedTables(db: QueryExecutorProvider): Promise<string[]> {
  const tables = (await readCatalog(db)).tables.filter((t) => !SYSTEM_TABLES.has(t.name));
  if (!tables.length) return [];
  const probe = tables
    .map((t) => `select ${sqlString(t.name)} as name where exists (select 1 from ${quoteIdent(t.name)})`)
    .join(' union all ');
  const rows = await sql.raw<{ name: string }>(probe).execute(db);
  return rows.rows.map((r) => r.name);
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

async function loadTables(
  trx: QueryExecutorProvider,
  manifest: Manifest,
  work: string,
  options: RestoreOptions & { log: (line: string) => void },
): Promise<number> {
  const catalog = await readCatalog(trx);
  const targetTables = new Map(catalog.tables.map((t) => [t.name, t]));
  for (const t of manifest.tables) {
    const target = targetTables.get(t.name);
    if (!target) throw new BackupError(`The backup's table ${t.name} does not exist in the target database.`);
    const targetColumns = new Set(target.columns.map((c) => c.name));
    const missing = t.columns.filter((c) => !targetColumns.has(c.name)).map((c) => c.name);
    if (missing.length)
      throw new BackupError(
        `The target's table ${t.name} has no column ${missing.join(', ')}: its data would be lost.`,
      );
  }

  if (options.force && catalog.tables.length) {
    await sql
      .raw(
        `truncate table ${catalog.tables.map((t) => quoteIdent(t.name)).join(', ')} restart identity cascade`,
      )
      .execute(trx);
  }

  // Foreign keys and user triggers are lifted while the rows go in: rows arrive in foreign-key order, but a
  // self-reference (an area's parent) or a cycle would otherwise need a row-by-row order.
  const loading = new Set(manifest.tables.map((t) => t.name));
  // The target held nothing before its migrations ran, so rows found now are what a migration shipped (a
  // module's stock questionnaire, say): the backup's copy of those rows, edits included, takes their place.
  const shipped = (await populatedTables(trx)).filter((name) => loading.has(name));
  if (shipped.length)
    await sql.raw(`truncate table ${shipped.map(quoteIdent).join(', ')} cascade`).execute(trx);
  const lifted = catalog.foreignKeys.filter((fk) => loading.has(fk.table));
  for (const fk of lifted)
    await sql.raw(`alter table ${quoteIdent(fk.table)} drop constraint ${quoteIdent(fk.name)}`).execute(trx);
  for (const name of loading)
    await sql.raw(`alter table ${quoteIdent(name)} disable trigger user`).execute(trx);
  // Indexes that back no constraint are built once the rows are in, the way pg_restore does: building a
  // text-search index over a table at once takes a fraction of the time of updating it row by row.
  const deferred = (
    await sql<{ name: string; table: string; definition: string }>`
      select i.relname as name, t.relname as table, pg_get_indexdef(i.oid) as definition
      from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_class t on t.oid = x.indrelid
      join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = 'public'
        and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
      order by t.relname, i.relname`.execute(trx)
  ).rows.filter((i) => loading.has(i.table));
  for (const index of deferred) await sql.raw(`drop index ${quoteIdent(index.name)}`).execute(trx);

  const { batchRows = 5000, batchBytes = 8 * 1024 * 1024 } = options;
  let total = 0;
  for (const t of manifest.tables) {
    // Sessions of the old system (in backups made before they were left out) are not restored.
    if (t.rows === 0 || EPHEMERAL_TABLES.has(t.name)) continue;
    const columns = t.columns.map((c) => c.name);
    const overridingSystemValue = (targetTables.get(t.name)?.columns ?? []).some((c) => c.identity);
    let batch: string[] = [];
    let bytes = 0;
    const flush = async () => {
      if (!batch.length) return;
      await insertJsonRows(trx, t.name, columns, `[${batch.join(',')}]`, { overridingSystemValue });
      batch = [];
      bytes = 0;
    };
    for await (const line of readLines(path.join(work, t.file))) {
      batch.push(line);
      bytes += line.length;
      if (batch.length >= batchRows || bytes >= batchBytes) await flush();
    }
    await flush();
    total += t.rows;
    options.log(`Restore: ${t.name} ${fmt(t.rows)} rows`);
  }

  for (const index of deferred) await sql.raw(index.definition).execute(trx);
  if (deferred.length) options.log(`Restore: ${deferred.length} indexes built`);

  // A restored system starts with everyone signed out and no sign-in throttled.
  for (const name of EPHEMERAL_TABLES)
    if (targetTables.has(name)) await sql.raw(`delete from ${quoteIdent(name)}`).execute(trx);
  for (const [name, columns] of Object.entries(EPHEMERAL_COLUMNS)) {
    if (!loading.has(name)) continue;
    const set = Object.entries(columns).map(([c, value]) => `${quoteIdent(c)} = ${value}`);
    await sql.raw(`update ${quoteIdent(name)} set ${set.join(', ')}`).execute(trx);
  }

  for (const name of loading)
    await sql.raw(`alter table ${quoteIdent(name)} enable trigger user`).execute(trx);
  // The summaries that the target's schema has are recomputed from the rows just loaded: a backup from before
  // a summary existed, loaded into a schema that has it, brings no summary rows of its own. (A summary's own
  // migration builds it when it runs after the load; the training summary, large, is restored as it was saved.)
  const applied = new Set(await appliedMigrations(trx));
  const rebuilt = await rebuildSummaries(
    (statement) => sql.raw(statement).execute(trx),
    summariesToRecompute().filter((s) => applied.has(s.since)),
  );
  if (rebuilt.length) options.log(`Restore: ${rebuilt.join(', ')} recomputed`);
  for (const fk of lifted)
    await sql
      .raw(`alter table ${quoteIdent(fk.table)} add constraint ${quoteIdent(fk.name)} ${fk.definition}`)
      .execute(trx);

  // Sequences (identity columns' included) continue where the source's stood.
  const present = new Set(
    (
      await sql<{
        name: string;
      }>`select sequencename as name from pg_sequences where schemaname = 'public'`.execute(trx)
    ).rows.map((r) => r.name),
  );
  for (const s of manifest.sequences) {
    if (!present.has(s.name)) continue;
    if (s.lastValue === null) await sql.raw(`alter sequence ${quoteIdent(s.name)} restart`).execute(trx);
    else await sql`select setval(${quoteIdent(s.name)}::regclass, ${s.lastValue}::bigint, true)`.execute(trx);
  }
  return total;
}

/** Puts the backup's stored files in place; with force, the folder's former content goes. */
async function restoreFiles(work: string, filesDir: string, force: boolean): Promise<number> {
  const source = path.join(work, 'files');
  const count = await countFiles(source);
  if (!count) return 0;
  if (force) await rm(filesDir, { recursive: true, force: true });
  try {
    await rename(source, filesDir);
  } catch {
    // Another file system, or a folder that exists already: copy (existing keys are overwritten).
    await cp(source, filesDir, { recursive: true, force: true });
  }
  return count;
}

async function countFiles(dir: string): Promise<number> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let n = 0;
  for (const e of entries) n += e.isDirectory() ? await countFiles(path.join(dir, e.name)) : 1;
  return n;
}
