import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * Dated exchange rates for every program: units of a currency per US dollar from a date on, the rate of a day
 * being the latest on or before it (server/platform/rates). US dollars themselves need no rate.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table exchange_rates (
      id uuid primary key default gen_random_uuid(),
      currency char(3) not null check (currency ~ '^[A-Z]{3}$' and currency <> 'USD'),
      valid_from date not null,
      per_usd numeric(18, 6) not null check (per_usd > 0),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid,
      unique (currency, valid_from)
    );
    `,
  );
}
