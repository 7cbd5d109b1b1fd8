import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * Interns' personal data on a retention schedule: the nightly job erases the name, e-mail and date of birth
 * of a student whose last internship ended longer ago than the program keeps them (group setting
 * `academia.retention`) and marks the row with the day. School, program, site, dates, hours, outcome and the
 * hire link stay, so the conversion report still counts the row. An anonymised row holds no personal data:
 * the check says so, whatever code writes it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table academia_interns alter column full_name drop not null;
    alter table academia_interns add column anonymised_on date;
    alter table academia_interns add constraint academia_interns_anonymised_check check (
      (anonymised_on is null and full_name is not null)
      or (anonymised_on is not null and full_name is null and email is null and date_of_birth is null)
    );
    create index academia_interns_retention_idx on academia_interns (ended_on) where anonymised_on is null;
    `,
  );
}
