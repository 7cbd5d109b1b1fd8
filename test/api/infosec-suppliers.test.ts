// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES, USERS } from '../support/fixture.ts';

const SUPPLIER_USER = { email: 'security@equipment-maker.example', password: 'Supplier-Answers-2027x' };
const OTHER_USER = { email: 'it@other-supplier.example', password: 'Other-Supplier-2027x' };

describe.each(databases())('supplier cybersecurity assessments (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let officer: ApiClient;
  let spil: ApiClient;
  let supplierId: string;
  let otherSupplierId: string;
  let e187: any;
  let general: any;
  let supplierUserId: string;
  let otherUserId: string;

  beforeAll(async () => {
    t = await createTestApp({ kind });
    admin = await t.signInAs('groupAdmin');
    officer = await t.signInAs('k7Officer');
    spil = await t.signInAs('spilOfficer');
    for (const [u, name] of [
      [SUPPLIER_USER, 'Sora Supplier'],
      [OTHER_USER, 'Otto Other'],
    ] as const) {
      const res = await admin.post('/api/users', { ...u, displayName: name, assignments: [] });
      expect(res.status, res.text).toBe(201);
      if (u === SUPPLIER_USER) supplierUserId = res.body.id;
      else otherUserId = res.body.id;
    }
  });
  afterAll(async () => t?.close());

  const supplier = (name: string, siteId = SITES.K7.id) => ({
    siteId,
    name,
    country: 'JP',
    supplies: 'Wire bonders and their maintenance',
    category: 'equipment',
    criticality: 'critical',
    servedSiteIds: [SITES.K7.id, SITES.PG.id],
  });

  it('ships two questionnaire templates: SEMI E187 areas for equipment suppliers, and a general one', async () => {
    const res = await officer.get('/api/infosec/supplier-templates');
    expect(res.status).toBe(200);
    e187 = res.body.items.find((x: any) => x.code === 'semi_e187');
    general = res.body.items.find((x: any) => x.code === 'general');
    expect(e187.questions.map((q: any) => q.area)).toEqual(
      expect.arrayContaining([
        'os_software',
        'network',
        'endpoint',
        'build_patch',
        'malware_scan',
        'logging',
      ]),
    );
    expect(e187.name['zh-TW']).toMatch(/設備/);
    expect(general.questions.length).toBeGreaterThan(5);
  });

  it('registers a critical supplier with the sites it serves and a contact who signs in from outside', async () => {
    const res = await officer.post('/api/infosec/suppliers', supplier('Bonder Works'));
    expect(res.status, res.text).toBe(201);
    supplierId = res.body.id;
    expect(res.body.servedSites.map((s: any) => s.code).sort()).toEqual(['K7', 'PG']);
    const contact = await officer.post(`/api/infosec/suppliers/${supplierId}/contacts`, {
      name: 'Sora Supplier',
      email: SUPPLIER_USER.email,
      position: 'Security manager',
      userId: supplierUserId,
    });
    expect(contact.status, contact.text).toBe(201);
    expect(contact.body.contacts).toHaveLength(1);
    // Staff see records through their site roles: they are not a supplier's contact sign-in.
    const staff = await officer.post(`/api/infosec/suppliers/${supplierId}/contacts`, {
      name: 'Kai',
      email: 'k7.officer@steward.test',
      userId: USERS.k7Officer.id,
    });
    expect(staff.status).toBe(422);
    const other = await officer.post('/api/infosec/suppliers', { ...supplier('Other Tools'), country: 'DE' });
    otherSupplierId = other.body.id;
    await officer.post(`/api/infosec/suppliers/${otherSupplierId}/contacts`, {
      name: 'Otto Other',
      email: OTHER_USER.email,
      userId: otherUserId,
    });
  });

  it('keeps suppliers to the sites in scope: another subsidiary’s officer gets 404 and may not add one at K7', async () => {
    expect((await spil.get(`/api/infosec/suppliers/${supplierId}`)).status).toBe(404);
    expect((await spil.post('/api/infosec/suppliers', supplier('Elsewhere'))).status).toBe(404);
    const list = await spil.get('/api/infosec/suppliers');
    expect(list.body.items).toEqual([]);
    const filtered = await officer.get('/api/infosec/suppliers', { query: { country: 'DE' } });
    expect(filtered.body.items.map((s: any) => s.name)).toEqual(['Other Tools']);
    const csv = await officer.get('/api/infosec/suppliers/export.csv', { query: { sort: 'name' } });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('Bonder Works');
  });

  it('edits a supplier and its contacts: versions, stale edits 409, fields named, 404 outside the scope', async () => {
    const made = await officer.post('/api/infosec/suppliers', { ...supplier('Edit Works'), country: 'KR' });
    expect(made.status, made.text).toBe(201);
    const id = made.body.id;
    const url = `/api/infosec/suppliers/${id}`;
    const bad = await officer.patch(url, { country: 'korea', version: made.body.version });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('country');
    expect((await spil.patch(url, { name: 'Taken over', version: made.body.version })).status).toBe(404);
    const saved = await officer.patch(url, {
      name: 'Edit Works Korea',
      criticality: 'high',
      servedSiteIds: [SITES.K7.id],
      version: made.body.version,
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ name: 'Edit Works Korea', criticality: 'high', version: 2 });
    expect(saved.body.servedSites.map((s: any) => s.code)).toEqual(['K7']);
    expect((await officer.patch(url, { criticality: 'medium', version: 1 })).status).toBe(409);

    const added = await officer.post(`${url}/contacts`, { name: 'Min-jun', email: 'minjun@edit.example' });
    expect(added.status).toBe(201);
    const contact = added.body.contacts[0];
    const contactUrl = `/api/infosec/supplier-contacts/${contact.id}`;
    const staff = await officer.patch(contactUrl, { userId: USERS.k7Officer.id, version: contact.version });
    expect(staff.status).toBe(422);
    expect(staff.body.errors.map((e: any) => e.path)).toEqual(['userId']);
    const badMail = await officer.patch(contactUrl, { email: 'not an address', version: contact.version });
    expect(badMail.status).toBe(400);
    expect(JSON.stringify(badMail.body)).toContain('email');
    expect((await spil.patch(contactUrl, { phone: '1', version: contact.version })).status).toBe(404);
    const edited = await officer.patch(contactUrl, {
      position: 'Security lead',
      phone: '+82 2 555 0100',
      version: contact.version,
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body.contacts[0]).toMatchObject({
      name: 'Min-jun',
      position: 'Security lead',
      phone: '+82 2 555 0100',
      version: contact.version + 1,
    });
    expect((await officer.patch(contactUrl, { phone: null, version: contact.version })).status).toBe(409);
    expect((await spil.delete(contactUrl)).status).toBe(404);
    expect((await officer.delete(contactUrl)).status).toBe(204);
    expect((await officer.get(url)).body.contacts).toEqual([]);
    const rows = (await t.exec(
      `select action from audit_events where entity_type = 'infosec_supplier' and entity_id = '${id}' order by id`,
    )) as { action: string }[];
    expect(rows.map((r) => r.action)).toEqual([
      'infosec.supplier.created',
      'infosec.supplier.updated',
      'infosec.supplier_contact.added',
      'infosec.supplier_contact.updated',
      'infosec.supplier_contact.removed',
    ]);
  });

  it('lets only the group-wide program owner edit a template', async () => {
    const questions = [...e187.questions, { ...e187.questions[0], code: 'OS-9', weight: 1 }];
    expect(
      (
        await officer.patch(`/api/infosec/supplier-templates/${e187.id}`, {
          questions,
          version: e187.version,
        })
      ).status,
    ).toBe(403);
    const res = await admin.patch(`/api/infosec/supplier-templates/${general.id}`, {
      name: { en: 'General supplier questionnaire', 'zh-TW': '一般供應商資安問卷' },
      version: general.version,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.name['zh-TW']).toBe('一般供應商資安問卷');
    const stale = await admin.patch(`/api/infosec/supplier-templates/${general.id}`, {
      active: true,
      version: general.version,
    });
    expect(stale.status).toBe(409);
  });

  let assessment: any;
  let otherAssessment: any;
  it('starts an assessment on the equipment template and grants it to the supplier’s contact', async () => {
    const res = await officer.post('/api/infosec/supplier-assessments', {
      supplierId,
      templateId: e187.id,
      startedOn: '2022-03-01',
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      status: 'current_situation',
      kind: 'initial',
      score: null,
      answered: 0,
    });
    const supplierRow = (await officer.get(`/api/infosec/suppliers/${supplierId}`)).body;
    const granted = await officer.post(`/api/infosec/supplier-assessments/${res.body.id}/respondents`, {
      contactId: supplierRow.contacts[0].id,
    });
    expect(granted.status, granted.text).toBe(200);
    expect(granted.body.respondents.map((r: any) => r.email)).toEqual([SUPPLIER_USER.email]);
    assessment = granted.body;
    otherAssessment = (
      await officer.post('/api/infosec/supplier-assessments', {
        supplierId: otherSupplierId,
        templateId: general.id,
        startedOn: '2022-03-02',
      })
    ).body;
  });

  it('shows the supplier its own assessment only: any other is 404, lists and exports refused or empty', async () => {
    const sup = await t.signIn(SUPPLIER_USER.email, SUPPLIER_USER.password);
    const mine = await sup.get('/api/infosec/supplier-assessments', { query: { mine: 'true' } });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((a: any) => a.id)).toEqual([assessment.id]);
    const one = await sup.get(`/api/infosec/supplier-assessments/${assessment.id}`);
    expect(one.status).toBe(200);
    expect(one.body.mayAnswer).toBe(true);
    expect(one.body.mayManage).toBe(false);
    expect((await sup.get(`/api/infosec/supplier-assessments/${otherAssessment.id}`)).status).toBe(404);
    const answerOther = await sup.put(`/api/infosec/supplier-assessments/${otherAssessment.id}/answers`, {
      answers: [{ code: 'GOV-1', answer: 'yes' }],
      version: otherAssessment.version,
    });
    expect(answerOther.status).toBe(404);
    for (const url of [
      `/api/infosec/suppliers/${supplierId}`,
      '/api/infosec/suppliers',
      '/api/infosec/supplier-assessments/export.csv',
      '/api/infosec/supplier-assessments/figures?year=2022',
    ])
      expect([403, 404], url).toContain((await sup.get(url)).status);
    // The other supplier's person sees only theirs once granted, and never this one.
    const oth = await t.signIn(OTHER_USER.email, OTHER_USER.password);
    expect((await oth.get(`/api/infosec/supplier-assessments/${assessment.id}`)).status).toBe(404);
    expect(
      (await oth.get('/api/infosec/supplier-assessments', { query: { mine: 'true' } })).body.items,
    ).toEqual([]);
  });

  it('takes the supplier’s answers, scores them by the rule, and refuses an unknown question by field', async () => {
    const sup = await t.signIn(SUPPLIER_USER.email, SUPPLIER_USER.password);
    const codes: string[] = assessment.questions.map((q: any) => q.code);
    const bad = await sup.put(`/api/infosec/supplier-assessments/${assessment.id}/answers`, {
      answers: [{ code: 'NOPE-1', answer: 'yes' }],
      version: assessment.version,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('answers.0.code');
    const answers = codes.map((code) => ({ code, answer: code.startsWith('MAL') ? 'no' : 'yes' }));
    const res = await sup.put(`/api/infosec/supplier-assessments/${assessment.id}/answers`, {
      answers,
      version: assessment.version,
    });
    expect(res.status, res.text).toBe(200);
    const weights = assessment.questions.map((q: any) => q.weight);
    const total = weights.reduce((a: number, b: number) => a + b, 0);
    const lost = assessment.questions
      .filter((q: any) => q.code.startsWith('MAL'))
      .reduce((a: number, q: any) => a + q.weight, 0);
    expect(res.body.score).toBe(Math.round((1000 * (total - lost)) / total) / 10);
    expect(res.body.areas.find((a: any) => a.area === 'malware_scan').score).toBe(0);
    const stale = await sup.put(`/api/infosec/supplier-assessments/${assessment.id}/answers`, {
      answers: [{ code: codes[0], answer: 'no' }],
      version: assessment.version,
    });
    expect(stale.status).toBe(409);
    assessment = res.body;
  });

  it('gives guidance (improvements become actions with due dates), then confirms: the follow-up falls due in three years', async () => {
    const sup = await t.signIn(SUPPLIER_USER.email, SUPPLIER_USER.password);
    expect(
      (
        await sup.post(`/api/infosec/supplier-assessments/${assessment.id}/guidance`, {
          on: '2022-04-01',
          improvements: [],
          version: assessment.version,
        })
      ).status,
    ).toBe(404);
    const guided = await officer.post(`/api/infosec/supplier-assessments/${assessment.id}/guidance`, {
      on: '2022-04-01',
      note: 'Scan every image before shipping',
      improvements: [{ title: 'Scan images for malware before each delivery', dueDate: '2022-06-30' }],
      version: assessment.version,
    });
    expect(guided.status, guided.text).toBe(200);
    expect(guided.body).toMatchObject({ status: 'guidance', guidanceOn: '2022-04-01', mayAnswer: false });
    expect(guided.body.improvements).toEqual([
      expect.objectContaining({
        title: 'Scan images for malware before each delivery',
        dueDate: '2022-06-30',
      }),
    ]);
    // The supplier sees the improvement items asked of it, and may no longer change its answers.
    const seen = await sup.get(`/api/infosec/supplier-assessments/${assessment.id}`);
    expect(seen.body.improvements).toHaveLength(1);
    const late = await sup.put(`/api/infosec/supplier-assessments/${assessment.id}/answers`, {
      answers: [{ code: 'MAL-1', answer: 'yes' }],
      version: guided.body.version,
    });
    expect(late.status).toBe(409);
    const confirmed = await officer.post(`/api/infosec/supplier-assessments/${assessment.id}/confirmation`, {
      on: '2022-07-15',
      version: guided.body.version,
    });
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.body).toMatchObject({
      status: 'confirmed',
      confirmedOn: '2022-07-15',
      followUpDueOn: '2025-07-15',
    });
    const due = await officer.get('/api/obligations', {
      query: { view: 'scope', kind: 'infosec.supplier_follow_up_due', pageSize: '50' },
    });
    expect(due.body.items.map((o: any) => [o.dueDate, o.state])).toEqual([['2025-07-15', 'open']]);
    assessment = confirmed.body;
  });

  it('counts the year’s assessments from the rows: confirmed in the year, in the reader’s scope', async () => {
    const figures = await officer.get('/api/infosec/supplier-assessments/figures', {
      query: { year: '2022' },
    });
    expect(figures.body).toMatchObject({ year: 2022, assessments: 1, followUps: 0, suppliers: 1 });
    expect(
      (await officer.get('/api/infosec/supplier-assessments/figures', { query: { year: '2023' } })).body
        .assessments,
    ).toBe(0);
    expect(
      (await spil.get('/api/infosec/supplier-assessments/figures', { query: { year: '2022' } })).body
        .assessments,
    ).toBe(0);
    const listed = await officer.get('/api/infosec/supplier-assessments', { query: { year: '2022' } });
    expect(listed.body.items.map((a: any) => a.id)).toEqual([assessment.id]);
  });

  it('runs the follow-up evaluation: once confirmed, the first is followed up and its obligation done', async () => {
    const follow = await officer.post('/api/infosec/supplier-assessments', {
      supplierId,
      templateId: e187.id,
      startedOn: '2025-05-01',
      previousId: assessment.id,
    });
    expect(follow.status, follow.text).toBe(201);
    expect(follow.body.kind).toBe('follow_up');
    const twice = await officer.post('/api/infosec/supplier-assessments', {
      supplierId,
      templateId: e187.id,
      startedOn: '2025-05-02',
      previousId: assessment.id,
    });
    expect(twice.status).toBe(409);
    const codes: string[] = follow.body.questions.map((q: any) => q.code);
    const answered = await officer.put(`/api/infosec/supplier-assessments/${follow.body.id}/answers`, {
      answers: codes.map((code) => ({ code, answer: 'yes' })),
      version: follow.body.version,
    });
    const guided = await officer.post(`/api/infosec/supplier-assessments/${follow.body.id}/guidance`, {
      on: '2025-05-20',
      improvements: [],
      version: answered.body.version,
    });
    expect(guided.body.score).toBe(100);
    const confirmed = await officer.post(`/api/infosec/supplier-assessments/${follow.body.id}/confirmation`, {
      on: '2025-06-01',
      version: guided.body.version,
    });
    expect(confirmed.status, confirmed.text).toBe(200);
    const first = await officer.get(`/api/infosec/supplier-assessments/${assessment.id}`);
    expect(first.body).toMatchObject({
      status: 'followed_up',
      followedUpOn: '2025-06-01',
      followUpDueOn: null,
    });
    const due = await officer.get('/api/obligations', {
      query: { view: 'scope', kind: 'infosec.supplier_follow_up_due', pageSize: '50' },
    });
    expect(due.body.items.map((o: any) => [o.dueDate, o.state]).sort()).toEqual([
      ['2025-07-15', 'done'],
      ['2028-06-01', 'open'],
    ]);
    const figures = await officer.get('/api/infosec/supplier-assessments/figures', {
      query: { year: '2025' },
    });
    expect(figures.body).toMatchObject({ assessments: 1, followUps: 1 });
  });

  it('records every change in the audit log', async () => {
    const rows = (await t.exec(
      `select action from audit_events where entity_type in ('infosec_supplier', 'infosec_supplier_assessment', 'infosec_supplier_template') order by id`,
    )) as { action: string }[];
    const actions = new Set(rows.map((r) => r.action));
    for (const a of [
      'infosec.supplier.created',
      'infosec.supplier_contact.added',
      'infosec.supplier_template.updated',
      'infosec.supplier_assessment.started',
      'record.granted',
      'infosec.supplier_assessment.answered',
      'infosec.supplier_assessment.guided',
      'infosec.supplier_assessment.confirmed',
    ])
      expect(actions, a).toContain(a);
  });
});
