import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * IP: the register of trade secrets. It describes what is protected, never the secret itself: its owner, who
 * may access it, and the reasonable measures taken to keep it secret with their score, reviewed yearly.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table ip_trade_secrets (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      title text not null,
      category text not null,
      owner_id uuid not null references users(id),
      access_user_ids uuid[] not null default '{}',
      checklist jsonb not null,
      score integer not null check (score between 0 and 100),
      last_review_date date not null,
      next_review_due date not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index ip_trade_secrets_site_idx on ip_trade_secrets (site_id, title, id);
    create index ip_trade_secrets_due_idx on ip_trade_secrets (next_review_due, id);
    `,
  );
}
