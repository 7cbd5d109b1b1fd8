import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * Employees and contractor workers found by their number in any case (the training completions import reads a
 * file's numbers batch by batch): indexes on the numbers as the lookup compares them, in upper case, so a batch
 * of numbers reads a few index entries instead of every person of the group.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create index employees_number_lookup_idx on employees (upper(employee_no));
    create index contractor_workers_number_lookup_idx on contractor_workers (upper(worker_no));
    `,
  );
}
