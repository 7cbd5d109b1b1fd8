import type { Kysely } from 'kysely';
import { NotFoundError, StaleVersionError } from '../platform/http/errors.ts';
import type { DB } from './schema.ts';
import type { Db } from './types.ts';

type VersionedTable = {
  [K in keyof DB]: DB[K] extends { version: unknown; updated_by: unknown } ? K : never;
}[keyof DB];

/**
 * Optimistic locking: applies `changes` only if the row is still at `version`, bumping it.
 * A stale version is refused with the current one (409); nothing is overwritten.
 */
export async function updateVersioned<T extends VersionedTable>(
  trx: Db,
  table: T,
  id: string,
  version: number,
  changes: Record<string, unknown>,
  actorId: string | null,
): Promise<Record<string, any>> {
  // The table is generic; the columns touched here (id, version, updated_*) exist on every versioned table.
  const db = trx as unknown as Kysely<any>;
  const updated = await db
    .updateTable(table as string)
    .set({
      ...changes,
      version: (eb: any) => eb('version', '+', 1),
      updated_at: new Date(),
      updated_by: actorId,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  if (updated) return updated;
  const current = await db
    .selectFrom(table as string)
    .select(['version'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!current) throw new NotFoundError();
  throw new StaleVersionError(current.version);
}

/** Drops keys whose value is undefined, so a PATCH only touches what it names. */
export function definedOnly<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
