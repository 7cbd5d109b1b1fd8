import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * The obligations summary compares each kept due date with today in its site's time zone. Only the dates up to
 * a month after the latest today anywhere can be overdue or due soon; the summary reads those from this index
 * and counts every later date as upcoming without converting a time zone per row (22,000 kept dates at scale
 * 10, nearly all of them years ahead: IP annuities).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    'create index obligation_open_counts_due_idx on obligation_open_counts (due_date);',
  );
}
