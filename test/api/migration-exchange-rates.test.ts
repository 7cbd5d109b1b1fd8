import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allMigrations, migrateToLatest, migrateUpTo } from '../../server/db/migrate.ts';
import { registerModulePolicies } from '../../server/services.ts';
import { databases, openTestDatabase } from '../support/app.ts';

registerModulePolicies();

const names = Object.keys(allMigrations());
const MIGRATION = '0054_academia_rates_to_platform';

describe.each(databases())(`migration ${MIGRATION} (%s)`, (kind) => {
  let scratch: Awaited<ReturnType<typeof openTestDatabase>>;

  beforeAll(async () => {
    scratch = await openTestDatabase(kind);
    await migrateUpTo(scratch.database.db, names[names.indexOf(MIGRATION) - 1]);
    await sql`insert into academia_exchange_rates (currency, valid_from, per_usd, version) values
      ('TWD', '2022-01-01', 27.69, 1), ('TWD', '2022-07-01', 29.72, 2), ('CNY', '2022-01-01', 6.3757, 1)`.execute(
      scratch.database.db,
    );
  });
  afterAll(async () => {
    await scratch?.close();
  });

  it("moves the academia program's dated rates to the platform's, as they stood, and drops the program's table", async () => {
    const db = scratch.database.db;
    const before = (
      await sql<{ id: string }>`select id from academia_exchange_rates order by id`.execute(db)
    ).rows.map((r) => r.id);
    expect(before).toHaveLength(3);
    expect(await migrateToLatest(db)).toContain(MIGRATION);
    const rows = await db
      .selectFrom('exchange_rates')
      .select(['id', 'currency', 'valid_from', 'per_usd', 'version'])
      .orderBy('currency')
      .orderBy('valid_from')
      .execute();
    expect(rows.map((r) => [r.currency, r.valid_from, String(r.per_usd), r.version])).toEqual([
      ['CNY', '2022-01-01', '6.375700', 1],
      ['TWD', '2022-01-01', '27.690000', 1],
      ['TWD', '2022-07-01', '29.720000', 2],
    ]);
    expect(rows.map((r) => r.id).sort()).toEqual(before);
    const left = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables
      where table_name = 'academia_exchange_rates'`.execute(db);
    expect(left.rows[0].n).toBe(0);
  });
});
