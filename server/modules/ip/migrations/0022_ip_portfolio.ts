import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/** IP: patent families and their matters per office, inventors, trademarks, and the offices' closure days. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table ip_families (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      reference text not null unique,
      title text not null,
      technology text not null,
      green boolean not null default false,
      sustainability_focus text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index ip_families_site_idx on ip_families (site_id, reference, id);

    create table ip_inventors (
      family_id uuid not null references ip_families(id) on delete cascade,
      employee_id uuid not null references employees(id),
      name text not null,
      share integer not null check (share > 0 and share <= 100),
      primary key (family_id, employee_id)
    );
    create index ip_inventors_employee_idx on ip_inventors (employee_id);

    create table ip_matters (
      id uuid primary key default gen_random_uuid(),
      family_id uuid not null references ip_families(id),
      site_id uuid not null references sites(id),
      office text not null,
      kind text not null,
      route text not null default 'direct',
      application_no text not null,
      filing_date date not null,
      priority_date date,
      publication_no text,
      publication_date date,
      grant_date date,
      patent_no text,
      status text not null,
      term_adjustment_days integer not null default 0 check (term_adjustment_days >= 0),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      unique (office, application_no)
    );
    create index ip_matters_family_idx on ip_matters (family_id);
    create index ip_matters_site_idx on ip_matters (site_id, office, status, filing_date, id);

    create table ip_trademarks (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      mark text not null,
      office text not null,
      nice_classes integer[] not null,
      application_no text not null,
      registration_no text,
      filing_date date not null,
      registration_date date,
      status text not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      unique (office, application_no)
    );
    create index ip_trademarks_site_idx on ip_trademarks (site_id, mark, id);

    create table ip_office_closures (
      office text not null,
      day date not null,
      name text not null,
      source text not null,
      created_at timestamptz not null default now(),
      created_by uuid,
      primary key (office, day)
    );
    `,
  );
}
