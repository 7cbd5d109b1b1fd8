import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * Organisation, people, users, sessions and the audit log.
 * Every mutable row carries version (optimistic locking) and created/updated stamps;
 * every scoped row carries its site_id so that sharding by site stays possible.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table holdings (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      name text not null,
      name_zh text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );

    create table subsidiaries (
      id uuid primary key default gen_random_uuid(),
      holding_id uuid not null references holdings(id),
      code text not null unique,
      name text not null,
      name_zh text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );

    create table sites (
      id uuid primary key default gen_random_uuid(),
      subsidiary_id uuid not null references subsidiaries(id),
      code text not null unique,
      name text not null,
      name_zh text,
      country char(2) not null,
      time_zone text not null,
      kind text not null check (kind in ('manufacturing', 'materials', 'office', 'warehouse', 'research')),
      active boolean not null default true,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index sites_subsidiary_idx on sites (subsidiary_id);

    create table areas (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      parent_id uuid references areas(id),
      kind text not null check (kind in ('building', 'floor', 'line', 'room', 'zone')),
      code text not null,
      name text not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      unique (site_id, code)
    );
    create index areas_parent_idx on areas (parent_id);

    create table employees (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      employee_no text not null unique,
      full_name text not null,
      email text,
      department text not null,
      job_title text,
      hire_date date not null,
      leave_date date,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      check (leave_date is null or leave_date >= hire_date)
    );
    create index employees_site_idx on employees (site_id, full_name);
    create index employees_name_idx on employees (lower(full_name) text_pattern_ops);

    create table contractor_companies (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      tax_id text unique,
      country char(2) not null,
      contact_name text,
      contact_email text,
      contact_phone text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );

    create table contractor_workers (
      id uuid primary key default gen_random_uuid(),
      company_id uuid not null references contractor_companies(id),
      site_id uuid not null references sites(id),
      worker_no text not null unique,
      full_name text not null,
      trade text,
      start_date date,
      end_date date,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index contractor_workers_site_idx on contractor_workers (site_id, full_name);
    create index contractor_workers_company_idx on contractor_workers (company_id);

    create table external_persons (
      id uuid primary key default gen_random_uuid(),
      site_id uuid references sites(id),
      kind text not null check (kind in ('student', 'supplier_staff', 'visitor', 'researcher', 'other')),
      full_name text not null,
      organisation text not null,
      email text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index external_persons_site_idx on external_persons (site_id);

    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      display_name text not null,
      password_hash text,
      locale text not null default 'en' check (locale in ('en', 'zh-TW')),
      employee_id uuid references employees(id),
      contractor_worker_id uuid references contractor_workers(id),
      active boolean not null default true,
      failed_signins integer not null default 0,
      locked_until timestamptz,
      last_signin_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create unique index users_email_idx on users (lower(email));

    create table role_assignments (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      role text not null check (role in ('group_admin', 'program_owner', 'site_officer', 'employee', 'auditor', 'board', 'medical')),
      program text check (program in ('ip', 'infosec', 'ohs', 'academia', 'smart')),
      scope_kind text not null check (scope_kind in ('group', 'subsidiary', 'sites')),
      subsidiary_id uuid references subsidiaries(id),
      site_ids uuid[] not null default '{}',
      created_at timestamptz not null default now(),
      created_by uuid,
      check ((scope_kind = 'subsidiary') = (subsidiary_id is not null)),
      check (scope_kind <> 'sites' or cardinality(site_ids) > 0)
    );
    create index role_assignments_user_idx on role_assignments (user_id);

    create table sessions (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ip text,
      user_agent text
    );
    create index sessions_user_idx on sessions (user_id);

    create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      name text not null,
      token_hash text not null unique,
      prefix text not null,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      expires_at timestamptz,
      revoked_at timestamptz
    );

    create table audit_chains (
      chain_key text primary key,
      last_seq bigint not null,
      last_hash text not null
    );

    create table audit_events (
      id bigint generated always as identity primary key,
      chain_key text not null,
      seq bigint not null,
      prev_hash text not null,
      hash text not null,
      occurred_at timestamptz not null,
      actor_id uuid,
      actor_label text not null,
      action text not null,
      entity_type text not null,
      entity_id text,
      site_id uuid,
      summary text,
      before jsonb,
      after jsonb,
      request_id text,
      unique (chain_key, seq)
    );
    create index audit_events_entity_idx on audit_events (entity_type, entity_id);
    create index audit_events_time_idx on audit_events (occurred_at desc);
    create index audit_events_site_idx on audit_events (site_id, occurred_at desc);

    create function audit_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only';
    end;
    $$;
    create trigger audit_events_no_update before update or delete on audit_events
      for each row execute function audit_events_append_only();

    create table app_settings (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now()
    );
  `,
  );
}
