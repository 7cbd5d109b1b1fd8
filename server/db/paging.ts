/**
 * One page of a list query plus the total count, sorted by a whitelisted column with a unique tie-breaker
 * so that pages never overlap.
 */
export async function paginate<Row>(
  // biome-ignore lint/suspicious/noExplicitAny: any Kysely select builder
  base: any,
  o: { sortColumn: string; order: 'asc' | 'desc'; tieBreaker: string; page: number; pageSize: number },
): Promise<{ items: Row[]; total: number }> {
  const [items, total] = await Promise.all([
    base
      .orderBy(o.sortColumn, o.order)
      .orderBy(o.tieBreaker)
      .limit(o.pageSize)
      .offset((o.page - 1) * o.pageSize)
      .execute(),
    // biome-ignore lint/suspicious/noExplicitAny: expression builder of the same query
    base
      .clearSelect()
      .select((eb: any) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
