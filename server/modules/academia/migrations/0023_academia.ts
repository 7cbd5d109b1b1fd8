import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

const stamps = `
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid`;

/**
 * Industry–academia: partners (group records), agreements, research projects with their yearly budgets,
 * milestones and outcomes, payments in their own currency with the exchange rates the program owner keeps,
 * scholarships and interns (with the employee record an intern became).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table academia_partners (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      name_zh text,
      country char(2) not null,
      kind text not null check (kind in ('university', 'institute')),
      ${stamps}
    );
    create unique index academia_partners_name_idx on academia_partners (lower(name));

    create table academia_agreements (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      partner_id uuid not null references academia_partners(id),
      kind text not null check (kind in ('framework', 'mou', 'research_contract', 'internship', 'scholarship')),
      title text not null,
      starts_on date not null,
      ends_on date not null,
      renewal_notice_days integer not null default 90 check (renewal_notice_days between 0 and 730),
      ${stamps},
      check (ends_on >= starts_on)
    );
    create index academia_agreements_site_idx on academia_agreements (site_id, ends_on, id);
    create index academia_agreements_partner_idx on academia_agreements (partner_id);

    create table academia_projects (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      partner_id uuid not null references academia_partners(id),
      title text not null,
      line text not null check (line in ('packaging', 'automation', 'materials', 'other')),
      principal_investigator text not null,
      contact_employee_id uuid,
      status text not null default 'proposal' check (status in ('proposal', 'active', 'completed', 'cancelled')),
      starts_on date not null,
      ends_on date,
      currency char(3) not null,
      ${stamps},
      check (ends_on is null or ends_on >= starts_on)
    );
    create index academia_projects_site_idx on academia_projects (site_id, starts_on, id);
    create index academia_projects_partner_idx on academia_projects (partner_id);

    create table academia_project_budgets (
      id uuid primary key default gen_random_uuid(),
      project_id uuid not null references academia_projects(id) on delete cascade,
      site_id uuid not null references sites(id),
      year integer not null check (year between 1990 and 2200),
      budget_minor bigint not null check (budget_minor >= 0),
      ${stamps},
      unique (project_id, year)
    );

    create table academia_milestones (
      id uuid primary key default gen_random_uuid(),
      project_id uuid not null references academia_projects(id) on delete cascade,
      site_id uuid not null references sites(id),
      title text not null,
      due_date date not null,
      done_on date,
      ${stamps}
    );
    create index academia_milestones_project_idx on academia_milestones (project_id, due_date);

    create table academia_outcomes (
      id uuid primary key default gen_random_uuid(),
      project_id uuid not null references academia_projects(id) on delete cascade,
      site_id uuid not null references sites(id),
      kind text not null check (kind in ('paper', 'patent', 'prototype', 'adoption')),
      title text not null,
      occurred_on date not null,
      -- A patent outcome: the invention disclosure's reference, for the IP program to link (no foreign key
      -- into another program's tables).
      ip_reference text,
      ${stamps},
      check (kind <> 'patent' or ip_reference is not null)
    );
    create index academia_outcomes_project_idx on academia_outcomes (project_id);

    create table academia_exchange_rates (
      id uuid primary key default gen_random_uuid(),
      currency char(3) not null check (currency <> 'USD'),
      valid_from date not null,
      per_usd numeric(18, 6) not null check (per_usd > 0),
      ${stamps},
      unique (currency, valid_from)
    );

    create table academia_interns (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      partner_id uuid not null references academia_partners(id),
      full_name text not null,
      email text,
      program text not null check (program in ('onsite_internship', 'cooperative_education', 'nsysu_college', 'career_development')),
      started_on date not null,
      ended_on date,
      hours integer not null default 0 check (hours >= 0),
      outcome text not null default 'ongoing' check (outcome in ('ongoing', 'completed', 'withdrawn')),
      hired_employee_id uuid,
      hired_on date,
      ${stamps},
      check (ended_on is null or ended_on >= started_on),
      check ((hired_employee_id is null) = (hired_on is null))
    );
    create index academia_interns_site_idx on academia_interns (site_id, started_on, id);
    create index academia_interns_hired_idx on academia_interns (hired_employee_id);

    create table academia_scholarships (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      partner_id uuid not null references academia_partners(id),
      recipient_name text not null,
      program text not null,
      awarded_on date not null,
      amount_minor bigint not null check (amount_minor > 0),
      currency char(3) not null,
      condition text,
      ${stamps}
    );
    create index academia_scholarships_site_idx on academia_scholarships (site_id, awarded_on, id);

    create table academia_payments (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      partner_id uuid not null references academia_partners(id),
      category text not null check (category in ('research', 'scholarship', 'college', 'course', 'internship', 'other')),
      project_id uuid references academia_projects(id),
      scholarship_id uuid references academia_scholarships(id),
      paid_on date not null,
      amount_minor bigint not null check (amount_minor > 0),
      currency char(3) not null,
      note text,
      ${stamps},
      check (project_id is null or category = 'research'),
      check (scholarship_id is null or category = 'scholarship')
    );
    create index academia_payments_site_idx on academia_payments (site_id, paid_on, id);
    create index academia_payments_project_idx on academia_payments (project_id);
    `,
  );
}
