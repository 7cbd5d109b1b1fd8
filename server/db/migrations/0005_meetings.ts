import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * Committees (group, subsidiary or site) with their members, and their meetings: agenda, attendance,
 * minutes and decisions, each decision optionally followed up by an action.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table committees (
      id uuid primary key default gen_random_uuid(),
      level text not null check (level in ('group', 'subsidiary', 'site')),
      site_id uuid references sites(id),
      subsidiary_id uuid references subsidiaries(id),
      program text check (program in ('ip', 'infosec', 'ohs', 'academia', 'smart')),
      name text not null,
      name_zh text,
      charter text,
      frequency text not null default 'quarterly' check (frequency in ('monthly', 'quarterly', 'semiannual', 'annual', 'as_needed')),
      quorum_percent integer not null default 50 check (quorum_percent between 1 and 99),
      quorum_chair_required boolean not null default true,
      active boolean not null default true,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      check ((level = 'site') = (site_id is not null)),
      check ((level = 'subsidiary') = (subsidiary_id is not null))
    );
    create index committees_site_idx on committees (site_id, program);

    create table committee_members (
      id uuid primary key default gen_random_uuid(),
      committee_id uuid not null references committees(id),
      site_id uuid references sites(id),
      user_id uuid not null references users(id),
      role text not null check (role in ('chair', 'secretary', 'member', 'employee_representative')),
      title text,
      created_at timestamptz not null default now(),
      created_by uuid
    );
    create unique index committee_members_user_idx on committee_members (committee_id, user_id);
    create unique index committee_members_seat_idx on committee_members (committee_id, role) where role in ('chair', 'secretary');
    create index committee_members_by_user_idx on committee_members (user_id);

    create table meetings (
      id uuid primary key default gen_random_uuid(),
      committee_id uuid not null references committees(id),
      site_id uuid references sites(id),
      title text not null,
      scheduled_at timestamptz not null,
      duration_minutes integer check (duration_minutes between 1 and 1440),
      time_zone text not null,
      location text,
      online_url text,
      status text not null default 'planned' check (status in ('planned', 'held', 'minutes_approved', 'cancelled')),
      minutes text,
      held_at timestamptz,
      minutes_approved_at timestamptz,
      minutes_approved_by uuid references users(id),
      cancelled_reason text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index meetings_committee_idx on meetings (committee_id, scheduled_at);
    create index meetings_site_idx on meetings (site_id, scheduled_at);

    create table meeting_agenda_items (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references meetings(id),
      site_id uuid references sites(id),
      position integer not null,
      title text not null,
      presenter_id uuid references users(id),
      presenter_name text,
      duration_minutes integer,
      notes text
    );
    create unique index meeting_agenda_items_position_idx on meeting_agenda_items (meeting_id, position);

    create table meeting_attendance (
      meeting_id uuid not null references meetings(id),
      user_id uuid not null references users(id),
      site_id uuid references sites(id),
      committee_role text not null check (committee_role in ('chair', 'secretary', 'member', 'employee_representative')),
      status text check (status in ('present', 'absent', 'excused')),
      note text,
      primary key (meeting_id, user_id)
    );

    create table meeting_decisions (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references meetings(id),
      site_id uuid references sites(id),
      seq integer not null,
      text text not null,
      action_id uuid references actions(id),
      created_at timestamptz not null default now(),
      created_by uuid
    );
    create unique index meeting_decisions_seq_idx on meeting_decisions (meeting_id, seq);
  `,
  );
}
