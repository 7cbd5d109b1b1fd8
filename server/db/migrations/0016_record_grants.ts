import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * The external role: people outside the company (a supplier's contact, a consultant assessor, a student or a
 * professor) sign in to answer or see their own items. They hold no role at any site; each grant names one
 * record of a module (an assessment, an assignment, a project) and gives them that record alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table record_grants (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      record_type text not null check (record_type ~ '^[a-z][a-z0-9_]*$'),
      record_id text not null,
      site_id uuid references sites(id),
      created_at timestamptz not null default now(),
      created_by uuid references users(id),
      unique (user_id, record_type, record_id)
    );
    create index record_grants_record_idx on record_grants (record_type, record_id);
    `,
  );
}
