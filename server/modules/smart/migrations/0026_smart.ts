import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * Shop-floor monitoring: sensors per site and area with their alarm limits, readings (partitioned by time, as
 * an industrial historian keeps them) with per-minute and per-hour roll-ups kept on ingest, each sensor's
 * detection state, alarms in their ISA-18.2 states, and what each gateway sent.
 *
 * `smart_sensor_states` holds what the detectors remember of a sensor between readings (rules/detect.ts) and
 * the last reading judged. Readings are partitioned by time: a month per partition, created by the ingest
 * (repo.ts `ensureMonthPartition`), the default partition taking what has none; a BRIN index on time suits rows
 * that arrive in time order. The partial unique index on alarms keeps one open alarm per sensor and condition:
 * a condition that returns while its alarm is still open re-activates that alarm.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table smart_sensors (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      area_id uuid references areas(id),
      tag text not null,
      name text not null,
      kind text not null check (kind in ('toxic_gas', 'oxygen', 'lel', 'temperature', 'humidity', 'exhaust_airflow',
        'differential_pressure', 'vibration', 'noise', 'power', 'particle_count', 'other')),
      unit text not null,
      equipment text,
      gateway text,
      in_service boolean not null default true,
      limit_hh double precision,
      limit_h double precision,
      limit_l double precision,
      limit_ll double precision,
      deadband double precision not null default 0 check (deadband >= 0),
      on_delay_s integer not null default 0 check (on_delay_s >= 0),
      off_delay_s integer not null default 0 check (off_delay_s >= 0),
      rate_limit_per_min double precision check (rate_limit_per_min is null or rate_limit_per_min > 0),
      stuck_after_min integer check (stuck_after_min is null or stuck_after_min > 0),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      unique (site_id, tag)
    );
    create index smart_sensors_site_idx on smart_sensors (site_id, tag, id);
    create index smart_sensors_area_idx on smart_sensors (area_id);
    create table smart_sensor_states (
      sensor_id uuid primary key references smart_sensors(id) on delete cascade,
      site_id uuid not null references sites(id),
      judged_at timestamptz,
      last_value double precision,
      state jsonb not null default '{}'::jsonb
    );
    create table smart_readings (
      sensor_id uuid not null,
      site_id uuid not null,
      at timestamptz not null,
      value double precision not null,
      late boolean not null default false,
      received_at timestamptz not null default now(),
      primary key (sensor_id, at)
    ) partition by range (at);
    create table smart_readings_default partition of smart_readings default;
    create index smart_readings_at_brin on smart_readings using brin (at);

    create table smart_rollups_minute (
      sensor_id uuid not null,
      site_id uuid not null,
      bucket timestamptz not null,
      min double precision not null,
      max double precision not null,
      sum double precision not null,
      count integer not null,
      primary key (sensor_id, bucket)
    );
    create table smart_rollups_hour (
      sensor_id uuid not null,
      site_id uuid not null,
      bucket timestamptz not null,
      min double precision not null,
      max double precision not null,
      sum double precision not null,
      count integer not null,
      primary key (sensor_id, bucket)
    );

    create table smart_alarms (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      sensor_id uuid not null references smart_sensors(id),
      condition text not null check (condition in ('hh', 'h', 'l', 'll', 'rate', 'stuck')),
      priority text not null check (priority in ('low', 'medium', 'high', 'urgent')),
      active boolean not null default true,
      raised_at timestamptz not null,
      raised_value double precision not null,
      limit_value double precision,
      cleared_at timestamptz,
      acknowledged_at timestamptz,
      acknowledged_by uuid references users(id),
      shelved_until timestamptz,
      shelved_by uuid references users(id),
      shelve_reason text,
      closed_at timestamptz,
      incident_id uuid,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create unique index smart_alarms_open_idx on smart_alarms (sensor_id, condition) where closed_at is null;
    create index smart_alarms_site_idx on smart_alarms (site_id, raised_at desc, id);

    create table smart_gateway_counts (
      user_id uuid not null references users(id) on delete cascade,
      gateway text not null,
      accepted bigint not null default 0,
      duplicates bigint not null default 0,
      late bigint not null default 0,
      refused bigint not null default 0,
      refused_by_reason jsonb not null default '{}'::jsonb,
      last_seen_at timestamptz not null default now(),
      primary key (user_id, gateway)
    );
  `,
  );
}
