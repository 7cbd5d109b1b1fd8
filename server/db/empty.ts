import type { Db } from './types.ts';

/** True when the database holds no organisation yet (a first start). */
export async function isEmptyDatabase(db: Db): Promise<boolean> {
  const row = await db.selectFrom('holdings').select('id').limit(1).executeTakeFirst();
  return !row;
}
