import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * IP: every status of a matter with the day it took effect, so that the portfolio can be counted as of any date.
 * Matters already recorded get their history from their dates: filed on the filing date, published on the
 * publication date, granted on the grant date, and a later status (lapsed, abandoned, expired, opposed, in
 * litigation, allowed, under examination) on the day it was last changed, the best date known.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table ip_matter_events (
      id uuid primary key default gen_random_uuid(),
      matter_id uuid not null references ip_matters(id) on delete cascade,
      status text not null,
      effective_on date not null,
      created_at timestamptz not null default now(),
      created_by uuid
    );
    create index ip_matter_events_matter_idx on ip_matter_events (matter_id, effective_on, created_at);

    insert into ip_matter_events (matter_id, status, effective_on, created_at, created_by)
    select id, case when status = 'draft' then 'draft' else 'filed' end, filing_date, created_at, created_by
    from ip_matters;
    insert into ip_matter_events (matter_id, status, effective_on, created_at, created_by)
    select id, 'published', publication_date, created_at, created_by from ip_matters
    where publication_date is not null and status <> 'filed';
    insert into ip_matter_events (matter_id, status, effective_on, created_at, created_by)
    select id, 'granted', grant_date, created_at, created_by from ip_matters
    where grant_date is not null and status in ('granted', 'opposed', 'in_litigation', 'lapsed', 'expired');
    insert into ip_matter_events (matter_id, status, effective_on, created_at, created_by)
    select id, status, greatest(updated_at::date, coalesce(grant_date, publication_date, filing_date)), updated_at,
      updated_by
    from ip_matters
    where status not in ('draft', 'filed', 'published', 'granted');
    `,
  );
}
