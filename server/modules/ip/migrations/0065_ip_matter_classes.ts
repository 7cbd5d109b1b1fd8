import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * IP: a matter's patent classes as the office printed them, International (IPC, e.g. "H01L 23/31") and
 * Cooperative (CPC, e.g. "H01L 2224/48091"), in the order given: a portfolio brought in from another docketing
 * system or from the USPTO's grant XML keeps them. And the day its term counts from when the law takes an
 * earlier filing's (a US continuation or division: the earliest US application it claims under 35 U.S.C. 120
 * or 121, 154(a)(2)); none, the filing date.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table ip_matters add column ipc_classes text[] not null default '{}';
    alter table ip_matters add column cpc_classes text[] not null default '{}';
    alter table ip_matters add column term_from date check (term_from <= filing_date);
    `,
  );
}
