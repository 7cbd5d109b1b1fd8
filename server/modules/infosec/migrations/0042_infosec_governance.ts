import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * Information security governance: memberships of and agreements with information-sharing organisations (a
 * group-wide one has no site) with their renewal dates; the information security risk register, each risk at a
 * site, optionally on a registered system, rated on the program's matrix (a setting) when it is read; security
 * goals of a year (group-wide or a site's) with their KPIs, and each site's KPIs of a month as imported.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table infosec_memberships (
      id uuid primary key default gen_random_uuid(),
      site_id uuid references sites(id),
      organisation text not null,
      kind text not null check (kind in ('membership', 'agreement', 'mou')),
      since date not null,
      renewal_on date,
      renewal_lead_days integer not null default 60 check (renewal_lead_days between 0 and 365),
      owner_id uuid references users(id),
      note text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      check (renewal_on is null or renewal_on >= since)
    );
    create index infosec_memberships_site_idx on infosec_memberships (site_id, organisation, id);
    create index infosec_memberships_renewal_idx on infosec_memberships (renewal_on, id);

    create table infosec_risks (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      system_id uuid references infosec_systems(id),
      title text not null,
      description text,
      likelihood integer not null check (likelihood between 1 and 10),
      impact integer not null check (impact between 1 and 10),
      treatment text not null check (treatment in ('mitigate', 'transfer', 'avoid', 'accept')),
      owner_id uuid references users(id),
      review_on date not null,
      residual_likelihood integer check (residual_likelihood between 1 and 10),
      residual_impact integer check (residual_impact between 1 and 10),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      check ((residual_likelihood is null) = (residual_impact is null))
    );
    create index infosec_risks_site_idx on infosec_risks (site_id, review_on, id);
    create index infosec_risks_system_idx on infosec_risks (system_id) where system_id is not null;

    create table infosec_goals (
      id uuid primary key default gen_random_uuid(),
      site_id uuid references sites(id),
      year integer not null check (year between 2000 and 2100),
      title text not null,
      description text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index infosec_goals_year_idx on infosec_goals (year, site_id, id);

    create table infosec_goal_kpis (
      goal_id uuid not null references infosec_goals(id) on delete cascade,
      position integer not null,
      metric text not null check (metric in ('training_completion', 'drill_participation', 'endpoint_protection', 'file_labelling', 'manual')),
      name text,
      comparison text not null check (comparison in ('at_least', 'at_most')),
      target numeric(12,2) not null,
      actual numeric(12,2),
      primary key (goal_id, position),
      check ((metric = 'manual') = (name is not null)),
      check (metric = 'manual' or actual is null)
    );

    create table infosec_site_kpis (
      site_id uuid not null references sites(id),
      month date not null check (extract(day from month) = 1),
      training_completion numeric(5,2) not null check (training_completion between 0 and 100),
      drill_participation numeric(5,2) not null check (drill_participation between 0 and 100),
      endpoint_protection numeric(5,2) not null check (endpoint_protection between 0 and 100),
      file_labelling numeric(5,2) not null check (file_labelling between 0 and 100),
      imported_at timestamptz not null default now(),
      imported_by uuid,
      primary key (site_id, month)
    );
  `,
  );
}
