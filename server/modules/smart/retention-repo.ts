import { sql } from 'kysely';
import type { SensorKind } from '#shared/modules/smart/contract.ts';
import type { Db } from '../../db/types.ts';

const MONTH_PARTITION = /^smart_readings_\d{6}$/;

/** The names of the readings' partitions (the month partitions and the default one). */
export async function readingPartitions(db: Db): Promise<string[]> {
  const result = await sql<{ name: string }>`
    select c.relname as name
    from pg_inherits i
    join pg_class c on c.oid = i.inhrelid
    join pg_class p on p.oid = i.inhparent
    where p.relname = 'smart_readings'
    order by c.relname`.execute(db);
  return result.rows.map((r) => r.name);
}

/** Detaches a month's partition and drops it: its readings go at once, without a row-by-row delete. */
export async function dropMonthPartition(db: Db, name: string) {
  // The name comes from the catalogue, but it goes into DDL: only a month partition's own form passes.
  if (!MONTH_PARTITION.test(name)) throw new Error(`not a month partition of the readings: ${name}`);
  await sql.raw(`alter table smart_readings detach partition ${name}`).execute(db);
  await sql.raw(`drop table ${name}`).execute(db);
}

/** Deletes the readings of sensors of these kinds taken before the cutoff; returns how many. */
export async function deleteReadingsBefore(db: Db, cutoff: Date, kinds: readonly SensorKind[]) {
  const result = await db
    .deleteFrom('smart_readings')
    .where('at', '<', cutoff)
    .where('sensor_id', 'in', (eb) => eb.selectFrom('smart_sensors').select('id').where('kind', 'in', kinds))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteRollupsBefore(
  db: Db,
  table: 'smart_rollups_minute' | 'smart_rollups_hour',
  cutoff: Date,
) {
  const result = await db.deleteFrom(table).where('bucket', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
