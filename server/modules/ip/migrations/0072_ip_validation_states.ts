import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * IP: where a granted European patent took effect. Its renewal fees after the year of grant go to each state
 * where it was validated (EPC art. 141) or, with unitary effect, to the EPO (Regulation (EU) 1257/2012 art. 11).
 * Only an EPO matter has either.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table ip_matters add column validation_states text[] not null default '{}';
    alter table ip_matters add column unitary_effect boolean not null default false;
    alter table ip_matters add constraint ip_matters_validation_ep_only
      check (office = 'EP' or (cardinality(validation_states) = 0 and not unitary_effect));
    `,
  );
}
