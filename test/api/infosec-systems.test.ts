// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES, USERS } from '../support/fixture.ts';

describe.each(databases())('systems register (%s)', (kind) => {
  let t: TestApp;
  let officer: ApiClient;
  beforeAll(async () => {
    t = await createTestApp({ kind });
    officer = await t.signInAs('k7Officer');
  });
  afterAll(async () => t?.close());

  let systemId: string;
  it('registers a critical OT asset with its recovery objectives and CPE, audited', async () => {
    const res = await officer.post('/api/infosec/systems', {
      siteId: SITES.K7.id,
      name: 'Wire bonder line controller',
      ownerId: USERS.k7Officer.id,
      domain: 'ot',
      criticality: 'critical',
      rtoHours: 4,
      rpoHours: 0.5,
      backup: 'Nightly image to the site NAS, weekly off-site copy',
      vendor: 'Siemens',
      product: 'SIMATIC S7-1500',
      productVersion: '2.9.2',
      cpe: 'cpe:2.3:o:siemens:simatic_s7-1500_firmware:2.9.2:*:*:*:*:*:*:*',
    });
    expect(res.status).toBe(201);
    systemId = res.body.id;
    expect(res.body).toMatchObject({
      siteCode: 'K7',
      ownerName: USERS.k7Officer.displayName,
      rtoHours: 4,
      rpoHours: 0.5,
    });
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', systemId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['infosec.system.registered']);
  });

  it('refuses a malformed CPE naming the field, and a second system of the same name', async () => {
    const bad = await officer.post('/api/infosec/systems', {
      siteId: SITES.K7.id,
      name: 'MES',
      domain: 'it',
      criticality: 'high',
      cpe: 'cpe:/a:vendor:product:1.0',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('cpe');
    const twice = await officer.post('/api/infosec/systems', {
      siteId: SITES.K7.id,
      name: 'Wire bonder line controller',
      domain: 'ot',
      criticality: 'high',
    });
    expect(twice.status).toBe(409);
  });

  it('lists with filters and sorting, exports, and refuses a stale edit', async () => {
    await officer.post('/api/infosec/systems', {
      siteId: SITES.K7.id,
      name: 'ERP',
      domain: 'it',
      criticality: 'high',
      rtoHours: 24,
    });
    const ot = await officer.get('/api/infosec/systems', { query: { domain: 'ot' } });
    expect(ot.body.items.map((s: any) => s.name)).toEqual(['Wire bonder line controller']);
    const byRto = await officer.get('/api/infosec/systems', { query: { sort: 'rtoHours', order: 'desc' } });
    expect(byRto.body.items.map((s: any) => s.name)).toEqual(['ERP', 'Wire bonder line controller']);
    const csv = await officer.get('/api/infosec/systems/export.csv');
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('Wire bonder line controller');
    const fresh = await officer.patch(`/api/infosec/systems/${systemId}`, { rtoHours: 2, version: 1 });
    expect(fresh.status).toBe(200);
    expect(fresh.body.rtoHours).toBe(2);
    const stale = await officer.patch(`/api/infosec/systems/${systemId}`, { rtoHours: 3, version: 1 });
    expect(stale.status).toBe(409);
  });

  it('hides a site’s systems from another site’s team and lets the auditor change nothing', async () => {
    const spil = await t.signInAs('spilOfficer');
    expect((await spil.get(`/api/infosec/systems/${systemId}`)).status).toBe(404);
    const auditor = await t.signInAs('auditor');
    expect((await auditor.get(`/api/infosec/systems/${systemId}`)).status).toBe(200);
    expect(
      (await auditor.patch(`/api/infosec/systems/${systemId}`, { rtoHours: 1, version: 2 })).status,
    ).toBe(403);
    const employee = await t.signInAs('employee');
    expect((await employee.get('/api/infosec/systems')).status).toBe(403);
  });
});
