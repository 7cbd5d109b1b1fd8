import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * IP: portfolio review campaigns. The IP office selects live patents (by office, technology, subsidiary,
 * granted only or pending too); each selected matter becomes an item at its site with the re-assessment as
 * the campaign found it, and the site's IP officers give it a verdict (keep, drop, sell, license).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table ip_review_campaigns (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      due_date date not null,
      office text,
      technology text,
      subsidiary_id uuid references subsidiaries(id),
      granted_only boolean not null,
      closed_on date,
      created_by uuid,
      created_on date not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      updated_by uuid,
      version integer not null default 1
    );
    create index ip_review_campaigns_due_idx on ip_review_campaigns (due_date, id);

    create table ip_review_items (
      id uuid primary key default gen_random_uuid(),
      campaign_id uuid not null references ip_review_campaigns(id),
      matter_id uuid not null references ip_matters(id),
      site_id uuid not null references sites(id),
      assessment jsonb not null,
      score numeric(5, 1) not null,
      recommendation text not null check (recommendation in ('keep', 'revitalise', 'consider_drop')),
      verdict text check (verdict in ('keep', 'drop', 'sell', 'license')),
      note text,
      reviewed_by uuid,
      reviewed_on date,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      updated_by uuid,
      version integer not null default 1,
      unique (campaign_id, matter_id),
      check ((verdict is null) = (reviewed_on is null))
    );
    create index ip_review_items_campaign_site_idx on ip_review_items (campaign_id, site_id, verdict);
    create index ip_review_items_matter_idx on ip_review_items (matter_id);
    `,
  );
}
