// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSF_2_0_CATALOGUE_ID } from '../../server/modules/infosec/csf/catalogues.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES, USERS } from '../support/fixture.ts';

const schema = JSON.parse(
  readFileSync(
    new URL('../../reference/oscal-1.0.4/oscal_assessment-results_schema.json', import.meta.url),
    'utf8',
  ),
);
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: true });
ajvFormats.default(ajv);
const validateOscal = ajv.compile(schema);

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Answers');
  sheet.addRow([
    '廠區',
    '年度',
    'IT or OT',
    'Subcategory',
    'Maturity level (0–5 or N/A)',
    'Target level',
    'Notes',
  ]);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(client: ApiClient, filename: string, bytes: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), filename);
  const request = new Request('http://local/', { method: 'POST', body: form });
  return client.post('/api/imports', Buffer.from(await request.arrayBuffer()), {
    contentType: request.headers.get('content-type') as string,
    query: { kind: 'infosec_csf_answers' },
  });
}

async function settle(client: ApiClient, id: string) {
  for (let i = 0; i < 2400; i++) {
    const job = (await client.get(`/api/imports/${id}`)).body;
    if (job.status !== 'validating' && job.status !== 'committing') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** Round half up to one decimal, as the roll-up rule says, on exact integers. */
const half = (sum: number, count: number) => Math.floor((sum * 10) / count + 0.5) / 10;

describe.each(databases())('NIST CSF maturity assessment (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let k7: ApiClient;
  let spil: ApiClient;
  let consultant: ApiClient;
  let consultantId: string;
  let subcategories: string[];
  const CONSULTANT = { email: 'lin.assessor@consulting.test', password: 'Consultant-Pass-42' };

  beforeAll(async () => {
    t = await createTestApp({ kind });
    admin = await t.signInAs('groupAdmin');
    k7 = await t.signInAs('k7Officer');
    spil = await t.signInAs('spilOfficer');
    const created = await admin.post('/api/users', {
      ...CONSULTANT,
      displayName: 'Lin Assessor',
      assignments: [],
    });
    expect(created.status).toBe(201);
    consultantId = created.body.id;
    consultant = await t.signIn(CONSULTANT.email, CONSULTANT.password);
  });
  afterAll(async () => t?.close());

  it('serves the CSF 2.0 catalogue: 6 functions, 22 categories, 106 subcategories, in English and Chinese', async () => {
    const en = await k7.get(`/api/infosec/csf/catalogues/${CSF_2_0_CATALOGUE_ID}`);
    expect(en.status).toBe(200);
    expect(en.body.functions.map((f: any) => f.identifier)).toEqual(['GV', 'ID', 'PR', 'DE', 'RS', 'RC']);
    const categories = en.body.functions.flatMap((f: any) => f.categories);
    subcategories = categories.flatMap((c: any) => c.subcategories.map((s: any) => s.identifier));
    expect(categories).toHaveLength(22);
    expect(subcategories).toHaveLength(106);
    expect(en.body.functions[0].title).toBe('Govern');
    const zh = await k7.get(`/api/infosec/csf/catalogues/${CSF_2_0_CATALOGUE_ID}`, {
      headers: { 'accept-language': 'zh-TW' },
    });
    const rows = await t.db.selectFrom('csf_items').select('kind').execute();
    expect(rows.filter((r) => r.kind === 'subcategory')).toHaveLength(106);
    expect(zh.status).toBe(200);
  });

  let campaignId: string;
  let k7It: any;
  it('opens a campaign for the program owner only, once a year', async () => {
    const body = {
      year: 2026,
      name: 'NIST CSF maturity assessment 2026',
      basis: '2.0',
      dueOn: '2026-11-30',
      scope: [
        { siteId: SITES.K7.id, domain: 'it' },
        { siteId: SITES.K7.id, domain: 'ot' },
        { siteId: SITES.TC.id, domain: 'it' },
      ],
    };
    expect((await k7.post('/api/infosec/csf/campaigns', body)).status).toBe(403);
    const twice = await admin.post('/api/infosec/csf/campaigns', {
      ...body,
      scope: [...body.scope, { siteId: SITES.K7.id, domain: 'it' }],
    });
    expect(twice.status).toBe(422);
    expect(JSON.stringify(twice.body)).toContain('scope.3');
    const res = await admin.post('/api/infosec/csf/campaigns', body);
    expect(res.status).toBe(201);
    campaignId = res.body.id;
    expect((await admin.post('/api/infosec/csf/campaigns', body)).status).toBe(409);
    // The K7 officer sees the two K7 assessments, the SPIL officer the TC one.
    const mine = await k7.get('/api/infosec/csf/assessments', { query: { campaignId } });
    expect(mine.body.items.map((a: any) => `${a.siteCode}/${a.domain}`).sort()).toEqual(['K7/it', 'K7/ot']);
    const theirs = await spil.get('/api/infosec/csf/assessments', { query: { campaignId } });
    expect(theirs.body.items.map((a: any) => a.siteCode)).toEqual(['TC']);
    k7It = mine.body.items.find((a: any) => a.domain === 'it');
    expect(k7It).toMatchObject({ status: 'draft', answered: 0, toAnswer: 106, score: null });
  });

  it("imports a consultant's workbook into the site's draft: errors by cell, then all or nothing", async () => {
    const ot = (await k7.get('/api/infosec/csf/assessments', { query: { campaignId, domain: 'ot' } })).body
      .items[0];
    const bad = await upload(
      k7,
      'k7-ot.xlsx',
      await workbook([
        ['K7', 2026, 'OT', 'ID.AM-01', 3, 4, 'Asset inventory of the tool fleet'],
        ['K7', 2026, 'OT', 'ID.AM-02', 7, 4, ''],
        ['K7', 2026, 'OT', 'ID.BE-01', 2, '', ''],
        ['K7', 2026, 'OT', 'ID.AM-01', 2, '', ''],
        ['TC', 2026, 'OT', 'ID.AM-03', 2, '', ''],
      ]),
    );
    expect(bad.status).toBe(201);
    let job = (await k7.get(`/api/imports/${bad.body.id}`)).body;
    expect((await k7.post(`/api/imports/${job.id}/validate`, { version: job.version })).status).toBe(202);
    job = await settle(k7, job.id);
    expect(job.status).toBe('invalid');
    expect(job.errors.map((e: any) => `${e.row}:${e.column}`)).toEqual([
      '3:level',
      '4:subcategory',
      '5:subcategory',
      '6:site_code',
    ]);
    expect(
      await t.db.selectFrom('csf_answers').select('subcategory').where('assessment_id', '=', ot.id).execute(),
    ).toEqual([]);
    const good = await upload(
      k7,
      'k7-ot.xlsx',
      await workbook([
        ['K7', 2026, 'OT', 'ID.AM-01', 3, 4, 'Asset inventory of the tool fleet'],
        ['K7', 2026, 'OT', 'ID.AM-02', 'N/A', '', 'No software platforms on the OT network'],
        ['K7', 2026, 'ot', 'pr.aa-01', '2', '3', ''],
      ]),
    );
    job = (await k7.get(`/api/imports/${good.body.id}`)).body;
    await k7.post(`/api/imports/${job.id}/validate`, { version: job.version });
    job = await settle(k7, job.id);
    expect(job.status).toBe('valid');
    await k7.post(`/api/imports/${job.id}/commit`, { version: job.version });
    job = await settle(k7, job.id);
    // The job's message says why a commit stopped, should it ever stop.
    expect(job, job.message).toMatchObject({ status: 'done', rowsInserted: 3 });
    const view = (await k7.get(`/api/infosec/csf/assessments/${ot.id}`)).body;
    expect(view.answered).toBe(3);
    expect(view.version).toBe(ot.version + 1);
    expect(view.answers.find((a: any) => a.subcategory === 'ID.AM-02')).toMatchObject({
      notApplicable: true,
      level: null,
    });
    expect(view.answers.find((a: any) => a.subcategory === 'PR.AA-01')).toMatchObject({
      level: 2,
      target: 3,
    });
  });

  it('lets a consultant outside the company see only the assessment assigned to them', async () => {
    expect((await consultant.get(`/api/infosec/csf/assessments/${k7It.id}`)).status).toBe(404);
    // The site's manager finds the consultant by name; the staff directory does not list people outside.
    const outside = `/api/infosec/csf/assessments/${k7It.id}/outside-assessors`;
    const found = await k7.get(outside, { query: { q: 'lin ass' } });
    expect(found.status).toBe(200);
    expect(found.body.items).toEqual([
      { id: consultantId, displayName: 'Lin Assessor', email: CONSULTANT.email },
    ]);
    const everyone = (await k7.get(outside)).body.items.map((u: any) => u.id);
    expect(everyone).toContain(consultantId);
    // Staff hold a role at a site: none of them is offered as an outsider.
    const staff = (await k7.get('/api/users/directory', { query: { limit: 50 } })).body.items.map(
      (u: any) => u.id,
    );
    expect(staff.length).toBeGreaterThan(0);
    expect(staff).not.toContain(consultantId);
    expect(everyone.filter((id: string) => staff.includes(id))).toEqual([]);
    // Neither another subsidiary's officer nor the consultant (not yet named) sees the assessment.
    expect((await spil.get(outside)).status).toBe(404);
    expect((await consultant.get(outside)).status).toBe(404);
    const set = await k7.patch(`/api/infosec/csf/assessments/${k7It.id}/assessor`, {
      assessorId: consultantId,
      consultancy: 'Formosa Cyber Advisory',
      version: k7It.version,
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ assessorName: 'Lin Assessor', consultancy: 'Formosa Cyber Advisory' });
    k7It = set.body;
    // A new session picks up the grant.
    consultant = await t.signIn(CONSULTANT.email, CONSULTANT.password);
    const listed = await consultant.get('/api/infosec/csf/assessments');
    expect(listed.status).toBe(200);
    // Named, the consultant reads the assessment but may not look for other people outside the company
    // (to a person who holds no role at its site, what the assessment's managers do does not exist).
    expect((await consultant.get(outside)).status).toBe(404);
    expect(listed.body.items.map((a: any) => a.id)).toEqual([k7It.id]);
    const other = (await k7.get('/api/infosec/csf/assessments', { query: { campaignId, domain: 'ot' } })).body
      .items[0];
    expect((await consultant.get(`/api/infosec/csf/assessments/${other.id}`)).status).toBe(404);
    expect((await consultant.get('/api/infosec/csf/heatmap')).status).toBe(403);
    expect((await spil.get(`/api/infosec/csf/assessments/${k7It.id}`)).status).toBe(404);
  });

  // Levels 0–5 in turn, PR.AA-01 … not applicable for the first three subcategories of DE, target 4.
  const levelOf = (i: number) => i % 6;
  const notApplicable = (s: string) => ['DE.AE-02', 'DE.AE-03', 'DE.AE-04'].includes(s);

  it('takes answers from the assessor alone, refuses unknown subcategories, stale versions and early submission', async () => {
    const bad = await consultant.put(`/api/infosec/csf/assessments/${k7It.id}/answers`, {
      version: k7It.version,
      answers: [{ subcategory: 'ID.BE-01', level: 2, notApplicable: false }],
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('answers.0.subcategory');
    const byOfficer = await k7.put(`/api/infosec/csf/assessments/${k7It.id}/answers`, {
      version: k7It.version,
      answers: [{ subcategory: 'GV.OC-01', level: 2, notApplicable: false }],
    });
    expect(byOfficer.status).toBe(403);
    const half1 = subcategories.slice(0, 50).map((s, i) => ({
      subcategory: s,
      level: notApplicable(s) ? null : levelOf(i),
      notApplicable: notApplicable(s),
      target: 4,
      notes: i === 0 ? 'Mission statement reviewed with the plant manager' : undefined,
    }));
    const first = await consultant.put(`/api/infosec/csf/assessments/${k7It.id}/answers`, {
      version: k7It.version,
      answers: half1,
    });
    expect(first.status).toBe(200);
    const stale = await consultant.put(`/api/infosec/csf/assessments/${k7It.id}/answers`, {
      version: k7It.version,
      answers: half1.slice(0, 1),
    });
    expect(stale.status).toBe(409);
    const early = await consultant.post(`/api/infosec/csf/assessments/${k7It.id}/steps`, {
      step: 'submit',
      version: first.body.version,
    });
    expect(early.status).toBe(422);
    expect(early.body.detail).toContain('56 subcategories have no level');
    const rest = subcategories.slice(50).map((s, j) => ({
      subcategory: s,
      level: notApplicable(s) ? null : levelOf(50 + j),
      notApplicable: notApplicable(s),
      target: 4,
    }));
    // Evidence: the consultant attaches a file to the draft; the SPIL officer cannot see it.
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG)]), 'asset-register.png');
    const request = new Request('http://local/', { method: 'POST', body: form });
    const attached = await consultant.post('/api/documents', Buffer.from(await request.arrayBuffer()), {
      contentType: request.headers.get('content-type') as string,
      query: { entityType: 'infosec_csf_assessment', entityId: k7It.id },
    });
    expect(attached.status).toBe(201);
    const listed = await k7.get('/api/documents', {
      query: { entityType: 'infosec_csf_assessment', entityId: k7It.id },
    });
    expect(listed.body.items.map((d: any) => d.filename)).toEqual(['asset-register.png']);
    expect(
      (
        await spil.get('/api/documents', {
          query: { entityType: 'infosec_csf_assessment', entityId: k7It.id },
        })
      ).status,
    ).toBe(404);
    const second = await consultant.put(`/api/infosec/csf/assessments/${k7It.id}/answers`, {
      version: first.body.version,
      answers: rest,
    });
    expect(second.status).toBe(200);
    k7It = second.body;
    expect(k7It.answered).toBe(106);
  });

  it('computes scores as the mean of applicable levels, rounded half up, with not applicable left out', async () => {
    const levels = subcategories.map((s, i) => (notApplicable(s) ? null : levelOf(i)));
    const applicable = levels.filter((l): l is number => l !== null);
    expect(k7It.score).toBe(
      half(
        applicable.reduce((a, b) => a + b, 0),
        applicable.length,
      ),
    );
    const de = subcategories
      .map((s, i) => ({ s, l: levels[i] }))
      .filter((x) => x.s.startsWith('DE.') && x.l !== null)
      .map((x) => x.l as number);
    const deView = k7It.functions.find((f: any) => f.identifier === 'DE');
    expect(deView).toMatchObject({ counted: de.length, notApplicable: 3, target: 4 });
    expect(deView.score).toBe(
      half(
        de.reduce((a, b) => a + b, 0),
        de.length,
      ),
    );
    // Every function's count is within the catalogue's, and the counts add up to the whole.
    expect(k7It.functions.reduce((a: number, f: any) => a + f.counted + f.notApplicable, 0)).toBe(106);
  });

  it('runs review, sign-off and approval by the right people, then locks the assessment', async () => {
    const step = (who: ApiClient, s: string, extra: object = {}) =>
      who.post(`/api/infosec/csf/assessments/${k7It.id}/steps`, { step: s, version: k7It.version, ...extra });
    let r = await step(consultant, 'submit');
    expect(r.status).toBe(200);
    k7It = r.body;
    expect(k7It.status).toBe('in_review');
    expect((await step(consultant, 'review')).status).toBe(403);
    expect((await step(k7, 'return')).status).toBe(422);
    r = await step(k7, 'review');
    expect(r.status).toBe(200);
    k7It = r.body;
    expect(k7It.reviewedByName).toBe('Kai Officer');
    r = await step(consultant, 'sign_off');
    k7It = r.body;
    expect(k7It.status).toBe('signed_off');
    expect((await step(k7, 'approve')).status).toBe(403);
    r = await step(admin, 'approve');
    expect(r.status).toBe(200);
    k7It = r.body;
    expect(k7It).toMatchObject({ status: 'approved', steps: [], mayAnswer: false, mayCorrect: true });
    // K7's OT assessment is not approved: nothing to set beside IT yet.
    expect(k7It.otherDomain).toBeNull();
    const locked = await consultant.put(`/api/infosec/csf/assessments/${k7It.id}/answers`, {
      version: k7It.version,
      answers: [{ subcategory: 'GV.OC-01', level: 5, notApplicable: false }],
    });
    expect(locked.status).toBe(409);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', k7It.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'record.granted',
      'infosec.csf_assessment.assessor_set',
      'infosec.csf_assessment.answered',
      'infosec.csf_assessment.answered',
      'infosec.csf_assessment.submit',
      'infosec.csf_assessment.review',
      'infosec.csf_assessment.sign_off',
      'infosec.csf_assessment.approve',
    ]);
  });

  it('keeps recommendations as platform actions with owners and due dates, named after the assessment', async () => {
    const created = await k7.post('/api/actions', {
      siteId: SITES.K7.id,
      program: 'infosec',
      kind: 'improvement',
      title: 'Roll out phishing-resistant MFA for remote access',
      sourceType: 'infosec_csf_assessment',
      sourceId: k7It.id,
      ownerId: USERS.k7Officer.id,
      dueDate: '2027-03-31',
    });
    expect(created.status).toBe(201);
    const view = await k7.get(`/api/infosec/csf/assessments/${k7It.id}`);
    expect(view.body.recommendations).toEqual([
      expect.objectContaining({ id: created.body.id, status: 'open', dueDate: '2027-03-31' }),
    ]);
    const source = await k7.get(`/api/sources/infosec_csf_assessment/${k7It.id}`);
    expect(source.status).toBe(200);
    expect(source.body.label).toBe('K7 IT NIST CSF maturity 2026 (revision 1)');
    expect((await spil.get(`/api/sources/infosec_csf_assessment/${k7It.id}`)).status).toBe(404);
  });

  it('exports the approved assessment as OSCAL assessment results that validate, one finding per answer', async () => {
    const res = await consultant.get(`/api/infosec/csf/assessments/${k7It.id}/oscal.json`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain('.oscal.json');
    const doc = typeof res.body === 'string' ? JSON.parse(res.body) : res.body;
    const ok = validateOscal(doc);
    expect(validateOscal.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const results = doc['assessment-results'].results;
    expect(results).toHaveLength(1);
    expect(results[0].findings).toHaveLength(106);
  });

  it("renders the site's report and the Board report as PDF and XLSX, with the figures of the API", async () => {
    const pdf = await k7.get(`/api/infosec/csf/assessments/${k7It.id}/report.pdf`, {
      query: { locale: 'zh-TW' },
    });
    expect(pdf.status).toBe(200);
    expect(Buffer.from(pdf.raw).subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await k7.get(`/api/infosec/csf/assessments/${k7It.id}/report.xlsx`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const answers = book.getWorksheet('Answers');
    expect(answers).toBeDefined();
    // A header row and one row per subcategory of the catalogue.
    expect(answers!.actualRowCount).toBeGreaterThanOrEqual(107);
    const functions = book.getWorksheet('Functions')!;
    const values = functions.getSheetValues().slice(1) as any[];
    const de = values.find((r) => String(r?.[1] ?? '').startsWith('DE '));
    expect(de[2]).toBe(k7It.functions.find((f: any) => f.identifier === 'DE').score);
    const board = await admin.get('/api/infosec/csf/reports/board.xlsx', { query: { year: '2026' } });
    expect(board.status).toBe(200);
    const boardBook = new ExcelJS.Workbook();
    await boardBook.xlsx.load(board.raw as unknown as ArrayBuffer);
    const bySite = boardBook.getWorksheet('By site')!;
    const siteRows = (bySite.getSheetValues().slice(2) as any[]).filter(Boolean);
    expect(siteRows).toHaveLength(1);
    expect(String(siteRows[0][1])).toContain('K7');
    expect(siteRows[0].at(-1)).toBe(k7It.score);
    expect((await spil.get(`/api/infosec/csf/assessments/${k7It.id}/report.pdf`)).status).toBe(404);
    // A year with nothing approved still renders, and says so in words.
    const empty = await admin.get('/api/infosec/csf/reports/board.pdf', { query: { year: '2025' } });
    expect(empty.status).toBe(200);
    const emptyBook = new ExcelJS.Workbook();
    await emptyBook.xlsx.load(
      (await admin.get('/api/infosec/csf/reports/board.xlsx', { query: { year: '2025' } }))
        .raw as unknown as ArrayBuffer,
    );
    const everything = JSON.stringify(emptyBook.worksheets.map((w) => w.getSheetValues()));
    expect(everything).toContain('No assessment of this year is approved yet.');
    expect((emptyBook.getWorksheet('By site')!.getSheetValues() as unknown[]).filter(Boolean)).toHaveLength(
      1,
    );
  });

  it('shows the approved assessment in the heat map, trend and gaps with the same figures', async () => {
    const heat = await admin.get('/api/infosec/csf/heatmap', { query: { year: 2026, domain: 'it' } });
    expect(heat.status).toBe(200);
    expect(heat.body.sites).toHaveLength(1);
    const site = heat.body.sites[0];
    expect(site).toMatchObject({ siteCode: 'K7', assessmentId: k7It.id, score: k7It.score });
    for (const f of k7It.functions) expect(site.functions[f.identifier]).toBe(f.score);
    expect(heat.body.group.score).toBe(k7It.score);
    // The SPIL officer's scope holds no approved assessment: an empty map, not zeros.
    const spilHeat = await spil.get('/api/infosec/csf/heatmap', { query: { year: 2026 } });
    expect(spilHeat.body.sites).toEqual([]);
    expect(spilHeat.body.group.score).toBeNull();
    const trend = await admin.get('/api/infosec/csf/trend');
    expect(trend.body.years).toEqual([
      expect.objectContaining({ year: 2026, basis: '2.0', sites: 1, score: k7It.score }),
    ]);
    const gaps = await admin.get('/api/infosec/csf/gaps', { query: { year: 2026, limit: 5 } });
    expect(gaps.body.items).toHaveLength(5);
    for (const g of gaps.body.items) {
      expect(g.sitesBelowTarget).toBeLessThanOrEqual(g.sitesAssessed);
      expect(g.meanGap).toBeGreaterThan(0);
      expect(g.meanGap).toBeLessThanOrEqual(4);
    }
  });

  it('corrects an approved assessment as a new revision that supersedes it when approved', async () => {
    // The SPIL officer does not see K7; the K7 officer may open a correction, which a stale version stops.
    const outside = await spil.post(`/api/infosec/csf/assessments/${k7It.id}/corrections`, {
      reason: 'Typo',
      version: k7It.version,
    });
    expect(outside.status).toBe(404);
    const stale = await k7.post(`/api/infosec/csf/assessments/${k7It.id}/corrections`, {
      reason: 'Typo',
      version: 1,
    });
    expect(stale.status).toBe(409);
    const res = await admin.post(`/api/infosec/csf/assessments/${k7It.id}/corrections`, {
      reason: 'PR.AA-01 was scored on the old badge system',
      version: k7It.version,
    });
    expect(res.status).toBe(201);
    let rev = res.body;
    expect(rev).toMatchObject({ revision: 2, status: 'draft', correctionOf: k7It.id, answered: 106 });
    expect(rev.score).toBe(k7It.score);
    const again = await admin.post(`/api/infosec/csf/assessments/${k7It.id}/corrections`, {
      reason: 'Twice',
      version: (await admin.get(`/api/infosec/csf/assessments/${k7It.id}`)).body.version,
    });
    expect(again.status).toBe(409);
    consultant = await t.signIn(CONSULTANT.email, CONSULTANT.password);
    const put = await consultant.put(`/api/infosec/csf/assessments/${rev.id}/answers`, {
      version: rev.version,
      answers: [{ subcategory: 'PR.AA-01', level: 5, notApplicable: false }],
    });
    expect(put.status).toBe(200);
    rev = put.body;
    for (const [who, s] of [
      [consultant, 'submit'],
      [k7, 'review'],
      [consultant, 'sign_off'],
      [admin, 'approve'],
    ] as const) {
      const r = await who.post(`/api/infosec/csf/assessments/${rev.id}/steps`, {
        step: s,
        version: rev.version,
      });
      expect(r.status).toBe(200);
      rev = r.body;
    }
    expect(rev.revisions.map((r: any) => `${r.revision}:${r.status}`)).toEqual([
      '2:approved',
      '1:superseded',
    ]);
    const heat = await admin.get('/api/infosec/csf/heatmap', { query: { year: 2026 } });
    expect(heat.body.sites.map((s: any) => s.assessmentId)).toEqual([rev.id]);
    expect(heat.body.sites[0].score).toBe(rev.score);
  });

  it('keeps the industry benchmark for the program owner to enter, per function', async () => {
    expect((await k7.put('/api/infosec/csf/benchmarks', { year: 2026, scores: { ID: 3.1 } })).status).toBe(
      403,
    );
    const bad = await admin.put('/api/infosec/csf/benchmarks', { year: 2026, scores: { ID: 3.1, XX: 2 } });
    expect(bad.status).toBe(422);
    const ok = await admin.put('/api/infosec/csf/benchmarks', {
      year: 2026,
      scores: { GV: 2.9, ID: 3.1, PR: 3.4, DE: 3, RS: 2.8, RC: 2.7 },
      source: 'Industry survey 2026',
    });
    expect(ok.status).toBe(200);
    const heat = await admin.get('/api/infosec/csf/heatmap', { query: { year: 2026 } });
    expect(heat.body.benchmark).toMatchObject({ ID: 3.1, PR: 3.4 });
  });

  it('renames the levels and reweighs the functions for the program owner, and shows the rule beside the scores', async () => {
    const scale = (await k7.get('/api/infosec/csf/scale')).body;
    expect(scale.labels.map((l: any) => l.en)).toEqual([
      'Not performed',
      'Initial',
      'Repeatable',
      'Defined',
      'Managed',
      'Optimising',
    ]);
    expect((await k7.put('/api/infosec/csf/scale', scale)).status).toBe(403);
    const bad = await admin.put('/api/infosec/csf/scale', { ...scale, functionWeights: { ZZ: 2 } });
    expect(bad.status).toBe(422);
    const current = (await admin.get('/api/infosec/csf/heatmap', { query: { year: 2026 } })).body.sites[0];
    const ok = await admin.put('/api/infosec/csf/scale', { ...scale, functionWeights: { PR: 2, GV: 0 } });
    expect(ok.status).toBe(200);
    const after = (await admin.get('/api/infosec/csf/heatmap', { query: { year: 2026 } })).body;
    expect(after.rule).toEqual({ functionWeights: { PR: 2, GV: 0 } });
    // Function scores do not move; the site's score weighs PR twice.
    expect(after.sites[0].functions).toEqual(current.functions);
    const view = (await admin.get(`/api/infosec/csf/assessments/${after.sites[0].assessmentId}`)).body;
    // Each PR level counts twice, GV's not at all.
    const levels = view.answers.filter((a: any) => a.level !== null && !a.subcategory.startsWith('GV.'));
    const pr = levels.filter((a: any) => a.subcategory.startsWith('PR.'));
    const total = (xs: any[]) => xs.reduce((a: number, x: any) => a + x.level, 0);
    expect(pr.length).toBeGreaterThan(0);
    expect(view.score).toBe(half(total(levels) + total(pr), levels.length + pr.length));
    expect(after.sites[0].score).toBe(view.score);
    // The assessment names the levels as the group set them, in the reader's language.
    const renamed = scale.labels.map((l: any, i: number) =>
      i === 5 ? { en: 'Adaptive', 'zh-TW': '自適應' } : l,
    );
    expect((await admin.put('/api/infosec/csf/scale', { ...scale, labels: renamed })).status).toBe(200);
    const id = after.sites[0].assessmentId;
    expect((await admin.get(`/api/infosec/csf/assessments/${id}`)).body.levels).toEqual([
      'Not performed',
      'Initial',
      'Repeatable',
      'Defined',
      'Managed',
      'Adaptive',
    ]);
    expect((await admin.put('/api/auth/preferences', { locale: 'zh-TW' })).status).toBe(204);
    const zh = await admin.get(`/api/infosec/csf/assessments/${id}`);
    expect((await admin.put('/api/auth/preferences', { locale: 'en' })).status).toBe(204);
    expect(zh.body.levels.at(-1)).toBe('自適應');
    await admin.put('/api/infosec/csf/scale', scale);
  });
  it('adds a site to an open campaign for the group-wide manager, refusing one it already has', async () => {
    const url = `/api/infosec/csf/campaigns/${campaignId}/scope`;
    const pg = { siteId: SITES.PG.id, domain: 'it' };
    expect((await k7.post(url, { scope: [pg] })).status).toBe(403);
    const again = await admin.post(url, { scope: [pg, { siteId: SITES.K7.id, domain: 'it' }] });
    expect(again.status).toBe(422);
    expect(again.body.errors).toEqual([{ path: 'scope.1', message: 'Already in the campaign' }]);
    const unknown = await admin.post(url, {
      scope: [{ siteId: '00000000-0000-4000-8000-000000000001', domain: 'ot' }],
    });
    expect(unknown.body.errors).toEqual([{ path: 'scope.0.siteId', message: 'No such site' }]);
    const missing = '00000000-0000-4000-8000-00000000c5f0';
    expect((await admin.post(`/api/infosec/csf/campaigns/${missing}/scope`, { scope: [pg] })).status).toBe(
      404,
    );
    // Nothing of the refused requests was kept.
    const before = await admin.get('/api/infosec/csf/assessments', { query: { campaignId, pageSize: 100 } });
    expect(before.body.items.map((a: any) => a.siteCode)).not.toContain('PG');
    const ok = await admin.post(url, { scope: [pg] });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toEqual({ id: campaignId, added: 1 });
    const after = await admin.get('/api/infosec/csf/assessments', { query: { campaignId, pageSize: 100 } });
    expect(after.body.total).toBe(before.body.total + 1);
    expect(after.body.items.find((a: any) => a.siteCode === 'PG')).toMatchObject({
      domain: 'it',
      status: 'draft',
      revision: 1,
      answered: 0,
    });
    const campaign = (await admin.get('/api/infosec/csf/campaigns')).body.items.find(
      (c: any) => c.id === campaignId,
    );
    expect(campaign.assessments).toBe(after.body.total);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action'])
      .where('entity_id', '=', campaignId)
      .where('action', '=', 'infosec.csf_campaign.extended')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
