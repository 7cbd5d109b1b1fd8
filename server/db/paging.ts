import type { Db } from './types.ts';

/**
 * Counting stops here: an exact count of a million-row list costs the database a scan of every row on each
 * page asked for, and nobody pages through more than ten thousand rows (they filter instead). Lists with
 * more say "more than 10,000".
 */
export const COUNT_CAP = 10_000;

/**
 * One page of a list query plus its row count up to COUNT_CAP, sorted by a whitelisted column with a
 * unique tie-breaker so that pages never overlap.
 */
export async function paginate<Row>(
  db: Db,
  // biome-ignore lint/suspicious/noExplicitAny: any Kysely select builder
  base: any,
  o: { sortColumn: string; order: 'asc' | 'desc'; tieBreaker: string; page: number; pageSize: number },
): Promise<{ items: Row[]; total: number; totalCapped?: true }> {
  const [items, counted] = await Promise.all([
    base
      .orderBy(o.sortColumn, o.order)
      // The tie-breaker runs the same way, so that one index on (sort column, id) serves both directions.
      .orderBy(o.tieBreaker, o.order)
      .limit(o.pageSize)
      .offset((o.page - 1) * o.pageSize)
      .execute(),
    // Counted in the database up to one past the cap (which tells whether there are more): one row comes
    // back, not ten thousand (each of which the driver would parse, a few milliseconds a request).
    db
      .selectFrom(
        base
          .clearSelect()
          // biome-ignore lint/suspicious/noExplicitAny: expression builder of the same query
          .select((eb: any) => eb.lit(1).as('one'))
          .limit(COUNT_CAP + 1)
          .as('capped'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const n = Number(counted.n);
  return n > COUNT_CAP ? { items, total: COUNT_CAP, totalCapped: true } : { items, total: n };
}
