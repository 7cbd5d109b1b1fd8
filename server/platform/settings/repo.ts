import type { Db } from '../../db/types.ts';

/** SQL of the group's settings: one JSON value per key. */

export async function readSetting(db: Db, key: string): Promise<unknown> {
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** The setting's version: 0 while none is stored (the default is in force). */
export async function settingVersion(db: Db, key: string, lock = false): Promise<number> {
  let query = db.selectFrom('app_settings').select('version').where('key', '=', key);
  if (lock) query = query.forUpdate();
  return (await query.executeTakeFirst())?.version ?? 0;
}

/** Stores the value and raises the version; returns the new version. */
export async function writeSetting(trx: Db, key: string, value: unknown): Promise<number> {
  const json = JSON.stringify(value);
  const row = await trx
    .insertInto('app_settings')
    .values({ key, value: json })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        value: json,
        updated_at: new Date(),
        version: eb('app_settings.version', '+', 1),
      })),
    )
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}
