import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * The version of everything a course's campaign progress is computed from (migration 0075): renewed by every
 * statement that changes completions, courses, employees or sites, so that a kept answer is given only while
 * its data is the committed data.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = ["select data_version_register('training.campaign');"];
  for (const table of ['training_completions', 'training_courses', 'employees', 'sites'])
    statements.push(
      `create trigger ${table}_campaign_changed after insert or update or delete on ${table}
         for each statement execute function data_version_changed('training.campaign');`,
      `create trigger ${table}_campaign_truncated after truncate on ${table}
         for each statement execute function data_version_changed('training.campaign');`,
    );
  await runStatements(db, statements.join('\n'));
}
