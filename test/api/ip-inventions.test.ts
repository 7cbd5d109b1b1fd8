import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { EMPLOYEES, SITES } from '../support/fixture.ts';

/** The app's clock: 15 January 2025 in Taiwan. */
const NOW = new Date('2025-01-15T02:00:00Z');

const disclosure = (over: Record<string, unknown> = {}) => ({
  siteId: SITES.K7.id,
  title: 'Copper pillar plating with pulse reverse current',
  description: 'Pulse reverse plating keeps the pillar tops flat at 40 µm pitch.',
  inventors: [
    { employeeId: EMPLOYEES['K7-0001'].id, share: 60 },
    { employeeId: EMPLOYEES['K7-0007'].id, share: 40 },
  ],
  ...over,
});

/** A text file attached to a disclosure (the documents service checks the type on the content). */
async function attach(client: ApiClient, disclosureId: string) {
  const form = new FormData();
  form.append(
    'file',
    new Blob([new TextEncoder().encode('Lab notes: plating current 2 A/dm²')]),
    'notes.txt',
  );
  const request = new Request('http://local/', { method: 'POST', body: form });
  return client.post('/api/documents', Buffer.from(await request.arrayBuffer()), {
    contentType: request.headers.get('content-type') as string,
    query: { entityType: 'ip_disclosure', entityId: disclosureId },
  });
}

describe.each(databases())('IP invention disclosures (%s)', (kind) => {
  let t: TestApp;
  let projectId: string;
  let filesDir: string;
  beforeAll(async () => {
    filesDir = await mkdtemp(path.join(tmpdir(), 'steward-inventions-'));
    t = await createTestApp({ kind, now: () => NOW, config: { filesDir } });
    const admin = await t.signInAs('groupAdmin');
    const partner = await admin.post('/api/academia/partners', {
      name: 'National Sun Yat-sen University',
      country: 'TW',
      kind: 'university',
    });
    expect(partner.status, partner.text).toBe(201);
    const project = await admin.post('/api/academia/projects', {
      siteId: SITES.K7.id,
      partnerId: partner.body.id,
      title: 'Fine-pitch plating research',
      line: 'materials',
      principalInvestigator: 'Prof. Lee',
      status: 'active',
      startsOn: '2024-02-01',
      currency: 'TWD',
      budget: [],
    });
    expect(project.status, project.text).toBe(201);
    projectId = project.body.id;
  });
  afterAll(async () => {
    await t?.close();
    await rm(filesDir, { recursive: true, force: true });
  });

  it('lets an employee file a disclosure that names a research project, and see it as their own', async () => {
    const employee = await t.signInAs('employee');
    const colleagues = await employee.get('/api/ip/disclosure-colleagues', { query: { q: 'Yang' } });
    expect(colleagues.status, colleagues.text).toBe(200);
    expect(colleagues.body.items.map((c: { fullName: string }) => c.fullName)).toEqual(['Yang Shu-Fen']);
    const projects = await employee.get('/api/ip/disclosure-projects');
    expect(projects.body.items.map((p: { title: string }) => p.title)).toContain(
      'Fine-pitch plating research',
    );

    const created = await employee.post(
      '/api/ip/disclosures',
      disclosure({ researchProjectId: projectId, partnerName: 'NSYSU' }),
    );
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      reference: 'ID-2025-0001',
      status: 'submitted',
      siteCode: 'K7',
      researchProjectTitle: 'Fine-pitch plating research',
      submittedByName: 'Chen Wei-Ling',
      inventors: [
        { name: 'Chen Wei-Ling', share: 60 },
        { name: 'Yang Shu-Fen', share: 40 },
      ],
    });
    const mine = await employee.get('/api/ip/disclosures', { query: { mine: 'true' } });
    expect(mine.body.items.map((d: { id: string }) => d.id)).toEqual([created.body.id]);
    expect((await employee.get(`/api/ip/disclosures/${created.body.id}`)).status).toBe(200);
    // Not the IP office: the whole list is not theirs, nor the decision.
    expect((await employee.get('/api/ip/disclosures')).status).toBe(403);
    const refused = await employee.post(`/api/ip/disclosures/${created.body.id}/decision`, {
      decision: 'drop',
      reason: 'No',
      version: created.body.version,
    });
    expect(refused.status).toBe(403);

    // The project's readers see it from the project's side.
    const officer = await t.signInAs('k7Officer');
    const fromProject = await officer.get(`/api/ip/research-projects/${projectId}/disclosures`);
    expect(fromProject.status, fromProject.text).toBe(200);
    expect(fromProject.body.items).toMatchObject([
      { id: created.body.id, reference: 'ID-2025-0001', status: 'submitted' },
    ]);
    expect((await employee.get(`/api/ip/research-projects/${projectId}/disclosures`)).status).toBe(403);

    // Its documents: the submitter attaches lab notes, the IP office reads them, another site's officer cannot.
    const notes = await attach(employee, created.body.id);
    expect(notes.status, notes.text).toBe(201);
    const listed = await officer.get('/api/documents', {
      query: { entityType: 'ip_disclosure', entityId: created.body.id },
    });
    expect(listed.body.items.map((d: { filename: string }) => d.filename)).toEqual(['notes.txt']);
    const spil = await t.signInAs('spilOfficer');
    expect(
      (
        await spil.get('/api/documents', {
          query: { entityType: 'ip_disclosure', entityId: created.body.id },
        })
      ).status,
    ).toBe(404);
    expect((await spil.get(`/api/ip/disclosures/${created.body.id}`)).status).toBe(404);
  });

  it('refuses shares that do not add up to 100%, naming the field', async () => {
    const employee = await t.signInAs('employee');
    const res = await employee.post(
      '/api/ip/disclosures',
      disclosure({
        inventors: [
          { employeeId: EMPLOYEES['K7-0001'].id, share: 60 },
          { employeeId: EMPLOYEES['K7-0007'].id, share: 30 },
        ],
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors).toContainEqual({
      path: 'inventors',
      message: 'The shares add up to 90%, not 100%',
    });
    const elsewhere = await employee.post(
      '/api/ip/disclosures',
      disclosure({ inventors: [{ employeeId: EMPLOYEES['SZ-0001'].id, share: 100 }] }),
    );
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.errors).toContainEqual({
      path: 'inventors.0.employeeId',
      message: 'Unknown employee',
    });
  });

  it('files a disclosure as decided: the family with its inventors, its first matter, and the rewards by share', async () => {
    const employee = await t.signInAs('employee');
    const created = await employee.post(
      '/api/ip/disclosures',
      disclosure({ title: 'Warpage-free mold compound' }),
    );
    expect(created.status, created.text).toBe(201);
    const officer = await t.signInAs('k7Officer');
    const incomplete = await officer.post(`/api/ip/disclosures/${created.body.id}/decision`, {
      decision: 'file',
      reason: 'Novel and valuable',
      version: created.body.version,
    });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.errors.map((e: { path: string }) => e.path)).toEqual(['office', 'kind']);
    const decided = await officer.post(`/api/ip/disclosures/${created.body.id}/decision`, {
      decision: 'file',
      office: 'TW',
      kind: 'invention',
      reason: 'Novel and valuable',
      version: created.body.version,
    });
    expect(decided.status, decided.text).toBe(200);
    expect(decided.body).toMatchObject({
      status: 'to_file',
      decision: 'file',
      decisionOffice: 'TW',
      decisionReason: 'Novel and valuable',
      decidedByName: 'Kai Officer',
    });
    const stale = await officer.post(`/api/ip/disclosures/${created.body.id}/filing`, {
      familyReference: 'ASE-2025-001',
      technology: 'sip',
      applicationNo: '114100001',
      filingDate: '2025-01-10',
      version: created.body.version,
    });
    expect(stale.status).toBe(409);

    const filed = await officer.post(`/api/ip/disclosures/${created.body.id}/filing`, {
      familyReference: 'ASE-2025-001',
      technology: 'sip',
      applicationNo: '114100001',
      filingDate: '2025-01-10',
      version: decided.body.version,
    });
    expect(filed.status, filed.text).toBe(200);
    expect(filed.body).toMatchObject({ status: 'filed', familyReference: 'ASE-2025-001' });
    // The default schedule: NT$10,000 on filing, split 60/40.
    expect(filed.body.rewards).toMatchObject([
      { event: 'filing', name: 'Chen Wei-Ling', share: 60, amount: '6000', paidOn: null },
      { event: 'filing', name: 'Yang Shu-Fen', share: 40, amount: '4000', paidOn: null },
    ]);
    const family = await officer.get(`/api/ip/families/${filed.body.familyId}`);
    expect(family.body).toMatchObject({
      title: 'Warpage-free mold compound',
      inventors: [
        { name: 'Chen Wei-Ling', share: 60 },
        { name: 'Yang Shu-Fen', share: 40 },
      ],
    });
    expect(family.body.matters).toMatchObject([
      { office: 'TW', kind: 'invention', applicationNo: '114100001', status: 'filed' },
    ]);

    // Not granted yet: no grant rewards.
    expect((await officer.post(`/api/ip/disclosures/${created.body.id}/grant-rewards`)).status).toBe(409);
    const matter = family.body.matters[0];
    const granted = await officer.patch(`/api/ip/matters/${matter.id}`, {
      version: matter.version,
      status: 'granted',
      grantDate: '2025-01-14',
      patentNo: 'I900001',
    });
    expect(granted.status, granted.text).toBe(200);
    const admin = await t.signInAs('groupAdmin');
    const schedule = await admin.put('/api/ip/invention-reward-schedule', {
      filing: '10000',
      grant: '50001',
    });
    expect(schedule.status, schedule.text).toBe(200);
    const grant = await officer.post(`/api/ip/disclosures/${created.body.id}/grant-rewards`);
    expect(grant.status, grant.text).toBe(200);
    const grantRows = grant.body.rewards.filter((r: { event: string }) => r.event === 'grant');
    expect(grantRows.map((r: { amount: string }) => r.amount)).toEqual(['30001', '20000']);
    expect(grant.body.grantRewardsDue).toBe(false);

    const paid = await officer.post(`/api/ip/invention-rewards/${grantRows[0].id}/payment`, {
      paidOn: '2025-01-15',
      version: grantRows[0].version,
    });
    expect(paid.status, paid.text).toBe(200);
    expect(paid.body.rewards.find((r: { id: string }) => r.id === grantRows[0].id).paidOn).toBe('2025-01-15');
    const again = await officer.post(`/api/ip/invention-rewards/${grantRows[0].id}/payment`, {
      paidOn: '2025-01-15',
      version: grantRows[0].version + 1,
    });
    expect(again.status).toBe(409);
  });

  it('keeps a disclosure as a trade secret: an entry in the register, its inventors on the access list', async () => {
    const employee = await t.signInAs('employee');
    const created = await employee.post(
      '/api/ip/disclosures',
      disclosure({ title: 'Flux recipe for thin wafers' }),
    );
    const officer = await t.signInAs('k7Officer');
    const decided = await officer.post(`/api/ip/disclosures/${created.body.id}/decision`, {
      decision: 'trade_secret',
      secretCategory: 'technology',
      reason: 'Hard to reverse-engineer',
      version: created.body.version,
    });
    expect(decided.status, decided.text).toBe(200);
    expect(decided.body.status).toBe('trade_secret');
    const secret = await officer.get(`/api/ip/trade-secrets/${decided.body.tradeSecretId}`);
    expect(secret.body).toMatchObject({
      title: 'Flux recipe for thin wafers',
      category: 'technology',
      score: 0,
    });
    // The inventors know the secret: they are on its access list, and an exit interview follows their leaving.
    expect(secret.body.accessEmployees.map((e: { employeeNo: string }) => e.employeeNo).sort()).toEqual([
      'K7-0001',
      'K7-0007',
    ]);
    const list = await officer.get('/api/ip/disclosures', { query: { status: 'trade_secret' } });
    expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([created.body.id]);
  });
});
