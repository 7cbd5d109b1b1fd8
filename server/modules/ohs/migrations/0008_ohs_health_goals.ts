import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/** OHS: health screenings and follow-ups (medical staff only), wellbeing programs, and goals. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table health_screenings (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      person_type text not null check (person_type in ('employee', 'contractor_worker')),
      person_id uuid not null,
      kind text not null check (kind in ('general', 'special')),
      special_hazard text,
      screened_on date not null,
      provider text,
      cost_minor bigint not null default 0 check (cost_minor >= 0),
      currency char(3) not null default 'TWD',
      management_level integer check (management_level between 1 and 4),
      abnormal boolean not null default false,
      findings text,
      recommendation text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      check (kind = 'general' or special_hazard is not null)
    );
    create index health_screenings_site_idx on health_screenings (site_id, screened_on);
    create index health_screenings_person_idx on health_screenings (person_id);

    create table health_followups (
      id uuid primary key default gen_random_uuid(),
      screening_id uuid not null references health_screenings(id) on delete cascade,
      site_id uuid not null references sites(id),
      due_date date not null,
      consulted_on date,
      clinician_id uuid references users(id),
      notes text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index health_followups_screening_idx on health_followups (screening_id);

    create table wellbeing_programs (
      id uuid primary key default gen_random_uuid(),
      site_id uuid references sites(id),
      kind text not null check (kind in ('clinic', 'counselling', 'gym', 'club', 'group_course', 'counsellor_training', 'other')),
      name text not null,
      name_zh text,
      started_on date not null,
      ended_on date,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );

    create table wellbeing_participation (
      id bigint generated always as identity primary key,
      program_id uuid not null references wellbeing_programs(id) on delete cascade,
      site_id uuid references sites(id),
      person_id uuid,
      participated_on date not null,
      created_at timestamptz not null default now(),
      created_by uuid
    );
    create index wellbeing_participation_program_idx on wellbeing_participation (program_id, participated_on);

    create table ohs_goals (
      id uuid primary key default gen_random_uuid(),
      site_id uuid references sites(id),
      title text not null,
      horizon text not null check (horizon in ('short', 'medium', 'long')),
      metric text not null check (metric in ('fatalities', 'disabling_injuries', 'fr', 'sr', 'contractor_injuries', 'screening_coverage')),
      comparison text not null check (comparison in ('at_most', 'at_least')),
      target numeric(14, 2) not null,
      from_year integer not null,
      to_year integer not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      check (to_year >= from_year)
    );
  `,
  );
}
