import { sql } from 'kysely';
import type { Db } from '../../db/types.ts';

/** SQL of the monitoring program's own tables (platform data comes through platform services). */

export function sensorRows(db: Db) {
  return db.selectFrom('smart_sensors as s').selectAll('s');
}
export type SensorRow = Awaited<ReturnType<ReturnType<typeof sensorRows>['execute']>>[number];

/** What ingestion needs of these sensors: where they are, their rules and whether they are in service. */
export function ingestSensorRows(db: Db, ids: readonly string[]) {
  return db
    .selectFrom('smart_sensors')
    .select([
      'id',
      'site_id',
      'kind',
      'in_service',
      'limit_hh',
      'limit_h',
      'limit_l',
      'limit_ll',
      'deadband',
      'on_delay_s',
      'off_delay_s',
      'rate_limit_per_min',
      'stuck_after_min',
    ])
    .where('id', 'in', ids)
    .execute();
}
export type IngestSensorRow = Awaited<ReturnType<typeof ingestSensorRows>>[number];

export function alarmRows(db: Db) {
  return db
    .selectFrom('smart_alarms as a')
    .innerJoin('smart_sensors as s', 's.id', 'a.sensor_id')
    .selectAll('a')
    .select([
      's.tag as sensor_tag',
      's.name as sensor_name',
      's.unit as sensor_unit',
      's.kind as sensor_kind',
      's.area_id as sensor_area_id',
      's.in_service as sensor_in_service',
    ]);
}
export type AlarmRow = Awaited<ReturnType<ReturnType<typeof alarmRows>['execute']>>[number];

/** The last reading judged and the count of open alarms of each of these sensors. */
export async function sensorStatus(db: Db, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { lastAt: Date | null; lastValue: number | null; open: number }>();
  const [states, open] = await Promise.all([
    db
      .selectFrom('smart_sensor_states')
      .select(['sensor_id', 'judged_at', 'last_value'])
      .where('sensor_id', 'in', ids)
      .execute(),
    db
      .selectFrom('smart_alarms')
      .select(['sensor_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('sensor_id', 'in', ids)
      .where('closed_at', 'is', null)
      .groupBy('sensor_id')
      .execute(),
  ]);
  const out = new Map<string, { lastAt: Date | null; lastValue: number | null; open: number }>();
  for (const id of ids) out.set(id, { lastAt: null, lastValue: null, open: 0 });
  for (const s of states)
    Object.assign(out.get(s.sensor_id) ?? {}, { lastAt: s.judged_at, lastValue: s.last_value });
  for (const o of open) Object.assign(out.get(o.sensor_id) ?? {}, { open: Number(o.n) });
  return out;
}

/** The name of the partition of the readings of a time's month (UTC). */
export function monthPartitionName(at: Date): string {
  return `smart_readings_${at.getUTCFullYear()}${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A month's partition of the readings, created if missing (the default partition takes what has none). */
export async function ensureMonthPartition(db: Db, monthStart: Date) {
  const from = new Date(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth(), 1));
  const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  const name = monthPartitionName(from);
  await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(db);
  const exists = await sql<{ n: number }>`select 1 as n from pg_class where relname = ${name}`.execute(db);
  if (exists.rows.length > 0) return;
  // Rows of that month already in the default partition would block the new one: move them through it.
  const range = `from ('${from.toISOString()}') to ('${to.toISOString()}')`;
  await sql.raw(`create table ${name} (like smart_readings including defaults)`).execute(db);
  await sql
    .raw(
      `with moved as (delete from smart_readings_default where at >= '${from.toISOString()}' and at < '${to.toISOString()}' returning *)
       insert into ${name} select * from moved`,
    )
    .execute(db);
  await sql.raw(`alter table smart_readings attach partition ${name} for values ${range}`).execute(db);
}

export type NewReading = { sensorId: string; siteId: string; at: Date; value: number; late: boolean };

/**
 * Readings as the statement takes them: each sensor (and its site) once, then per reading the sensor's place
 * in that list, the time in epoch milliseconds, the value and whether it is late (1) or not (0).
 * Numbers go as they are; uuids and times written out per reading were most of the bytes sent and quoted.
 */
export function compactReadings(readings: readonly NewReading[]) {
  const place = new Map<string, number>();
  const sensorIds: string[] = [];
  const siteIds: string[] = [];
  const sensorOf: number[] = [];
  const ms: number[] = [];
  const values: number[] = [];
  const late: number[] = [];
  readings.forEach((r) => {
    let n = place.get(r.sensorId);
    if (n === undefined) {
      sensorIds.push(r.sensorId);
      siteIds.push(r.siteId);
      n = sensorIds.length;
      place.set(r.sensorId, n);
    }
    sensorOf.push(n);
    ms.push(r.at.getTime());
    values.push(r.value);
    late.push(r.late ? 1 : 0);
  });
  return { sensorIds, siteIds, sensorOf, ms, values, late };
}

/**
 * Stores readings once each (a repeat of a sensor and time does nothing) and adds the stored ones to the
 * per-minute and per-hour roll-ups, in one statement. Returns the readings stored. `partition`, when every
 * reading falls in that month's partition (which must exist), takes them straight there: routing each row
 * through the partitioned table costs about as much again. The stored rows come back only when some were
 * repeats; otherwise the count says that all of them were stored.
 */
export async function insertReadings(db: Db, readings: readonly NewReading[], partition?: string) {
  if (readings.length === 0) return [];
  if (partition !== undefined && !/^smart_readings_\d{6}$/.test(partition))
    throw new Error(`Not a readings partition: ${partition}`);
  const target = sql.raw(partition ?? 'smart_readings');
  const input = compactReadings(readings);
  const result = await sql<{
    stored: number | null;
    sensor_id: string;
    at: Date;
    value: number;
    late: boolean;
  }>`
    with input as (
      select
        (${input.sensorIds}::uuid[])[r.n] as sensor_id,
        (${input.siteIds}::uuid[])[r.n] as site_id,
        to_timestamp(r.ms / 1000.0) as at,
        r.value,
        r.late = 1 as late
      from unnest(${input.sensorOf}::int[], ${input.ms}::bigint[], ${input.values}::float8[], ${input.late}::int[])
        as r(n, ms, value, late)
    ),
    stored as (
      insert into ${target} (sensor_id, site_id, at, value, late)
      select sensor_id, site_id, at, value, late from input
      on conflict (sensor_id, at) do nothing
      returning sensor_id, site_id, at, value, late
    ),
    minutes as (
      insert into smart_rollups_minute (sensor_id, site_id, bucket, min, max, sum, count)
      select sensor_id, min(site_id::text)::uuid, date_trunc('minute', at, 'UTC'), min(value), max(value), sum(value), count(*)
      from stored group by sensor_id, date_trunc('minute', at, 'UTC')
      on conflict (sensor_id, bucket) do update set
        min = least(smart_rollups_minute.min, excluded.min),
        max = greatest(smart_rollups_minute.max, excluded.max),
        sum = smart_rollups_minute.sum + excluded.sum,
        count = smart_rollups_minute.count + excluded.count
    ),
    hours as (
      insert into smart_rollups_hour (sensor_id, site_id, bucket, min, max, sum, count)
      select sensor_id, min(site_id::text)::uuid, date_trunc('hour', at, 'UTC'), min(value), max(value), sum(value), count(*)
      from stored group by sensor_id, date_trunc('hour', at, 'UTC')
      on conflict (sensor_id, bucket) do update set
        min = least(smart_rollups_hour.min, excluded.min),
        max = greatest(smart_rollups_hour.max, excluded.max),
        sum = smart_rollups_hour.sum + excluded.sum,
        count = smart_rollups_hour.count + excluded.count
    ),
    total as (select count(*)::int as n from stored)
    select n as stored, null::uuid as sensor_id, null::timestamptz as at, null::float8 as value, null::boolean as late
    from total
    union all
    select null, sensor_id, at, value, late from stored where (select n from total) < ${readings.length}
  `.execute(db);
  const count = result.rows.find((r) => r.stored !== null)?.stored;
  if (count === readings.length)
    return readings.map((r) => ({ sensor_id: r.sensorId, at: r.at, value: r.value, late: r.late }));
  return result.rows
    .filter((r) => r.stored === null)
    .map((r) => ({ sensor_id: r.sensor_id, at: new Date(r.at), value: r.value, late: r.late }));
}

/** The last `limit` readings of each sensor up to its own time, oldest first (a detector relearns from them). */
export async function lastReadings(
  db: Db,
  sensors: readonly { id: string; judgedAt: number }[],
  limit: number,
): Promise<Map<string, { at: number; value: number }[]>> {
  const out = new Map<string, { at: number; value: number }[]>();
  if (sensors.length === 0) return out;
  const rows = await sql<{ sensor_id: string; at: Date; value: number }>`
    select t.sensor_id, r.at, r.value
    from unnest(
      ${sensors.map((s) => s.id)}::uuid[],
      ${sensors.map((s) => new Date(s.judgedAt).toISOString())}::timestamptz[]
    ) as t(sensor_id, upto)
    cross join lateral (
      select at, value from smart_readings
      where sensor_id = t.sensor_id and at <= t.upto
      order by at desc limit ${limit}
    ) as r
    order by t.sensor_id, r.at
  `.execute(db);
  for (const r of rows.rows) {
    const list = out.get(r.sensor_id) ?? [];
    list.push({ at: new Date(r.at).getTime(), value: r.value });
    out.set(r.sensor_id, list);
  }
  return out;
}

export type SensorStateRow = {
  sensorId: string;
  siteId: string;
  judgedAt: Date;
  lastValue: number;
  /** The detectors' memory. */
  state: unknown;
};

/**
 * Locks these sensors' states, in the order of their ids (readings of one sensor are judged by one transaction
 * at a time), and reads when each was last judged (epoch ms). Its memory comes back only where `known` (what
 * the caller holds, by the time it was judged) is not that time: another process judged the sensor since.
 */
export async function lockSensorStates(
  db: Db,
  ids: readonly string[],
  known: ReadonlyMap<string, number>,
): Promise<Map<string, { judgedAt: number | null; state: unknown }>> {
  if (ids.length === 0) return new Map();
  const sorted = [...ids].sort();
  const rows = await sql<{ sensor_id: string; judged_ms: number | null; state: unknown }>`
    select s.sensor_id, (extract(epoch from s.judged_at) * 1000)::float8 as judged_ms,
      case when (extract(epoch from s.judged_at) * 1000)::bigint = k.ms then null else s.state end as state
    from smart_sensor_states s
    left join unnest(
      ${sorted}::uuid[],
      ${sorted.map((id) => known.get(id) ?? null)}::bigint[]
    ) as k(sensor_id, ms) on k.sensor_id = s.sensor_id
    where s.sensor_id = any(${sorted}::uuid[])
    order by s.sensor_id
    for update of s
  `.execute(db);
  return new Map(rows.rows.map((r) => [r.sensor_id, { judgedAt: r.judged_ms, state: r.state }]));
}

/** Sensor states as one JSON document: memories in a text array were quoted and escaped character by character. */
function stateDocument(rows: readonly SensorStateRow[]) {
  return JSON.stringify(
    rows.map((r) => ({
      sensor_id: r.sensorId,
      site_id: r.siteId,
      judged_ms: r.judgedAt.getTime(),
      last_value: r.lastValue,
      state: r.state,
    })),
  );
}

/** The last reading judged and the detectors' memory of each of these sensors, in one statement. */
export async function saveSensorStates(db: Db, rows: readonly SensorStateRow[]) {
  if (rows.length === 0) return;
  await sql`
    insert into smart_sensor_states (sensor_id, site_id, judged_at, last_value, state)
    select sensor_id, site_id, to_timestamp(judged_ms / 1000.0), last_value, state
    from jsonb_to_recordset(${stateDocument(rows)}::jsonb)
      as t(sensor_id uuid, site_id uuid, judged_ms bigint, last_value float8, state jsonb)
    on conflict (sensor_id) do update set
      judged_at = excluded.judged_at, last_value = excluded.last_value, state = excluded.state
  `.execute(db);
}

/** A gateway's counts of one batch added to those kept, each refusal reason's too, in one statement. */
export async function addGatewayCounts(
  db: Db,
  userId: string,
  gateway: string,
  at: Date,
  c: { accepted: number; duplicates: number; late: number; refused: readonly string[] },
) {
  const reasons: Record<string, number> = {};
  for (const reason of c.refused) reasons[reason] = (reasons[reason] ?? 0) + 1;
  await db
    .insertInto('smart_gateway_counts')
    .values({
      user_id: userId,
      gateway,
      accepted: String(c.accepted),
      duplicates: String(c.duplicates),
      late: String(c.late),
      refused: String(c.refused.length),
      refused_by_reason: JSON.stringify(reasons),
      last_seen_at: at,
    })
    .onConflict((oc) =>
      oc.columns(['user_id', 'gateway']).doUpdateSet((eb) => ({
        accepted: eb('smart_gateway_counts.accepted', '+', eb.ref('excluded.accepted')),
        duplicates: eb('smart_gateway_counts.duplicates', '+', eb.ref('excluded.duplicates')),
        late: eb('smart_gateway_counts.late', '+', eb.ref('excluded.late')),
        refused: eb('smart_gateway_counts.refused', '+', eb.ref('excluded.refused')),
        refused_by_reason: sql<string>`case when excluded.refused = 0 then smart_gateway_counts.refused_by_reason
          else (select jsonb_object_agg(k,
              coalesce((smart_gateway_counts.refused_by_reason ->> k)::bigint, 0)
              + coalesce((excluded.refused_by_reason ->> k)::bigint, 0))
            from jsonb_object_keys(smart_gateway_counts.refused_by_reason || excluded.refused_by_reason) as k)
          end`,
        last_seen_at: eb.ref('excluded.last_seen_at'),
      })),
    )
    .execute();
}

// ---- Responders and the notices of alarms (responders.ts)

export function responderRows(db: Db, areaId: string) {
  return db
    .selectFrom('smart_responders')
    .select(['user_id', 'shift_start', 'shift_end'])
    .where('area_id', '=', areaId)
    .orderBy('shift_start')
    .orderBy('created_at')
    .orderBy('user_id')
    .execute();
}

export async function replaceResponders(
  trx: Db,
  r: {
    siteId: string;
    areaId: string;
    createdBy: string | null;
    responders: readonly { userId: string; shiftStart: string | null; shiftEnd: string | null }[];
  },
) {
  await trx.deleteFrom('smart_responders').where('area_id', '=', r.areaId).execute();
  if (r.responders.length === 0) return;
  await trx
    .insertInto('smart_responders')
    .values(
      r.responders.map((x) => ({
        site_id: r.siteId,
        area_id: r.areaId,
        user_id: x.userId,
        shift_start: x.shiftStart,
        shift_end: x.shiftEnd,
        created_by: r.createdBy,
      })),
    )
    .execute();
}

export async function recordNotices(
  trx: Db,
  alarmId: string,
  reason: 'responder' | 'escalation',
  userIds: readonly string[],
  at: Date,
) {
  if (userIds.length === 0) return;
  await trx
    .insertInto('smart_alarm_notices')
    .values(userIds.map((user_id) => ({ alarm_id: alarmId, user_id, reason, notified_at: at })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function noticesOf(db: Db, alarmId: string) {
  return db
    .selectFrom('smart_alarm_notices')
    .select(['user_id', 'reason', 'notified_at'])
    .where('alarm_id', '=', alarmId)
    .orderBy('notified_at')
    .orderBy('reason')
    .orderBy('user_id')
    .execute();
}

/** Open alarms nobody acknowledged and not yet escalated, of sensors in service and not shelved at `at`. */
export function unacknowledgedAlarms(db: Db, at: Date) {
  return alarmRows(db)
    .where('a.closed_at', 'is', null)
    .where('a.acknowledged_at', 'is', null)
    .where('a.escalated_at', 'is', null)
    .where('s.in_service', '=', true)
    .where((eb) => eb.or([eb('a.shelved_until', 'is', null), eb('a.shelved_until', '<=', at)]))
    .orderBy('a.raised_at')
    .limit(1000)
    .execute();
}

/** Marks an alarm escalated unless it was already, or was acknowledged meanwhile; true when this call did. */
export async function markEscalated(trx: Db, alarmId: string, at: Date) {
  const r = await trx
    .updateTable('smart_alarms')
    .set({ escalated_at: at })
    .where('id', '=', alarmId)
    .where('escalated_at', 'is', null)
    .where('acknowledged_at', 'is', null)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
