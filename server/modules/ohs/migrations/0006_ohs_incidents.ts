import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/** OHS: incidents and the people injured in them, investigations with root causes, hours worked. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table ohs_incidents (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      area_id uuid references areas(id),
      reference text not null unique,
      kind text not null check (kind in ('injury', 'illness', 'near_miss', 'unsafe_condition')),
      occurred_at timestamptz not null,
      occurred_on date not null,
      reported_by uuid references users(id),
      anonymous boolean not null default false,
      title text not null,
      description text not null,
      immediate_actions text,
      commuting boolean not null default false,
      fatalities integer not null default 0 check (fatalities >= 0),
      injured integer not null default 0 check (injured >= 0),
      hospitalised integer not null default 0 check (hospitalised >= 0),
      authority_notified_at timestamptz,
      authority_reference text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      check (not anonymous or kind in ('near_miss', 'unsafe_condition'))
    );
    create index ohs_incidents_site_idx on ohs_incidents (site_id, occurred_on desc);
    create index ohs_incidents_day_idx on ohs_incidents (occurred_on);

    create table ohs_injuries (
      id uuid primary key default gen_random_uuid(),
      incident_id uuid not null references ohs_incidents(id) on delete cascade,
      site_id uuid not null references sites(id),
      person_type text not null check (person_type in ('employee', 'contractor_worker')),
      person_id uuid not null,
      injury_type text not null,
      body_part text not null,
      treatment text,
      classification text not null check (classification in ('fatality', 'permanent_total_disability', 'permanent_partial_disability', 'temporary_total_disability', 'medical_treatment', 'first_aid')),
      injury_date date not null,
      return_date date,
      charged_days integer check (charged_days is null or charged_days between 0 and 6000),
      charged_days_key text,
      restricted_days integer not null default 0 check (restricted_days >= 0),
      hospitalised boolean not null default false,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      check (return_date is null or return_date >= injury_date)
    );
    create index ohs_injuries_incident_idx on ohs_injuries (incident_id);
    create index ohs_injuries_site_idx on ohs_injuries (site_id, injury_date);

    create table ohs_investigations (
      id uuid primary key default gen_random_uuid(),
      incident_id uuid not null unique references ohs_incidents(id) on delete cascade,
      site_id uuid not null references sites(id),
      status text not null default 'draft' check (status in ('draft', 'investigating', 'review', 'closed')),
      lead_id uuid references users(id),
      team_ids uuid[] not null default '{}',
      summary text,
      closed_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );

    create table ohs_investigation_events (
      id uuid primary key default gen_random_uuid(),
      investigation_id uuid not null references ohs_investigations(id) on delete cascade,
      at timestamptz not null,
      description text not null,
      created_at timestamptz not null default now(),
      created_by uuid
    );
    create index ohs_investigation_events_idx on ohs_investigation_events (investigation_id, at);

    create table ohs_root_causes (
      id uuid primary key default gen_random_uuid(),
      investigation_id uuid not null references ohs_investigations(id) on delete cascade,
      site_id uuid not null references sites(id),
      method text not null check (method in ('five_whys', 'fishbone')),
      category text check (category in ('people', 'machine', 'method', 'material', 'measurement', 'environment', 'management')),
      whys text[] not null default '{}',
      statement text not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index ohs_root_causes_idx on ohs_root_causes (investigation_id);

    create table ohs_hours (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      month date not null check (extract(day from month) = 1),
      employee_hours numeric(14, 2) not null check (employee_hours >= 0),
      non_employee_hours numeric(14, 2) not null default 0 check (non_employee_hours >= 0),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      unique (site_id, month)
    );
  `,
  );
}
