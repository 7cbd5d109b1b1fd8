import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * IP: invention disclosures filed by employees, their inventors and shares, the review committee's decision
 * (file, keep as a trade secret, publish defensively, drop), the patent family that filing created, and the
 * inventors' rewards on filing and on grant, paid and recorded. A disclosure may name a research project of
 * the industry–academia program: an id checked through that program's lookup, not a foreign key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table ip_disclosures (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      reference text not null unique,
      title text not null,
      description text not null,
      submitted_by uuid not null references users(id),
      research_project_id uuid,
      partner_name text,
      status text not null default 'submitted'
        check (status in ('submitted', 'to_file', 'filed', 'trade_secret', 'defensive_publication', 'dropped')),
      decision text check (decision in ('file', 'trade_secret', 'defensive_publication', 'drop')),
      decision_office text,
      decision_kind text,
      decision_reason text,
      decided_by uuid references users(id),
      decided_at timestamptz,
      family_id uuid references ip_families(id),
      trade_secret_id uuid references ip_trade_secrets(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index ip_disclosures_site_idx on ip_disclosures (site_id, created_at, id);
    create index ip_disclosures_submitter_idx on ip_disclosures (submitted_by, created_at);
    create index ip_disclosures_project_idx on ip_disclosures (research_project_id) where research_project_id is not null;
    create table ip_disclosure_inventors (
      disclosure_id uuid not null references ip_disclosures(id) on delete cascade,
      employee_id uuid not null references employees(id),
      name text not null,
      share integer not null check (share between 1 and 100),
      primary key (disclosure_id, employee_id)
    );
    create table ip_invention_rewards (
      id uuid primary key default gen_random_uuid(),
      disclosure_id uuid not null references ip_disclosures(id),
      site_id uuid not null references sites(id),
      employee_id uuid not null references employees(id),
      name text not null,
      event text not null check (event in ('filing', 'grant')),
      share integer not null,
      amount numeric(14, 0) not null check (amount >= 0),
      paid_on date,
      paid_by uuid references users(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      unique (disclosure_id, employee_id, event)
    );
    create index ip_invention_rewards_site_idx on ip_invention_rewards (site_id, paid_on);
    `,
  );
}
