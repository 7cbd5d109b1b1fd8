import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * Every raise of an alarm, not only its record: an alarm whose condition returns before anyone acknowledged it
 * is re-activated (one record, ISA-18.2), yet each return is another annunciation, and chattering
 * (ISA-TR18.2.5: the same alarm raised 3 or more times within 60 seconds) is counted from these raises.
 * A new alarm record brings its first raise (a trigger, whichever path inserts it, the demo's too); the
 * ingestion adds a raise each time it re-activates an open alarm. Existing alarms get their first raise here.
 * Alarms gain the condition `anomaly`: the learned detector's, on series without limits (rules/anomaly.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table smart_alarms drop constraint smart_alarms_condition_check;
    alter table smart_alarms add constraint smart_alarms_condition_check
      check (condition in ('hh', 'h', 'l', 'll', 'rate', 'stuck', 'anomaly'));

    create table smart_alarm_raises (
      id uuid primary key default gen_random_uuid(),
      alarm_id uuid not null references smart_alarms(id) on delete cascade,
      site_id uuid not null references sites(id),
      sensor_id uuid not null references smart_sensors(id),
      condition text not null,
      raised_at timestamptz not null,
      value double precision not null
    );
    create index smart_alarm_raises_site_idx on smart_alarm_raises (site_id, raised_at);
    create index smart_alarm_raises_alarm_idx on smart_alarm_raises (alarm_id);

    insert into smart_alarm_raises (alarm_id, site_id, sensor_id, condition, raised_at, value)
      select id, site_id, sensor_id, condition, raised_at, raised_value from smart_alarms;

    create function smart_alarm_first_raise() returns trigger language plpgsql as $$
    begin
      insert into smart_alarm_raises (alarm_id, site_id, sensor_id, condition, raised_at, value)
        values (new.id, new.site_id, new.sensor_id, new.condition, new.raised_at, new.raised_value);
      return null;
    end $$;

    create trigger smart_alarms_first_raise after insert on smart_alarms
      for each row execute function smart_alarm_first_raise();
    `,
  );
}
