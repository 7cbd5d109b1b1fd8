import { sql } from 'kysely';
import type { Db } from '../../db/types.ts';

/**
 * Named versions of data (migration 0075): a value that changes whenever a change to the tables behind the
 * name commits, in any process. A part of the system keeps an answer under the version it read before
 * computing it, and gives it again only while that version is still the one read.
 */
export function createDataVersionsService(db: Db) {
  return {
    /** The committed version of `name` now (its sixteen slots, in order); an unregistered name is an error. */
    async read(name: string, handle: Db = db): Promise<string> {
      const row = await handle
        .selectFrom('data_versions')
        .select(sql<string | null>`string_agg(version::text, ',' order by slot)`.as('version'))
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
      if (!row.version) throw new Error(`No data version is registered as ${name}`);
      return row.version;
    },
  };
}

export type DataVersionsService = ReturnType<typeof createDataVersionsService>;
