import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/** OHS: hazards and their risk assessment, permits to work, contractor workers' qualifications. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table ohs_hazards (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      area_id uuid references areas(id),
      activity text not null,
      hazard text not null,
      consequence text not null,
      likelihood integer not null check (likelihood between 1 and 7),
      severity integer not null check (severity between 1 and 7),
      controls jsonb not null default '[]',
      residual_likelihood integer not null check (residual_likelihood between 1 and 7),
      residual_severity integer not null check (residual_severity between 1 and 7),
      owner_id uuid references users(id),
      next_review date not null,
      last_reviewed_on date,
      archived boolean not null default false,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index ohs_hazards_site_idx on ohs_hazards (site_id, archived);

    create table contractor_qualifications (
      id uuid primary key default gen_random_uuid(),
      worker_id uuid not null references contractor_workers(id) on delete cascade,
      site_id uuid not null references sites(id),
      kind text not null,
      certificate_no text,
      issued_on date,
      valid_until date not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index contractor_qualifications_worker_idx on contractor_qualifications (worker_id, kind);

    create table ohs_permits (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      area_id uuid not null references areas(id),
      reference text not null unique,
      type text not null check (type in ('pipeline', 'hot_work', 'confined_space', 'live_line_electrical', 'crane', 'elevated_work', 'chemical_filling', 'roof_work')),
      status text not null default 'requested',
      company_id uuid not null references contractor_companies(id),
      worker_ids uuid[] not null default '{}',
      description text not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      checklist jsonb not null default '{}',
      gas_test jsonb,
      requested_by uuid references users(id),
      approved_by uuid references users(id),
      issued_by uuid references users(id),
      history jsonb not null default '[]',
      rejection_reason text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      check (ends_at > starts_at)
    );
    create index ohs_permits_area_idx on ohs_permits (area_id, starts_at, ends_at);
    create index ohs_permits_site_idx on ohs_permits (site_id, status);
  `,
  );
}
