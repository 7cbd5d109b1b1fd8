import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * The version of everything the injury statistics are computed from (migration 0075): renewed by every
 * statement that changes hours, injuries or incidents, so that a kept answer is given only while its data is
 * the committed data.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = ["select data_version_register('ohs.statistics');"];
  for (const table of ['ohs_hours', 'ohs_injuries', 'ohs_incidents'])
    statements.push(
      `create trigger ${table}_statistics_changed after insert or update or delete on ${table}
         for each statement execute function data_version_changed('ohs.statistics');`,
      `create trigger ${table}_statistics_truncated after truncate on ${table}
         for each statement execute function data_version_changed('ohs.statistics');`,
    );
  await runStatements(db, statements.join('\n'));
}
