import type { Expression } from 'kysely';
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
  o: {
    /** A column, or an expression (a typed title or a message key). */
    sortColumn: string | Expression<unknown>;
    order: 'asc' | 'desc';
    tieBreaker: string;
    page: number;
    pageSize: number;
  },
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

/** What a list query asks for: a page, its size and the direction of the sort. */
export type PageRequest = { page: number; pageSize: number; order: 'asc' | 'desc' };

/** The page every list answers with (`pageOf` in server/platform/http/list.ts is its contract). */
export type ListPage<View> = {
  items: View[];
  total: number;
  totalCapped?: true;
  page: number;
  pageSize: number;
};

/**
 * One page of a scoped list, in the shape every list answers with: the query (already filtered to the actor's
 * scope), sorted by `sortColumn` with `tieBreaker`, each row turned into its view by `toView`.
 */
export async function listPage<Row, View>(
  db: Db,
  // biome-ignore lint/suspicious/noExplicitAny: any Kysely select builder
  scoped: any,
  request: PageRequest,
  o: { sortColumn: string | Expression<unknown>; tieBreaker: string; toView: (row: Row) => View },
): Promise<ListPage<View>> {
  const { items, total, totalCapped } = await paginate<Row>(db, scoped, {
    sortColumn: o.sortColumn,
    tieBreaker: o.tieBreaker,
    order: request.order,
    page: request.page,
    pageSize: request.pageSize,
  });
  return { items: items.map(o.toView), total, totalCapped, page: request.page, pageSize: request.pageSize };
}
