import type { Db } from '../../db/types.ts';
import type { Actor } from '../access/actor.ts';
import type { Permission } from '../access/policy.ts';
import type { Message } from '../i18n/message.ts';
import type { ImportColumn } from './mapping.ts';

export type RowError = { column: string | null; message: string };

/**
 * One kind of bulk import. The pipeline streams the file, maps its columns, and hands each record to
 * `check`; `insert` writes a batch of checked rows inside the import's single transaction.
 */
export type Importer<Row = unknown, Context = unknown> = {
  kind: string;
  /** The kind's name in the reader's language: the import's audit event names it. */
  name: Message;
  permission: Permission;
  columns: ImportColumn[];
  /** Lookups the checks need (sites, people, courses by code), loaded once per run. */
  prepare(db: Db, actor: Actor): Promise<Context>;
  /**
   * Optional: looks up in the database the keys a batch of records names (people by their numbers), into
   * `context`, before `check` reads them, so that a run holds what its file refers to, never a whole table.
   * In the commit pass `db` is the import's transaction.
   */
  resolve?(db: Db, records: Record<string, string>[], context: Context): Promise<void>;
  /**
   * A valid row, or the reasons it is refused. Must not do I/O: it runs for every row. `rowNumber` is the
   * row of the file (the header is row 1), for messages that point at another row.
   */
  check(
    record: Record<string, string>,
    context: Context,
    actor: Actor,
    rowNumber: number,
  ): { row: Row } | { errors: RowError[] };
  /**
   * Optional checks that need the database, once per batch of rows `check` passed (in both passes; in the
   * commit pass `db` is the import's transaction). Returns the refused rows' errors, with their row numbers.
   */
  checkBatch?(
    db: Db,
    rows: { row: Row; rowNumber: number }[],
    context: Context,
    actor: Actor,
  ): Promise<(RowError & { row: number })[]>;
  /** Writes checked rows; returns how many were new (0 when it only stages them for `finish`). */
  insert(trx: Db, rows: Row[], context: Context, meta: ImportMeta): Promise<number>;
  /**
   * Optional second step, after the last batch: moves staged rows into their table in a few large
   * statements (as fast as PostgreSQL's own bulk path) and returns how many were new. `progress` takes the
   * share of the step done, from 0 to 1.
   */
  finish?(trx: Db, context: Context, meta: ImportMeta, progress: (done: number) => void): Promise<number>;
  /** Optional figures of the committed run, added to its one audit event (e.g. how many rows were updated). */
  auditDetails?(context: Context): Record<string, unknown>;
};

export type ImportMeta = { importId: string; actorId: string | null };

const importers = new Map<string, Importer<any, any>>();

export function registerImporter<Row, Context>(importer: Importer<Row, Context>) {
  importers.set(importer.kind, importer as Importer<any, any>);
}

export function importerFor(kind: string): Importer<any, any> | undefined {
  return importers.get(kind);
}

export function importerKinds(): string[] {
  return [...importers.keys()];
}
