import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * Every web process streams alarm changes to the open browsers (`GET /api/smart/alarms/live`). An alarm that
 * is raised or changes (acknowledged, shelved, cleared, returned, closed) announces itself on the
 * `steward_smart_alarms` channel from the database, in the transaction that makes the change, so that every
 * process hears it when (and only if) it commits, whichever process or path made it. The payload is JSON:
 * `{"id": alarm id, "siteId": its site, "change": "raised" | "changed" | "removed"}`; readers then ask the API,
 * which applies their access, for the alarm itself.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create function smart_alarm_signal() returns trigger language plpgsql as $$
    declare
      row_data record;
    begin
      if tg_op = 'DELETE' then row_data := old; else row_data := new; end if;
      perform pg_notify('steward_smart_alarms', json_build_object(
        'id', row_data.id,
        'siteId', row_data.site_id,
        'change', case tg_op when 'INSERT' then 'raised' when 'UPDATE' then 'changed' else 'removed' end
      )::text);
      return null;
    end $$;

    create trigger smart_alarms_signal after insert or delete on smart_alarms
      for each row execute function smart_alarm_signal();
    create trigger smart_alarms_signal_update after update on smart_alarms
      for each row when (old.* is distinct from new.*) execute function smart_alarm_signal();
    `,
  );
}
