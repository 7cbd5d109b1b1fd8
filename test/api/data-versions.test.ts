import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataVersionsService } from '../../server/platform/versions/service.ts';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

/**
 * A data version (migration 0075) must change when, and only when, a change to its tables commits: answers
 * are kept under it, so a version that stayed the same across a commit would give a stale answer forever.
 */
describe.each(databases())('data versions (%s)', (kind) => {
  let t: TestApp;
  let read: (name: string) => Promise<string>;
  const hours = (month: string, value: number) => sql`
    insert into ohs_hours (site_id, month, employee_hours, non_employee_hours)
    values (${SITES.K7.id}, ${month}, ${value}, 0)
    on conflict (site_id, month) do update set employee_hours = excluded.employee_hours`;

  beforeAll(async () => {
    t = await createTestApp({ kind });
    read = createDataVersionsService(t.db).read;
  });
  afterAll(() => t?.close());

  it('changes with a committed write and stays with a rolled-back one', async () => {
    const before = await read('ohs.statistics');
    await hours('2025-01-01', 1000).execute(t.db);
    const after = await read('ohs.statistics');
    expect(after).not.toBe(before);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await hours('2025-02-01', 1000).execute(trx);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await read('ohs.statistics')).toBe(after);
    // Another name's tables leave it as it is.
    const campaign = await read('training.campaign');
    await hours('2025-03-01', 1000).execute(t.db);
    expect(await read('training.campaign')).toBe(campaign);
  });

  it('changes once per transaction, even when the first change was undone by a savepoint', async () => {
    const before = await read('ohs.statistics');
    await t.db.transaction().execute(async (trx) => {
      await sql`savepoint first`.execute(trx);
      await hours('2025-04-01', 1000).execute(trx);
      await sql`rollback to savepoint first`.execute(trx);
      await hours('2025-05-01', 1000).execute(trx);
      for (let i = 0; i < 200; i++) await hours('2025-05-01', 2000 + i).execute(trx);
    });
    const after = await read('ohs.statistics');
    expect(after).not.toBe(before);
    // Of sixteen slots, one transaction renews exactly one.
    const renewed = before.split(',').filter((slot, i) => slot !== after.split(',')[i]);
    expect(renewed).toHaveLength(1);
  });

  it('refuses a name that was never registered', async () => {
    await expect(read('no.such.version')).rejects.toThrow('No data version is registered as no.such.version');
  });
});

// Two connections (PostgreSQL only: PGlite has one): a reader outside the writing transaction sees the old
// version until the commit.
describe.each(databases().filter((kind) => kind === 'postgres'))(
  'data versions across connections (%s)',
  (kind) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ kind });
    });
    afterAll(() => t?.close());

    it('shows a new version to other connections only once the change commits', async () => {
      const { read } = createDataVersionsService(t.db);
      const before = await read('ohs.statistics');
      let seenDuring = '';
      await t.db.transaction().execute(async (trx) => {
        await sql`insert into ohs_hours (site_id, month, employee_hours, non_employee_hours)
                values (${SITES.TC.id}, '2025-06-01', 500, 0)`.execute(trx);
        seenDuring = await read('ohs.statistics');
      });
      expect(seenDuring).toBe(before);
      expect(await read('ohs.statistics')).not.toBe(before);
    });
  },
);
