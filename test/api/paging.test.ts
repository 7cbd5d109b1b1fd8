import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkInsert } from '../../server/db/bulk.ts';
import { COUNT_CAP, paginate } from '../../server/db/paging.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

describe.each(databases())('counting long lists (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp({ kind });
    admin = await t.signInAs('groupAdmin');
    // One more employee than the count cap, at a site of their own department.
    const rows = Array.from({ length: COUNT_CAP + 1 }, (_, i) => ({
      site_id: SITES.PG.id,
      employee_no: `CAP-${String(i).padStart(5, '0')}`,
      full_name: `Cap Test ${i}`,
      department: i < 7 ? 'Cap seven' : 'Cap rest',
      hire_date: '2020-01-01',
    }));
    await bulkInsert(t.db, 'employees', rows);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stops counting past the cap and says there are more; pages still reach their rows', async () => {
    const res = await admin.get('/api/people/employees', {
      query: { siteId: SITES.PG.id, sort: 'employeeNo', pageSize: 50, page: 3, count: 'true' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: COUNT_CAP, totalCapped: true, page: 3 });
    expect(res.body.items[0].employeeNo).toMatch(/^CAP-001\d\d$/);
  });

  it('does not count unless asked, and says where the next page starts', async () => {
    const res = await admin.get('/api/people/employees', {
      query: { siteId: SITES.PG.id, sort: 'employeeNo', pageSize: 50 },
    });
    expect(res.status).toBe(200);
    expect(res.body.total).toBeUndefined();
    expect(res.body.items).toHaveLength(50);
    expect(res.body.prevCursor).toBeNull();
    const next = await admin.get('/api/people/employees', {
      query: { siteId: SITES.PG.id, sort: 'employeeNo', pageSize: 50, cursor: res.body.nextCursor },
    });
    expect(next.status).toBe(200);
    expect(next.body.items[0].employeeNo).toBe('CAP-00050');
    // Back from the second page is the first page again.
    const back = await admin.get('/api/people/employees', {
      query: { siteId: SITES.PG.id, sort: 'employeeNo', pageSize: 50, cursor: next.body.prevCursor },
    });
    expect(back.body.items.map((e: { id: string }) => e.id)).toEqual(
      res.body.items.map((e: { id: string }) => e.id),
    );
    expect(back.body.prevCursor).toBeNull();
  });

  it('refuses a page link of another sort order, naming the cursor', async () => {
    const first = await admin.get('/api/people/employees', {
      query: { siteId: SITES.PG.id, sort: 'employeeNo', pageSize: 5 },
    });
    const res = await admin.get('/api/people/employees', {
      query: {
        siteId: SITES.PG.id,
        sort: 'employeeNo',
        order: 'desc',
        pageSize: 5,
        cursor: first.body.nextCursor,
      },
    });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual([{ path: 'cursor', message: expect.any(String) }]);
    const garbage = await admin.get('/api/people/employees', { query: { cursor: 'bm90LWEtY3Vyc29y' } });
    expect(garbage.status).toBe(422);
  });

  it('counts exactly when a filter brings the list under the cap', async () => {
    const res = await admin.get('/api/people/employees', {
      query: { siteId: SITES.PG.id, department: 'Cap seven' },
    });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(7);
    expect(res.body.totalCapped).toBeUndefined();
  });
});

/**
 * Keyset paging over a table with ties, nulls and timestamps that differ only in their microseconds: walking the
 * next cursors gives every row once, in the order the database sorts them, and the previous cursors walk back.
 */
describe.each(databases())('keyset pages (%s)', (kind) => {
  let t: TestApp;
  // biome-ignore lint/suspicious/noExplicitAny: a probe table outside the typed schema
  let db: any;
  const ROWS = 47;
  const PROBE_SITES = ['a', 'b', 'c'].map((c) => `00000000-0000-4000-8000-00000000000${c}`);
  /** Two of the three sites: read one ordered scan per site, merged (paginate's `sites`). */
  const TWO_SITES = new Set(PROBE_SITES.slice(0, 2));

  beforeAll(async () => {
    t = await createTestApp({ kind, seed: false });
    db = t.db;
    await sql`create table paging_probe (id uuid primary key, at timestamptz not null, label text, site uuid not null)`.execute(
      db,
    );
    for (let i = 0; i < ROWS; i++) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      // Seven rows share a millisecond and differ in microseconds; every fifth label is null; labels repeat.
      const at = `2026-01-01 00:00:00.${String(123_000 + (i % 7)).padStart(6, '0')}+00`;
      const label = i % 5 === 0 ? null : `label ${i % 4}`;
      await sql`insert into paging_probe values (${id}, ${at}, ${label}, ${PROBE_SITES[i % 3]})`.execute(db);
    }
  });
  afterAll(async () => t?.close());

  const ordered = async (column: 'at' | 'label', order: 'asc' | 'desc', sites?: ReadonlySet<string>) =>
    (
      await sql<{ id: string }>`select id from paging_probe
        where ${sites ? sql`site in (${sql.join([...sites])})` : sql`true`}
        order by ${sql.ref(column)} ${sql.raw(order)}, id ${sql.raw(order)}`.execute(db)
    ).rows.map((r) => r.id);

  for (const sites of [undefined, TWO_SITES])
    for (const column of ['at', 'label'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        it(`walks by ${column} ${order} forward and back, every row once${sites ? ', site by site' : ''}`, async () => {
          const base = () => {
            const all = db.selectFrom('paging_probe').select('id');
            return sites ? all.where('site', 'in', [...sites]) : all;
          };
          const o = {
            sortColumn: `paging_probe.${column}`,
            tieBreaker: 'paging_probe.id',
            order,
            pageSize: 10,
            sites: sites && { column: 'paging_probe.site', scope: sites },
          };
          const read = (cursor?: string) => paginate<{ id: string }>(db, base(), { ...o, page: 1, cursor });
          const expected = await ordered(column, order, sites);
          const pages: string[][] = [];
          let page = await read();
          pages.push(page.items.map((r) => r.id));
          while (page.nextCursor) {
            page = await read(page.nextCursor);
            pages.push(page.items.map((r) => r.id));
          }
          expect(pages.flat()).toEqual(expected);
          expect(pages).toHaveLength(Math.ceil(expected.length / 10));
          // The last page knows nothing of the total (it was reached by cursor) and has no next page.
          expect(page.total).toBeUndefined();
          // Back from the last page, page by page, to the first.
          for (let i = pages.length - 2; i >= 0; i--) {
            page = await read(page.prevCursor as string);
            expect(page.items.map((r) => r.id)).toEqual(pages[i]);
          }
          expect(page.prevCursor).toBeNull();
          // Pages by number hold the same rows, and the last one knows the total.
          for (const [i, rows] of pages.entries()) {
            const numbered = await paginate<{ id: string }>(db, base(), { ...o, page: i + 1 });
            expect(numbered.items.map((r) => r.id)).toEqual(rows);
            if (i === pages.length - 1) expect(numbered.total).toBe(expected.length);
          }
        });
      }
    }

  it('counts only when asked, and knows the total for free on the last page by number', async () => {
    const base = () => db.selectFrom('paging_probe').select('id');
    const o = { sortColumn: 'paging_probe.at', tieBreaker: 'paging_probe.id', order: 'asc' as const };
    expect((await paginate(db, base(), { ...o, page: 1, pageSize: 10 })).total).toBeUndefined();
    expect((await paginate(db, base(), { ...o, page: 1, pageSize: 10, count: true })).total).toBe(ROWS);
    const last = await paginate(db, base(), { ...o, page: 5, pageSize: 10 });
    expect(last).toMatchObject({ total: ROWS, nextCursor: null });
    expect(last.items).toHaveLength(7);
  });
});
