import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * IP: keep or drop before each annuity. The facts of a patent's re-assessment that Steward holds no record of
 * (claims, citations, technology fit, use in products) are kept on the matter; a risk case may name the
 * family it concerns (litigation counts in the re-assessment); each decision (keep, drop,
 * sell, license) is kept for the fee it was taken for, with the re-assessment it was based on as a snapshot.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table ip_matters add column claims integer check (claims >= 0);
    alter table ip_matters add column forward_citations integer check (forward_citations >= 0);
    alter table ip_matters add column backward_citations integer check (backward_citations >= 0);
    alter table ip_matters add column technology_fit integer check (technology_fit between 1 and 5);
    alter table ip_matters add column used_in_products boolean;
    alter table ip_risk_cases add column family_id uuid references ip_families(id);
    create index ip_risk_cases_family_idx on ip_risk_cases (family_id);

    create table ip_keep_drop_decisions (
      id uuid primary key default gen_random_uuid(),
      matter_id uuid not null references ip_matters(id),
      site_id uuid not null references sites(id),
      fee_year integer,
      fee_due_date date not null,
      decide_by date not null,
      decision text not null check (decision in ('keep', 'drop', 'sell', 'license')),
      reason text not null,
      lapses_on date,
      assessment jsonb not null,
      decided_by uuid,
      decided_on date not null,
      created_at timestamptz not null default now()
    );
    create index ip_keep_drop_decisions_matter_idx on ip_keep_drop_decisions (matter_id, fee_due_date, created_at);
    create index ip_keep_drop_decisions_site_idx on ip_keep_drop_decisions (site_id, fee_due_date);
    `,
  );
}
