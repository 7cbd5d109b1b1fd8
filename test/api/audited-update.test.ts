import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { FIXTURE } from '../support/fixture.ts';

/** One audited change: row lock, access, 409 on a stale version, before and after of one shape in the log. */
describe.each(databases())('audited updates (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind });
  });
  afterAll(() => t?.close());

  it('records the before and after of a site change in the same shape, and bumps the version', async () => {
    const admin = await t.signInAs('groupAdmin');
    const site = (await admin.get(`/api/org/sites/${FIXTURE.sites.PG.id}`)).body;
    const res = await admin.patch(`/api/org/sites/${site.id}`, {
      version: site.version,
      name: 'ASE Penang P1',
    });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(site.version + 1);
    const events = await admin.get('/api/audit/events', {
      query: { action: 'site.updated', entityId: site.id },
    });
    expect(events.body.items).toHaveLength(1);
    const detail = events.body.items[0];
    expect(detail.before.name).toBe('ASE Penang');
    expect(detail.after.name).toBe('ASE Penang P1');
    expect(Object.keys(detail.before).sort()).toEqual(Object.keys(detail.after).sort());
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const admin = await t.signInAs('groupAdmin');
    const site = (await admin.get(`/api/org/sites/${FIXTURE.sites.SZ.id}`)).body;
    const first = await admin.patch(`/api/org/sites/${site.id}`, {
      version: site.version,
      name: 'SPIL Suzhou S1',
    });
    expect(first.status).toBe(200);
    const stale = await admin.patch(`/api/org/sites/${site.id}`, { version: site.version, name: 'Lost' });
    expect(stale.status).toBe(409);
    expect((await admin.get(`/api/org/sites/${site.id}`)).body.name).toBe('SPIL Suzhou S1');
  });

  it('checks access on the record before anything else: outside the scope is 404', async () => {
    const officer = await t.signInAs('k7Officer');
    const res = await officer.patch(`/api/org/sites/${FIXTURE.sites.TC.id}`, { version: 1, name: 'X' });
    expect([403, 404]).toContain(res.status);
    const admin = await t.signInAs('groupAdmin');
    expect((await admin.get(`/api/org/sites/${FIXTURE.sites.TC.id}`)).body.name).toBe(FIXTURE.sites.TC.name);
  });
});
