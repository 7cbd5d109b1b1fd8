import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * Employees found by e-mail across every site (`employeeEssentialsByEmail`: the academia module proposes
 * former interns among new employee records nightly): an index on the address as the lookup compares it,
 * trimmed and in lower case, so a batch of addresses reads a few index entries instead of every employee.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create index employees_email_lookup_idx on employees (lower(btrim(email)));
    `,
  );
}
