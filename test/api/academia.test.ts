import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { EMPLOYEES, SITES } from '../support/fixture.ts';

describe.each(databases())('Industry–academia partners, agreements, projects and interns (%s)', (kind) => {
  let t: TestApp;
  let partnerId: string;
  beforeAll(async () => {
    t = await createTestApp({ kind });
    const admin = await t.signInAs('groupAdmin');
    const partner = await admin.post('/api/academia/partners', {
      name: 'National Sun Yat-sen University',
      nameZh: '國立中山大學',
      country: 'TW',
      kind: 'university',
    });
    expect(partner.status).toBe(201);
    partnerId = partner.body.id;
    expect(
      (
        await admin.post('/api/academia/exchange-rates', {
          currency: 'TWD',
          validFrom: '2022-01-01',
          perUsd: '29.72',
        })
      ).status,
    ).toBe(201);
  });
  afterAll(async () => t?.close());

  it('records an agreement and makes its renewal an obligation due its notice before the end', async () => {
    const officer = await t.signInAs('k7Officer');
    const res = await officer.post('/api/academia/agreements', {
      siteId: SITES.K7.id,
      partnerId,
      kind: 'research_contract',
      title: 'Packaging research framework',
      startsOn: '2024-01-01',
      endsOn: '2027-12-31',
      renewalNoticeDays: 90,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      siteCode: 'K7',
      renewalDue: '2027-10-02',
      partnerName: 'National Sun Yat-sen University',
    });
    const obligations = await officer.get('/api/obligations', { query: { view: 'scope', pageSize: '200' } });
    const renewal = obligations.body.items.find((o: { sourceId: string }) => o.sourceId === res.body.id);
    expect(renewal).toMatchObject({
      kind: 'academia.agreement_renewal',
      dueDate: '2027-10-02',
      siteCode: 'K7',
    });
  });

  it('creates a project with a budget by year, pays it in two currencies and shows spending by year', async () => {
    const officer = await t.signInAs('k7Officer');
    const created = await officer.post('/api/academia/projects', {
      siteId: SITES.K7.id,
      partnerId,
      title: 'Voiceprint recognition for equipment anomalies',
      line: 'automation',
      principalInvestigator: 'Prof. Lee',
      contactEmployeeId: EMPLOYEES['K7-0001'].id,
      status: 'active',
      startsOn: '2022-02-01',
      endsOn: '2023-12-31',
      currency: 'TWD',
      budget: [
        { year: 2022, budgetMinor: 150_000_000 },
        { year: 2023, budgetMinor: 100_000_000 },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      budgetMinor: 250_000_000,
      contactName: 'Chen Wei-Ling',
      siteCode: 'K7',
    });
    const id = created.body.id;
    const ntd = await officer.post('/api/academia/payments', {
      siteId: SITES.K7.id,
      partnerId,
      category: 'research',
      projectId: id,
      paidOn: '2022-03-01',
      amountMinor: 59_440_000,
      currency: 'TWD',
    });
    expect(ntd.status).toBe(201);
    const usd = await officer.post('/api/academia/payments', {
      siteId: SITES.K7.id,
      partnerId,
      category: 'research',
      projectId: id,
      paidOn: '2022-09-01',
      amountMinor: 1_000_000,
      currency: 'USD',
    });
    expect(usd.status).toBe(201);
    const detail = await officer.get(`/api/academia/projects/${id}`);
    // NT$594,400 + US$10,000 at 29.72 = NT$297,200: NT$891,600 spent in 2022.
    expect(detail.body.years).toEqual([
      { year: 2022, budgetMinor: 150_000_000, spentMinor: 89_160_000, missingRate: null },
      { year: 2023, budgetMinor: 100_000_000, spentMinor: 0, missingRate: null },
    ]);
    expect(detail.body.payments).toHaveLength(2);
    // The page offers its edits to those who manage at the project's site, and not to those who only read.
    expect(detail.body.canManage).toBe(true);
    const auditorView = await (await t.signInAs('auditor')).get(`/api/academia/projects/${id}`);
    expect(auditorView.status).toBe(200);
    expect(auditorView.body.canManage).toBe(false);

    // A milestone is an obligation until it is done.
    const milestone = await officer.post(`/api/academia/projects/${id}/milestones`, {
      title: 'Prototype on line 3',
      dueDate: '2023-06-30',
    });
    expect(milestone.status).toBe(201);
    const open = await officer.get('/api/obligations', { query: { view: 'scope', pageSize: '200' } });
    expect(open.body.items.find((o: { sourceId: string }) => o.sourceId === milestone.body.id)).toMatchObject(
      {
        kind: 'academia.milestone',
        state: 'open',
      },
    );
    const done = await officer.patch(`/api/academia/milestones/${milestone.body.id}`, {
      version: milestone.body.version,
      doneOn: '2023-06-20',
    });
    expect(done.status).toBe(200);
    const after = await officer.get('/api/obligations', {
      query: { view: 'scope', pageSize: '200', calendarState: 'done' },
    });
    expect(after.body.items.find((o: { sourceId: string }) => o.sourceId === milestone.body.id)?.state).toBe(
      'done',
    );
    // Reopened, it is an open obligation again; marked done once more, done on its new day.
    const reopened = await officer.patch(`/api/academia/milestones/${milestone.body.id}`, {
      version: done.body.version,
      doneOn: null,
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.doneOn).toBeNull();
    const openAgain = await officer.get('/api/obligations', { query: { view: 'scope', pageSize: '200' } });
    expect(
      openAgain.body.items.find((o: { sourceId: string }) => o.sourceId === milestone.body.id)?.state,
    ).toBe('open');
    const doneAgain = await officer.patch(`/api/academia/milestones/${milestone.body.id}`, {
      version: reopened.body.version,
      doneOn: '2023-06-21',
    });
    expect(doneAgain.body.doneOn).toBe('2023-06-21');

    // A patent outcome names its invention disclosure, for the IP program to link.
    const noRef = await officer.post(`/api/academia/projects/${id}/outcomes`, {
      kind: 'patent',
      title: 'Acoustic anomaly detector',
      occurredOn: '2023-09-01',
    });
    expect(noRef.status).toBe(422);
    expect(noRef.body.errors[0].path).toBe('ipReference');
    const patent = await officer.post(`/api/academia/projects/${id}/outcomes`, {
      kind: 'patent',
      title: 'Acoustic anomaly detector',
      occurredOn: '2023-09-01',
      ipReference: 'IDF-2023-0042',
    });
    expect(patent.status).toBe(201);
    expect(patent.body.outcomes[0]).toMatchObject({ kind: 'patent', ipReference: 'IDF-2023-0042' });
    const linked = await officer.get('/api/academia/patent-outcomes', {
      query: { ipReference: 'IDF-2023-0042' },
    });
    expect(linked.body.items).toEqual([expect.objectContaining({ projectId: id })]);

    // The list filters, sorts and exports.
    const list = await officer.get('/api/academia/projects', { query: { line: 'automation', year: '2022' } });
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(id);
    const none = await officer.get('/api/academia/projects', { query: { line: 'materials' } });
    expect(none.body.items.map((p: { id: string }) => p.id)).not.toContain(id);
    const csv = await officer.get('/api/academia/projects/export.csv', { query: { line: 'automation' } });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('Voiceprint recognition for equipment anomalies');
  });

  it('hides projects outside the reader’s sites (404) and lets the auditor change nothing (403)', async () => {
    const officer = await t.signInAs('k7Officer');
    const created = await officer.post('/api/academia/projects', {
      siteId: SITES.K7.id,
      partnerId,
      title: 'Scoped project',
      line: 'packaging',
      principalInvestigator: 'Prof. Chang',
      startsOn: '2022-01-01',
      currency: 'USD',
    });
    expect(created.status).toBe(201);
    const spil = await t.signInAs('spilOfficer');
    expect((await spil.get(`/api/academia/projects/${created.body.id}`)).status).toBe(404);
    const theirs = await spil.get('/api/academia/projects', { query: { pageSize: '500' } });
    expect(theirs.status).toBe(200);
    expect(theirs.body.items.every((p: { siteCode: string }) => p.siteCode !== 'K7')).toBe(true);
    expect(
      (
        await spil.post('/api/academia/projects', {
          siteId: SITES.K7.id,
          partnerId,
          title: 'Not mine',
          line: 'packaging',
          principalInvestigator: 'X',
          startsOn: '2022-01-01',
          currency: 'USD',
        })
      ).status,
    ).toBe(404);

    const auditor = await t.signInAs('auditor');
    expect((await auditor.get(`/api/academia/projects/${created.body.id}`)).status).toBe(200);
    const patch = await auditor.patch(`/api/academia/projects/${created.body.id}`, {
      version: created.body.version,
      title: 'Changed by an auditor',
    });
    expect(patch.status).toBe(403);
    expect(
      (await auditor.post('/api/academia/partners', { name: 'X', country: 'TW', kind: 'university' })).status,
    ).toBe(403);
    const still = await officer.get(`/api/academia/projects/${created.body.id}`);
    expect(still.body.title).toBe('Scoped project');
  });

  it('refuses a stale edit with 409 and bad input with a problem naming the field', async () => {
    const officer = await t.signInAs('k7Officer');
    const created = await officer.post('/api/academia/projects', {
      siteId: SITES.K7.id,
      partnerId,
      title: 'Versioned project',
      line: 'materials',
      principalInvestigator: 'Prof. Wu',
      startsOn: '2022-01-01',
      currency: 'USD',
    });
    const first = await officer.patch(`/api/academia/projects/${created.body.id}`, {
      version: created.body.version,
      title: 'Versioned project (renamed)',
    });
    expect(first.status).toBe(200);
    const stale = await officer.patch(`/api/academia/projects/${created.body.id}`, {
      version: created.body.version,
      title: 'Lost update',
    });
    expect(stale.status).toBe(409);
    expect((await officer.get(`/api/academia/projects/${created.body.id}`)).body.title).toBe(
      'Versioned project (renamed)',
    );

    const badDates = await officer.post('/api/academia/projects', {
      siteId: SITES.K7.id,
      partnerId,
      title: 'Backwards',
      line: 'materials',
      principalInvestigator: 'Prof. Wu',
      startsOn: '2022-05-01',
      endsOn: '2022-01-01',
      currency: 'USD',
    });
    expect(badDates.status).toBe(422);
    expect(badDates.headers['content-type']).toContain('application/problem+json');
    expect(badDates.body.errors[0].path).toBe('endsOn');
    const badCurrency = await officer.post('/api/academia/projects', {
      siteId: SITES.K7.id,
      partnerId,
      title: 'Dollars',
      line: 'materials',
      principalInvestigator: 'Prof. Wu',
      startsOn: '2022-05-01',
      currency: 'dollars',
    });
    expect(badCurrency.status).toBe(400);
    expect(JSON.stringify(badCurrency.body.errors)).toContain('currency');
    const unknownPartner = await officer.post('/api/academia/projects', {
      siteId: SITES.K7.id,
      partnerId: '00000000-0000-4000-8000-000000000000',
      title: 'Nobody',
      line: 'materials',
      principalInvestigator: 'Prof. Wu',
      startsOn: '2022-05-01',
      currency: 'USD',
    });
    expect(unknownPartner.status).toBe(422);
    expect(unknownPartner.body.errors[0].path).toBe('partnerId');
  });

  it('links an intern to the employee record the intern became and counts the conversion', async () => {
    const officer = await t.signInAs('k7Officer');
    const make = (fullName: string) =>
      officer.post('/api/academia/interns', {
        siteId: SITES.K7.id,
        partnerId,
        fullName,
        program: 'onsite_internship',
        startedOn: '2021-07-01',
        endedOn: '2021-08-31',
        hours: 320,
        outcome: 'completed',
      });
    const a = await make('Intern A');
    const b = await make('Intern B');
    expect(a.status).toBe(201);
    const badHire = await officer.patch(`/api/academia/interns/${a.body.id}`, {
      version: a.body.version,
      hiredEmployeeId: EMPLOYEES['K7-0003'].id,
    });
    expect(badHire.status).toBe(422);
    expect(badHire.body.errors[0].path).toBe('hiredOn');
    const hired = await officer.patch(`/api/academia/interns/${a.body.id}`, {
      version: a.body.version,
      hiredEmployeeId: EMPLOYEES['K7-0003'].id,
      hiredOn: '2021-10-01',
    });
    expect(hired.status).toBe(200);
    expect(hired.body).toMatchObject({ hiredEmployeeId: EMPLOYEES['K7-0003'].id, hiredOn: '2021-10-01' });
    const report = await officer.get('/api/academia/contribution', { query: { year: '2021' } });
    expect(report.status).toBe(200);
    expect(report.body.conversion).toEqual({ completed: 2, hired: 1, ratePercent: '50.0' });
    expect(report.body.internsRecruited).toBe(2);
    expect(b.status).toBe(201);
    const hiredOnly = await officer.get('/api/academia/interns', { query: { hired: 'true' } });
    expect(hiredOnly.body.items.map((i: { id: string }) => i.id)).toEqual([a.body.id]);
  });

  it('records a cohort student’s year of study before the internship, and counts the cohort', async () => {
    const officer = await t.signInAs('k7Officer');
    const student = {
      siteId: SITES.K7.id,
      partnerId,
      fullName: 'Cohort student',
      program: 'nsysu_college',
      institute: 'advanced_packaging_testing',
      sponsored: true,
      studyStartedOn: '2022-09-01',
      studyEndedOn: '2023-06-30',
      startedOn: '2023-07-01',
      endedOn: '2025-06-30',
    };
    const created = await officer.post('/api/academia/interns', student);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ institute: 'advanced_packaging_testing', sponsored: true });
    const late = await officer.post('/api/academia/interns', { ...student, studyEndedOn: '2023-08-31' });
    expect(late.status).toBe(422);
    expect(late.headers['content-type']).toContain('application/problem+json');
    expect(late.body.errors[0].path).toBe('studyEndedOn');
    const half = await officer.post('/api/academia/interns', { ...student, studyStartedOn: null });
    expect(half.status).toBe(422);
    expect(half.body.errors[0].path).toBe('studyStartedOn');
    const moved = await officer.patch(`/api/academia/interns/${created.body.id}`, {
      version: created.body.version,
      startedOn: '2023-03-01',
    });
    expect(moved.status).toBe(422);
    expect(moved.body.errors[0].path).toBe('studyEndedOn');
    const cohorts = await officer.get('/api/academia/interns/cohorts', { query: { year: '2022' } });
    expect(cohorts.body).toEqual({
      year: 2022,
      students: 1,
      sponsored: 1,
      byInstitute: [
        { program: 'nsysu_college', institute: 'advanced_packaging_testing', students: 1, sponsored: 1 },
      ],
    });
    const unsponsored = await officer.patch(`/api/academia/interns/${created.body.id}`, {
      version: created.body.version,
      sponsored: false,
    });
    expect(unsponsored.status).toBe(200);
    const after = await officer.get('/api/academia/interns/cohorts', { query: { year: '2022' } });
    expect(after.body).toMatchObject({ students: 1, sponsored: 0 });
  });
});
