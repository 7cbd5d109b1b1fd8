import type { Kysely } from 'kysely';
import { dataVersionTriggers } from './data-version-triggers.ts';
import { runStatements } from './statements.ts';

/**
 * The version of everything a course's campaign progress is computed from (migration 0075): renewed by every
 * statement that changes completions, courses, employees or sites, so that a kept answer is given only while
 * its data is the committed data.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    dataVersionTriggers('training.campaign', 'campaign', [
      'training_completions',
      'training_courses',
      'employees',
      'sites',
    ]),
  );
}
