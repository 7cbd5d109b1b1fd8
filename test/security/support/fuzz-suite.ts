// biome-ignore-all lint/suspicious/noExplicitAny: schemas and bodies are whatever the contracts say.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { programModules } from '../../../server/modules/index.ts';
import type { RegisteredRoute } from '../../../server/platform/http/route-config.ts';
import { unstorableText } from '../../../server/platform/http/text-input.ts';
import { registerRoutes } from '../../../server/routes.ts';
import { type ApiClient, type ApiResponse, createTestApp, type DatabaseKind } from '../../support/app.ts';
import {
  AREAS,
  CONTRACTOR_COMPANY,
  CONTRACTOR_WORKERS,
  EMPLOYEES,
  EXTERNAL_PERSONS,
  SITES,
  SUBSIDIARIES,
  USERS,
} from '../../support/fixture.ts';
import { actorNamed, signInMatrix } from './actors.ts';
import { type Family, multipart, PNG } from './family-kit.ts';
import {
  asQueryValue,
  BAD_QUERY_TEXT,
  badArb,
  type JsonSchema,
  type Pools,
  UNSTORABLE_TEXT,
  validArb,
} from './fuzz-arbitraries.ts';
import type { Permission } from './policy.ts';
import { Resources } from './resources.ts';
import { FAMILY_LOCATIONS, ROUTE_CHECKS, SUITE } from './suite.ts';

/**
 * Property-based fuzzing of every route of the route table with fast-check. Requests are generated from
 * the JSON schemas of the OpenAPI document (generated from the zod contracts): mostly valid-ish input, so
 * that a good share reaches the services, and one mutation in the rest (a wrong type, a huge or hostile
 * string, an out-of-range number, an impossible date, an unknown field, a bad id...). For every request:
 * - no 5xx, and every refusal is a problem document with its status;
 * - the zod contract is the oracle for validation: input it refuses gets 400, input it accepts never gets
 *   a 400 validation problem;
 * - a refused request (any 4xx) persists nothing: no row count, no record version and no audit chain moves,
 *   and no file is left in the file store.
 * The number of requests per route that reached the service (anything but a 400) is printed at the end.
 *
 * STEWARD_FUZZ_REQUESTS overrides the total (10,500 in `npm test`, 100,000 under `npm run test:stress`);
 * STEWARD_FUZZ_SEED replays a run (the seed is printed with the table).
 */

export async function defineFuzzSuite(kind: DatabaseKind, requests: number) {
  const TOTAL = Number(process.env.STEWARD_FUZZ_REQUESTS ?? requests);
  const SEED = Number(process.env.STEWARD_FUZZ_SEED ?? Date.now() % 2 ** 31);

  const filesDir = await mkdtemp(path.join(tmpdir(), 'steward-fuzz-'));
  const t = await createTestApp({ kind, config: { filesDir }, env: { STEWARD_MAX_UPLOAD_MB: '1' } });
  const routes: RegisteredRoute[] = [...t.app.routeTable];
  /** Rendering a PDF or a workbook takes far longer than a request: those routes get fewer runs, the rest more. */
  const heavy = (r: RegisteredRoute) => (r.url.endsWith('.pdf') ? 5 : r.url.endsWith('.xlsx') ? 15 : 0);
  const heavyRuns = routes.reduce((n, r) => n + heavy(r), 0);
  const perRoute = Math.ceil((TOTAL - heavyRuns) / routes.filter((r) => !heavy(r)).length);
  const runsOf = (r: RegisteredRoute) => heavy(r) || perRoute;

  type Operation = {
    parameters?: { in: string; name: string; schema: JsonSchema; required?: boolean }[];
    requestBody?: { content: Record<string, { schema: JsonSchema }> };
  };
  type Contract = { body?: z.ZodType; querystring?: z.ZodType; params?: z.ZodType };

  let admin: ApiClient;
  let doctor: ApiClient;
  let operations: Map<string, Operation>;
  let contracts: Map<string, Contract>;
  let pools: Pools;
  const idsByFamily = new Map<Family, string[]>();
  /** A valid body and query of each route (from the authorization matrix's checks), to start from. */
  const examples = new Map<string, { body?: unknown; query?: Record<string, string> }>();
  const stats = new Map<
    string,
    { sent: number; reached: number; ok: number; byStatus: Record<number, number> }
  >();

  beforeAll(async () => {
    const actors = await signInMatrix(t);
    doctor = actorNamed(actors, 'medical@group').client;
    admin = await t.signInAs('groupAdmin');
    const res = new Resources(t);
    const { seedPlainUsers } = await import('./actors.ts');
    await res.init(doctor, await seedPlainUsers(t.db, 'fuzz.member', 20));
    for (const family of Object.keys(FAMILY_LOCATIONS) as Family[]) {
      if (family === 'committeeMember') continue;
      const ids: string[] = [];
      for (const loc of FAMILY_LOCATIONS[family]) ids.push(await res.id(family, loc));
      idsByFamily.set(family, ids);
    }
    for (const [key, spec] of Object.entries(ROUTE_CHECKS))
      for (const check of spec.checks) {
        if (check.kind === 'list' && check.query) examples.set(key, { query: check.query });
        if (!('body' in check) || !check.body || examples.get(key)?.body !== undefined) continue;
        if ('contentType' in check && check.contentType) continue;
        const loc =
          check.kind === 'create'
            ? check.locations[0]
            : check.kind === 'record'
              ? FAMILY_LOCATIONS[check.family][0]
              : 'group';
        const query =
          'query' in check && check.query ? await check.query({ res, loc, n: res.next() }) : undefined;
        examples.set(key, { body: await check.body({ res, loc, n: res.next() }), query });
      }
    pools = {
      ids: [
        ...Object.values(SITES).map((s) => s.id),
        ...Object.values(SUBSIDIARIES).map((s) => s.id),
        ...Object.values(EMPLOYEES).map((e) => e.id),
        ...Object.values(AREAS).map((a) => a.id),
        ...Object.values(CONTRACTOR_WORKERS).map((w) => w.id),
        ...Object.values(EXTERNAL_PERSONS).map((x) => x.id),
        CONTRACTOR_COMPANY.id,
        ...[USERS.board.id, USERS.k7Officer.id, USERS.employee.id, USERS.medical.id],
        ...[...idsByFamily.values()].flat(),
      ],
    };
    const doc = (await t.anonymous().get('/api/openapi.json')).body;
    operations = new Map();
    for (const [p, item] of Object.entries<Record<string, Operation>>(doc.paths))
      for (const [method, op] of Object.entries(item))
        operations.set(`${method.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`, op);

    // The zod contracts themselves, taken from the route definitions: the oracle for validation.
    contracts = new Map();
    const capture = Fastify().withTypeProvider<ZodTypeProvider>();
    capture.setValidatorCompiler(validatorCompiler);
    capture.setSerializerCompiler(serializerCompiler);
    capture.addHook('onRoute', (r) => {
      for (const m of [r.method].flat()) contracts.set(`${m} ${r.url}`, (r.schema ?? {}) as Contract);
    });
    await registerRoutes(capture as never, t.app.services, t.config, programModules);
    await capture.close();

    await installWriteCounter();
  }, 600_000);

  /**
   * A row trigger on every table of the application (sessions aside: using a session moves its idle
   * window) counts the rows written by committed transactions, per table: a refused request must not move it.
   * Installed by this test in its own database, never by a migration.
   */
  async function installWriteCounter() {
    await sql`create table fuzz_writes (table_name text primary key, n bigint not null default 0)`.execute(
      t.db,
    );
    await sql
      .raw(`create function fuzz_count_write() returns trigger language plpgsql as $$
    begin
      insert into fuzz_writes (table_name, n) values (TG_TABLE_NAME, 1)
        on conflict (table_name) do update set n = fuzz_writes.n + 1;
      return null;
    end $$`)
      .execute(t.db);
    const tables = await sql<{ table_name: string }>`
    select c.relname as table_name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
      and c.relname not in ('fuzz_writes', 'sessions')`.execute(t.db);
    // A partitioned table's trigger reaches its partitions: the partitions themselves are left out.
    for (const { table_name } of tables.rows)
      await sql
        .raw(
          `create trigger fuzz_count_write after insert or update or delete on "${table_name}" for each row execute function fuzz_count_write()`,
        )
        .execute(t.db);
    expect(tables.rows.length).toBeGreaterThan(30);
  }

  afterAll(async () => {
    const rows = [...stats.entries()].sort(([a], [b]) => a.localeCompare(b));
    const total = rows.reduce((n, [, s]) => n + s.sent, 0);
    const reached = rows.reduce((n, [, s]) => n + s.reached, 0);
    const lines = rows.map(
      ([route, s]) =>
        `${route.padEnd(58)} ${String(s.sent).padStart(5)} ${String(s.reached).padStart(6)} ${String(s.ok).padStart(5)}  ${Object.entries(
          s.byStatus,
        )
          .map(([k, v]) => `${k}:${v}`)
          .join(' ')}`,
    );
    console.log(
      [
        `API fuzzing (${kind}, seed ${SEED}): ${total} requests, ${reached} reached the service (anything but a 400), on ${rows.length} routes`,
        `${'route'.padEnd(58)} ${'sent'.padStart(5)} ${'reached'.padStart(6)} ${'2xx'.padStart(5)}  statuses`,
        ...lines,
      ].join('\n'),
    );
    await t.close();
    await rm(filesDir, { recursive: true, force: true });
  });

  // ---- generating one request

  type Req = {
    method: string;
    params: Record<string, string>;
    query: Record<string, string>;
    body?: unknown;
    contentType?: string;
    /** For a multipart upload: the file's name and bytes. */
    file?: { name: string; bytes: Buffer };
    mutated: string | null;
  };

  const urlOf = (route: RegisteredRoute, req: Req) =>
    route.url.replace(/:(\w+)/g, (_m, name) => encodeURIComponent(req.params[name] ?? ''));

  /** The source types that the families' records are known by (an action's, a program record's). */
  const SOURCE_TYPES = Object.values(SUITE.families).flatMap((f) => (f.sourceType ? [f.sourceType] : []));

  function familyOf(route: RegisteredRoute): Family | undefined {
    for (const check of ROUTE_CHECKS[`${route.method} ${route.url}`]?.checks ?? [])
      if (check.kind === 'record' || check.kind === 'personal') return check.family;
    return undefined;
  }

  function paramsArb(route: RegisteredRoute): fc.Arbitrary<Record<string, string>> {
    const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]);
    if (names.length === 0) return fc.constant({});
    const family = familyOf(route);
    const known = family ? (idsByFamily.get(family) ?? []) : [];
    const valid = known.length
      ? fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...known) },
          { weight: 1, arbitrary: fc.constantFrom(...pools.ids) },
          { weight: 1, arbitrary: fc.uuid({ version: 4 }) },
        )
      : fc.uuid({ version: 4 });
    const token = fc.stringMatching(/^[A-Za-z0-9_-]{20,40}\.ics$/);
    // A record's type beside its id (a source): the type of the family whose ids are drawn, else any known one.
    const own = family && SUITE.families[family].sourceType;
    const recordType = own ? fc.constant(own) : fc.constantFrom(...SOURCE_TYPES);
    const generatorOf = (name: string) => (name === 'token' ? token : name === 'type' ? recordType : valid);
    return fc.record(Object.fromEntries(names.map((n) => [n, generatorOf(n)])));
  }

  /** A field's value: often the example's (which passes the contract's refinements), else generated. */
  const ABSENT = Symbol('absent');

  function fieldArb(schema: JsonSchema, example: unknown, required = false): fc.Arbitrary<unknown> {
    const generated = validArb(schema, pools);
    if (example !== undefined)
      return fc.oneof({ weight: 5, arbitrary: fc.constant(example) }, { weight: 1, arbitrary: generated });
    // An optional field the example leaves out stays out most of the time.
    return required
      ? generated
      : fc.oneof({ weight: 3, arbitrary: fc.constant(ABSENT) }, { weight: 1, arbitrary: generated });
  }

  const withoutAbsent = (o: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== ABSENT));

  function queryArb(
    op: Operation | undefined,
    example: Record<string, string> = {},
  ): fc.Arbitrary<Record<string, string>> {
    const params = (op?.parameters ?? []).filter((p) => p.in === 'query');
    if (!params.length) return fc.constant({});
    const model = Object.fromEntries(
      params.map((p) => [p.name, fieldArb(p.schema, example[p.name], p.required)]),
    );
    return fc
      .record(model)
      .map((q) => Object.fromEntries(Object.entries(withoutAbsent(q)).map(([k, v]) => [k, asQueryValue(v)])));
  }

  function bodyArb(schema: JsonSchema, example: unknown): fc.Arbitrary<unknown> {
    if (!schema.properties || !example || typeof example !== 'object' || Array.isArray(example))
      return validArb(schema, pools);
    const ex = example as Record<string, unknown>;
    const model = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [
        k,
        fieldArb(v, ex[k], schema.required?.includes(k)),
      ]),
    );
    return fc.record(model).map(withoutAbsent);
  }

  function bodySchema(op: Operation | undefined): JsonSchema | undefined {
    return op?.requestBody?.content?.['application/json']?.schema;
  }

  /** One mutation of a valid request: which part, and how. */
  function mutationArb(op: Operation | undefined, route: RegisteredRoute) {
    const options: fc.Arbitrary<(r: Req) => Req>[] = [];
    const schema = bodySchema(op);
    if (schema?.properties) {
      const keys = Object.keys(schema.properties);
      options.push(
        fc.constantFrom(...keys).chain((k) =>
          badArb((schema.properties as Record<string, JsonSchema>)[k]).map((v) => (r: Req) => ({
            ...r,
            body: { ...(r.body as object), [k]: v },
            mutated: `body.${k} = ${JSON.stringify(v)?.slice(0, 80)}`,
          })),
        ),
        fc
          .constantFrom('unexpectedField', 'isAdmin', 'siteIds', 'constructor', 'id', 'createdBy')
          .map((k) => (r: Req) => ({
            ...r,
            body: { ...(r.body as object), [k]: 'surprise' },
            mutated: `unknown field ${k}`,
          })),
        fc.constantFrom(...keys).chain((k) =>
          fc.constantFrom(...UNSTORABLE_TEXT).map((v) => (r: Req) => ({
            ...r,
            body: { ...(r.body as object), [k]: v },
            mutated: `body.${k} unstorable text`,
          })),
        ),
        fc
          .constantFrom([], 'text', 42, null, [{}])
          .map((v) => (r: Req) => ({ ...r, body: v, mutated: `body ${JSON.stringify(v)}` })),
      );
      // A body whose fields are all optional (e.g. "look now, at one site or all") has none to leave out.
      const required = keys.filter((k) => schema.required?.includes(k));
      if (required.length)
        options.push(
          fc.constantFrom(...required).map((k) => (r: Req) => {
            const { [k]: _dropped, ...rest } = r.body as Record<string, unknown>;
            return { ...r, body: rest, mutated: `without ${k}` };
          }),
        );
    }
    const query = (op?.parameters ?? []).filter((p) => p.in === 'query');
    if (query.length)
      options.push(
        fc.constantFrom(...query).chain((p) =>
          fc.oneof(badArb(p.schema).map(asQueryValue), BAD_QUERY_TEXT).map((v) => (r: Req) => ({
            ...r,
            query: { ...r.query, [p.name]: v },
            mutated: `?${p.name}=${v.slice(0, 60)}`,
          })),
        ),
      );
    const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]);
    if (names.length)
      options.push(
        fc
          .constantFrom(
            'not-a-uuid',
            '12345',
            "1' OR '1'='1",
            '../../etc/passwd',
            '\u202E',
            'x'.repeat(90),
            '00000000-0000-0000-0000-000000000000',
          )
          .map((bad) => (r: Req) => ({
            ...r,
            params: { ...r.params, [names[0]]: bad },
            mutated: `path ${names[0]} ${bad.slice(0, 40)}`,
          })),
      );
    return options.length ? fc.oneof(...options) : fc.constant((r: Req) => r);
  }

  const FILENAMES = [
    'evidence.png',
    '../../../etc/passwd',
    '..\\..\\boot.ini',
    'a/b/c.png',
    'nul\u0000.png',
    '.htaccess',
    'x'.repeat(400),
    '報告 ✓.png',
    'photo.png.exe',
    '',
  ];
  const FILE_BODIES: Buffer[] = [
    PNG,
    Buffer.from('MZ\x90\x00'),
    Buffer.alloc(0),
    Buffer.from('%PDF-1.7\n%%EOF'),
    Buffer.from('employee_no,course_code,completed_on\nK7-0001,C-1,2026-01-05\n'),
    Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'),
  ];

  function requestArb(route: RegisteredRoute): fc.Arbitrary<Req> {
    const key = `${route.method} ${route.url}`;
    const op = operations.get(key);
    const schema = bodySchema(op);
    const consumes = Object.keys(op?.requestBody?.content ?? {});
    let body: fc.Arbitrary<unknown> = fc.constant(undefined);
    let contentType: string | undefined;
    const example = examples.get(key);
    if (schema) body = bodyArb(schema, example?.body);
    else if (consumes.includes('text/csv')) {
      contentType = 'text/csv';
      body = fc
        .array(
          fc.tuple(
            fc.constantFrom('K7-0001', 'TC-0002', 'ZZ-9', "'; drop table employees;--"),
            fc.string({ maxLength: 20 }),
            fc.constantFrom('K7', 'TC', 'XX', ''),
            fc.constantFrom('2024-01-02', '2023-02-30', 'x'),
          ),
          { maxLength: 5 },
        )
        .map((rows) =>
          [
            'employee_no,full_name,site_code,department,hire_date',
            ...rows.map(
              ([no, name, site, date]) => `${no},"${name.replace(/"/g, '""')}",${site},Test,${date}`,
            ),
          ].join('\n'),
        );
    }
    const file = isMultipart(route)
      ? fc.record({ name: fc.constantFrom(...FILENAMES), bytes: fc.constantFrom(...FILE_BODIES) })
      : fc.constant(undefined);
    const base = fc.record({ params: paramsArb(route), query: queryArb(op, example?.query), body, file }).map(
      ({ params, query, body, file }): Req => ({
        method: route.method,
        params,
        query,
        body,
        contentType,
        file,
        mutated: null,
      }),
    );
    // Four requests in ten carry one mutation.
    return fc
      .tuple(base, fc.integer({ min: 0, max: 9 }), mutationArb(op, route))
      .map(([r, dice, fn]) => (dice < 4 ? fn(r) : r));
  }

  // ---- checking one response

  const isMultipart = (route: RegisteredRoute) =>
    Object.keys(operations.get(`${route.method} ${route.url}`)?.requestBody?.content ?? {}).includes(
      'multipart/form-data',
    ) ||
    ((route.url === '/api/documents' || route.url === '/api/imports') && route.method === 'POST');

  async function fingerprint(): Promise<Record<string, string>> {
    const r = await sql<{
      table_name: string;
      n: string;
    }>`select table_name, n::text as n from fuzz_writes`.execute(t.db);
    return Object.fromEntries(r.rows.map((row) => [row.table_name, row.n]));
  }

  async function storedFiles(): Promise<number> {
    const entries = await readdir(filesDir, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isFile()).length;
  }

  function contractVerdict(key: string, req: Req): 'valid' | 'invalid' | 'unknown' {
    const c = contracts.get(key);
    if (!c || req.contentType || req.file) return 'unknown';
    // Text no field may hold (NUL, a lone surrogate) is refused with 400 before the contract is applied.
    if (
      unstorableText(req.params, 'params').length ||
      unstorableText(req.query, 'querystring').length ||
      unstorableText(req.body, 'body').length
    )
      return 'invalid';
    try {
      if (c.params && !c.params.safeParse(req.params).success) return 'invalid';
      if (c.querystring && !c.querystring.safeParse(req.query).success) return 'invalid';
      if (c.body) {
        if (req.body === undefined) return 'invalid';
        if (!c.body.safeParse(JSON.parse(JSON.stringify(req.body))).success) return 'invalid';
      }
      return 'valid';
    } catch {
      return 'unknown';
    }
  }

  /** Who sends the request: the group administrator, or for individual health data the group's doctor. */
  function senderFor(route: RegisteredRoute): ApiClient {
    if (route.access === 'public') return t.anonymous();
    if (route.access !== 'signed-in' && !SUITE.policy.holds.group_admin.includes(route.access as Permission))
      return doctor;
    return admin;
  }

  let before: Record<string, string> | null = null;
  let filesBefore = 0;

  async function sendAndCheck(route: RegisteredRoute, req: Req): Promise<void> {
    const key = `${route.method} ${route.url}`;
    const client = senderFor(route);
    const multi = isMultipart(route);
    before ??= await fingerprint();
    if (multi) filesBefore = await storedFiles();
    let body = req.body;
    let contentType = req.contentType;
    if (req.file) ({ body, contentType } = await multipart(req.file.name, req.file.bytes));
    const url = urlOf(route, req);
    const started = performance.now();
    const res: ApiResponse = await client.request(req.method as 'GET', url, body, {
      query: req.query,
      contentType,
      stream: route.stream,
    });
    if (process.env.FUZZ_DEBUG && performance.now() - started > 500)
      console.log(
        `slow ${Math.round(performance.now() - started)}ms ${req.method} ${url} ${JSON.stringify(req.body)?.slice(0, 2000)}`,
      );
    const s = stats.get(key) ?? { sent: 0, reached: 0, ok: 0, byStatus: {} };
    s.sent++;
    s.byStatus[res.status] = (s.byStatus[res.status] ?? 0) + 1;
    if (res.status !== 400) s.reached++;
    if (res.status < 300) s.ok++;
    stats.set(key, s);
    const what = `${req.method} ${url}?${new URLSearchParams(req.query)} ${req.mutated ? `[${req.mutated}] ` : ''}body ${JSON.stringify(req.body)?.slice(0, 300)}`;

    expect(res.status, `5xx for ${what}: ${res.text.slice(0, 400)}`).toBeLessThan(500);
    if (res.status >= 400) {
      expect(String(res.headers['content-type']), `${what}: not a problem document`).toContain(
        'application/problem+json',
      );
      expect(res.body.status, what).toBe(res.status);
    }
    const verdict = contractVerdict(key, req);
    if (verdict === 'invalid')
      expect(
        res.status,
        `the contract refuses ${what}, the server answered ${res.status}: ${res.text.slice(0, 200)}`,
      ).toBe(400);
    if (verdict === 'valid')
      expect(
        res.status === 400 && /validation/.test(res.body?.type ?? ''),
        `the contract accepts ${what}, the server refused it: ${res.text.slice(0, 300)}`,
      ).toBe(false);

    // Background work of an accepted import step finishes before the next comparison.
    const importId = /^\/api\/imports\/([0-9a-f-]{36})\//.exec(url)?.[1];
    if (importId && res.status < 300) await t.app.services.imports.settled(importId);

    if (res.status >= 400 && route.url !== '/api/auth/sign-in') {
      // A refused request persists nothing (a failed sign-in is counted on purpose, so it is left out).
      const after = await fingerprint();
      const moved = Object.keys(after)
        .filter((k) => after[k] !== before?.[k])
        .map((k) => `${k} (${Number(after[k]) - Number(before?.[k] ?? 0)} rows)`);
      before = after;
      expect(moved, `${what} was refused with ${res.status} but wrote ${moved.join(', ')}`).toEqual([]);
      if (multi)
        expect(await storedFiles(), `${what} was refused with ${res.status} but left a file`).toBe(
          filesBefore,
        );
    } else before = null;
  }

  describe(`API fuzzing with fast-check (${kind})`, () => {
    it('covers every route of the route table', () => {
      expect(routes.length).toBeGreaterThan(150);
      expect(routes.reduce((n, r) => n + runsOf(r), 0)).toBeGreaterThanOrEqual(Math.min(TOTAL, 10_000));
    });

    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      // Signing out ends the session the other requests use: it is fuzzed signed out (see senderFor).
      it(key, async () => {
        const gen = performance.now();
        if (process.env.FUZZ_DEBUG) fc.sample(requestArb(route), { numRuns: runsOf(route), seed: SEED });
        if (process.env.FUZZ_DEBUG)
          console.log(`generation of ${key}: ${Math.round(performance.now() - gen)}ms`);
        await fc.assert(
          fc.asyncProperty(requestArb(route), (req) => sendAndCheck(route, req)),
          { numRuns: runsOf(route), seed: SEED, endOnFailure: false, verbose: 1 },
        );
      }, 300_000);
    }

    it('sent at least 10,000 requests, and a good share of them reached the services', () => {
      const sent = [...stats.values()].reduce((n, s) => n + s.sent, 0);
      const reached = [...stats.values()].reduce((n, s) => n + s.reached, 0);
      expect(sent).toBeGreaterThanOrEqual(Math.min(TOTAL, 10_000));
      expect(reached / sent).toBeGreaterThan(0.4);
    });
  });
}
