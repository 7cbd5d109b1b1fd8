// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

describe.each(databases())('cyber insurance (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let officer: ApiClient;
  let policyId: string;
  let incidentId: string;
  const year = new Date().getUTCFullYear();
  const awareAt = new Date(Date.now() - 10 * 3_600_000);

  beforeAll(async () => {
    t = await createTestApp({ kind });
    admin = await t.signInAs('groupAdmin');
    officer = await t.signInAs('k7Officer');
    const policy = await admin.post('/api/infosec/insurance/policies', {
      insurer: 'Formosa Cyber Insurance',
      policyNumber: `FCI-${year}-001`,
      covers: ['incident_response', 'business_interruption'],
      limitMinor: 3_000_000_000,
      retentionMinor: 50_000_000,
      currency: 'USD',
      noticeHours: 72,
      startsOn: `${year - 1}-07-01`,
      endsOn: `${year + 1}-06-30`,
    });
    expect(policy.status).toBe(201);
    policyId = policy.body.id;
    const employee = await t.signInAs('employee');
    const incident = await employee.post('/api/infosec/incidents', {
      siteId: SITES.K7.id,
      title: 'Ransom note on a file server',
      description: 'Files on the engineering share renamed with a .lock suffix.',
      awareAt: awareAt.toISOString(),
    });
    expect(incident.status).toBe(201);
    incidentId = incident.body.id;
  });
  afterAll(async () => t?.close());

  it('keeps the register group-wide: a site officer may not add a policy, bad dates name the field', async () => {
    const body = {
      insurer: 'Other',
      policyNumber: 'X-1',
      covers: [],
      limitMinor: 1,
      currency: 'TWD',
      noticeHours: 24,
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    };
    expect((await officer.post('/api/infosec/insurance/policies', body)).status).toBe(403);
    const bad = await admin.post('/api/infosec/insurance/policies', { ...body, endsOn: '2025-01-01' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('endsOn');
    const list = await officer.get('/api/infosec/insurance/policies', { query: { q: 'Formosa' } });
    expect(list.body.items.map((p: any) => p.policyNumber)).toEqual([`FCI-${year}-001`]);
    const csv = await officer.get('/api/infosec/insurance/policies/export.csv');
    expect(csv.text).toContain('Formosa Cyber Insurance');
    const stale = await admin.patch(`/api/infosec/insurance/policies/${policyId}`, {
      noticeHours: 48,
      version: 9,
    });
    expect(stale.status).toBe(409);
  });

  it('shows the notice deadline from the notice period and records when the insurer was told, once', async () => {
    const url = `/api/infosec/incidents/${incidentId}/insurance`;
    const before = await officer.get(url);
    expect(before.status).toBe(200);
    expect(before.body.policies).toHaveLength(1);
    expect(before.body.policies[0]).toMatchObject({
      policyId,
      noticeHours: 72,
      deadline: new Date(awareAt.getTime() + 72 * 3_600_000).toISOString(),
      notifiedAt: null,
      late: false,
    });
    const notifiedAt = new Date(awareAt.getTime() + 5 * 3_600_000).toISOString();
    const notice = { policyId, notifiedAt, claimReference: 'CLM-88' };
    const other = await t.signInAs('spilOfficer');
    expect((await other.post(`/api/infosec/incidents/${incidentId}/insurer-notices`, notice)).status).toBe(
      404,
    );
    const saved = await officer.post(`/api/infosec/incidents/${incidentId}/insurer-notices`, notice);
    expect(saved.status).toBe(201);
    expect(saved.body.policies[0]).toMatchObject({ notifiedAt, claimReference: 'CLM-88', late: false });
    expect((await officer.post(`/api/infosec/incidents/${incidentId}/insurer-notices`, notice)).status).toBe(
      409,
    );
    const audit = await sql<{ n: string }>`select count(*) as n from audit_events
      where action = 'infosec.incident.insurer_notified' and entity_id = ${incidentId}`.execute(t.db);
    expect(Number(audit.rows[0].n)).toBe(1);
  });

  it('lets the site’s security team decide materiality, not the group administrator', async () => {
    const url = `/api/infosec/incidents/${incidentId}/material-decisions`;
    expect((await admin.post(url, { material: true, reason: 'Engineering data encrypted' })).status).toBe(
      403,
    );
    const decided = await officer.post(url, { material: false, reason: 'Restored from backup within hours' });
    expect(decided.status).toBe(201);
    const later = await officer.post(url, { material: true, reason: 'Exfiltration found in the logs' });
    expect(later.status).toBe(201);
    const list = await officer.get(url);
    expect(list.body.current).toMatchObject({ material: true, reason: 'Exfiltration found in the logs' });
    expect(list.body.history).toHaveLength(2);
    const figures = await admin.get('/api/infosec/board/figures', {
      query: {
        year: new Intl.DateTimeFormat('en', { timeZone: 'Asia/Taipei', year: 'numeric' }).format(awareAt),
      },
    });
    const material = figures.body.sections
      .find((s: any) => s.key === 'material_incidents')
      .figures.find((f: any) => f.key === 'material');
    expect(material.value).toBe(1);
  });

  it('records the year’s presentation to the Board (the program owner, group-wide) and opens next year’s obligation', async () => {
    const body = { year: 2023, presentedOn: '2023-11-20' };
    expect((await officer.put('/api/infosec/board/presentation', body)).status).toBe(403);
    const saved = await admin.put('/api/infosec/board/presentation', body);
    expect(saved.status).toBe(200);
    const bad = await admin.put('/api/infosec/board/presentation', { year: 2023, presentedOn: '2021-11-20' });
    expect(bad.status).toBe(422);
    const next = await admin.get('/api/obligations', {
      query: { view: 'scope', kind: 'infosec.board_report' },
    });
    expect(next.body.items.map((o: any) => o.dueDate)).toEqual(['2024-12-31']);
    const figures = await admin.get('/api/infosec/board/figures', { query: { year: '2023' } });
    expect(figures.body.presentedOn).toBe('2023-11-20');
  });

  it('edits a policy: read back, the change audited with the version moved on, stale and bad edits refused', async () => {
    const url = `/api/infosec/insurance/policies/${policyId}`;
    const read = await officer.get(url);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ insurer: 'Formosa Cyber Insurance', noticeHours: 72 });
    const v = read.body.version;
    expect((await officer.patch(url, { noticeHours: 48, version: v })).status).toBe(403);
    const backwards = await admin.patch(url, { endsOn: `${year - 2}-01-01`, version: v });
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors.map((e: any) => e.path)).toEqual(['endsOn']);
    const badCurrency = await admin.patch(url, { currency: 'usd', version: v });
    expect(badCurrency.status).toBe(400);
    expect(JSON.stringify(badCurrency.body)).toContain('currency');
    const saved = await admin.patch(url, {
      noticeHours: 48,
      covers: ['incident_response', 'regulatory'],
      version: v,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      noticeHours: 48,
      covers: ['incident_response', 'regulatory'],
      version: v + 1,
    });
    expect((await admin.patch(url, { noticeHours: 24, version: v })).status).toBe(409);
    expect((await officer.get(url)).body.noticeHours).toBe(48);
    const audit = await sql<{ n: string }>`select count(*) as n from audit_events
      where action = 'infosec.insurance_policy.updated' and entity_id = ${policyId}`.execute(t.db);
    expect(Number(audit.rows[0].n)).toBe(1);
    const missing = await officer.get('/api/infosec/insurance/policies/00000000-0000-4000-8000-000000000001');
    expect(missing.status).toBe(404);
  });
});
