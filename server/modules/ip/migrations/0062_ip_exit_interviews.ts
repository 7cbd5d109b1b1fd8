import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * IP: the exit interview of an employee leaving who is an inventor or may access a registered trade secret.
 * Proposed from the HR leave date; due one working day before the last working day; closed when the signed
 * acknowledgement is filed as a document of the interview. One per employee and leave date.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table ip_exit_interviews (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      employee_id uuid not null references employees(id),
      leave_date date not null,
      due_date date not null,
      inventor boolean not null,
      family_ids uuid[] not null default '{}',
      disclosure_ids uuid[] not null default '{}',
      trade_secret_ids uuid[] not null default '{}',
      status text not null default 'due' check (status in ('due', 'held', 'acknowledged', 'withdrawn')),
      held_on date,
      signed_on date,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      constraint ip_exit_interviews_reason check (inventor or cardinality(trade_secret_ids) > 0),
      constraint ip_exit_interviews_signed_after_held check (signed_on is null or held_on is not null),
      unique (employee_id, leave_date)
    );
    create index ip_exit_interviews_site_idx on ip_exit_interviews (site_id, due_date, id);
    create index ip_exit_interviews_status_idx on ip_exit_interviews (status, due_date, id);
    `,
  );
}
