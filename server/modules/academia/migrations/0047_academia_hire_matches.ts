import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * Former interns hired: an intern's date of birth (personal data, seen like the intern's other fields by the
 * program's staff of the intern's site), and the matches Steward proposes between an intern and an employee
 * record, which a staff member confirms or dismisses. A pair is proposed once: a dismissed one stays dismissed.
 * The employee id is not a foreign key, like the intern's own hire link: the employee record is the platform's.
 * The employee's site is kept with the proposal: a proposal names the employee, so only staff who see both
 * the intern's site and the employee's see it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table academia_interns add column date_of_birth date;
    create index academia_interns_email_idx on academia_interns (lower(email)) where email is not null;

    create table academia_hire_matches (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      intern_id uuid not null references academia_interns(id) on delete cascade,
      employee_id uuid not null,
      employee_site_id uuid not null references sites(id),
      reason text not null check (reason in ('email', 'name_and_birth_date')),
      proposed_at timestamptz not null default now(),
      status text not null default 'proposed' check (status in ('proposed', 'confirmed', 'dismissed')),
      decided_by uuid,
      decided_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      unique (intern_id, employee_id),
      check ((status = 'proposed') = (decided_at is null))
    );
    create index academia_hire_matches_site_idx on academia_hire_matches (site_id, status, proposed_at, id);
    create index academia_hire_matches_employee_site_idx on academia_hire_matches (employee_site_id);
    `,
  );
}
