import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * The student's own evaluation of an internship, given once: a mark on the rows the student gave through their
 * sign-in, and a unique index on it, so that two submissions at the same moment leave one evaluation (the
 * service's check answers the usual case; the index answers the race).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table academia_intern_evaluations add column given_by_student boolean not null default false;
    create unique index academia_intern_evaluations_student_once
      on academia_intern_evaluations (intern_id) where given_by_student;
    `,
  );
}
