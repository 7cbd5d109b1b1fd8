/**
 * The portable dump: a .tar.gz holding
 *   manifest.json                 what is inside (this file's type), written first
 *   tables/NNN_<table>.jsonl      one JSON object per row, as PostgreSQL's row_to_json writes it, tables in
 *                                 foreign-key order (a table after the tables it references)
 *   files/…                       the stored files (documents), as they lie in the files folder
 * JSON lines keep every value exact (timestamps to the microsecond, numerics to the last digit, jsonb as is)
 * and read back on PGlite and on any PostgreSQL server alike.
 */
export const BACKUP_FORMAT = 'steward-backup';
export const BACKUP_FORMAT_VERSION = 1;

export type ManifestTable = {
  name: string;
  /** Path inside the archive. */
  file: string;
  rows: number;
  /** SHA-256 of the table file, checked before anything is restored. */
  sha256: string;
  columns: { name: string; type: string; identity: boolean }[];
  primaryKey: string[];
};

export type Manifest = {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  steward: { version: string };
  source: { kind: 'pglite' | 'postgres'; location: string; serverVersion: string };
  /** Migrations applied to the source, in order: the restore brings its target to the same point first. */
  migrations: string[];
  tables: ManifestTable[];
  /** Sequences and their last values (identity columns' included), set again after the rows are in. */
  sequences: { name: string; lastValue: string | null }[];
  files: { count: number; bytes: number };
};

export class BackupError extends Error {}
