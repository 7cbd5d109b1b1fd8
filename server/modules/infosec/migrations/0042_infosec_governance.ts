import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * Information security governance: memberships of and agreements with information-sharing organisations (a
 * group-wide one has no site) with their renewal dates; the information security risk register, each risk at a
 * site, optionally on a registered system, rated on the program's matrix (a setting) when it is read.
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
  `,
  );
}
