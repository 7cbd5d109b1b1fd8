import type { Readable } from 'node:stream';
import { type Selectable, sql } from 'kysely';
import type { z } from 'zod';
import type { ImportJobView, importListQuery } from '#shared/platform/imports/contract.ts';
import { paginate } from '../../db/paging.ts';
import type { ImportJobsTable } from '../../db/schema.ts';
import type { Db } from '../../db/types.ts';
import { type Actor, holdsAnywhere } from '../access/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { detectFileType } from '../documents/file-types.ts';
import { type FileStore, FileTooLargeError } from '../documents/store.ts';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  StaleVersionError,
  ValidationError,
} from '../http/errors.ts';
import { type Locale, renderMessage } from '../i18n/message.ts';
import { platformMessage } from '../i18n/platform-messages.ts';
import { importerFor } from './importer.ts';
import { mappingProblems, recordReader, suggestMapping } from './mapping.ts';
import { readRecords, storedFile } from './read-rows.ts';

type Job = Selectable<ImportJobsTable>;
type Pass = 'validate' | 'commit';

const BATCH = 5000;
const KEPT_ERRORS = 1000;
/** Where the progress bar stands when an importer's finishing step begins (see Importer.finish). */
const FINISH_STARTS_AT = 50;

class RowsRefused extends Error {}

const INTERRUPTED = 'The import was interrupted (the server stopped). Nothing was imported.';

/** The PostgreSQL advisory lock a process holds while it runs an import: when it is free, the run died. */
const runLock = (id: string) => sql`hashtextextended(${`steward.import:${id}`}, 0)`;

/**
 * Held by a commit of a kind whose rows are checked against those recorded (`checkBatch`) until it ends:
 * two commits of one file at the same moment would each find the other's rows not yet there. It is taken on
 * the run's own connection (see `guarded`), so a commit that waits holds no other connection of the pool.
 */
const kindLock = (kind: string) => sql`hashtextextended(${`steward.import-kind:${kind}`}, 0)`;

/**
 * The one pipeline for bulk data in: upload a CSV or XLSX file, map its columns, validate every row (a
 * preview of row-level errors), then commit all rows in one transaction or none. Files are streamed, so a
 * million rows import in bounded memory; progress is reported while it runs.
 */
export function createImportsService(options: {
  db: Db;
  store: FileStore;
  maxBytes: number;
  /** True on PostgreSQL: progress can be written by another connection while the import's transaction runs. */
  progressInDatabase: boolean;
  now?: () => Date;
}) {
  const { db, store } = options;
  const now = options.now ?? (() => new Date());
  const running = new Map<string, { promise: Promise<void>; rowsDone: number; progress: number }>();

  function toView(job: Job, locale: Locale): ImportJobView {
    const importer = importerFor(job.kind);
    const live = running.get(job.id);
    const rowsDone = live?.rowsDone ?? Number(job.rows_done);
    const progress = live
      ? live.progress
      : job.status === 'done' || job.status === 'valid' || job.status === 'invalid'
        ? 100
        : 0;
    return {
      id: job.id,
      kind: job.kind,
      title: importer ? renderMessage(locale, importer.name) : job.kind,
      status: job.status,
      filename: job.filename,
      format: job.format,
      sha256: job.sha256,
      sizeBytes: Number(job.size_bytes),
      header: job.header,
      columns: (importer?.columns ?? []).map((c) => ({ key: c.key, label: c.label, required: c.required })),
      mapping: job.mapping,
      rowsTotal: job.rows_total === null ? null : Number(job.rows_total),
      rowsDone,
      rowsInserted: job.rows_inserted === null ? null : Number(job.rows_inserted),
      progress: Math.max(0, Math.min(100, Math.floor(progress))),
      errorCount: Number(job.error_count),
      errors: job.errors,
      message: job.message,
      createdAt: job.created_at.toISOString(),
      finishedAt: job.finished_at?.toISOString() ?? null,
      version: job.version,
    };
  }

  /**
   * On PostgreSQL, a run in another process holds the job's advisory lock. A job still validating or
   * committing whose lock is free was left by a process that died (kill -9, a lost machine): its transaction
   * was rolled back, so it is marked failed instead of showing progress forever. (On PGlite, one process:
   * the next start marks such jobs failed.)
   */
  async function failIfOrphaned(job: Job): Promise<Job> {
    if (
      !options.progressInDatabase ||
      running.has(job.id) ||
      (job.status !== 'validating' && job.status !== 'committing')
    )
      return job;
    // A run that has just been started may not hold its lock yet.
    if (job.started_at && now().getTime() - job.started_at.getTime() < 10_000) return job;
    return db.connection().execute(async (conn) => {
      const { rows } = await sql<{
        free: boolean;
      }>`select pg_try_advisory_lock(${runLock(job.id)}) as free`.execute(conn);
      if (!rows[0]?.free) return job;
      try {
        const failed = await conn
          .updateTable('import_jobs')
          .set({
            status: 'failed',
            message: INTERRUPTED,
            finished_at: now(),
            version: (eb) => eb('version', '+', 1),
          })
          .where('id', '=', job.id)
          .where('status', 'in', ['validating', 'committing'])
          .returningAll()
          .executeTakeFirst();
        return failed ?? job;
      } finally {
        await sql`select pg_advisory_unlock(${runLock(job.id)})`.execute(conn);
      }
    });
  }

  async function jobOf(actor: Actor, id: string) {
    const job = await db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
    // Imports are personal: another user's import does not exist for you.
    if (!job || (actor.kind !== 'system' && job.created_by !== actor.userId))
      throw new NotFoundError('import');
    return failIfOrphaned(job);
  }

  function importerOrNotFound(kind: string) {
    const importer = importerFor(kind);
    if (!importer) throw new NotFoundError(`import kind ${kind}`);
    return importer;
  }

  async function moveTo(id: string, version: number, changes: Partial<Record<keyof Job, unknown>>) {
    const updated = await db
      .updateTable('import_jobs')
      .set({ ...(changes as object), version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) {
      const current = await db
        .selectFrom('import_jobs')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      throw new StaleVersionError(current.version);
    }
    return updated;
  }

  /** Streams the file through the importer's checks; with 'commit', inserts in batches in one transaction. */
  async function run(actor: Actor, job: Job, pass: Pass) {
    const importer = importerOrNotFound(job.kind);
    const live = running.get(job.id) ?? { promise: Promise.resolve(), rowsDone: 0, progress: 0 };
    running.set(job.id, live);
    const errors: { row: number; column: string | null; message: string }[] = [];
    let errorCount = 0;
    let rows = 0;
    let inserted = 0;
    let shareRead = 0;
    const total = job.rows_total === null ? null : Number(job.rows_total);
    let lastReported = 0;
    // With a finishing step, reading and staging the rows is the first part of the commit's progress bar.
    const readingShare = pass === 'commit' && importer.finish ? FINISH_STARTS_AT : 100;

    const report = async () => {
      live.rowsDone = rows;
      live.progress = pass === 'commit' && total ? (rows / total) * readingShare : shareRead * 100;
      // At most once a second: each write is a new version of the job's row, and while the import's
      // transaction runs none can be pruned, so every row's reference to the job would walk them all.
      if (options.progressInDatabase && performance.now() - lastReported >= 1000) {
        lastReported = performance.now();
        await db.updateTable('import_jobs').set({ rows_done: rows }).where('id', '=', job.id).execute();
      }
    };

    const file = storedFile(store, job.storage_key, Number(job.size_bytes));

    const walk = async (trx: Db | null) => {
      const context = await importer.prepare(trx ?? db, actor);
      const read = recordReader(importer.columns, job.header, job.mapping);
      const meta = { importId: job.id, actorId: actor.userId };
      // One batch is written while the next is read and checked: the database and the parser work at once.
      let writing: Promise<{ n: number } | { error: unknown }> | null = null;
      const written = async () => {
        const outcome = await writing;
        writing = null;
        if (outcome && 'error' in outcome) throw outcome.error;
        inserted += outcome?.n ?? 0;
      };
      const write = async (rows: unknown[]) => {
        await written();
        writing = importer.insert(trx as Db, rows, context, meta).then(
          (n) => ({ n }),
          (error: unknown) => ({ error }),
        );
      };
      const refuse = (found: { row: number; column: string | null; message: string }[]) => {
        errorCount += found.length;
        for (const e of found) if (errors.length < KEPT_ERRORS) errors.push(e);
      };
      const flush = async (rows: { row: unknown; rowNumber: number }[]) => {
        if (importer.checkBatch) {
          // The previous batch's write ends first: a transaction runs one statement at a time.
          await written();
          refuse(await importer.checkBatch(trx ?? db, rows, context, actor));
        }
        if (trx && errorCount === 0) await write(rows.map((r) => r.row));
      };
      let batch: { row: unknown; rowNumber: number }[] = [];
      const take = async (record: Record<string, string>, rowNumber: number) => {
        const result = importer.check(record, context, actor, rowNumber);
        if ('errors' in result) refuse(result.errors.map((e) => ({ row: rowNumber, ...e })));
        else if (importer.checkBatch || (trx && errorCount === 0)) {
          // Gathered in batches to be checked in the database, or written (commit pass, no error so far).
          batch.push({ row: result.row, rowNumber });
          if (batch.length >= BATCH) {
            await flush(batch);
            batch = [];
          }
        }
      };
      // With `resolve`, records wait in batches until the keys they name are looked up, then are checked.
      let unresolved: { record: Record<string, string>; rowNumber: number }[] = [];
      const resolveAndTake = async () => {
        if (!importer.resolve || unresolved.length === 0) return;
        // The previous batch's write ends first: a transaction runs one statement at a time.
        if (trx) await written();
        await importer.resolve(
          trx ?? db,
          unresolved.map((u) => u.record),
          context,
        );
        for (const u of unresolved) await take(u.record, u.rowNumber);
        unresolved = [];
      };
      let rowNumber = 1;
      let header = true;
      for await (const cells of readRecords(file, job.format, (share) => {
        shareRead = share;
      })) {
        if (header) {
          header = false;
          continue;
        }
        rowNumber++;
        rows++;
        if (importer.resolve) {
          unresolved.push({ record: read(cells), rowNumber });
          if (unresolved.length >= BATCH) await resolveAndTake();
        } else await take(read(cells), rowNumber);
        if (rows % 1000 === 0) await report();
      }
      await resolveAndTake();
      if (batch.length) await flush(batch);
      await written();
      await report();
      if (rows === 0) refuse([{ row: 1, column: null, message: 'The file has no data rows.' }]);
      // Errors found in the database come a batch late: the list reads in the order of the file.
      errors.sort((a, b) => a.row - b.row);
      if (trx && errorCount === 0 && importer.finish)
        inserted += await importer.finish(trx, context, meta, (done) => {
          live.progress = FINISH_STARTS_AT + (100 - FINISH_STARTS_AT) * done;
        });
      return context;
    };

    try {
      if (pass === 'validate') {
        await walk(null);
        await db
          .updateTable('import_jobs')
          .set({
            status: errorCount ? 'invalid' : 'valid',
            rows_total: rows,
            rows_done: rows,
            error_count: errorCount,
            errors: JSON.stringify(errors),
            finished_at: now(),
            version: (eb) => eb('version', '+', 1),
          })
          .where('id', '=', job.id)
          .execute();
        return;
      }
      await db.transaction().execute(async (trx) => {
        const context = await walk(trx);
        if (errorCount) throw new RowsRefused();
        await recordAudit(trx, actor, {
          action: 'import.committed',
          entityType: 'import',
          entityId: job.id,
          siteId: null,
          summary: platformMessage('platform.audit.importCommitted', {
            kind: importer.name,
            rows,
            file: job.filename,
            inserted,
          }),
          after: {
            kind: job.kind,
            filename: job.filename,
            sha256: job.sha256,
            rows,
            inserted,
            ...importer.auditDetails?.(context),
          },
        });
        await trx
          .updateTable('import_jobs')
          .set({
            status: 'done',
            rows_done: rows,
            rows_inserted: inserted,
            finished_at: now(),
            version: (eb) => eb('version', '+', 1),
          })
          .where('id', '=', job.id)
          .execute();
      });
    } catch (error) {
      const refused = error instanceof RowsRefused;
      await db
        .updateTable('import_jobs')
        .set({
          status: 'failed',
          rows_done: rows,
          error_count: errorCount,
          errors: JSON.stringify(errors),
          message: refused
            ? `${errorCount} error(s): nothing was imported.`
            : `The import stopped: ${(error as Error).message}. Nothing was imported.`,
          finished_at: now(),
          version: (eb) => eb('version', '+', 1),
        })
        .where('id', '=', job.id)
        .execute();
    } finally {
      forget(job.id, live);
    }
  }

  /**
   * A run forgets only its own entry: a validation still releasing its lock must not remove the entry of the
   * commit that was started as soon as the job read valid (that commit would then look orphaned).
   */
  function forget(id: string, live: unknown) {
    if (running.get(id) === live) running.delete(id);
  }

  /**
   * On PostgreSQL the run holds the job's advisory lock on a connection of its own, released if it dies; a
   * commit of a kind checked against the rows recorded also waits there for any other commit of its kind.
   */
  function guarded(job: Job, pass: Pass, fn: () => Promise<void>): Promise<void> {
    if (!options.progressInDatabase) return fn();
    const locks = [runLock(job.id)];
    if (pass === 'commit' && importerFor(job.kind)?.checkBatch) locks.push(kindLock(job.kind));
    return db.connection().execute(async (conn) => {
      // Only the locks taken are given back: a connection returns to the pool holding none.
      const held: typeof locks = [];
      try {
        for (const lock of locks) {
          await sql`select pg_advisory_lock(${lock})`.execute(conn);
          held.push(lock);
        }
        await fn();
      } finally {
        for (const lock of held.reverse()) await sql`select pg_advisory_unlock(${lock})`.execute(conn);
      }
    });
  }

  function start(actor: Actor, job: Job, pass: Pass) {
    const live = { promise: Promise.resolve(), rowsDone: 0, progress: 0 };
    running.set(job.id, live);
    // run() records its own failures on the job; a lost connection before it starts leaves the job to be
    // found orphaned (failIfOrphaned).
    const promise = guarded(job, pass, () => run(actor, job, pass))
      .catch(() => undefined)
      .finally(() => forget(job.id, live));
    live.promise = promise;
    return promise;
  }

  return {
    /** Stores the file, reads its header and suggests a mapping. */
    async upload(actor: Actor, kind: string, file: { filename: string; stream: Readable }) {
      const importer = importerOrNotFound(kind);
      if (!holdsAnywhere(actor, importer.permission)) throw new ForbiddenError(importer.permission);
      let stored: Awaited<ReturnType<FileStore['put']>>;
      try {
        stored = await store.put(file.stream, options.maxBytes);
      } catch (error) {
        if (error instanceof FileTooLargeError)
          throw new AppError(413, 'too-large', 'File too large', error.message);
        throw error;
      }
      const type = await detectFileType(stored.head, file.filename);
      const format =
        type?.extension === 'xlsx' ? 'xlsx' : type?.contentType.startsWith('text/') ? 'csv' : null;
      if (!format || stored.size === 0) {
        await store.remove(stored.key);
        throw new AppError(
          415,
          'unsupported-type',
          'Unsupported file type',
          'Upload a CSV (UTF-8) or an XLSX workbook.',
        );
      }
      let header: string[] = [];
      try {
        for await (const record of readRecords(storedFile(store, stored.key, stored.size), format)) {
          header = record.map((h, i) => h.trim() || `Column ${i + 1}`);
          break;
        }
      } catch (error) {
        await store.remove(stored.key);
        throw new ValidationError(`The file could not be read: ${(error as Error).message}`);
      }
      if (header.length === 0) {
        await store.remove(stored.key);
        throw new ValidationError('The file is empty: its first row should name the columns.');
      }
      const job = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('import_jobs')
          .values({
            kind,
            status: 'uploaded',
            filename: file.filename.split(/[\\/]/).pop()?.slice(0, 200) || 'upload',
            format,
            storage_key: stored.key,
            sha256: stored.sha256,
            size_bytes: stored.size,
            header: JSON.stringify(header),
            mapping: JSON.stringify(suggestMapping(importer.columns, header)),
            created_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'import.uploaded',
          entityType: 'import',
          entityId: row.id,
          siteId: null,
          after: { kind, filename: row.filename, sha256: row.sha256, size: stored.size },
        });
        return row;
      });
      return toView(job, actor.locale);
    },

    async setMapping(actor: Actor, id: string, mapping: Record<string, string | null>, version: number) {
      const job = await jobOf(actor, id);
      if (!['uploaded', 'valid', 'invalid', 'failed'].includes(job.status))
        throw new ConflictError(`The import is ${job.status}: its mapping can no longer change.`);
      const importer = importerOrNotFound(job.kind);
      const complete = { ...Object.fromEntries(importer.columns.map((c) => [c.key, null])), ...mapping };
      const problems = mappingProblems(importer.columns, job.header, complete);
      if (problems.length)
        throw new ValidationError(
          'The column mapping is incomplete.',
          problems.map((p) => ({ path: `mapping.${p.column ?? ''}`, message: p.message })),
        );
      return toView(
        await moveTo(id, version, {
          mapping: JSON.stringify(complete),
          status: 'uploaded',
          errors: '[]',
          error_count: 0,
          rows_total: null,
          message: null,
        }),
        actor.locale,
      );
    },

    /** Starts validation of every row; poll the job for progress. */
    async validate(actor: Actor, id: string, version: number) {
      const job = await jobOf(actor, id);
      if (!['uploaded', 'valid', 'invalid', 'failed'].includes(job.status))
        throw new ConflictError(`The import is ${job.status}.`);
      const importer = importerOrNotFound(job.kind);
      const problems = mappingProblems(importer.columns, job.header, job.mapping);
      if (problems.length)
        throw new ValidationError(
          'Map the columns first.',
          problems.map((p) => ({ path: `mapping.${p.column ?? ''}`, message: p.message })),
        );
      const moved = await moveTo(id, version, {
        status: 'validating',
        started_at: now(),
        finished_at: null,
        rows_done: 0,
      });
      void start(actor, moved, 'validate');
      return toView(moved, actor.locale);
    },

    /** Starts the all-or-nothing commit of a validated file; poll the job for progress. */
    async commit(actor: Actor, id: string, version: number) {
      const job = await jobOf(actor, id);
      if (job.status !== 'valid')
        throw new ConflictError(
          job.status === 'invalid'
            ? 'The file has errors: correct them and upload it again.'
            : `Validate the import before committing it (it is ${job.status}).`,
        );
      const moved = await moveTo(id, version, {
        status: 'committing',
        started_at: now(),
        finished_at: null,
        rows_done: 0,
      });
      void start(actor, moved, 'commit');
      return toView(moved, actor.locale);
    },

    async get(actor: Actor, id: string) {
      return toView(await jobOf(actor, id), actor.locale);
    },

    async list(actor: Actor, q: z.infer<typeof importListQuery>) {
      let base = db
        .selectFrom('import_jobs')
        .selectAll()
        .where('created_by', '=', actor.userId as string);
      if (q.kind) base = base.where('kind', '=', q.kind);
      const { items, ...paging } = await paginate<Job>(db, base, {
        sortColumn: 'created_at',
        order: q.order,
        tieBreaker: 'id',
        page: q.page,
        cursor: q.cursor,
        count: q.count,
        pageSize: q.pageSize,
      });
      const checked = await Promise.all(items.map(failIfOrphaned));
      return {
        items: checked.map((job) => toView(job, actor.locale)),
        ...paging,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /** Resolves when the job's background run (if any) has finished: tests and the CLI wait on it. */
    async settled(id: string) {
      await running.get(id)?.promise;
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;

/**
 * On the start of a single-process (embedded) Steward, runs that a crash interrupted are marked failed:
 * their transaction was rolled back, so nothing of them was imported.
 */
export async function failInterruptedImports(db: Db, at: Date = new Date()): Promise<number> {
  const r = await db
    .updateTable('import_jobs')
    .set({ status: 'failed', message: INTERRUPTED, finished_at: at })
    .where('status', 'in', ['validating', 'committing'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
