// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES, SUBSIDIARIES, USERS } from '../support/fixture.ts';

/** The app's clock: 15 January 2025 in Taiwan. */
const NOW = new Date('2025-01-15T02:00:00Z');

const figureOf = (body: any, section: string, key: string) =>
  body.sections.find((s: any) => s.key === section).figures.find((f: any) => f.key === key);

async function family(client: ApiClient, siteId: string, reference: string) {
  const f = await client.post('/api/ip/families', { siteId, reference, title: reference, technology: 'sip' });
  expect(f.status, f.text).toBe(201);
  return f.body.id as string;
}

async function matter(client: ApiClient, familyId: string, body: Record<string, unknown>) {
  const m = await client.post('/api/ip/matters', { familyId, kind: 'invention', ...body });
  expect(m.status, m.text).toBe(201);
  return m.body.id as string;
}

/** Every item of a list endpoint, a page of 500 at a time. */
async function every(client: ApiClient, url: string, query: Record<string, string> = {}) {
  const res = await client.get(url, { query: { ...query, pageSize: '500' } });
  expect(res.status, res.text).toBe(200);
  expect(res.body.total).toBeLessThanOrEqual(500);
  return res.body.items as any[];
}

describe.each(databases())('the IP report to the Board (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let k7: ApiClient;
  let keptMatter: string;

  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => NOW });
    admin = await t.signInAs('groupAdmin');
    k7 = await t.signInAs('k7Officer');
    const spil = await t.signInAs('spilOfficer');
    const k7Family = await family(k7, SITES.K7.id, 'BRD-K7');
    keptMatter = await matter(k7, k7Family, {
      office: 'TW',
      applicationNo: 'BRD-TW-1',
      filingDate: '2019-03-04',
      grantDate: '2021-06-01',
      patentNo: 'I7990001',
      status: 'granted',
    });
    await matter(k7, k7Family, {
      office: 'US',
      applicationNo: 'BRD-US-1',
      filingDate: '2024-03-01',
      status: 'filed',
    });
    await matter(k7, k7Family, {
      office: 'CN',
      applicationNo: 'BRD-CN-1',
      filingDate: '2023-05-01',
      grantDate: '2024-09-20',
      patentNo: 'CN1179901',
      status: 'granted',
    });
    const spilFamily = await family(spil, SITES.TC.id, 'BRD-SPIL');
    await matter(spil, spilFamily, {
      office: 'US',
      applicationNo: 'BRD-US-2',
      filingDate: '2024-07-01',
      status: 'filed',
    });

    const risk = await k7.post('/api/ip/risk-cases', {
      siteId: SITES.K7.id,
      reference: 'BRD-RISK-1',
      kind: 'infringement',
      direction: 'against_us',
      title: 'Suspected copy of a fan-out process',
      stepOn: '2024-05-02',
    });
    expect(risk.status, risk.text).toBe(201);
    for (const amount of ['1200.50', '300.25'])
      expect(
        (
          await k7.post(`/api/ip/risk-cases/${risk.body.id}/costs`, {
            incurredOn: '2024-06-01',
            category: 'counsel',
            amount,
            currency: 'USD',
          })
        ).status,
      ).toBe(201);

    const measure = (state: string) => ({ state, note: null });
    for (const [siteId, title, state] of [
      [SITES.K7.id, 'Bonding recipe', 'yes'],
      [SITES.TC.id, 'Moulding profile', 'partial'],
    ] as const) {
      const s = await admin.post('/api/ip/trade-secrets', {
        siteId,
        title,
        category: 'quality',
        ownerId: USERS.groupAdmin.id,
        checklist: {
          access_control: measure(state),
          marking: measure(state),
          confidentiality_agreements: measure(state),
          training: measure(state),
          infosec_controls: measure(state),
        },
        lastReviewDate: '2024-06-01',
      });
      expect(s.status, s.text).toBe(201);
    }
  });
  afterAll(async () => t?.close());

  it('gives the portfolio at the year’s end and the year’s filings and grants as the module’s own APIs count them', async () => {
    const report = await admin.get('/api/ip/board/figures', { query: { year: '2024', locale: 'en' } });
    expect(report.status, report.text).toBe(200);
    expect(report.body.asOf).toBe('2024-12-31');
    const counts = await admin.get('/api/ip/portfolio/counts', { query: { asOf: '2024-12-31' } });
    expect(figureOf(report.body, 'portfolio', 'granted').value).toBe(counts.body.granted);
    expect(figureOf(report.body, 'portfolio', 'pending').value).toBe(counts.body.pending);
    expect(counts.body.granted).toBe(2);
    expect(figureOf(report.body, 'portfolio', 'pending_US').value).toBe(2);

    const matters = await every(admin, '/api/ip/matters');
    const filed = matters.filter((m) => m.filingDate.startsWith('2024')).length;
    const granted = matters.filter((m) => m.grantDate?.startsWith('2024')).length;
    expect([filed, granted]).toEqual([2, 1]);
    expect(figureOf(report.body, 'filings', 'filed').value).toBe(filed);
    expect(figureOf(report.body, 'filings', 'granted').value).toBe(granted);
  });

  it('gives the open risk cases with their costs and the trade secrets with their score as their lists hold them', async () => {
    const report = (await admin.get('/api/ip/board/figures', { query: { year: '2024' } })).body;
    const open = await every(admin, '/api/ip/risk-cases', { open: 'true' });
    expect(open).toHaveLength(1);
    expect(figureOf(report, 'risk_cases', 'open').value).toBe(open.length);
    expect(figureOf(report, 'risk_cases', 'costs_USD')).toMatchObject({ value: 1500.75, unit: 'USD' });

    const secrets = await every(admin, '/api/ip/trade-secrets');
    expect(figureOf(report, 'trade_secrets', 'registered').value).toBe(secrets.length);
    const mean = secrets.reduce((a, s) => a + s.score, 0) / secrets.length;
    expect(figureOf(report, 'trade_secrets', 'score').value).toBe(Math.round(mean * 10) / 10);
  });

  it('says in words what it cannot compute, never a zero', async () => {
    const report = (await admin.get('/api/ip/board/figures', { query: { year: '2024' } })).body;
    const paid = figureOf(report, 'costs', 'paid');
    expect(paid.value).toBeNull();
    expect(paid.missing).toMatch(/no payment/);
    // No intellectual property course completed in the test data.
    const trainees = figureOf(report, 'training', 'trainees');
    expect(trainees.value).toBeNull();
    expect(trainees.missing).toBeTruthy();
  });

  it('reports the TIPS certificates valid on the year’s last day and their renewal, from the certificate register', async () => {
    const certificate = async (body: Record<string, unknown>) => {
      const r = await admin.post('/api/certifications', {
        standard: 'TIPS',
        subsidiaryId: SUBSIDIARIES.ASE.id,
        certificateNo: `TIPS-${body.issuedOn}`,
        ...body,
      });
      expect(r.status, r.text).toBe(201);
      return r.body.id as string;
    };
    const before = (await admin.get('/api/ip/board/figures', { query: { year: '2022' } })).body;
    expect(figureOf(before, 'tips', 'held').value).toBe(0);
    const first = await certificate({ issuedOn: '2021-01-01', validUntil: '2022-12-31' });
    await certificate({ issuedOn: '2023-01-01', validUntil: '2024-12-31', previousId: first });
    const y2022 = (await admin.get('/api/ip/board/figures', { query: { year: '2022' } })).body;
    expect(figureOf(y2022, 'tips', 'held').value).toBe(1);
    expect(figureOf(y2022, 'tips', 'renewed').value).toBe(1);
    const notes = y2022.sections.find((s: any) => s.key === 'tips').notes;
    expect(notes).toContain('ASE: certificate TIPS-2021-01-01, valid from 2021-01-01 to 2022-12-31.');
    expect(notes).toContain('ASE: renewed for the term from 2023-01-01 to 2024-12-31.');
    // The year still running (the clock is 15 January 2025): the renewed term ended on 31 December.
    const y2025 = (await admin.get('/api/ip/board/figures', { query: { year: '2025' } })).body;
    expect(figureOf(y2025, 'tips', 'held').value).toBe(0);
    // In the reader's language.
    const zh = (await admin.get('/api/ip/board/figures', { query: { year: '2023', locale: 'zh-TW' } })).body;
    expect(zh.sections.find((s: any) => s.key === 'tips').heading).toBe('TIPS 驗證');
    expect(figureOf(zh, 'tips', 'held').value).toBe(1);
  });

  it('counts the keep-or-drop decisions of the year', async () => {
    const item = await k7.get(`/api/ip/keep-or-drop/${keptMatter}`);
    expect(item.status, item.text).toBe(200);
    const decided = await k7.post(`/api/ip/keep-or-drop/${keptMatter}/decision`, {
      decision: 'keep',
      reason: 'Used in the current product line',
      version: item.body.version,
    });
    expect(decided.status, decided.text).toBe(201);
    const report = (await admin.get('/api/ip/board/figures', { query: { year: '2025' } })).body;
    expect(report.asOf).toBe('2025-01-15');
    expect(figureOf(report, 'keep_drop', 'keep').value).toBe(1);
    expect(figureOf(report, 'keep_drop', 'drop').value).toBe(0);
    const before = (await admin.get('/api/ip/board/figures', { query: { year: '2024' } })).body;
    expect(figureOf(before, 'keep_drop', 'keep').value).toBe(0);
  });

  it('reads in the reader’s scope: a site’s figures never exceed the group’s; the Board and auditors read it', async () => {
    const group = (await admin.get('/api/ip/board/figures', { query: { year: '2024' } })).body;
    const site = (await k7.get('/api/ip/board/figures', { query: { year: '2024' } })).body;
    // Counts and sums only: a mean (the secrets' score) may be higher for a part than for the whole.
    const pairs = group.sections.flatMap((section: any) =>
      section.figures
        .filter((f: any) => f.value !== null && !(section.key === 'trade_secrets' && f.key === 'score'))
        .map((f: any) => [section.key, f.key, figureOf(site, section.key, f.key)?.value ?? 0, f.value]),
    );
    expect(pairs.length).toBeGreaterThan(10);
    for (const [, , part, whole] of pairs) expect(part).toBeLessThanOrEqual(whole);
    expect(figureOf(site, 'filings', 'filed').value).toBe(1);
    expect(figureOf(group, 'filings', 'filed').value).toBe(2);
    for (const who of ['board', 'auditor'] as const) {
      const reader = await t.signInAs(who);
      const res = await reader.get('/api/ip/board/figures', { query: { year: '2024' } });
      expect(res.status, res.text).toBe(200);
      expect(figureOf(res.body, 'filings', 'filed').value).toBe(2);
    }
    expect(
      (await (await t.signInAs('employee')).get('/api/ip/board/figures', { query: { year: '2024' } })).status,
    ).toBe(403);
  });

  it('renders the report as PDF and XLSX, in Traditional Chinese when asked', async () => {
    const zh = await admin.get('/api/ip/board/figures', { query: { year: '2024', locale: 'zh-TW' } });
    expect(zh.body.sections[0].heading).toBe('專利組合');
    const pdf = await admin.get('/api/ip/board/report.pdf', { query: { year: '2024', locale: 'zh-TW' } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.raw.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const xlsx = await admin.get('/api/ip/board/report.xlsx', { query: { year: '2024' } });
    expect(xlsx.status).toBe(200);
    expect(xlsx.raw.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
