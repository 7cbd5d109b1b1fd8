import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * The program's exchange rates move to the platform's dated rates (migration 0053), which every program
 * converts at: the rows are copied as they stand (ids, versions and stamps kept), then the program's own
 * table goes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    insert into exchange_rates (id, currency, valid_from, per_usd, version, created_at, created_by, updated_at, updated_by)
      select id, currency, valid_from, per_usd, version, created_at, created_by, updated_at, updated_by
      from academia_exchange_rates
      on conflict (currency, valid_from) do nothing;
    drop table academia_exchange_rates;
    `,
  );
}
