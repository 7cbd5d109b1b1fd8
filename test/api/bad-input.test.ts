import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, type ApiResponse, createTestApp, databases, type TestApp } from '../support/app.ts';
import {
  AREAS,
  CONTRACTOR_COMPANY,
  CONTRACTOR_WORKERS,
  EMPLOYEES,
  EXTERNAL_PERSONS,
  SITES,
  SUBSIDIARIES,
  USERS,
} from '../support/fixture.ts';
import { upload } from '../support/imports.ts';

/**
 * Bad input never causes a 500: every refusal is a 4xx problem+json document.
 * Part of it is generated from the OpenAPI document, so that routes added later are covered too.
 */

type Schema = {
  type?: string | string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
};
type Operation = {
  parameters?: { in: string; name: string; schema: Schema; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

function alternatives(schema: Schema): Schema[] {
  const alts = schema.anyOf ?? schema.oneOf;
  return alts ? alts.flatMap(alternatives) : [schema];
}

function typesOf(schema: Schema): Set<string> {
  const out = new Set<string>();
  for (const alt of alternatives(schema)) {
    for (const t of [alt.type ?? []].flat()) out.add(t === 'integer' ? 'number' : t);
    if (alt.enum) for (const v of alt.enum) out.add(v === null ? 'null' : typeof v);
  }
  return out;
}

/** Values that the schema can never accept, each with a label for the failure message. */
function invalidValues(schema: Schema): [string, unknown][] {
  const out: [string, unknown][] = [];
  const types = typesOf(schema);
  if (types.size === 0) return out; // any value is accepted (z.unknown)
  const candidates: [string, string, unknown][] = [
    ['string', 'a string', 'wrong-type'],
    ['number', 'a number', 12345],
    ['boolean', 'a boolean', true],
    ['object', 'an object', { nested: { deeper: 1 } }],
    ['array', 'an array', ['x', 1]],
    ['null', 'null', null],
  ];
  for (const [type, label, value] of candidates) if (!types.has(type)) out.push([label, value]);
  for (const alt of alternatives(schema)) {
    const type = [alt.type].flat()[0];
    if (type === 'string') {
      if (alt.enum) out.push(['a value outside the enum', 'not-an-option']);
      if (alt.format === 'uuid')
        out.push(['a malformed uuid', 'not-a-uuid'], ['an injection attempt', "1' or '1'='1"]);
      if (alt.pattern === DATE_PATTERN)
        out.push(
          ['an impossible date', '2023-02-30'],
          ['month 13', '2023-13-01'],
          ['a date-time', '2023-01-01T00:00:00Z'],
        );
      // Every text field has a maximum length: one character more is refused, and so is a huge string where
      // no maximum is declared.
      if (alt.maxLength !== undefined)
        out.push([`${alt.maxLength + 1} characters`, 'x'.repeat(alt.maxLength + 1)]);
      else out.push(['a huge string', 'x'.repeat(100_000)]);
    }
    if (type === 'integer' || type === 'number') {
      if (type === 'integer') out.push(['a fraction', 1.5]);
      if (alt.minimum !== undefined && alt.minimum > -MAX_SAFE)
        out.push(['below the minimum', alt.minimum - 1]);
      if (alt.maximum !== undefined && alt.maximum < MAX_SAFE)
        out.push(['above the maximum', alt.maximum + 1]);
      out.push(['a huge number', 1e300]);
    }
    if (type === 'array' && alt.items) {
      const bad = invalidValues(alt.items)[0];
      if (bad) out.push([`an array holding ${bad[0]}`, [bad[1]]]);
    }
  }
  return out;
}

/** Valid bodies for the routes known today; a mutated field is then the only thing wrong. */
function validBodies(): Record<string, unknown> {
  return {
    'POST /api/auth/sign-in': { email: USERS.board.email, password: USERS.board.password },
    'PUT /api/auth/preferences': { locale: 'en' },
    'POST /api/auth/tokens': { name: 'fuzz', expiresInDays: 5 },
    'POST /api/org/subsidiaries': { code: 'USI', name: 'Universal Scientific Industrial' },
    'PATCH /api/org/subsidiaries/{id}': { name: 'ASE Inc.', version: 1 },
    'POST /api/org/sites': {
      subsidiaryId: SUBSIDIARIES.ASE.id,
      code: 'K9',
      name: 'K9',
      country: 'TW',
      timeZone: 'Asia/Taipei',
      kind: 'manufacturing',
    },
    'PATCH /api/org/sites/{id}': { name: 'Renamed', version: 1 },
    'POST /api/org/areas': {
      siteId: SITES.K7.id,
      parentId: null,
      kind: 'building',
      code: 'B9',
      name: 'Building 9',
    },
    'PATCH /api/org/areas/{id}': { name: 'Renamed', version: 1 },
    'POST /api/people/employees': {
      siteId: SITES.K7.id,
      employeeNo: 'K7-FUZZ',
      fullName: 'Fuzz Tester',
      email: 'fuzz@steward.test',
      department: 'Test',
      jobTitle: null,
      hireDate: '2024-01-01',
      leaveDate: null,
    },
    'PATCH /api/people/employees/{id}': { department: 'Test', version: 1 },
    'POST /api/people/contractor-companies': { name: 'Fuzz Co.', country: 'TW' },
    'PATCH /api/people/contractor-companies/{id}': { name: 'Fuzz Co.', version: 1 },
    'POST /api/people/contractor-workers': {
      companyId: CONTRACTOR_COMPANY.id,
      siteId: SITES.K7.id,
      workerNo: 'FZ-1',
      fullName: 'Fuzz Worker',
    },
    'PATCH /api/people/contractor-workers/{id}': { trade: 'Rigger', version: 1 },
    'POST /api/people/externals': {
      siteId: SITES.K7.id,
      kind: 'visitor',
      fullName: 'Fuzz',
      organisation: 'Fuzz Ltd',
    },
    'PATCH /api/people/externals/{id}': { fullName: 'Fuzz', version: 1 },
    'POST /api/users': {
      email: 'fuzz.user@steward.test',
      displayName: 'Fuzz User',
      password: 'Fuzzing-Pass-123',
      assignments: [{ role: 'employee', scopeKind: 'sites', siteIds: [SITES.K7.id] }],
    },
    'PATCH /api/users/{id}': { displayName: 'Fuzz', version: 1 },
    'POST /api/smart/sensors': {
      siteId: SITES.K7.id,
      tag: 'FUZZ-1',
      name: 'Fuzz sensor',
      kind: 'noise',
      unit: 'dBA',
      limitH: 85,
    },
  };
}

/** A real id for each path with {id}, so that the path is right and only the input is wrong. */
const idFor: [RegExp, string][] = [
  [/^\/api\/org\/subsidiaries\//, SUBSIDIARIES.ASE.id],
  [/^\/api\/org\/sites\//, SITES.K7.id],
  [/^\/api\/org\/areas\//, AREAS.K7_B1_F3_L2.id],
  [/^\/api\/people\/employees\//, EMPLOYEES['K7-0002'].id],
  [/^\/api\/people\/contractor-companies\//, CONTRACTOR_COMPANY.id],
  [/^\/api\/people\/contractor-workers\//, CONTRACTOR_WORKERS.KS_001.id],
  [/^\/api\/people\/externals\//, EXTERNAL_PERSONS.STUDENT.id],
  [/^\/api\/users\//, USERS.board.id],
];
const realPath = (path: string) =>
  path
    .replace('{id}', idFor.find(([re]) => re.test(path))?.[1] ?? '6f0e2b7c-1d3a-4e5f-9a8b-7c6d5e4f3a2b')
    // Another parameter of the path (a supplier's contact): well formed, so that only the body is wrong.
    .replace(/\{[A-Za-z]+\}/g, '6f0e2b7c-1d3a-4e5f-9a8b-7c6d5e4f3a2c');

function expectProblem(res: ApiResponse, what: string, status?: number) {
  expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
  if (status) expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBe(status);
  expect(String(res.headers['content-type']), what).toContain('application/problem+json');
  expect(res.body.status, what).toBe(res.status);
  expect(typeof res.body.title, what).toBe('string');
  expect(typeof res.body.detail, what).toBe('string');
}

describe.each(databases())('bad input gets a 4xx problem document, never a 500 (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let operations: { method: Method; path: string; op: Operation }[];

  beforeAll(async () => {
    t = await createTestApp({ kind });
    admin = await t.signInAs('groupAdmin');
    const doc = (await t.anonymous().get('/api/openapi.json')).body;
    operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(
      ([path, item]) =>
        Object.entries(item).map(([method, op]) => ({ method: method.toUpperCase() as Method, path, op })),
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  // Generated from the OpenAPI document: input validation comes before any query, so one database is enough.
  if (kind === databases()[0])
    describe('every operation', () => {
      it('has the operations to check', () => {
        expect(operations.length).toBeGreaterThan(25);
      });

      it('refuses a malformed id in every path with 400', async () => {
        const withId = operations.filter((o) => o.path.includes('{id}'));
        expect(withId.length).toBeGreaterThan(10);
        for (const { method, path: template, op } of withId) {
          // Other path parameters get a well-formed value, so that the id is the one thing wrong.
          const path = template.replace('{type}', 'action');
          const body = op.requestBody?.content['application/json'] ? {} : undefined;
          for (const bad of [
            'not-a-uuid',
            '12345',
            "1'%20or%20'1'='1",
            '%C3%A4%C3%B6',
            '6f0e2b7c1d3a4e5f9a8b7c6d5e4f3a2b',
          ]) {
            const res = await admin.request(method, path.replace('{id}', bad), body);
            expectProblem(res, `${method} ${path} with id ${bad}`, 400);
            expect(res.body.errors?.[0]?.path, `${method} ${path}`).toBe('params.id');
          }
          expectProblem(
            await admin.request(method, path.replace('{id}', '%E0%A4%A'), body),
            `${method} ${path} bad percent-encoding`,
            400,
          );
          expectProblem(
            await admin.request(method, path.replace('{id}', 'x'.repeat(5000)), body),
            `${method} ${path} long id`,
          );
          // A well-formed id of nothing: not found (or a 4xx about the missing body), never a 500.
          const nothing = await admin.request(
            method,
            path.replace('{id}', '00000000-0000-0000-0000-000000000000'),
            body,
          );
          expectProblem(nothing, `${method} ${path} nil uuid`);
        }
      });

      it('refuses bad query parameters on every operation with 400, naming the parameter', async () => {
        const bodies = validBodies();
        let checked = 0;
        for (const { method, path, op } of operations) {
          // A valid body, so that the query string is what gets refused.
          const json = op.requestBody?.content['application/json']
            ? (bodies[`${method} ${path}`] ?? {})
            : undefined;
          const body = op.requestBody?.content['text/csv'] ? 'employee_no\n' : json;
          const contentType = op.requestBody?.content['text/csv'] ? 'text/csv' : undefined;
          for (const param of (op.parameters ?? []).filter((p) => p.in === 'query')) {
            for (const [label, value] of invalidValues(param.schema)) {
              if (value === null || typeof value === 'object' || typeof value === 'boolean') continue; // not expressible in a query string
              if (typeof value === 'number' && (param.schema.type === 'string' || param.schema.anyOf))
                continue; // "12345" is a string too
              const res = await admin.request(method, realPath(path), body, {
                contentType,
                query: { [param.name]: String(value) },
              });
              expectProblem(res, `${method} ${path}?${param.name}= ${label}`, 400);
              expect(
                res.body.errors?.map((e: { path: string }) => e.path),
                `${method} ${path} ${param.name}`,
              ).toContain(`querystring.${param.name}`);
              checked++;
            }
            // The same parameter twice is an array, which no parameter accepts.
            const twice = await admin.request(
              method,
              `${realPath(path)}?${param.name}=a&${param.name}=b`,
              body,
              { contentType },
            );
            expectProblem(twice, `${method} ${path} ${param.name} twice`, 400);
          }
        }
        expect(checked).toBeGreaterThan(50);
      });

      it('refuses unknown fields in every JSON body with 400', async () => {
        const bodies = validBodies();
        for (const { method, path, op } of operations) {
          const schema = op.requestBody?.content['application/json']?.schema;
          if (!schema) continue;
          expect(schema.additionalProperties, `${method} ${path} accepts unknown fields`).toBe(false);
          const base = (bodies[`${method} ${path}`] as Record<string, unknown>) ?? {};
          const res = await admin.request(method, realPath(path), { ...base, unexpectedField: 'surprise' });
          expectProblem(res, `${method} ${path} with an unknown field`, 400);
        }
      });

      it('refuses a wrong type, an impossible date, a bad uuid or a huge string in any body field with 400', async () => {
        const bodies = validBodies();
        let checked = 0;
        for (const { method, path, op } of operations) {
          const schema = op.requestBody?.content['application/json']?.schema;
          if (!schema?.properties) continue;
          const base = (bodies[`${method} ${path}`] as Record<string, unknown>) ?? {};
          for (const [field, fieldSchema] of Object.entries(schema.properties)) {
            for (const [label, value] of invalidValues(fieldSchema)) {
              const res = await admin.request(method, realPath(path), { ...base, [field]: value });
              expectProblem(res, `${method} ${path} ${field} = ${label}`, 400);
              const paths: string[] = res.body.errors?.map((e: { path: string }) => e.path) ?? [];
              expect(
                paths.some((p) => p === `body.${field}` || p.startsWith(`body.${field}.`)),
                `${method} ${path} ${field} = ${label}: ${paths.join(', ')}`,
              ).toBe(true);
              checked++;
            }
          }
          // Not an object at all.
          for (const body of [[], 'text', 42, null]) {
            const res = await admin.request(method, realPath(path), JSON.stringify(body), {
              contentType: 'application/json',
            });
            expectProblem(res, `${method} ${path} with the body ${JSON.stringify(body)}`, 400);
          }
        }
        expect(checked).toBeGreaterThan(200);
      });

      it('accepts the valid bodies the checks above start from (so each refusal was about the bad field)', async () => {
        const bodies = validBodies();
        for (const [route, body] of Object.entries(bodies)) {
          if (route === 'POST /api/auth/sign-in') continue;
          const [method, path] = route.split(' ') as [Method, string];
          const res = await admin.request(method, realPath(path), body);
          // 409 for a stale version is fine: the input itself was accepted.
          expect([200, 201, 204, 409], `${route}: ${res.text.slice(0, 300)}`).toContain(res.status);
        }
      });
    });

  describe('named cases', () => {
    const employeeInput = {
      siteId: SITES.K7.id,
      employeeNo: 'K7-0777',
      fullName: 'Named Case',
      department: 'Test',
      hireDate: '2024-02-29',
    };

    it('refuses impossible calendar dates in bodies and queries', async () => {
      for (const hireDate of [
        '2023-02-30',
        '2023-02-29',
        '2024-04-31',
        '2024-00-10',
        '2024-1-1',
        '20240101',
        'yesterday',
      ]) {
        const res = await admin.post('/api/people/employees', { ...employeeInput, hireDate });
        expectProblem(res, hireDate, 400);
        expect(new Set(res.body.errors.map((e: { path: string }) => e.path))).toEqual(
          new Set(['body.hireDate']),
        );
      }
      const auditor = await t.signInAs('auditor');
      expectProblem(
        await auditor.get('/api/audit/events', { query: { from: '2023-02-30' } }),
        'audit from',
        400,
      );
    });

    it('refuses wrong types without coercing them', async () => {
      const res = await admin.post('/api/people/employees', {
        ...employeeInput,
        siteId: 42,
        hireDate: 20240101,
      });
      expectProblem(res, 'wrong types', 400);
      expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        'body.hireDate',
        'body.siteId',
      ]);
      const version = await admin.patch(`/api/people/employees/${EMPLOYEES['K7-0001'].id}`, {
        jobTitle: 'x',
        version: '1',
      });
      expectProblem(version, 'version as a string', 400);
    });

    it('refuses a body that is not JSON, an empty body, another media type and an oversized body', async () => {
      const post = (payload: string, type: string) =>
        admin.request('POST', '/api/people/employees', payload, { contentType: type });
      expectProblem(await post('{"siteId": ', 'application/json'), 'truncated JSON', 400);
      expectProblem(await post('', 'application/json'), 'empty JSON body', 400);
      expectProblem(await post('<employee/>', 'application/xml'), 'XML', 415);
      expectProblem(
        await post(JSON.stringify({ fullName: 'x'.repeat(11 * 1024 * 1024) }), 'application/json'),
        'over 10 MB',
        413,
      );
      expectProblem(await upload(admin, 'empty.csv', Buffer.alloc(0), 'employees'), 'empty CSV file', 415);
    });

    it('refuses text with NUL characters, which PostgreSQL cannot store, with 400 naming the field', async () => {
      const name = await admin.post('/api/people/employees', { ...employeeInput, fullName: 'Nul\u0000Name' });
      expectProblem(name, 'NUL in a name', 400);
      expect(name.body.errors).toEqual([{ path: 'body.fullName', message: expect.stringContaining('NUL') }]);
      const search = await admin.get('/api/people/employees', { query: { q: 'a\u0000b' } });
      expectProblem(search, 'NUL in a search', 400);
      expect(search.body.errors).toEqual([
        { path: 'querystring.q', message: expect.stringContaining('NUL') },
      ]);
      const csv =
        'employee_no,full_name,site_code,department,hire_date\nK7-0778,Nul\u0000Row,K7,Test,2024-01-01\n';
      expectProblem(await upload(admin, 'nul.csv', Buffer.from(csv), 'employees'), 'NUL in CSV', 415);
    });

    it('refuses a lone UTF-16 surrogate in any text field with 400 naming the field, storing nothing', async () => {
      const incident = (fields: Record<string, unknown>) => ({
        siteId: SITES.K7.id,
        kind: 'unsafe_condition',
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        title: 'Surrogate check',
        description: 'A loose cable across the walkway.',
        ...fields,
      });
      const stored = async () =>
        (
          await t.db
            .selectFrom('ohs_incidents')
            .select('id')
            .where('title', 'like', 'Surrogate check%')
            .execute()
        ).length;
      const high = await admin.post('/api/ohs/incidents', incident({ title: 'Surrogate check \ud800' }));
      expectProblem(high, 'a lone high surrogate', 400);
      expect(high.body.errors).toEqual([
        { path: 'body.title', message: expect.stringContaining('surrogate') },
      ]);
      const low = await admin.post(
        '/api/ohs/incidents',
        incident({ description: 'half \udc00 a character' }),
      );
      expectProblem(low, 'a lone low surrogate', 400);
      expect(low.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.description']);
      const nested = await admin.post('/api/users', {
        ...(validBodies()['POST /api/users'] as object),
        email: 'surrogate@steward.test',
        displayName: 'Half \ud83d',
      });
      expectProblem(nested, 'a lone surrogate in a user name', 400);
      expect(nested.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.displayName']);
      expect(await stored()).toBe(0);
      // A whole character outside the BMP (a surrogate pair) is text like any other, stored as sent.
      const emoji = await admin.post('/api/ohs/incidents', incident({ title: 'Surrogate check \u{1F6A7}' }));
      expect(emoji.status, emoji.text).toBe(201);
      expect(emoji.body.title).toBe('Surrogate check \u{1F6A7}');
      expect(await stored()).toBe(1);
    });

    it('names the unknown referenced id (site, owner) in errors, with 422', async () => {
      const ghost = '6f0e2b7c-1d3a-4e5f-9a8b-7c6d5e4f3a2b';
      const owner = await t.signInAs('ohsOwner');
      const cases: [string, ApiClient, string, Record<string, unknown>, string][] = [
        [
          'a certificate at an unknown site',
          admin,
          '/api/certifications',
          { standard: 'ISO 45001', siteId: ghost, issuedOn: '2024-01-01', validUntil: '2027-01-01' },
          'body.siteId',
        ],
        [
          'a certificate with an unknown owner',
          admin,
          '/api/certifications',
          {
            standard: 'ISO 45001',
            siteId: SITES.K7.id,
            ownerId: ghost,
            issuedOn: '2024-01-01',
            validUntil: '2027-01-01',
          },
          'body.ownerId',
        ],
        [
          'an action at an unknown site',
          admin,
          '/api/actions',
          { siteId: ghost, kind: 'corrective', title: 'Fix the guard', dueDate: '2027-01-01' },
          'body.siteId',
        ],
        [
          'a goal at an unknown site',
          owner,
          '/api/ohs/goals',
          {
            siteId: ghost,
            title: 'No fatality',
            horizon: 'short',
            metric: 'fatalities',
            comparison: 'at_most',
            target: 0,
            fromYear: 2025,
            toYear: 2026,
          },
          'body.siteId',
        ],
        [
          'a wellbeing programme at an unknown site',
          owner,
          '/api/ohs/wellbeing/programs',
          { siteId: ghost, kind: 'clinic', name: 'Walk at lunch', startedOn: '2025-01-01' },
          'body.siteId',
        ],
      ];
      for (const [what, client, path, body, field] of cases) {
        const res = await client.post(path, body);
        expectProblem(res, what, 422);
        expect(res.body.errors, what).toEqual([{ path: field, message: expect.stringContaining('this id') }]);
      }
    });

    it('refuses references to records that do not exist with a 4xx', async () => {
      const ghost = '6f0e2b7c-1d3a-4e5f-9a8b-7c6d5e4f3a2b';
      expectProblem(
        await admin.post('/api/people/employees', { ...employeeInput, siteId: ghost }),
        'unknown site',
      );
      expectProblem(
        await admin.post('/api/org/areas', {
          siteId: SITES.K7.id,
          parentId: ghost,
          kind: 'floor',
          code: 'ZZ',
          name: 'z',
        }),
        'unknown parent',
      );
      expectProblem(
        await admin.post('/api/org/sites', {
          ...(validBodies()['POST /api/org/sites'] as object),
          code: 'ZZ',
          subsidiaryId: ghost,
        }),
        'unknown subsidiary',
      );
      expectProblem(
        await admin.post('/api/users', {
          ...(validBodies()['POST /api/users'] as object),
          email: 'ghost.scope@steward.test',
          assignments: [{ role: 'board', scopeKind: 'subsidiary', subsidiaryId: ghost }],
        }),
        'unknown subsidiary in a role',
      );
      expectProblem(
        await admin.post('/api/users', {
          ...(validBodies()['POST /api/users'] as object),
          email: 'ghost.site@steward.test',
          assignments: [{ role: 'employee', scopeKind: 'sites', siteIds: [ghost] }],
        }),
        'unknown site in a role',
        422,
      );
    });

    it('refuses a weak password, and a role scope without its subsidiary or sites', async () => {
      const base = validBodies()['POST /api/users'] as Record<string, unknown>;
      const weak = await admin.post('/api/users', { ...base, email: 'weak@steward.test', password: 'short' });
      expectProblem(weak, 'weak password', 422);
      expect(weak.body.errors[0].path).toBe('password');
      const noSites = await admin.post('/api/users', {
        ...base,
        email: 'nosites@steward.test',
        assignments: [{ role: 'site_officer', scopeKind: 'sites', siteIds: [] }],
      });
      expectProblem(noSites, 'empty site scope', 400);
      const owner = await admin.post('/api/users', {
        ...base,
        email: 'owner@steward.test',
        assignments: [{ role: 'program_owner', scopeKind: 'group' }],
      });
      expectProblem(owner, 'program owner without program', 422);
    });

    it('refuses sign-in input of the wrong shape with 400, not 401', async () => {
      for (const body of [
        {},
        { email: 'not-an-email', password: 'x' },
        { email: USERS.board.email, password: 'x'.repeat(300) },
        { email: USERS.board.email },
      ]) {
        expectProblem(
          await t.anonymous().post('/api/auth/sign-in', body),
          JSON.stringify(body).slice(0, 80),
          400,
        );
      }
    });

    it('still answers normally afterwards', async () => {
      const res = await admin.get('/api/people/employees');
      expect(res.status).toBe(200);
      expect((await t.anonymous().get('/api/ready')).body.ready).toBe(true);
    });
  });
});
