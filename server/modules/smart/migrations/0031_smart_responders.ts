import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * Alarm responders: the users who answer an area's alarms, each on an optional shift (start and end as local
 * times of day at the area's site; a shift that ends before it starts runs past midnight; none means always).
 * `smart_alarm_notices` records whom each alarm reached and why (its area's responders on shift when it was
 * raised, or the escalation), and an alarm left unacknowledged too long is escalated once (`escalated_at`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table smart_responders (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      area_id uuid not null references areas(id) on delete cascade,
      user_id uuid not null references users(id),
      shift_start text check (shift_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      shift_end text check (shift_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      created_at timestamptz not null default now(),
      created_by uuid,
      check ((shift_start is null) = (shift_end is null)),
      unique (area_id, user_id)
    );
    create index smart_responders_site_idx on smart_responders (site_id);

    alter table smart_alarms add column escalated_at timestamptz;
    create index smart_alarms_unacknowledged_idx on smart_alarms (raised_at)
      where closed_at is null and acknowledged_at is null and escalated_at is null;

    create table smart_alarm_notices (
      alarm_id uuid not null references smart_alarms(id) on delete cascade,
      user_id uuid not null references users(id),
      reason text not null check (reason in ('responder', 'escalation')),
      notified_at timestamptz not null,
      primary key (alarm_id, reason, user_id)
    );
  `,
  );
}
