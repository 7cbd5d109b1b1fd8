import type { Db } from '../../db/types.ts';
import type { Actor } from '../access/actor.ts';
import type { Permission } from '../access/policy.ts';
import type { ImportColumn } from './mapping.ts';

export type RowError = { column: string | null; message: string };

/**
 * One kind of bulk import. The pipeline streams the file, maps its columns, and hands each record to
 * `check`; `insert` writes a batch of checked rows inside the import's single transaction.
 */
export type Importer<Row = unknown, Context = unknown> = {
  kind: string;
  title: string;
  permission: Permission;
  columns: ImportColumn[];
  /** Lookups the checks need (sites, people, courses by code), loaded once per run. */
  prepare(db: Db, actor: Actor): Promise<Context>;
  /** A valid row, or the reasons it is refused. Must not do I/O: it runs for every row. */
  check(
    record: Record<string, string>,
    context: Context,
    actor: Actor,
  ): { row: Row } | { errors: RowError[] };
  /** Writes checked rows; returns how many were new (0 when it only stages them for `finish`). */
  insert(trx: Db, rows: Row[], context: Context, meta: ImportMeta): Promise<number>;
  /**
   * Optional second step, after the last batch: moves staged rows into their table in a few large
   * statements (as fast as PostgreSQL's own bulk path) and returns how many were new. `progress` takes the
   * share of the step done, from 0 to 1.
   */
  finish?(trx: Db, context: Context, meta: ImportMeta, progress: (done: number) => void): Promise<number>;
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
