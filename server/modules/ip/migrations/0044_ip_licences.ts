import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * IP: licences in, out and across (the families and matters they cover, royalties and the reports received
 * or owed), freedom-to-operate opinions per product or technology, and IP risk cases (misappropriation,
 * infringement either way, customer indemnity claims, litigation) with their dated steps and costs. A risk
 * case may name an information security incident; the link is checked through the security program's lookup,
 * so no foreign key reaches into that program's tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table ip_licences (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      reference text not null unique,
      direction text not null check (direction in ('in', 'out', 'cross')),
      counterparty text not null,
      subject text not null,
      territory text[] not null default '{}',
      field_of_use text,
      starts_on date not null,
      ends_on date,
      exclusivity text not null,
      royalty_basis text not null default 'none',
      royalty_rate numeric(7,4),
      royalty_amount numeric(16,2),
      currency text,
      reporting_period text,
      report_due_days integer check (report_due_days between 0 and 365),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      check (ends_on is null or ends_on >= starts_on)
    );
    create index ip_licences_site_idx on ip_licences (site_id, starts_on, id);

    create table ip_licence_families (
      licence_id uuid not null references ip_licences(id) on delete cascade,
      family_id uuid not null references ip_families(id),
      primary key (licence_id, family_id)
    );
    create index ip_licence_families_family_idx on ip_licence_families (family_id);

    create table ip_licence_matters (
      licence_id uuid not null references ip_licences(id) on delete cascade,
      matter_id uuid not null references ip_matters(id),
      primary key (licence_id, matter_id)
    );
    create index ip_licence_matters_matter_idx on ip_licence_matters (matter_id);

    create table ip_royalty_reports (
      id uuid primary key default gen_random_uuid(),
      licence_id uuid not null references ip_licences(id),
      site_id uuid not null references sites(id),
      period_start date not null,
      period_end date not null,
      reported_on date not null,
      amount numeric(16,2) not null check (amount >= 0),
      currency text not null,
      created_at timestamptz not null default now(),
      created_by uuid,
      unique (licence_id, period_end)
    );

    create table ip_fto_records (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      subject text not null,
      technology text,
      conclusion text not null,
      counsel text not null,
      opinion_date date not null,
      patents_considered text[] not null default '{}',
      family_ids uuid[] not null default '{}',
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index ip_fto_records_site_idx on ip_fto_records (site_id, opinion_date, id);

    create table ip_risk_cases (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      reference text not null unique,
      kind text not null,
      direction text not null check (direction in ('by_us', 'against_us')),
      title text not null,
      counterparty text,
      counsel text,
      incident_id uuid,
      step text not null,
      step_on date not null,
      outcome text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index ip_risk_cases_site_idx on ip_risk_cases (site_id, step_on, id);
    create index ip_risk_cases_incident_idx on ip_risk_cases (incident_id);

    create table ip_risk_case_steps (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references ip_risk_cases(id),
      step text not null,
      effective_on date not null,
      created_at timestamptz not null default now(),
      created_by uuid
    );
    create index ip_risk_case_steps_case_idx on ip_risk_case_steps (case_id, effective_on);

    create table ip_risk_case_costs (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references ip_risk_cases(id),
      incurred_on date not null,
      category text not null,
      amount numeric(16,2) not null check (amount >= 0),
      currency text not null,
      created_at timestamptz not null default now(),
      created_by uuid
    );
    create index ip_risk_case_costs_case_idx on ip_risk_case_costs (case_id, incurred_on);
    `,
  );
}
