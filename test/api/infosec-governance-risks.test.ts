// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES, USERS } from '../support/fixture.ts';

describe.each(databases())('security risk register (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let officer: ApiClient;
  let mesId: string;
  let tcSystemId: string;
  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => new Date('2026-03-01T08:00:00Z') });
    admin = await t.signInAs('groupAdmin');
    officer = await t.signInAs('k7Officer');
    mesId = (
      await officer.post('/api/infosec/systems', {
        siteId: SITES.K7.id,
        name: 'MES',
        domain: 'it',
        criticality: 'critical',
      })
    ).body.id;
    tcSystemId = (
      await admin.post('/api/infosec/systems', {
        siteId: SITES.TC.id,
        name: 'TC ERP',
        domain: 'it',
        criticality: 'high',
      })
    ).body.id;
  });
  afterAll(async () => t?.close());

  const risk = (o: Record<string, unknown>) => ({
    siteId: SITES.K7.id,
    treatment: 'mitigate',
    reviewOn: '2026-06-30',
    ...o,
  });

  it('rates a risk on the default 5 × 5 matrix and makes its review an obligation of its owner', async () => {
    const r = await officer.post(
      '/api/infosec/risks',
      risk({
        title: 'Ransomware on the MES',
        systemId: mesId,
        likelihood: 4,
        impact: 5,
        ownerId: USERS.k7Officer.id,
        residualLikelihood: 2,
        residualImpact: 3,
      }),
    );
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      systemName: 'MES',
      rating: { score: 20, band: 'critical' },
      residualRating: { score: 6, band: 'medium' },
      reviewOverdue: false,
    });
    const review = await t.db
      .selectFrom('obligations')
      .select(['due_date', 'owner_id', 'state'])
      .where('kind', '=', 'infosec.risk_review')
      .where('source_id', '=', r.body.id)
      .executeTakeFirstOrThrow();
    expect(review).toEqual({ due_date: '2026-06-30', owner_id: USERS.k7Officer.id, state: 'open' });
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', r.body.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['infosec.risk.created']);
  });

  it('refuses a system of another site and a level above the matrix, naming the fields', async () => {
    const r = await admin.post(
      '/api/infosec/risks',
      risk({ title: 'Wrong system', systemId: tcSystemId, likelihood: 6, impact: 1 }),
    );
    expect(r.status).toBe(422);
    const fields = JSON.stringify(r.body);
    expect(fields).toContain('systemId');
    expect(fields).toContain('likelihood');
    const half = await admin.post(
      '/api/infosec/risks',
      risk({ title: 'Half', likelihood: 1, impact: 1, residualLikelihood: 1 }),
    );
    expect(half.status).toBe(400);
    expect(JSON.stringify(half.body)).toContain('residualImpact');
  });

  it('shows overdue reviews, filters by band, sorts by score and counts the heat map', async () => {
    await officer.post(
      '/api/infosec/risks',
      risk({ title: 'Phishing of finance staff', likelihood: 3, impact: 3, reviewOn: '2026-01-31' }),
    );
    await officer.post('/api/infosec/risks', risk({ title: 'Lost laptop', likelihood: 2, impact: 2 }));
    const overdue = await officer.get('/api/infosec/risks', { query: { overdue: 'true' } });
    expect(overdue.body.items.map((r: any) => [r.title, r.reviewOverdue])).toEqual([
      ['Phishing of finance staff', true],
    ]);
    const medium = await officer.get('/api/infosec/risks', { query: { band: 'medium' } });
    expect(medium.body.items.map((r: any) => r.title)).toEqual(['Phishing of finance staff']);
    const byScore = await officer.get('/api/infosec/risks', { query: { sort: 'score', order: 'desc' } });
    expect(byScore.body.items.map((r: any) => r.rating.score)).toEqual([20, 9, 4]);
    const map = await officer.get('/api/infosec/risks/heatmap');
    expect(map.body.total).toBe(3);
    expect(map.body.cells).toContainEqual({ likelihood: 4, impact: 5, count: 1 });
    const residual = await officer.get('/api/infosec/risks/heatmap', { query: { residual: 'true' } });
    expect(residual.body.cells).toEqual([{ likelihood: 2, impact: 3, count: 1 }]);
    const csv = await officer.get('/api/infosec/risks/export.csv', { query: { band: 'critical' } });
    expect(csv.text).toContain('Ransomware on the MES');
    expect(csv.text).not.toContain('Lost laptop');
  });

  it('re-rates every risk when the group changes the matrix, and refuses a matrix too small for them', async () => {
    const { mayChange, ...stored } = (await officer.get('/api/infosec/risk-matrix')).body;
    expect(mayChange).toBe(false);
    expect((await admin.get('/api/infosec/risk-matrix')).body.mayChange).toBe(true);
    expect((await officer.put('/api/infosec/risk-matrix', stored)).status).toBe(403);
    const small = await admin.put('/api/infosec/risk-matrix', {
      likelihoodLevels: 3,
      impactLevels: 3,
      bands: [
        { band: 'low', minScore: 1 },
        { band: 'high', minScore: 5 },
      ],
    });
    expect(small.status).toBe(422);
    expect(JSON.stringify(small.body)).toContain('likelihoodLevels');
    const badBands = await admin.put('/api/infosec/risk-matrix', {
      likelihoodLevels: 5,
      impactLevels: 5,
      bands: [
        { band: 'low', minScore: 3 },
        { band: 'high', minScore: 10 },
      ],
    });
    expect(badBands.status).toBe(422);
    expect(JSON.stringify(badBands.body)).toContain('bands.0.minScore');
    const set = await admin.put('/api/infosec/risk-matrix', {
      likelihoodLevels: 5,
      impactLevels: 5,
      bands: [
        { band: 'low', minScore: 1 },
        { band: 'medium', minScore: 5 },
        { band: 'high', minScore: 10 },
        { band: 'critical', minScore: 21 },
      ],
    });
    expect(set.status).toBe(200);
    const critical = await officer.get('/api/infosec/risks', { query: { band: 'critical' } });
    expect(critical.body.items).toEqual([]);
    const high = await officer.get('/api/infosec/risks', { query: { band: 'high' } });
    expect(high.body.items.map((r: any) => [r.title, r.rating])).toEqual([
      ['Ransomware on the MES', { score: 20, band: 'high' }],
    ]);
  });

  it('moves the review with its date, refuses a stale edit, and cancels it with the risk', async () => {
    const [r] = (await officer.get('/api/infosec/risks', { query: { q: 'Lost laptop' } })).body.items;
    const moved = await officer.patch(`/api/infosec/risks/${r.id}`, {
      reviewOn: '2026-09-30',
      version: r.version,
    });
    expect(moved.status).toBe(200);
    const stale = await officer.patch(`/api/infosec/risks/${r.id}`, {
      treatment: 'accept',
      version: r.version,
    });
    expect(stale.status).toBe(409);
    const due = () =>
      t.db
        .selectFrom('obligations')
        .select(['due_date', 'state'])
        .where('kind', '=', 'infosec.risk_review')
        .where('source_id', '=', r.id)
        .executeTakeFirstOrThrow();
    expect(await due()).toEqual({ due_date: '2026-09-30', state: 'open' });
    const spil = await t.signInAs('spilOfficer');
    expect((await spil.get(`/api/infosec/risks/${r.id}`)).status).toBe(404);
    expect(
      (await officer.delete(`/api/infosec/risks/${r.id}`, { query: { version: String(moved.body.version) } }))
        .status,
    ).toBe(204);
    expect((await due()).state).toBe('cancelled');
  });
});
