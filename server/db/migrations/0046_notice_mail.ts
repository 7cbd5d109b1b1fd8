import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * A notice a module sends at once (an alarm to the people on call) may also go by email: its email waits in
 * the outbox beside the obligation reminders, pointing at the notification it repeats. A statement-level
 * trigger announces new notice mail on `notice_mail` when the transaction commits, so the worker sends it
 * within a second instead of at the reminders' next quarter-hour run.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table notification_outbox
      add column notification_id uuid references notifications (id) on delete cascade;

    alter table notification_outbox
      add constraint notification_outbox_source check (obligation_id is not null or notification_id is not null);

    create function notice_mail_announce() returns trigger
    language plpgsql as $$
    begin
      if exists (select 1 from added where notification_id is not null) then
        perform pg_notify('notice_mail', '');
      end if;
      return null;
    end
    $$;

    create trigger notice_mail_announce after insert on notification_outbox
      referencing new table as added
      for each statement execute function notice_mail_announce();
    `,
  );
}
