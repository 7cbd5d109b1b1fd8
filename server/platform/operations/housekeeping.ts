import type { Db } from '../../db/types.ts';

/** Deletes sessions past their expiry. Runs in the worker role; harmless to run twice. */
export async function purgeExpiredSessions(db: Db, now: Date = new Date()): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
