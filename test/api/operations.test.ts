import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programModules } from '../../server/modules/index.ts';
import {
  allPermissions,
  grantsMatch,
  type Permission,
  readOnlyRoles,
} from '../../server/platform/access/policy.ts';
import { createTestApp, databases, type TestApp } from '../support/app.ts';

describe.each(databases())('operations (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reports alive on /api/health without sign-in', async () => {
    const res = await t.anonymous().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('reports ready on /api/ready with the database kind and no pending migration', async () => {
    const res = await t.anonymous().get('/api/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ready: true, database: kind, pendingMigrations: [], files: 'ok' });
  });

  it('answers every API response with a request id and no-store caching', async () => {
    const res = await t.anonymous().get('/api/health', { headers: { 'x-request-id': 'trace-me-123' } });
    expect(res.headers['x-request-id']).toBe('trace-me-123');
    expect(res.headers['cache-control']).toBe('no-store');
    const other = await t.anonymous().get('/api/health');
    expect(String(other.headers['x-request-id'])).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const res = await t.anonymous().get('/api/health');
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves an OpenAPI 3.1 document listing every API route', async () => {
    const res = await t.anonymous().get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('Steward API');
    expect(Object.keys(doc.components.securitySchemes)).toEqual(expect.arrayContaining(['session', 'token']));
    const listed = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>))
      for (const method of Object.keys(item)) listed.add(`${method.toUpperCase()} ${path}`);
    const expected = t.app.routeTable
      .filter((r) => r.url !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(expected.length).toBeGreaterThan(25);
    for (const route of expected) expect(listed, route).toContain(route);
    for (const route of [
      'POST /api/auth/sign-in',
      'GET /api/people/employees/{id}',
      'PATCH /api/users/{id}',
      'GET /api/audit/verify',
    ])
      expect(listed).toContain(route);
    // Request bodies are described from the zod contracts.
    const signIn = doc.paths['/api/auth/sign-in'].post;
    expect(Object.keys(signIn.requestBody.content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['email', 'password']),
    );
  });

  it('serves the API reference page', async () => {
    const res = await t.anonymous().get('/api/docs/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('/api/openapi.json');
  });

  it('answers an unknown API route with a problem+json 404', async () => {
    const res = await t.anonymous().get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, title: 'Not found', instance: '/api/no-such-thing' });
    expect(res.body.requestId).toBeTruthy();
  });

  it('declares an access rule on every API route', () => {
    const apiRoutes = t.app.routeTable.filter((r) => r.url.startsWith('/api/'));
    // The table holds the app's routes (well over a hundred), not an empty list that would pass anything.
    expect(apiRoutes.length).toBeGreaterThan(100);
    for (const route of ['POST /api/ohs/incidents', 'GET /api/people/employees', 'PATCH /api/users/:id'])
      expect(apiRoutes.map((r) => `${r.method} ${r.url}`)).toContain(route);
    const known = new Set<string>(['public', 'signed-in', ...allPermissions()]);
    const undeclared = apiRoutes
      .filter((r) => !known.has(String(r.access)))
      .map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  it('grants the read-only roles (auditor, Board) no permission of any write route', () => {
    const writeRoutes = t.app.routeTable.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method));
    const guarded = writeRoutes.filter((r) => r.access !== 'public' && r.access !== 'signed-in');
    expect(guarded.length).toBeGreaterThan(30);
    const writePermissions = new Set(guarded.map((r) => r.access as Permission));
    expect(writePermissions).toContain('ohs.report');
    const held = [...writePermissions].flatMap((p) =>
      readOnlyRoles.flatMap((role) =>
        [null, ...programModules.map((m) => m.key)].some((program) => grantsMatch(p, role, program))
          ? [`${role} holds ${p}`]
          : [],
      ),
    );
    expect(held).toEqual([]);
  });
});
