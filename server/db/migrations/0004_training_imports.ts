import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/** Training (courses, sessions, completions at the scale of millions) and the bulk import pipeline. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table training_courses (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      title text not null,
      title_zh text,
      domain text not null check (domain in ('ip', 'cybersecurity', 'safety', 'other')),
      audience text not null check (audience in ('all_employees', 'new_hires', 'site_officers', 'contractors', 'selected')),
      recurrence_months integer check (recurrence_months is null or recurrence_months between 1 and 120),
      hours numeric(6, 2) not null check (hours > 0),
      site_id uuid references sites(id),
      active boolean not null default true,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );

    create table training_sessions (
      id uuid primary key default gen_random_uuid(),
      course_id uuid not null references training_courses(id),
      site_id uuid not null references sites(id),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      trainer text,
      location text,
      capacity integer check (capacity is null or capacity > 0),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      check (ends_at > starts_at)
    );
    create index training_sessions_site_idx on training_sessions (site_id, starts_at);

    create table import_jobs (
      id uuid primary key default gen_random_uuid(),
      kind text not null,
      status text not null check (status in ('uploaded', 'validating', 'valid', 'invalid', 'committing', 'done', 'failed')),
      filename text not null,
      format text not null check (format in ('csv', 'xlsx')),
      storage_key text not null,
      sha256 text not null,
      size_bytes bigint not null,
      header jsonb not null,
      mapping jsonb not null,
      rows_total bigint,
      rows_done bigint not null default 0,
      rows_inserted bigint,
      error_count bigint not null default 0,
      errors jsonb not null default '[]',
      message text,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz,
      version integer not null default 1
    );
    create index import_jobs_creator_idx on import_jobs (created_by, created_at desc);

    create table training_completions (
      id bigint generated always as identity primary key,
      course_id uuid not null references training_courses(id),
      person_type text not null check (person_type in ('employee', 'contractor_worker', 'external')),
      person_id uuid not null,
      site_id uuid references sites(id),
      completed_on date not null,
      hours numeric(6, 2) not null check (hours >= 0),
      result text not null check (result in ('passed', 'failed', 'attended')),
      session_id uuid references training_sessions(id),
      import_id uuid references import_jobs(id),
      created_at timestamptz not null default now(),
      created_by uuid
    );
    create unique index training_completions_once_idx on training_completions (course_id, person_id, completed_on);
    create index training_completions_site_idx on training_completions (site_id, completed_on);
    create index training_completions_person_idx on training_completions (person_id);
  `,
  );
}
