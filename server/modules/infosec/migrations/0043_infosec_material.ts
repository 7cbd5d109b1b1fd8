import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * Material-incident decisions (who decided, when, why; the latest decision on an incident stands), the cyber
 * insurance policy register (group records, no site) and, per incident, the notices given to an insurer.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table infosec_material_decisions (
      id uuid primary key default gen_random_uuid(),
      incident_id uuid not null references infosec_incidents(id) on delete cascade,
      site_id uuid not null references sites(id),
      material boolean not null,
      reason text not null check (length(reason) > 0),
      decided_at timestamptz not null,
      decided_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index infosec_material_decisions_incident_idx on infosec_material_decisions (incident_id, decided_at desc, created_at desc);

    create table infosec_insurance_policies (
      id uuid primary key default gen_random_uuid(),
      insurer text not null,
      policy_number text not null,
      covers text[] not null default '{}',
      limit_minor bigint not null check (limit_minor >= 0),
      retention_minor bigint not null default 0 check (retention_minor >= 0),
      currency text not null check (currency ~ '^[A-Z]{3}$'),
      notice_hours integer not null check (notice_hours > 0),
      starts_on date not null,
      ends_on date not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      check (ends_on >= starts_on),
      unique (insurer, policy_number)
    );

    create table infosec_insurer_notices (
      id uuid primary key default gen_random_uuid(),
      incident_id uuid not null references infosec_incidents(id) on delete cascade,
      site_id uuid not null references sites(id),
      policy_id uuid not null references infosec_insurance_policies(id),
      notified_at timestamptz not null,
      claim_reference text,
      created_at timestamptz not null default now(),
      created_by uuid,
      unique (incident_id, policy_id)
    );

    create table infosec_board_presentations (
      id uuid primary key default gen_random_uuid(),
      year integer not null unique check (year between 1990 and 2100),
      presented_on date not null,
      created_at timestamptz not null default now(),
      created_by uuid
    );
    `,
  );
}
