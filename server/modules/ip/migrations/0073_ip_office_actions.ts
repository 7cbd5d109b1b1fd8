import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * IP: office actions, the communications of an office that set a period to respond (a rejection, a restriction,
 * an examination report), with the extension taken and the day the response was filed. The period's end is
 * computed by the office's rules (rules/office-actions.ts), never stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table ip_office_actions (
      id uuid primary key default gen_random_uuid(),
      matter_id uuid not null references ip_matters(id) on delete cascade,
      site_id uuid not null references sites(id),
      kind text not null check (kind in
        ('rejection', 'final_rejection', 'restriction', 'examination_report', 'search_report', 'other')),
      mailed_on date not null,
      period_months integer not null check (period_months between 1 and 6),
      extension_months integer not null default 0 check (extension_months between 0 and 5),
      replied_on date check (replied_on is null or replied_on >= mailed_on),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index ip_office_actions_matter_idx on ip_office_actions (matter_id, mailed_on, id);
    create index ip_office_actions_site_idx on ip_office_actions (site_id);
    `,
  );
}
