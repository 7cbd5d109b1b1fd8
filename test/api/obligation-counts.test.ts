import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import { Random } from '../../reference/demo/random.ts';
import { allSummaries, rebuildSummaries } from '../../server/db/summaries.ts';
import type { Db } from '../../server/db/types.ts';
import { access } from '../../server/platform/access/service.ts';
import { inScopeGroupRowsForGroupOnly } from '../../server/platform/access/sql.ts';
import { loadActor } from '../../server/platform/auth/actor-loader.ts';
import { backupDatabase } from '../../server/platform/backup/backup.ts';
import { restoreDatabase } from '../../server/platform/backup/restore.ts';
import { permittedKinds } from '../../server/platform/obligations/repo.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { type FixtureUser, SITES, USERS } from '../support/fixture.ts';

/**
 * The obligations summary reads counts the writes keep (migration 0064) instead of counting every open
 * obligation per request. After every kind of write (inserts, completions, moved due dates and grace days, due
 * times set and cleared, moves to another site, deletes, one-row writes by the thousand in one transaction, a
 * restore, a rebuild) each user's summary must equal the figure counted from the rows, as the endpoint counted
 * it before it had a summary.
 */
const NOW = new Date('2026-06-15T04:00:00Z');

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The user's summary counted from the obligations' rows, each site's today in its own time zone. */
async function fromRows(db: Db, who: FixtureUser) {
  const u = USERS[who];
  const actor = await loadActor(db, {
    id: u.id,
    display_name: u.displayName,
    email: u.email,
    locale: 'en',
  });
  const scope = access.listScope(actor, 'obligations.read');
  const at = NOW.toISOString();
  const today = sql`(${at}::timestamptz at time zone coalesce(s.time_zone, ${GROUP_TIME_ZONE}))::date`;
  const overdue = sql`(case when o.due_at is not null
    then o.due_at + make_interval(days => o.grace_days) < ${at}::timestamptz
    else o.due_date + o.grace_days < ${today} end)`;
  const row = await db
    .selectFrom('obligations as o')
    .leftJoin('sites as s', 's.id', 'o.site_id')
    .select([
      sql<number>`count(*) filter (where o.state = 'open' and ${overdue})::int`.as('overdue'),
      sql<number>`count(*) filter (where o.state = 'open' and not ${overdue} and o.due_date - ${today} <= 30)::int`.as(
        'dueSoon',
      ),
      sql<number>`count(*) filter (where o.state = 'open' and not ${overdue} and o.due_date - ${today} > 30)::int`.as(
        'upcoming',
      ),
      sql<number>`count(*) filter (where o.state = 'done' and o.done_at >= ${`${NOW.getUTCFullYear()}-01-01T00:00:00Z`}::timestamptz)::int`.as(
        'doneThisYear',
      ),
    ])
    .where((eb) => inScopeGroupRowsForGroupOnly(eb, 'o.site_id', scope))
    .where((eb) => permittedKinds(eb, actor, 'o'))
    .executeTakeFirstOrThrow();
  return row;
}

const WHO: FixtureUser[] = ['groupAdmin', 'k7Officer', 'spilOfficer', 'ohsOwner'];
const KINDS = ['test.filing', 'test.renewal', 'ohs.health_followup'];

describe.each(databases())('obligations summary kept by the writes (%s)', (kind) => {
  let t: TestApp;
  const clients = new Map<FixtureUser, ApiClient>();
  const seeded = new Random('obligation-counts');
  const random = () => seeded.next();
  const sites = [SITES.K7.id, SITES.TC.id, SITES.SZ.id, SITES.PG.id, null];
  let serial = 0;

  /** Obligations of every state around today: overdue, due soon, later, with grace days and due times. */
  const obligationRow = () => {
    const today = NOW.toISOString().slice(0, 10);
    const due = addDays(today, Math.floor(random() * 200) - 100);
    const state: 'open' | 'done' | 'cancelled' =
      random() < 0.25 ? 'done' : random() < 0.1 ? 'cancelled' : 'open';
    const siteId = sites[Math.floor(random() * sites.length)];
    return {
      kind: KINDS[Math.floor(random() * KINDS.length)],
      source_type: 'test',
      source_id: `oc-${serial++}`,
      site_id: siteId,
      title: 'Kept count',
      due_date: due,
      due_at:
        random() < 0.1
          ? new Date(`${due}T${String(Math.floor(random() * 24)).padStart(2, '0')}:30:00Z`)
          : null,
      grace_days: random() < 0.2 ? Math.floor(random() * 10) : 0,
      state,
      done_at: state === 'done' ? new Date(NOW.getTime() - Math.floor(random() * 400) * 86_400_000) : null,
    };
  };

  const expectExact = async (when: string) => {
    for (const who of WHO) {
      const client = clients.get(who) as ApiClient;
      const res = await client.get('/api/obligations/summary');
      expect(res.status, `${who} ${when}`).toBe(200);
      expect(res.body, `${who} ${when}`).toEqual(await fromRows(t.db, who));
    }
  };

  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => NOW });
    for (const who of WHO) clients.set(who, await t.signInAs(who));
    await t.db
      .insertInto('obligations')
      .values(Array.from({ length: 600 }, obligationRow))
      .execute();
  });
  afterAll(() => t?.close());

  it('answers what the rows say after inserts, updates, deletes, a restore and a rebuild', async () => {
    const admin = await fromRows(t.db, 'groupAdmin');
    expect(admin.overdue).toBeGreaterThan(0);
    expect(admin.dueSoon).toBeGreaterThan(0);
    expect(admin.upcoming).toBeGreaterThan(0);
    expect(admin.doneThisYear).toBeGreaterThan(0);
    // A site officer sees part of the group.
    expect((await fromRows(t.db, 'k7Officer')).overdue).toBeLessThan(admin.overdue);
    await expectExact('after the inserts');

    // One completed through the API, as a user does it.
    const open = await t.db
      .selectFrom('obligations')
      .select(['id', 'version'])
      .where('state', '=', 'open')
      .where('kind', '=', 'test.filing')
      .where('site_id', 'is', null)
      .orderBy('due_date')
      .executeTakeFirstOrThrow();
    const done = await clients
      .get('groupAdmin')
      ?.post(`/api/obligations/${open.id}/complete`, { version: open.version });
    expect(done?.status).toBe(200);
    await expectExact('after a completion');

    await sql`update obligations set due_date = due_date + 45 where source_id like 'oc-1%'`.execute(t.db);
    await expectExact('after moved due dates');
    await sql`update obligations set grace_days = grace_days + 3 where source_id like 'oc-2%'`.execute(t.db);
    await expectExact('after longer grace periods');
    await sql`update obligations set due_at = (due_date::text || 'T23:00:00Z')::timestamptz
      where source_id like 'oc-3%' and due_at is null`.execute(t.db);
    await sql`update obligations set due_at = null where source_id like 'oc-4%'`.execute(t.db);
    await expectExact('after due times set and cleared');
    await sql`update obligations set site_id = ${SITES.TC.id} where source_id like 'oc-5%'`.execute(t.db);
    await expectExact('after a move to another site');
    await sql`update obligations set state = 'done', done_at = ${NOW.toISOString()}::timestamptz
      where source_id like 'oc-6%' and state = 'open'`.execute(t.db);
    await sql`update obligations set state = 'open', done_at = null where source_id like 'oc-7%'`.execute(
      t.db,
    );
    await expectExact('after completions and reopenings');
    await sql`delete from obligations where source_id like 'oc-8%'`.execute(t.db);
    await expectExact('after deletes');

    // A restore from a backup whose copy of the counts is wrong: the restore recomputes them.
    const filesDir = await mkdtemp(path.join(tmpdir(), 'steward-obligation-counts-'));
    try {
      await sql`update obligation_open_counts set open = open + 7`.execute(t.db);
      const archive = path.join(filesDir, 'steward.tar.gz');
      await backupDatabase(t.database, { file: archive, filesDir });
      await restoreDatabase(t.database, { file: archive, filesDir, force: true });
      for (const who of WHO) clients.set(who, await t.signInAs(who));
      await expectExact('after a restore');
    } finally {
      await rm(filesDir, { recursive: true, force: true });
    }

    // The rebuild (`steward summaries rebuild`) makes spoilt tables exact again.
    await sql`update obligation_open_counts set open = open + 1`.execute(t.db);
    await sql`delete from obligation_done_counts`.execute(t.db);
    expect((await clients.get('groupAdmin')?.get('/api/obligations/summary'))?.body).not.toEqual(
      await fromRows(t.db, 'groupAdmin'),
    );
    await t.db
      .transaction()
      .execute((trx) => rebuildSummaries((statement) => sql.raw(statement).execute(trx), allSummaries()));
    await expectExact('after the rebuild');
  });

  it('holds only what is open or done: a count that reaches zero is removed', async () => {
    await sql`delete from obligations where source_type = 'test'`.execute(t.db);
    const kept = await sql<{ n: number }>`
      select (select count(*) from obligation_open_counts where kind like 'test.%')::int
           + (select count(*) from obligation_done_counts where kind like 'test.%')::int as n`.execute(t.db);
    expect(kept.rows[0].n).toBe(0);
    await expectExact('after every test obligation was deleted');
  });

  it('stays exact through 2,000 one-row inserts in one transaction', async () => {
    await t.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 2_000; i++) await trx.insertInto('obligations').values(obligationRow()).execute();
    });
    await expectExact('after 2,000 one-row inserts');
  });

  it("tells due soon from upcoming a month ahead by each site's own today, at both ends of the clock", async () => {
    // The summary compares only the due dates up to 30 days after the latest today anywhere (UTC+14) with each
    // site's today; later ones are upcoming everywhere. At 04:00 UTC, Kiritimati (UTC+14) is at 18:00 of the
    // same day and Pago Pago (UTC−11) at 17:00 of the day before: every due date from 26 to 34 days ahead, at
    // both.
    await sql`delete from obligations where source_type = 'test'`.execute(t.db);
    await sql`update sites set time_zone = 'Pacific/Kiritimati' where id = ${SITES.K7.id}`.execute(t.db);
    await sql`update sites set time_zone = 'Pacific/Pago_Pago' where id = ${SITES.TC.id}`.execute(t.db);
    try {
      const today = NOW.toISOString().slice(0, 10);
      const rows = [SITES.K7.id, SITES.TC.id].flatMap((siteId) =>
        Array.from({ length: 9 }, (_, i) => ({
          ...obligationRow(),
          kind: 'test.filing',
          site_id: siteId,
          due_date: addDays(today, 26 + i),
          due_at: null,
          grace_days: 0,
          state: 'open' as const,
          done_at: null,
        })),
      );
      const before = await fromRows(t.db, 'groupAdmin');
      await t.db.insertInto('obligations').values(rows).execute();
      const after = await fromRows(t.db, 'groupAdmin');
      // Due soon at Kiritimati: 26 to 30 days ahead (5); at Pago Pago, whose today is yesterday: 26 to 29 (4).
      expect(after.dueSoon - before.dueSoon).toBe(5 + 4);
      expect(after.upcoming - before.upcoming).toBe(4 + 5);
      expect(after.overdue).toBe(before.overdue);
      await expectExact('around a month ahead in the furthest time zones');
    } finally {
      await sql`update sites set time_zone = ${'Asia/Taipei'} where id in (${SITES.K7.id}, ${SITES.TC.id})`.execute(
        t.db,
      );
    }
  });
});
