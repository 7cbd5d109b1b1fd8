// biome-ignore-all lint/suspicious/noExplicitAny: the OpenAPI document and response bodies are read as they come.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClock } from '../../reference/demo/clock.ts';
import { DEMO_PASSWORD } from '../../reference/demo/users.ts';
import { createTestApp, databases, type TestApp } from '../support/app.ts';

/**
 * Lists whose rows are computed per request (from rules over records, not one query) and paged in memory: they
 * page by number and always know their total. Every other list pages by cursor.
 */
const PAGED_IN_MEMORY = new Set<string>([
  // The keep-or-drop decisions and the fee forecast are computed from the fee rules for every live matter.
  '/api/ip/keep-or-drop',
  '/api/ip/fee-forecast/fees',
]);

/**
 * Every list endpoint (a GET without path parameters that takes `cursor`) answers its page with the cursors of
 * its neighbours, and the next cursor reaches rows the first page did not hold: a list whose service forgot to
 * pass the cursor through would answer the first page again.
 */
describe.each(databases())('every list pages by cursor (%s)', (kind) => {
  let t: TestApp;
  let lists: string[];
  let sortsOf: Map<string, string[]>;

  beforeAll(async () => {
    t = await createTestApp({ kind, demo: { scale: 0.01, clock: demoClock() } });
    const doc = (await t.anonymous().get('/api/openapi.json')).body;
    lists = Object.entries(doc.paths as Record<string, any>)
      .filter(
        ([path, item]) => !path.includes('{') && item.get?.parameters?.some((p: any) => p.name === 'cursor'),
      )
      // Exports and a live stream take a list's filters but answer files and events, not pages.
      .filter(([path]) => !/\/export\.(csv|xlsx)$/.test(path))
      .filter(([, item]) => !JSON.stringify(item.get).includes('text/event-stream'))
      .map(([path]) => path);
    sortsOf = new Map(
      lists.map((path) => {
        const sort = doc.paths[path].get.parameters.find((p: any) => p.name === 'sort');
        return [path, (sort?.schema?.enum as string[] | undefined) ?? []];
      }),
    );
  });
  afterAll(async () => t?.close());

  it('finds the lists', () => {
    expect(lists.length).toBeGreaterThan(40);
  });

  it('answers cursors, and the next page holds other rows', async () => {
    const admin = await t.signIn('admin@steward.demo', DEMO_PASSWORD);
    let walked = 0;
    // Every list is checked before the test fails, so that one run names all the lists that go wrong.
    const wrong: string[] = [];
    for (const path of lists) {
      const first = await admin.get(path, { query: { pageSize: '1' } });
      if (first.status !== 200 || !Array.isArray(first.body.items)) continue;
      if (PAGED_IN_MEMORY.has(path)) continue;
      if (!('nextCursor' in first.body)) {
        wrong.push(`${path}: no cursors`);
        continue;
      }
      if (first.body.prevCursor !== null) wrong.push(`${path}: a previous page before the first`);
      if (!first.body.nextCursor) continue;
      const next = await admin.get(path, { query: { pageSize: '1', cursor: first.body.nextCursor } });
      if (next.status !== 200) {
        wrong.push(`${path}: the next page answers ${next.status} ${next.text.slice(0, 200)}`);
        continue;
      }
      if (JSON.stringify(next.body.items) === JSON.stringify(first.body.items))
        wrong.push(`${path}: the next page repeats the first`);
      const back = await admin.get(path, { query: { pageSize: '1', cursor: next.body.prevCursor } });
      if (JSON.stringify(back.body.items) !== JSON.stringify(first.body.items))
        wrong.push(`${path}: back from the second page is not the first`);
      walked++;
    }
    expect(wrong).toEqual([]);
    expect(walked).toBeGreaterThan(30);
  });

  it('reaches the next page in every sort order of every list (a cursor compares the sort key in SQL)', async () => {
    const admin = await t.signIn('admin@steward.demo', DEMO_PASSWORD);
    const wrong: string[] = [];
    let walked = 0;
    for (const path of lists) {
      if (PAGED_IN_MEMORY.has(path)) continue;
      for (const sort of sortsOf.get(path) ?? []) {
        for (const order of ['asc', 'desc']) {
          const query = { pageSize: '2', sort, order };
          const first = await admin.get(path, { query });
          // Health screenings are medical staff's alone: the administrator is refused them, as the security suite checks.
          if (first.status === 403) continue;
          if (first.status !== 200) {
            wrong.push(`${path} by ${sort} ${order}: ${first.status}`);
            continue;
          }
          if (!first.body.nextCursor) continue;
          const next = await admin.get(path, { query: { ...query, cursor: first.body.nextCursor } });
          if (next.status !== 200)
            wrong.push(`${path} by ${sort} ${order}: next page ${next.status} ${next.text.slice(0, 160)}`);
          else if (
            next.body.items.some((i: any) =>
              first.body.items.some((f: any) => JSON.stringify(f) === JSON.stringify(i)),
            )
          )
            wrong.push(`${path} by ${sort} ${order}: the next page repeats a row`);
          walked++;
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(walked).toBeGreaterThan(100);
  });
});
