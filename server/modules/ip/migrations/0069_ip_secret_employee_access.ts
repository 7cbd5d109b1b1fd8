import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * IP: the employees who may access a trade secret, beside the users: an engineer on the line who never signs
 * in to Steward may know a secret all the same, and Legal interviews them when they leave.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table ip_trade_secrets add column access_employee_ids uuid[] not null default '{}';
    `,
  );
}
