import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

/** The app's clock: 15 January 2025 in Taiwan. */
const NOW = new Date('2025-01-15T02:00:00Z');

describe.each(databases())('IP risk cases and the security incidents they name (%s)', (kind) => {
  let t: TestApp;
  let officer: ApiClient;
  let ciso: ApiClient;
  let counsel: ApiClient;
  let incidentId: string;
  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => NOW });
    const admin = await t.signInAs('groupAdmin');
    for (const [email, program] of [
      ['ciso@steward.test', 'infosec'],
      ['ip.counsel@steward.test', 'ip'],
    ]) {
      const created = await admin.post('/api/users', {
        email,
        displayName: email,
        password: 'Risk-Case-Pass-2025',
        assignments: [{ role: 'program_owner', program, scopeKind: 'group' }],
      });
      expect(created.status, created.text).toBe(201);
    }
    ciso = await t.signIn('ciso@steward.test', 'Risk-Case-Pass-2025');
    counsel = await t.signIn('ip.counsel@steward.test', 'Risk-Case-Pass-2025');
    officer = await t.signInAs('k7Officer');
    const incident = await officer.post('/api/infosec/incidents', {
      siteId: SITES.K7.id,
      title: 'Process recipes copied to a personal cloud drive',
      description: 'DLP flagged an upload of recipe files by a leaving engineer.',
      awareAt: '2025-01-06T01:00:00Z',
    });
    expect(incident.status, incident.text).toBe(201);
    incidentId = incident.body.id;
  });
  afterAll(async () => t?.close());

  it('opens a misappropriation case on an incident, and each side lists the other to those who may read it', async () => {
    const opened = await officer.post('/api/ip/risk-cases', {
      siteId: SITES.K7.id,
      reference: 'RC-2025-001',
      kind: 'misappropriation',
      direction: 'against_us',
      title: 'Recipes taken by a departing engineer',
      counterparty: 'Former employee and new employer',
      counsel: 'Lee and Li, Attorneys-at-Law',
      incidentId,
      stepOn: '2025-01-06',
    });
    expect(opened.status, opened.text).toBe(201);
    const id = opened.body.id;
    expect(opened.body).toMatchObject({
      step: 'suspected',
      stepOn: '2025-01-06',
      incident: { id: incidentId, reference: 'K7-SEC-2025-0001' },
      steps: [{ step: 'suspected', effectiveOn: '2025-01-06' }],
      costs: [],
    });

    // The incident's page, for readers of both programs.
    const onIncident = await officer.get(`/api/ip/security-incidents/${incidentId}/risk-cases`);
    expect(onIncident.status, onIncident.text).toBe(200);
    expect(onIncident.body.items).toEqual([
      expect.objectContaining({ id, reference: 'RC-2025-001', kind: 'misappropriation', step: 'suspected' }),
    ]);
    // The CISO reads the incident but not the IP program: no case is named to them.
    const cisoView = await ciso.get(`/api/ip/security-incidents/${incidentId}/risk-cases`);
    expect(cisoView.status).toBe(200);
    expect(cisoView.body.items).toEqual([]);
    // IP counsel reads the case but not the incident: the case names none to them.
    const counselView = await counsel.get(`/api/ip/risk-cases/${id}`);
    expect(counselView.status).toBe(200);
    expect(counselView.body.incident).toBeNull();
    expect((await counsel.get(`/api/ip/security-incidents/${incidentId}/risk-cases`)).status).not.toBe(200);
    // Nor may they name an incident they cannot read.
    const blind = await counsel.post('/api/ip/risk-cases', {
      siteId: SITES.K7.id,
      reference: 'RC-2025-002',
      kind: 'infringement',
      direction: 'by_us',
      title: 'Claim on our fan-out process',
      incidentId,
      stepOn: '2025-01-08',
    });
    expect(blind.status).toBe(422);
    expect(blind.body.errors.map((e: { path: string }) => e.path)).toEqual(['incidentId']);
    // Counsel's edit that leaves the link alone keeps it.
    const renamed = await counsel.patch(`/api/ip/risk-cases/${id}`, {
      title: 'Recipes taken by a departing process engineer',
      version: opened.body.version,
    });
    expect(renamed.status, renamed.text).toBe(200);
    expect((await officer.get(`/api/ip/risk-cases/${id}`)).body.incident?.id).toBe(incidentId);

    // Steps as dated states: the latest by date is the case's; an earlier one joins the history only.
    const step = await officer.post(`/api/ip/risk-cases/${id}/steps`, {
      step: 'evidence_preserved',
      effectiveOn: '2025-01-10',
      version: renamed.body.version,
    });
    expect(step.status, step.text).toBe(201);
    const earlier = await officer.post(`/api/ip/risk-cases/${id}/steps`, {
      step: 'investigating',
      effectiveOn: '2025-01-07',
      version: step.body.version,
    });
    expect(earlier.body).toMatchObject({ step: 'evidence_preserved', stepOn: '2025-01-10' });
    expect(earlier.body.steps.map((s: { step: string }) => s.step)).toEqual([
      'suspected',
      'investigating',
      'evidence_preserved',
    ]);
    const future = await officer.post(`/api/ip/risk-cases/${id}/steps`, {
      step: 'closed',
      effectiveOn: '2025-02-01',
      version: earlier.body.version,
    });
    expect(future.status).toBe(422);

    // Costs summed per currency, never converted.
    for (const [amount, currency] of [
      ['120000', 'TWD'],
      ['80000.50', 'TWD'],
      ['3500', 'USD'],
    ])
      expect(
        (
          await officer.post(`/api/ip/risk-cases/${id}/costs`, {
            incurredOn: '2025-01-12',
            category: 'counsel',
            amount,
            currency,
          })
        ).status,
      ).toBe(201);
    const withCosts = await officer.get(`/api/ip/risk-cases/${id}`);
    expect(withCosts.body.costs).toEqual([
      { currency: 'TWD', amount: '200000.50' },
      { currency: 'USD', amount: '3500.00' },
    ]);

    const open = await officer.get('/api/ip/risk-cases', {
      query: { open: 'true', kind: 'misappropriation' },
    });
    expect(open.body.items.map((c: { reference: string }) => c.reference)).toEqual(['RC-2025-001']);
    const spil = await t.signInAs('spilOfficer');
    expect((await spil.get(`/api/ip/risk-cases/${id}`)).status).toBe(404);
    const auditor = await t.signInAs('auditor');
    expect((await auditor.patch(`/api/ip/risk-cases/${id}`, { outcome: 'settled', version: 1 })).status).toBe(
      403,
    );
    const events = await auditor.get('/api/audit/events', {
      query: { entityType: 'ip_risk_case', entityId: id, order: 'asc' },
    });
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual([
      'ip.risk_case.opened',
      'ip.risk_case.updated',
      'ip.risk_case.step_recorded',
      'ip.risk_case.step_recorded',
      'ip.risk_case.cost_recorded',
      'ip.risk_case.cost_recorded',
      'ip.risk_case.cost_recorded',
    ]);
    const csv = await officer.get('/api/ip/risk-cases/export.csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('K7-SEC-2025-0001');
  });
});
