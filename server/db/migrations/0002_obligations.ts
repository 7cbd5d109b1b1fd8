import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * Obligations (one calendar of everything that falls due), the in-app inbox, the notification outbox that
 * makes every reminder go out once, and the certification registry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table users add column notification_digest boolean not null default false;
    alter table users add column calendar_token_hash text;

    create table obligations (
      id uuid primary key default gen_random_uuid(),
      kind text not null,
      source_type text not null,
      source_id text not null,
      site_id uuid references sites(id),
      program text check (program in ('ip', 'infosec', 'ohs', 'academia', 'smart')),
      owner_id uuid references users(id),
      delegate_id uuid references users(id),
      title text not null,
      due_date date not null,
      due_at timestamptz,
      grace_days integer not null default 0 check (grace_days >= 0),
      state text not null default 'open' check (state in ('open', 'done', 'cancelled')),
      done_at timestamptz,
      done_by uuid references users(id),
      escalated_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create unique index obligations_source_idx on obligations (kind, source_type, source_id);
    create index obligations_due_idx on obligations (state, due_date);
    create index obligations_site_idx on obligations (site_id, due_date);
    create index obligations_owner_idx on obligations (owner_id, state);
    create index obligations_delegate_idx on obligations (delegate_id, state);

    create table notifications (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      kind text not null,
      title text not null,
      body text not null,
      link text,
      obligation_id uuid references obligations(id) on delete set null,
      site_id uuid references sites(id),
      created_at timestamptz not null default now(),
      read_at timestamptz
    );
    create index notifications_user_idx on notifications (user_id, created_at desc);

    create table notification_outbox (
      id uuid primary key default gen_random_uuid(),
      dedupe_key text not null unique,
      obligation_id uuid references obligations(id) on delete cascade,
      step text not null,
      channel text not null check (channel in ('email', 'inbox')),
      recipient_id uuid not null references users(id) on delete cascade,
      status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'skipped')),
      attempts integer not null default 0,
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    );
    create index notification_outbox_status_idx on notification_outbox (status, created_at);

    create table certifications (
      id uuid primary key default gen_random_uuid(),
      standard text not null,
      site_id uuid references sites(id),
      subsidiary_id uuid references subsidiaries(id),
      certificate_no text,
      issuer text,
      scope text,
      issued_on date not null,
      valid_until date not null,
      renewal_in_progress boolean not null default false,
      owner_id uuid references users(id),
      previous_id uuid references certifications(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      check (valid_until >= issued_on),
      check (site_id is not null or subsidiary_id is not null)
    );
    create index certifications_site_idx on certifications (site_id, standard);
    create index certifications_valid_idx on certifications (valid_until);
  `,
  );
}
