// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent; tests assert on them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';

/**
 * The group settings answer with their version as ETag, and a change sent with If-Match is stored only while the
 * setting is still at that version (RFC 9110 §13.1.1: otherwise 412 and nothing changes).
 */
describe.each(databases())('conditional changes of the group settings (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  beforeAll(async () => {
    t = await createTestApp({ kind });
    admin = await t.signInAs('groupAdmin');
  });
  afterAll(async () => t?.close());

  it('refuses a change saved over another made since it was read, and keeps the other', async () => {
    const read = await admin.get('/api/infosec/clock-rules');
    expect(read.status).toBe(200);
    const tag = String(read.headers.etag);
    expect(tag).toBe('"0"');
    const { mayChange: _, ...rules } = read.body;

    const first = { ...rules, reportHours: 2 };
    const saved = await admin.put('/api/infosec/clock-rules', first, { headers: { 'if-match': tag } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.headers.etag).toBe('"1"');

    // A second form, opened before the first save, sends the tag it read.
    const stale = await admin.put(
      '/api/infosec/clock-rules',
      { ...rules, reportHours: 4 },
      { headers: { 'if-match': tag } },
    );
    expect(stale.status).toBe(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.body).toMatchObject({ status: 412, currentVersion: 1 });
    const now = await admin.get('/api/infosec/clock-rules');
    expect(now.body.reportHours).toBe(2);
    expect(now.headers.etag).toBe('"1"');

    // A tag that names no version of ours fails the precondition too; '*' and no If-Match do not ask one.
    const bad = await admin.put('/api/infosec/clock-rules', first, { headers: { 'if-match': 'yesterday' } });
    expect(bad.status).toBe(412);
    const any = await admin.put('/api/infosec/clock-rules', first, { headers: { 'if-match': '*' } });
    expect(any.status).toBe(200);
    expect(any.headers.etag).toBe('"2"');
    const unconditional = await admin.put('/api/infosec/clock-rules', { ...rules, reportHours: 1 });
    expect(unconditional.status).toBe(200);
    expect(unconditional.headers.etag).toBe('"3"');

    // The refused saves left nothing in the audit log: three changes, three entries.
    const audited = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'infosec.clock_rules.updated')
      .execute();
    expect(audited).toHaveLength(3);
  });

  it('gives every setting route its setting’s version, and refuses a stale change on each', async () => {
    const routes = t.app.routeTable.filter((r) => r.setting);
    const reads = routes.filter((r) => r.method === 'GET');
    const writes = routes.filter((r) => r.method === 'PUT');
    expect(reads.length).toBeGreaterThanOrEqual(14);
    expect(writes.map((r) => r.url).sort()).toEqual(reads.map((r) => r.url).sort());
    for (const route of reads) {
      const read = await admin.get(route.url);
      expect(read.status, route.url).toBe(200);
      const tag = String(read.headers.etag);
      expect(tag, route.url).toMatch(/^"\d+"$/);
      const { mayChange: _, ...value } = read.body;
      const same = await admin.put(route.url, value, { headers: { 'if-match': tag } });
      expect(same.status, `${route.url}: ${JSON.stringify(same.body)}`).toBe(200);
      expect(same.headers.etag, route.url).toBe(`"${Number(tag.slice(1, -1)) + 1}"`);
      const stale = await admin.put(route.url, value, { headers: { 'if-match': tag } });
      expect(stale.status, route.url).toBe(412);
    }
  });
});
