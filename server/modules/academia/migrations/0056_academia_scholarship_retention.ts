import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * Scholarship recipients' names on the students' retention schedule: the nightly job erases the name of an
 * award whose award day and last payment are older than the program keeps personal data, and marks the row
 * with the day. Partner, program, amounts, dates and payments stay for the year's contribution. An anonymised
 * award holds no name: the check says so, whatever code writes it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table academia_scholarships alter column recipient_name drop not null;
    alter table academia_scholarships add column anonymised_on date;
    alter table academia_scholarships add constraint academia_scholarships_anonymised_check check (
      (anonymised_on is null and recipient_name is not null)
      or (anonymised_on is not null and recipient_name is null)
    );
    `,
  );
}
