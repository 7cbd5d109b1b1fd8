/**
 * Bulk loads build the secondary indexes of the tables they fill once, after the rows are in, as pg_restore
 * does: one index build is several times faster than keeping the index up to date row by row (a GIN index of
 * a hundred thousand names most of all). Primary keys and unique constraints stay, so that bad rows are still
 * refused as they arrive. Run inside the load's transaction: an interrupted load leaves every index in place.
 */

/** Runs one SQL text and returns its rows: a Kysely handle, a pg client or PGlite, whichever loads. */
export type RunSql = (text: string) => Promise<{ rows: Record<string, unknown>[] }>;

const IDENT = /^[a-z_][a-z0-9_]*$/;

export async function withIndexesBuiltAfter<T>(
  run: RunSql,
  tables: readonly string[],
  load: () => Promise<T>,
  /** Called after each index is built again (a long load says what it is doing). */
  onIndexBuilt?: (built: number, total: number) => void,
) {
  for (const t of tables) if (!IDENT.test(t)) throw new Error(`not a table name: ${t}`);
  const { rows } = await run(
    `select i.indexname as name, i.indexdef as definition from pg_indexes i
     where i.schemaname = current_schema() and i.tablename in (${tables.map((t) => `'${t}'`).join(', ')})
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
     order by i.indexname`,
  );
  const indexes = rows as { name: string; definition: string }[];
  for (const index of indexes) await run(`drop index "${index.name}"`);
  const result = await load();
  for (const [i, index] of indexes.entries()) {
    await run(index.definition);
    onIndexBuilt?.(i + 1, indexes.length);
  }
  return { result, indexes: indexes.length };
}
