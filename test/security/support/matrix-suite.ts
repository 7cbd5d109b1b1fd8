// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.ts';
import type { RegisteredRoute } from '../../../server/platform/http/route-config.ts';
import { type ApiResponse, createTestApp, type DatabaseKind } from '../../support/app.ts';
import { SITES } from '../../support/fixture.ts';
import { actorNamed, type SignedInActor, seedPlainUsers, signInMatrix } from './actors.ts';
import { multipart, PNG } from './family-kit.ts';
import {
  type DirectoryTarget,
  directoryShows,
  type Expected,
  expectedFor,
  expectedList,
  type Location,
  type MatrixActor,
  type Permission,
  readOnlyActor,
  rowVisible,
  sitesHolding,
} from './policy.ts';
import { Resources } from './resources.ts';
import { type Check, type Ctx, FAMILY_LOCATIONS, ROUTE_CHECKS, SUITE } from './suite.ts';

/**
 * The authorization matrix: every route of app.routeTable, asked by every role (each over one site, one
 * subsidiary and the whole group), by a user without any role and by a signed-out visitor, about records at
 * the actor's own site, at another site of the same subsidiary, at a site of another subsidiary and of the
 * group. The expected answers come from the hand-written policy (the platform's part in support/policy.ts,
 * each module's in its security fixture), never from the server's own; how to reach each route and the
 * records it acts on come from the route table and the families of records (support/suite.ts joins the
 * platform's and the modules').
 *
 * `npm test` runs it on one database: PostgreSQL when TEST_DATABASE_URL is set (faster for ~12,000 requests),
 * else PGlite (the scope filters it proves are plain SQL, the same on both); `npm run test:stress` on both.
 */

export async function defineAuthorizationMatrix(kind: DatabaseKind) {
  const filesDir = await mkdtemp(path.join(tmpdir(), 'steward-matrix-'));
  const t = await createTestApp({ kind, config: { filesDir } });
  const routes: RegisteredRoute[] = [...t.app.routeTable];
  const CODE_BY_SITE_ID = new Map<string, string>(Object.values(SITES).map((s) => [s.id, s.code]));
  const PARALLEL = 8;

  let actors: SignedInActor[];
  let res: Resources;
  let operations: Map<string, { parameters?: { in: string; name: string }[] }>;
  const tally = { requests: 0, allowed: 0, refused: 0, routes: 0 };

  beforeAll(async () => {
    actors = await signInMatrix(t);
    res = new Resources(t);
    // Users who may be added to committees by the matrix (never a matrix actor that is asked about them).
    const pool = await seedPlainUsers(t.db, 'matrix.member', 120);
    await res.init(actorNamed(actors, 'medical@group').client, pool);
    const doc = (await t.anonymous().get('/api/openapi.json')).body;
    operations = new Map();
    for (const [p, item] of Object.entries<Record<string, any>>(doc.paths))
      for (const [method, op] of Object.entries(item))
        operations.set(`${method.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`, op);
  }, 600_000);

  afterAll(async () => {
    console.log(
      `Authorization matrix (${kind}): ${tally.routes} routes, ${actors?.length ?? 0} actors, ${tally.requests} requests (${tally.allowed} allowed, ${tally.refused} refused as expected)`,
    );
    await t.close();
    await rm(filesDir, { recursive: true, force: true });
  });

  // ---- running one check

  type Send = {
    method: string;
    url: string;
    body?: unknown;
    query?: Record<string, string>;
    contentType?: string;
    /** The route answers with a lasting event stream: its first event is read, then the client goes away. */
    stream?: boolean;
  };

  async function send(who: SignedInActor, r: Send): Promise<ApiResponse> {
    tally.requests++;
    return who.client.request(r.method as 'GET', r.url, r.body, {
      query: r.query,
      contentType: r.contentType,
      stream: r.stream,
    });
  }

  /** The matrix users found by each directory search, by the scope of their one role. */
  const DIRECTORY_SEARCHES: { q: string; target: DirectoryTarget }[] = [
    { q: '@site', target: 'site' },
    { q: '@subsidiary', target: 'subsidiary' },
    { q: '@group', target: 'group' },
    { q: 'Matrix no-role', target: null },
    { q: 'matrix.member', target: 'SZ' },
  ];

  const describeStatus = (e: Expected) => (e === 'allow' ? 'allowed' : String(e));

  function verdict(
    actor: MatrixActor,
    where: string,
    expected: Expected,
    ok: number[],
    r: ApiResponse,
  ): string | null {
    const good = expected === 'allow' ? ok.includes(r.status) : r.status === expected;
    if (good) {
      if (expected === 'allow') tally.allowed++;
      else tally.refused++;
      return null;
    }
    const want = expected === 'allow' ? `allowed (${ok.join(' or ')})` : describeStatus(expected);
    return `${actor.name} ${where}: expected ${want}, got ${r.status} ${r.text.slice(0, 160).replace(/\s+/g, ' ')}`;
  }

  /** Runs `fn` for every item, at most PARALLEL at a time. */
  async function each<T>(items: T[], fn: (item: T) => Promise<void>) {
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(PARALLEL, items.length) }, async () => {
        while (next < items.length) await fn(items[next++]);
      }),
    );
  }

  /** The site of a list row, as a code ('K7', 'ASE' for a subsidiary's record), null for a group row. */
  function rowSite(row: any): string | null | undefined {
    if (row && typeof row === 'object') {
      if ('siteCode' in row)
        return row.siteCode ?? (row.subsidiaryCode && row.level !== 'group' ? row.subsidiaryCode : null);
      if ('siteId' in row)
        return row.siteId === null ? null : (CODE_BY_SITE_ID.get(row.siteId) ?? row.siteId);
      if ('code' in row && 'timeZone' in row) return row.code;
    }
    return undefined;
  }

  function csvRows(text: string, column: string): { siteCode: string | null }[] {
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const header = lines[0].split(',');
    const at = header.indexOf(column);
    if (at < 0) throw new Error(`No column ${column} in ${lines[0]}`);
    return lines.slice(1).map((l) => ({ siteCode: l.split(',')[at] || null }));
  }

  function withPageSize(route: RegisteredRoute, query: Record<string, string> = {}) {
    const op = operations.get(`${route.method} ${route.url}`);
    if (op?.parameters?.some((p) => p.in === 'query' && p.name === 'pageSize') && !query.pageSize)
      return { ...query, pageSize: '500' };
    return query;
  }

  const permissionAt = (p: Permission | ((l: Location) => Permission), loc: Location) =>
    typeof p === 'function' ? p(loc) : p;

  async function runCheck(route: RegisteredRoute, check: Check): Promise<string[]> {
    const readOnlyOwnerWrite = (actor: MatrixActor) =>
      route.access === 'signed-in' && route.method !== 'GET' && !route.personal && readOnlyActor(actor);
    const problems: string[] = [];
    const ctx = (loc: Location): Ctx => ({ res, loc, n: res.next() });

    switch (check.kind) {
      case 'public':
        await each(actors, async (who) => {
          const r = await send(who, {
            method: route.method,
            url: check.path ?? route.url,
            body: await check.body?.(ctx('group')),
          });
          const p = verdict(who.actor, '', 'allow', check.ok, r);
          if (p) problems.push(p);
        });
        break;

      case 'self':
        await each(actors, async (who) => {
          const c = ctx('group');
          const r = await send(who, {
            method: route.method,
            url: check.path ? await check.path(c) : route.url,
            body: await check.body?.(c),
            query: await check.query?.(c),
          });
          const p = verdict(
            who.actor,
            '(own data)',
            who.actor.kind === 'anonymous' ? 401 : 'allow',
            check.ok,
            r,
          );
          if (p) problems.push(p);
        });
        break;

      case 'list': {
        if (check.family) for (const loc of FAMILY_LOCATIONS[check.family]) await res.id(check.family, loc);
        await each(actors, async (who) => {
          const expected = expectedList(who.actor, check.permission, check.program);
          const r = await send(who, {
            method: route.method,
            url: route.url,
            query: withPageSize(route, check.query),
            stream: route.stream,
          });
          const p = verdict(who.actor, 'list', expected, [200], r);
          if (p) return void problems.push(p);
          if (expected !== 'allow' || check.rows === null || check.format === 'binary') return;
          if (check.format === 'csv' && !check.csvSiteColumn) return;
          const rows =
            check.format === 'csv'
              ? csvRows(r.text, check.csvSiteColumn as string)
              : check.rows
                ? check.rows(r.body)
                : r.body.items;
          const shown = new Set<string | null>();
          for (const row of rows) {
            const site = rowSite(row);
            if (site === undefined) continue;
            shown.add(site);
            if (
              !rowVisible(who.actor, check.permission, site, {
                program: check.program,
                groupRows: check.groupRows,
              })
            )
              problems.push(
                `${who.actor.name} list: shows a row of ${site ?? 'the group'} (${JSON.stringify(row).slice(0, 160)})`,
              );
          }
          if (check.family)
            for (const loc of FAMILY_LOCATIONS[check.family]) {
              const site = loc === 'group' ? null : loc;
              if (site === 'ASE') continue;
              if (
                rowVisible(who.actor, check.permission, site, {
                  program: check.program,
                  groupRows: check.groupRows,
                }) &&
                !shown.has(site)
              )
                problems.push(`${who.actor.name} list: the seeded ${check.family} of ${loc} is missing`);
            }
        });
        break;
      }

      case 'record': {
        const locations = FAMILY_LOCATIONS[check.family];
        for (const family of [check.family, ...(check.prepare ?? [])])
          for (const loc of locations) await res.id(family, loc);
        const cases = actors.flatMap((who) => locations.map((loc) => ({ who, loc })));
        await each(cases, async ({ who, loc }) => {
          const permission = permissionAt(check.permission, loc);
          const expected = readOnlyOwnerWrite(who.actor)
            ? 403
            : expectedFor(who.actor, permission, loc, {
                program: check.program,
                group: check.group,
                subsidiary: check.subsidiary,
              });
          const id =
            check.fresh && expected === 'allow'
              ? await res.fresh(check.family, loc)
              : await res.id(check.family, loc);
          const c = ctx(loc);
          let body = await check.body?.(c);
          let contentType: string | undefined;
          if (check.multipart) ({ body, contentType } = await multipart(`matrix-${c.n}.png`, PNG));
          const r = await send(who, {
            method: route.method,
            url: Object.entries(check.path ?? {}).reduce(
              (url, [name, value]) => url.replace(`:${name}`, value),
              route.url.replace(':id', id),
            ),
            body,
            query: await check.query?.(c),
            contentType,
          });
          const p = verdict(who.actor, `${check.family} at ${loc}`, expected, check.ok, r);
          if (p) problems.push(p);
        });
        break;
      }

      case 'create': {
        const cases = actors.flatMap((who) => check.locations.map((loc) => ({ who, loc })));
        await each(cases, async ({ who, loc }) => {
          const permission = permissionAt(check.permission, loc);
          let expected = expectedFor(who.actor, permission, loc, {
            program: check.program,
            group: check.group,
            subsidiary: check.subsidiary,
          });
          if (
            expected === 403 &&
            loc === 'group' &&
            check.groupDenied &&
            sitesHolding(who.actor, permission, check.program).length
          )
            expected = check.groupDenied as Expected;
          if (readOnlyOwnerWrite(who.actor)) expected = 403;
          const c = ctx(loc);
          let body = await check.body(c);
          let contentType = check.contentType;
          if (contentType === 'multipart')
            ({ body, contentType } = body as { body: Buffer; contentType: string });
          const r = await send(who, {
            method: route.method,
            url: route.url,
            body,
            query: await check.query?.(c),
            contentType,
          });
          const p = verdict(who.actor, `new record at ${loc}`, expected, check.ok, r);
          if (p) problems.push(p);
        });
        break;
      }

      case 'personal': {
        const where = check.location ?? 'group';
        const id = await res.id(check.family, where);
        await each(actors, async (who) => {
          const c = ctx(where);
          const r = await send(who, {
            method: route.method,
            url: route.url.replace(':id', id),
            body: await check.body?.(c),
            query: await check.query?.(c),
          });
          const p = verdict(
            who.actor,
            `another user's ${check.family}`,
            who.actor.kind === 'anonymous' ? 401 : readOnlyOwnerWrite(who.actor) ? 403 : 404,
            [],
            r,
          );
          if (p) problems.push(p);
        });
        break;
      }

      case 'directory':
        await each(actors, async (who) => {
          for (const { q, target } of DIRECTORY_SEARCHES) {
            const r = await send(who, { method: route.method, url: route.url, query: { q, limit: '50' } });
            const p = verdict(
              who.actor,
              `directory "${q}"`,
              who.actor.kind === 'anonymous' ? 401 : 'allow',
              [200],
              r,
            );
            if (p) return void problems.push(p);
            if (who.actor.kind === 'anonymous') return;
            const found = (r.body.items as { id: string }[]).map((i) => i.id).sort();
            const shown = directoryShows(who.actor, target);
            const expected =
              target === 'SZ'
                ? null
                : actors
                    .filter((a) => a.userId && (a.actor.kind === 'role' ? a.actor.scope : null) === target)
                    .filter(() => shown)
                    .map((a) => a.userId as string)
                    .sort();
            // The plain users of SZ are 120: the page of 50 is full when they are shown.
            const right = expected ? found.join() === expected.join() : found.length === (shown ? 50 : 0);
            if (!right)
              problems.push(
                `${who.actor.name} directory "${q}": ${shown ? 'expected' : 'should show none of'} the users with a role over ${target ?? 'nothing'}, got ${found.length}`,
              );
          }
        });
        break;

      case 'group-wide':
        await each(actors, async (who) => {
          const expected: Expected =
            who.actor.kind === 'anonymous'
              ? 401
              : sitesHolding(who.actor, check.permission, check.program) === 'all'
                ? 'allow'
                : 403;
          const r = await send(who, {
            method: route.method,
            url: check.id ? route.url.replace(':id', check.id) : route.url,
            body: await check.body?.(ctx('group')),
          });
          const p = verdict(who.actor, 'group setting', expected, check.ok, r);
          if (p) problems.push(p);
        });
        break;
    }
    return problems;
  }

  // ---- the suite

  const HOW_TO_ADD = `Add it to the route table (a module's route to server/modules/<program>/security.ts, a platform route to test/security/support/route-checks.ts) with the access it declares and how to check it:
  { kind: 'list', permission } for a list (rows are checked against the actor's scope);
  { kind: 'record', family, permission, ok } for a route with :id (a new family goes into the module's security-fixture.ts, a platform one into test/security/support/platform-families.ts, with how to seed a record at K7, PG and TC);
  { kind: 'create', locations, permission, body, ok } for a write that places a record at a site;
  { kind: 'self' } for a user's own data, { kind: 'personal', family } for records that belong to one user,
  { kind: 'group-wide', permission } for a group setting, { kind: 'public', ok } for a route open to everyone.
A new permission also goes into the hand-written expected policy: the module's part in its security-fixture.ts, the platform's in test/security/support/policy.ts.`;

  describe(`authorization matrix (${kind})`, () => {
    it('has a check for every route of the route table, and no check for a route that is gone', () => {
      const missing = routes
        .filter((r) => !ROUTE_CHECKS[`${r.method} ${r.url}`])
        .map((r) => `${r.method} ${r.url} (access: ${r.access})`);
      expect(
        missing,
        `Routes without an entry in the authorization matrix:\n${missing.join('\n')}\n${HOW_TO_ADD}`,
      ).toEqual([]);
      const present = new Set(routes.map((r) => `${r.method} ${r.url}`));
      const stale = Object.keys(ROUTE_CHECKS).filter((k) => !present.has(k));
      expect(stale, 'Entries of ROUTE_CHECKS for routes that no longer exist: remove them').toEqual([]);
      expect(routes.length).toBeGreaterThan(150);
    });

    it('has every route declare public, signed-in or a permission of the policy table', () => {
      const known = new Set<string>(['public', 'signed-in', ...Object.values(SUITE.policy.holds).flat()]);
      const unknown = routes
        .filter((r) => !r.access || !known.has(r.access))
        .map((r) => `${r.method} ${r.url}: ${String(r.access)}`);
      expect(
        unknown,
        `Routes declaring an access the policy table does not know:\n${unknown.join('\n')}\n${HOW_TO_ADD}`,
      ).toEqual([]);
    });

    it('refuses to build an app with an /api route that declares no access', async () => {
      const app = await buildApp({ database: t.database, config: t.config, serveWeb: false, logger: false });
      try {
        expect(() => app.get('/api/undeclared', async () => ({ ok: true }))).toThrow(/declares no access/);
      } finally {
        await app.close();
      }
    });

    describe('every route answers each actor as the policy table says', () => {
      for (const route of routes) {
        const key = `${route.method} ${route.url}`;
        it(key, async () => {
          const spec = ROUTE_CHECKS[key];
          if (!spec) return; // reported by the coverage test above
          expect(route.access, `${key} declares another access than its matrix entry says`).toBe(spec.access);
          tally.routes++;
          const problems: string[] = [];
          for (const check of spec.checks) problems.push(...(await runCheck(route, check)));
          expect(problems, `${key}:\n${problems.join('\n')}`).toEqual([]);
        }, 300_000);
      }
    });
  });
}
