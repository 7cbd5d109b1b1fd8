import { type QueryExecutorProvider, sql } from 'kysely';

/**
 * Bulk loading without a row-by-row round trip: a batch of rows travels as one JSON array parameter and
 * PostgreSQL turns it into rows of the table's own type (`jsonb_populate_recordset`), so every column is
 * converted exactly as an INSERT would convert it. One statement per batch: PGlite runs one statement per
 * query, and a parameter of a few megabytes keeps each round trip cheap on both drivers.
 */

const quoteColumns = (columns: readonly string[]) => sql.join(columns.map((c) => sql.ref(c)));

/** Inserts the rows of a JSON array text (`[{"col": …}, …]`) into `table`, filling only `columns`. */
export async function insertJsonRows(
  db: QueryExecutorProvider,
  table: string,
  columns: readonly string[],
  jsonArray: string,
  options: { overridingSystemValue?: boolean } = {},
): Promise<void> {
  const cols = quoteColumns(columns);
  const overriding = options.overridingSystemValue ? sql`overriding system value` : sql``;
  await sql`insert into ${sql.table(table)} (${cols}) ${overriding}
    select ${cols} from jsonb_populate_recordset(null::${sql.table(table)}, ${jsonArray}::jsonb)`.execute(db);
}

export type BulkInsertOptions = {
  /** Rows per statement (default 5000). */
  batchSize?: number;
  /** Called after each batch with the rows inserted so far. */
  onBatch?: (inserted: number, total: number) => void;
};

/** Inserts plain row objects (keys are column names; the first row names the columns) in batches. */
export async function bulkInsert(
  db: QueryExecutorProvider,
  table: string,
  rows: readonly Record<string, unknown>[],
  options: BulkInsertOptions = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const batchSize = options.batchSize ?? 5000;
  const columns = Object.keys(rows[0]);
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    await insertJsonRows(db, table, columns, JSON.stringify(batch));
    options.onBatch?.(Math.min(i + batchSize, rows.length), rows.length);
  }
  return rows.length;
}
