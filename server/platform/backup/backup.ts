import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type QueryExecutorProvider, sql } from 'kysely';
import * as tar from 'tar';
import type { Database } from '../../db/connect.ts';
import { verifyStoredFiles } from '../documents/verify.ts';
import {
  appliedMigrations,
  EPHEMERAL_COLUMNS,
  EPHEMERAL_TABLES,
  quoteIdent,
  readCatalog,
  readSequences,
  type TableInfo,
} from './catalog.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  type Manifest,
  type ManifestTable,
} from './format.ts';

export type BackupOptions = {
  /** The .tar.gz to write. It appears only when complete (written as <file>.partial, then renamed). */
  file: string;
  /** The stored files folder (documents); left out when it does not exist. */
  filesDir?: string;
  log?: (line: string) => void;
  /** Rows fetched per round trip. */
  pageSize?: number;
};

export type BackupReport = { file: string; bytes: number; manifest: Manifest; milliseconds: number };

const fmt = (n: number) => n.toLocaleString('en-US');

export function stewardVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
    return String(pkg.version ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

/**
 * Writes a portable dump of the whole database and the stored files. The tables are read in one
 * repeatable-read transaction (a consistent snapshot even while a PostgreSQL server keeps serving), through
 * a cursor, page by page, straight to disk: no table has to fit in memory.
 */
export async function backupDatabase(database: Database, options: BackupOptions): Promise<BackupReport> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const out = path.resolve(options.file);
  await mkdir(path.dirname(out), { recursive: true });
  const work = await mkdtemp(path.join(path.dirname(out), '.steward-backup-'));
  const partial = `${out}.partial`;
  try {
    await mkdir(path.join(work, 'tables'));
    const manifest = await database.db.transaction().execute(async (trx) => {
      await sql`set transaction isolation level repeatable read, read only`.execute(trx);
      await sql`set local timezone = 'UTC'`.execute(trx);
      await sql`set local intervalstyle = 'postgres'`.execute(trx);
      await sql`set local extra_float_digits = 1`.execute(trx);
      const catalog = await readCatalog(trx);
      const migrations = await appliedMigrations(trx);
      const sequences = await readSequences(trx);
      const version = await sql<{ version: string }>`select version() as version`.execute(trx);
      const tables: ManifestTable[] = [];
      const kept = catalog.tables.filter((t) => !EPHEMERAL_TABLES.has(t.name));
      for (const [i, table] of kept.entries()) {
        const file = `tables/${String(i + 1).padStart(3, '0')}_${table.name}.jsonl`;
        const { rows, sha256 } = await dumpTable(trx, table, path.join(work, file), options.pageSize ?? 2000);
        if (rows > 0) log(`Backup: ${table.name} ${fmt(rows)} rows`);
        tables.push({
          name: table.name,
          file,
          rows,
          sha256,
          columns: table.columns,
          primaryKey: table.primaryKey,
        });
      }
      return {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        steward: { version: stewardVersion() },
        source: {
          kind: database.kind,
          location: database.location,
          serverVersion: version.rows[0]?.version ?? '',
        },
        migrations,
        tables,
        sequences,
        files: { count: 0, bytes: 0 },
      } satisfies Manifest;
    });

    // Documents whose files are not in the folder: none there at all is a wrong folder (refused, naming the
    // setting); a few missing are reported and the backup goes on with what there is.
    const { checked, problems } = manifest.tables.some((t) => t.name === 'documents' && t.rows > 0)
      ? await verifyStoredFiles(database.db, options.filesDir ?? '', { hash: false })
      : { checked: 0, problems: [] };
    if (checked > 0 && problems.length === checked)
      throw new BackupError(
        `None of the ${fmt(checked)} documents' stored files is in ${options.filesDir ? path.resolve(options.filesDir) : '(no folder)'}: ` +
          'set STEWARD_FILES_DIR to the folder the Steward processes of this database use, then back up again.',
      );
    if (problems.length)
      log(
        `Backup: ${fmt(problems.length)} of ${fmt(checked)} documents' stored files are missing or differ in size; "steward files verify" lists them`,
      );

    // Stored files: after the snapshot, so every file a row of the dump names is there (a file added since
    // is carried too, harmlessly). Uploads in progress (*.partial) are left out.
    const files = options.filesDir ? await listFiles(options.filesDir) : [];
    if (files.length && options.filesDir) {
      await symlink(path.resolve(options.filesDir), path.join(work, 'files'), 'dir');
      manifest.files = { count: files.length, bytes: files.reduce((sum, f) => sum + f.size, 0) };
      log(`Backup: ${fmt(files.length)} stored files (${fmt(Math.round(manifest.files.bytes / 1024))} KiB)`);
    }
    await writeFile(path.join(work, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    // A megabyte read at a time (tar reads up to 16 MB of a file at once by default).
    await tar.c({ gzip: true, file: partial, cwd: work, portable: true, maxReadSize: 1 << 20 }, [
      'manifest.json',
      ...manifest.tables.map((t) => t.file),
      ...files.map((f) => `files/${f.path}`),
    ]);
    await rename(partial, out);
    const { size } = await stat(out);
    const milliseconds = Math.round(performance.now() - started);
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    log(
      `Backup written to ${out}: ${manifest.tables.length} tables, ${fmt(rows)} rows, ${fmt(manifest.files.count)} files, ${fmt(Math.round(size / 1024))} KiB in ${(milliseconds / 1000).toFixed(1)} s`,
    );
    return { file: out, bytes: size, manifest, milliseconds };
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}

/**
 * One table to a JSON-lines file, a page at a time. A table with a primary key is read by keyset (the rows
 * after the last key of the previous page, in key order, through the key's index): the database never sorts
 * or holds more than a page, whatever the table's size. A table without one goes through a cursor.
 */
async function dumpTable(
  trx: QueryExecutorProvider,
  table: TableInfo,
  file: string,
  pageSize: number,
): Promise<{ rows: number; sha256: string }> {
  const fixed = EPHEMERAL_COLUMNS[table.name] ?? {};
  const columns = table.columns
    .map((c) => (c.name in fixed ? `${fixed[c.name]} as ${quoteIdent(c.name)}` : quoteIdent(c.name)))
    .join(', ');
  const keys = table.primaryKey.map((k) => ({
    name: quoteIdent(k),
    type: table.columns.find((c) => c.name === k)?.type ?? 'text',
  }));
  const stream = createWriteStream(file);
  const hash = createHash('sha256');
  let rows = 0;
  const write = async (lines: { j: string }[]) => {
    let chunk = '';
    for (const r of lines) chunk += `${r.j}\n`;
    rows += lines.length;
    hash.update(chunk);
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  try {
    if (keys.length) {
      const order = keys.map((k) => k.name).join(', ');
      const outerOrder = keys.map((k) => `x.${k.name}`).join(', ');
      const keyText = keys.map((k, i) => `x.${k.name}::text as k${i}`).join(', ');
      let last: string[] | null = null;
      for (;;) {
        const after: string[] | null = last;
        const where: string = after
          ? ` where (${order}) > (${keys.map((k, i) => `${sqlString(after[i])}::${k.type}`).join(', ')})`
          : '';
        const page: { rows: Record<string, string>[] } = await sql
          .raw<Record<string, string>>(
            `select row_to_json(x)::text as j, ${keyText} from (select ${columns} from ${quoteIdent(table.name)}${where} order by ${order} limit ${pageSize}) x order by ${outerOrder}`,
          )
          .execute(trx);
        if (page.rows.length === 0) break;
        await write(page.rows as { j: string }[]);
        const end: Record<string, string> = page.rows[page.rows.length - 1];
        last = keys.map((_, i): string => end[`k${i}`]);
        if (page.rows.length < pageSize) break;
      }
    } else {
      await sql
        .raw(
          `declare steward_dump no scroll cursor for select row_to_json(x)::text as j from (select ${columns} from ${quoteIdent(table.name)}) x`,
        )
        .execute(trx);
      try {
        for (;;) {
          const page = await sql
            .raw<{ j: string }>(`fetch forward ${pageSize} from steward_dump`)
            .execute(trx);
          if (page.rows.length === 0) break;
          await write(page.rows);
          if (page.rows.length < pageSize) break;
        }
      } finally {
        await sql.raw('close steward_dump').execute(trx);
      }
    }
  } finally {
    stream.end();
    await once(stream, 'close');
  }
  return { rows, sha256: hash.digest('hex') };
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Every file under `root`, as paths relative to it with '/' separators, in a stable order. */
async function listFiles(root: string): Promise<{ path: string; size: number }[]> {
  const out: { path: string; size: number }[] = [];
  const walk = async (dir: string, prefix: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(path.join(dir, e.name), rel);
      else if (e.isFile() && !e.name.endsWith('.partial'))
        out.push({ path: rel, size: (await stat(path.join(dir, e.name))).size });
    }
  };
  await walk(root, '');
  return out;
}
