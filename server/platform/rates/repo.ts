import type { Db } from '../../db/types.ts';

/** Every dated rate, by currency and date (a few hundred rows at most: the group keeps one a month or so). */
export async function allRates(db: Db) {
  const rows = await db
    .selectFrom('exchange_rates')
    .selectAll()
    .orderBy('currency')
    .orderBy('valid_from')
    .execute();
  return rows.map((r) => ({ ...r, per_usd: String(r.per_usd) }));
}

export type RateRow = Awaited<ReturnType<typeof allRates>>[number];

/** Inserts a rate unless one is kept for that currency and day (then undefined). */
export async function insertRate(
  db: Db,
  values: { currency: string; validFrom: string; perUsd: string },
  userId: string | null,
) {
  const row = await db
    .insertInto('exchange_rates')
    .values({
      currency: values.currency,
      valid_from: values.validFrom,
      per_usd: values.perUsd,
      created_by: userId,
      updated_by: userId,
    })
    .onConflict((oc) => oc.columns(['currency', 'valid_from']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? { ...row, per_usd: String(row.per_usd) } : undefined;
}
