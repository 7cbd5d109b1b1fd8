import { type QueryExecutorProvider, sql } from 'kysely';

/**
 * What a backup holds is read from the database itself, not from a list kept by hand: every table of the
 * public schema (the system's own bookkeeping aside), its columns, primary key and identity columns, the
 * foreign keys between tables and the sequences. New modules' tables are backed up without a change here.
 */

/**
 * The system's own bookkeeping, which every database keeps for itself and no backup carries: the migrations'
 * record and the data versions (migration 0075; a restore renews them when it rebuilds the summaries).
 */
export const SYSTEM_TABLES = new Set(['steward_migrations', 'steward_migrations_lock', 'data_versions']);

/**
 * Rows that belong to the running system, not to the data: sign-in sessions (token hashes, CSRF tokens,
 * addresses) stay out of every backup, so a restored system starts with everyone signed out, and a backup
 * file never carries a credential that works.
 */
export const EPHEMERAL_TABLES = new Set(['sessions']);

/**
 * Columns written as a fixed value instead of their content: the sign-in throttling counters (failures in a
 * row, a lock's end) start afresh on a restored system.
 */
export const EPHEMERAL_COLUMNS: Record<string, Record<string, string>> = {
  users: { failed_signins: '0', locked_until: 'null::timestamptz' },
};

export type ColumnInfo = { name: string; type: string; identity: boolean };

export type TableInfo = {
  name: string;
  /** Columns a backup carries: stored generated columns are left out (the database computes them). */
  columns: ColumnInfo[];
  primaryKey: string[];
};

export type ForeignKey = { name: string; table: string; references: string; definition: string };

export type SequenceState = { name: string; lastValue: string | null };

export type Catalog = {
  tables: TableInfo[];
  foreignKeys: ForeignKey[];
};

export async function readCatalog(db: QueryExecutorProvider): Promise<Catalog> {
  const tableRows = await sql<{ name: string }>`
    select c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname`.execute(db);
  const columnRows = await sql<{
    table: string;
    name: string;
    type: string;
    identity: string;
    generated: string;
  }>`
    select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
           a.attidentity::text as identity, a.attgenerated::text as generated
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
    order by c.relname, a.attnum`.execute(db);
  const keyRows = await sql<{ table: string; name: string }>`
    select c.relname as table, a.attname as name
    from pg_index i
    join pg_class c on c.oid = i.indrelid
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where n.nspname = 'public' and i.indisprimary
    order by c.relname, array_position(i.indkey::int2[], a.attnum)`.execute(db);
  const fkRows = await sql<{ name: string; table: string; references: string; definition: string }>`
    select con.conname as name, c.relname as table, r.relname as references,
           pg_get_constraintdef(con.oid) as definition
    from pg_constraint con
    join pg_class c on c.oid = con.conrelid
    join pg_class r on r.oid = con.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and con.contype = 'f'
    order by c.relname, con.conname`.execute(db);

  const tables = tableRows.rows
    .filter((t) => !SYSTEM_TABLES.has(t.name))
    .map(
      (t): TableInfo => ({
        name: t.name,
        columns: columnRows.rows
          .filter((c) => c.table === t.name && !c.generated)
          .map((c) => ({ name: c.name, type: c.type, identity: c.identity !== '' })),
        primaryKey: keyRows.rows.filter((k) => k.table === t.name).map((k) => k.name),
      }),
    );
  return { tables: foreignKeyOrder(tables, fkRows.rows), foreignKeys: fkRows.rows };
}

/**
 * Tables ordered so that a table comes after every table it references (self-references and cycles aside:
 * restore lifts the foreign keys while it loads, so the order is a courtesy to readers of the dump).
 */
export function foreignKeyOrder<T extends { name: string }>(
  tables: T[],
  foreignKeys: { table: string; references: string }[],
): T[] {
  const names = new Set(tables.map((t) => t.name));
  const dependsOn = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));
  for (const fk of foreignKeys) {
    if (fk.table !== fk.references && names.has(fk.table) && names.has(fk.references))
      dependsOn.get(fk.table)?.add(fk.references);
  }
  const out: T[] = [];
  const placed = new Set<string>();
  let remaining = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  while (remaining.length) {
    const ready = remaining.filter((t) => [...(dependsOn.get(t.name) ?? [])].every((d) => placed.has(d)));
    // A cycle: place the first remaining table and carry on.
    const next = ready.length ? ready : [remaining[0]];
    for (const t of next) {
      out.push(t);
      placed.add(t.name);
    }
    remaining = remaining.filter((t) => !placed.has(t.name));
  }
  return out;
}

/** The state of every sequence of the public schema (identity columns' included). */
export async function readSequences(db: QueryExecutorProvider): Promise<SequenceState[]> {
  const rows = await sql<{ name: string; last_value: string | number | null }>`
    select sequencename as name, last_value::text as last_value
    from pg_sequences where schemaname = 'public' order by sequencename`.execute(db);
  return rows.rows.map((r) => ({
    name: r.name,
    lastValue: r.last_value === null ? null : String(r.last_value),
  }));
}

/** Names of migrations applied to the database, in order (empty when it was never migrated). */
export async function appliedMigrations(db: QueryExecutorProvider): Promise<string[]> {
  const exists = await sql<{ present: boolean }>`
    select to_regclass('public.steward_migrations') is not null as present`.execute(db);
  if (!exists.rows[0]?.present) return [];
  const rows = await sql<{ name: string }>`select name from steward_migrations order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
