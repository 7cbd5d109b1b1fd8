import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';

/** PostgreSQL's COPY FROM STDIN, fed from Node streams: the fastest way rows reach a table. */

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Copies a CSV file with a header line into `table`; an unquoted empty field is NULL. */
export async function copyFile(
  client: pg.Client | pg.PoolClient,
  table: string,
  columns: readonly string[],
  source: NodeJS.ReadableStream,
): Promise<void> {
  const sql = `copy ${ident(table)} (${columns.map(ident).join(', ')}) from stdin with (format csv, header true)`;
  await pipeline(source, client.query(copyStreams.from(sql)));
}

type ColumnKind = 'array' | 'json' | 'plain';

const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
const arrayItem = (v: unknown) =>
  v === null || v === undefined ? 'NULL' : `"${String(v).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/** One value as a CSV field of COPY's text conventions (NULL is an unquoted empty field). */
function field(value: unknown, kind: ColumnKind): string {
  if (value === null || value === undefined) return '';
  if (kind === 'json') return quote(JSON.stringify(value));
  if (kind === 'array') return quote(`{${(value as unknown[]).map(arrayItem).join(',')}}`);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return quote(String(value));
}

async function columnKinds(client: pg.Client | pg.PoolClient, table: string) {
  const { rows } = await client.query<{ column_name: string; data_type: string }>(
    'select column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name = $1',
    [table],
  );
  if (rows.length === 0) throw new Error(`no table ${table}`);
  return new Map<string, ColumnKind>(
    rows.map((r) => [
      r.column_name,
      r.data_type === 'ARRAY' ? 'array' : r.data_type.startsWith('json') ? 'json' : 'plain',
    ]),
  );
}

/**
 * Copies plain row objects (keys are column names; the first row names the columns) into `table`, each value
 * written the way PostgreSQL reads the column's type. Rows may come from a generator: nothing is held but
 * one chunk of text. Returns the number of rows copied.
 */
export async function copyRows(
  client: pg.Client | pg.PoolClient,
  table: string,
  rows: Iterable<Record<string, unknown>>,
): Promise<number> {
  const iterator = rows[Symbol.iterator]();
  const first = iterator.next();
  if (first.done) return 0;
  const kinds = await columnKinds(client, table);
  const columns = Object.keys(first.value);
  for (const c of columns) if (!kinds.has(c)) throw new Error(`${table} has no column ${c}`);
  const columnKind = columns.map((c) => kinds.get(c) as ColumnKind);
  let count = 0;
  const line = (row: Record<string, unknown>) => {
    count++;
    return `${columns.map((c, i) => field(row[c], columnKind[i])).join(',')}\n`;
  };
  function* chunks() {
    let chunk = line(first.value);
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      chunk += line(next.value);
      if (chunk.length > 1 << 20) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  const sql = `copy ${ident(table)} (${columns.map(ident).join(', ')}) from stdin with (format csv)`;
  await pipeline(Readable.from(chunks()), client.query(copyStreams.from(sql)));
  return count;
}
