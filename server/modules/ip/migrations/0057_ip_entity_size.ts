import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * IP: the USPTO entity size of a matter's owner (35 U.S.C. 41(h)), which sets the US maintenance fees and the
 * grace-period surcharge. Only a US matter may claim a reduction; every other office prices without sizes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table ip_matters add column entity_size text not null default 'large'
      check (entity_size in ('large', 'small', 'micro'));
    alter table ip_matters add constraint ip_matters_entity_size_us_only
      check (entity_size = 'large' or office = 'US');
    `,
  );
}
