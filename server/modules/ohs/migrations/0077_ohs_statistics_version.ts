import type { Kysely } from 'kysely';
import { dataVersionTriggers } from '../../../db/migrations/data-version-triggers.ts';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * The version of everything the injury statistics are computed from (migration 0075): renewed by every
 * statement that changes hours, injuries or incidents, so that a kept answer is given only while its data is
 * the committed data.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    dataVersionTriggers('ohs.statistics', 'statistics', ['ohs_hours', 'ohs_injuries', 'ohs_incidents']),
  );
}
