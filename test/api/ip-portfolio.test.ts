import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { EMPLOYEES, SITES } from '../support/fixture.ts';

/** The app's clock: 15 January 2025 in Taiwan. */
const NOW = new Date('2025-01-15T02:00:00Z');

const family = (reference: string, siteId = SITES.K7.id) => ({
  siteId,
  reference,
  title: 'Fan-out package with a thinned substrate',
  technology: 'fan_out',
  green: true,
  sustainabilityFocus: 'Reduce material usage',
  inventors: [
    { employeeId: EMPLOYEES['K7-0002'].id, share: 60 },
    { employeeId: EMPLOYEES['K7-0003'].id, share: 40 },
  ],
});

describe.each(databases())('IP portfolio and deadlines by office (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => NOW });
  });
  afterAll(async () => t?.close());

  it('records a family with its inventors and a Taiwan patent whose next annuity becomes an obligation', async () => {
    const officer = await t.signInAs('k7Officer');
    const f = await officer.post('/api/ip/families', family('FAM-0001'));
    expect(f.status).toBe(201);
    expect(f.body.inventors).toEqual([
      { employeeId: EMPLOYEES['K7-0002'].id, name: 'Lin Chih-Hao', share: 60 },
      { employeeId: EMPLOYEES['K7-0003'].id, name: 'Huang Mei-Hua', share: 40 },
    ]);
    const m = await officer.post('/api/ip/matters', {
      familyId: f.body.id,
      office: 'TW',
      kind: 'invention',
      applicationNo: '108117401',
      filingDate: '2019-05-20',
      grantDate: '2021-02-01',
      patentNo: 'I720001',
      status: 'granted',
    });
    expect(m.status).toBe(201);
    // Years counted from the grant publication of 2021-02-01: year 5 is due by 2025-01-31 (a Friday).
    expect(m.body.nextDeadline).toMatchObject({
      kind: 'annuity',
      year: 5,
      dueDate: '2025-01-31',
      actBy: '2025-01-31',
    });
    expect(m.body.termEnd).toBe('2039-05-20');
    expect(m.body.deadlines.filter((d: { kind: string }) => d.kind === 'annuity')).toHaveLength(18);

    const obligations = await officer.get('/api/obligations', {
      query: { view: 'scope', kind: 'ip.annuity' },
    });
    expect(obligations.body.total).toBe(1);
    expect(obligations.body.items[0]).toMatchObject({ dueDate: '2025-01-31', siteId: SITES.K7.id });

    const detail = await officer.get(`/api/ip/families/${f.body.id}`);
    expect(detail.body.matters.map((x: { applicationNo: string }) => x.applicationNo)).toEqual(['108117401']);
  });

  it('moves a payment deadline to the next working day when the office enters a closure day', async () => {
    const admin = await t.signInAs('groupAdmin');
    const f = await admin.post('/api/ip/families', { ...family('FAM-0002'), inventors: [] });
    // Year 2 of a grant published 2024-02-03 is due by 2025-02-02, a Sunday; 3 February is entered as closed.
    const m = await admin.post('/api/ip/matters', {
      familyId: f.body.id,
      office: 'TW',
      kind: 'utility_model',
      applicationNo: '112200001',
      filingDate: '2023-09-01',
      grantDate: '2024-02-03',
      status: 'granted',
    });
    expect(m.body.nextDeadline).toMatchObject({
      dueDate: '2025-02-02',
      actBy: '2025-02-03',
      calendarKnown: false,
    });
    const closed = await admin.post('/api/ip/office-closures', {
      office: 'TW',
      day: '2025-02-03',
      name: 'Lunar New Year (make-up holiday)',
      source: 'Directorate-General of Personnel Administration, 2025 government office calendar',
    });
    expect(closed.status).toBe(201);
    expect((await admin.post('/api/ip/office-closures', closed.body)).status).toBe(409);
    const after = await admin.get(`/api/ip/matters/${m.body.id}`);
    expect(after.body.nextDeadline).toMatchObject({
      dueDate: '2025-02-02',
      actBy: '2025-02-04',
      calendarKnown: true,
    });
    // The obligation kept for the fee moved with it.
    const fees = await admin.get('/api/obligations', {
      query: { view: 'scope', kind: 'ip.annuity', pageSize: 100 },
    });
    const fee = fees.body.items.find((o: { title: string }) => o.title.includes('112200001'));
    expect(fee.dueDate).toBe('2025-02-04');
    const list = await admin.get('/api/ip/office-closures', { query: { office: 'TW', year: 2025 } });
    expect(list.body.items).toHaveLength(1);
    const us = await admin.get('/api/ip/office-closures', { query: { office: 'US', year: 2025 } });
    expect(us.body.items.map((d: { day: string }) => d.day)).toContain('2025-07-04');

    // Only group-wide IP managers keep the calendars; a site officer and the auditor may not.
    const officer = await t.signInAs('k7Officer');
    const refused = await officer.post('/api/ip/office-closures', { ...closed.body, day: '2025-02-05' });
    expect(refused.status).toBe(403);
    const key = { office: 'TW', day: '2025-02-03' };
    expect((await admin.request('DELETE', '/api/ip/office-closures', key)).status).toBe(204);
    const back = await admin.get('/api/obligations', {
      query: { view: 'scope', kind: 'ip.annuity', pageSize: 100 },
    });
    expect(back.body.items.find((o: { title: string }) => o.title.includes('112200001')).dueDate).toBe(
      '2025-02-03',
    );
    expect((await admin.request('DELETE', '/api/ip/office-closures', key)).status).toBe(404);
  });

  it('shows a granted matter without a grant date as a data problem, with no fee obligation', async () => {
    const officer = await t.signInAs('k7Officer');
    const f = await officer.post('/api/ip/families', { ...family('FAM-0003'), inventors: [] });
    const m = await officer.post('/api/ip/matters', {
      familyId: f.body.id,
      office: 'CN',
      kind: 'invention',
      applicationNo: '201910123456.7',
      filingDate: '2019-03-10',
      status: 'granted',
    });
    expect(m.status).toBe(201);
    expect(m.body.problems).toEqual([{ code: 'grant_date_missing', field: 'grantDate' }]);
    expect(m.body.nextDeadline).toBeNull();
    expect(m.body.deadlines.filter((d: { kind: string }) => d.kind === 'annuity')).toEqual([]);
    expect(m.body.termEnd).toBe('2039-03-10');
    const fixed = await officer.patch(`/api/ip/matters/${m.body.id}`, {
      grantDate: '2021-08-20',
      version: 1,
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.problems).toEqual([]);
    expect(fixed.body.nextDeadline).toMatchObject({ kind: 'annuity', year: 7, dueDate: '2025-03-10' });
    // The earlier version is stale now.
    const stale = await officer.patch(`/api/ip/matters/${m.body.id}`, { status: 'lapsed', version: 1 });
    expect(stale.status).toBe(409);
  });

  it('refuses bad input with problem+json naming the field', async () => {
    const officer = await t.signInAs('k7Officer');
    const shares = await officer.post('/api/ip/families', {
      ...family('FAM-0004'),
      inventors: [{ employeeId: EMPLOYEES['K7-0002'].id, share: 50 }],
    });
    expect(shares.status).toBe(422);
    expect(shares.headers['content-type']).toContain('application/problem+json');
    expect(shares.body.errors).toEqual([
      { path: 'inventors', message: 'The shares add up to 50%, not 100%' },
    ]);
    const unknown = await officer.post('/api/ip/families', {
      ...family('FAM-0004'),
      inventors: [{ employeeId: '00000000-0000-4000-8000-000000000000', share: 100 }],
    });
    expect(unknown.body.errors).toEqual([{ path: 'inventors.0.employeeId', message: 'Unknown employee' }]);
    const f = await officer.post('/api/ip/families', { ...family('FAM-0004'), inventors: [] });
    const badDate = await officer.post('/api/ip/matters', {
      familyId: f.body.id,
      office: 'US',
      kind: 'invention',
      applicationNo: '17/123,456'.replace(',', ''),
      filingDate: '2021-02-30',
      status: 'filed',
    });
    expect(badDate.status).toBe(400);
    expect(badDate.headers['content-type']).toContain('application/problem+json');
    expect(badDate.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.filingDate']);
    const grantBeforeFiling = await officer.post('/api/ip/matters', {
      familyId: f.body.id,
      office: 'US',
      kind: 'invention',
      applicationNo: '17/123456',
      filingDate: '2021-02-10',
      grantDate: '2020-01-01',
      status: 'granted',
    });
    expect(grantBeforeFiling.body.errors).toEqual([{ path: 'grantDate', message: 'Before the filing date' }]);
    const epDesign = await officer.post('/api/ip/matters', {
      familyId: f.body.id,
      office: 'EP',
      kind: 'design',
      applicationNo: 'EP21000001',
      filingDate: '2021-02-10',
      status: 'filed',
    });
    expect(epDesign.body.errors).toEqual([
      { path: 'kind', message: 'The EPO and the PCT know inventions only' },
    ]);
  });

  it('scopes the portfolio by site: 404 outside, the auditor and the Board read and change nothing', async () => {
    const spil = await t.signInAs('spilOfficer');
    const tc = await spil.post('/api/ip/families', { ...family('FAM-TC-1', SITES.TC.id), inventors: [] });
    expect(tc.status).toBe(201);
    await spil.post('/api/ip/matters', {
      familyId: tc.body.id,
      office: 'US',
      kind: 'invention',
      applicationNo: '16/555001',
      filingDate: '2009-03-02',
      grantDate: '2011-01-04',
      status: 'granted',
    });
    const officer = await t.signInAs('k7Officer');
    const k7List = await officer.get('/api/ip/matters');
    expect(k7List.body.total).toBe(3);
    expect(k7List.body.items.every((m: { siteCode: string }) => m.siteCode === 'K7')).toBe(true);
    expect((await officer.get(`/api/ip/families/${tc.body.id}`)).status).toBe(404);
    expect((await spil.get('/api/ip/matters')).body.total).toBe(1);
    // A K7 officer cannot place a family at TC.
    expect(
      (await officer.post('/api/ip/families', { ...family('FAM-X', SITES.TC.id), inventors: [] })).status,
    ).toBe(404);

    const auditor = await t.signInAs('auditor');
    const all = await auditor.get('/api/ip/matters', { query: { sort: 'filingDate', order: 'asc' } });
    expect(all.body.total).toBe(4);
    expect(all.body.items[0].filingDate).toBe('2009-03-02');
    const write = await auditor.patch(`/api/ip/families/${tc.body.id}`, { title: 'x', version: 1 });
    expect(write.status).toBe(403);
    const board = await t.signInAs('board');
    expect((await board.get(`/api/ip/families/${tc.body.id}`)).status).toBe(200);
    expect((await board.post('/api/ip/families', { ...family('FAM-B'), inventors: [] })).status).toBe(403);
    const employee = await t.signInAs('employee');
    expect((await employee.get('/api/ip/matters')).status).toBe(403);
  });

  it('filters, sorts and exports the portfolio', async () => {
    const admin = await t.signInAs('groupAdmin');
    const granted = await admin.get('/api/ip/matters', { query: { status: 'granted', office: 'TW' } });
    expect(granted.body.items.map((m: { applicationNo: string }) => m.applicationNo).sort()).toEqual([
      '108117401',
      '112200001',
    ]);
    const search = await admin.get('/api/ip/matters', { query: { q: 'I720001' } });
    expect(search.body.total).toBe(1);
    const csv = await admin.get('/api/ip/matters/export.csv', {
      query: { office: 'TW', sort: 'applicationNo', order: 'asc' },
    });
    expect(csv.status).toBe(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0].startsWith('Site,Family,Title,Office')).toBe(true);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('108117401');
    expect(lines[1]).toContain('annuity or maintenance fee 2025-01-31');
  });

  it('keeps trademarks with their renewal as an obligation', async () => {
    const officer = await t.signInAs('k7Officer');
    const tm = await officer.post('/api/ip/trademarks', {
      siteId: SITES.K7.id,
      mark: 'ASE',
      office: 'TW',
      niceClasses: [40, 9, 40],
      applicationNo: '104012345',
      registrationNo: '01780000',
      filingDate: '2015-03-02',
      registrationDate: '2015-07-16',
      status: 'registered',
    });
    expect(tm.status).toBe(201);
    expect(tm.body).toMatchObject({ niceClasses: [9, 40], expires: '2025-07-15' });
    const renewals = await officer.get('/api/obligations', {
      query: { view: 'scope', kind: 'ip.trademark_renewal' },
    });
    expect(renewals.body.items).toHaveLength(1);
    expect(renewals.body.items[0].dueDate).toBe('2025-07-15');
    const list = await officer.get('/api/ip/trademarks', { query: { office: 'TW' } });
    expect(list.body.items.map((x: { mark: string }) => x.mark)).toEqual(['ASE']);
    const stale = await officer.patch(`/api/ip/trademarks/${tm.body.id}`, { status: 'lapsed', version: 9 });
    expect(stale.status).toBe(409);
  });
  it('counts the portfolio as it stood on a day, from the dated statuses of each matter', async () => {
    const admin = await t.signInAs('groupAdmin');
    const f = await admin.post('/api/ip/families', { ...family('FAM-SZ-1', SITES.SZ.id), inventors: [] });
    expect(f.status).toBe(201);
    const matter = async (body: Record<string, unknown>) => {
      const r = await admin.post('/api/ip/matters', { familyId: f.body.id, kind: 'invention', ...body });
      expect(r.status, r.text).toBe(201);
      return r.body;
    };
    await matter({
      office: 'TW',
      applicationNo: '108117999',
      filingDate: '2019-05-20',
      publicationDate: '2020-11-20',
      grantDate: '2021-02-01',
      status: 'granted',
    });
    await matter({
      office: 'US',
      applicationNo: '16/800123',
      filingDate: '2020-03-02',
      status: 'under_examination',
      statusOn: '2021-06-01',
    });
    const cn = await matter({
      office: 'CN',
      applicationNo: '201810012345.6',
      filingDate: '2018-01-10',
      grantDate: '2019-12-01',
      status: 'granted',
    });
    await matter({ office: 'EP', applicationNo: '24170001.1', filingDate: '2024-06-01', status: 'filed' });
    // The CN patent lapsed on 1 March 2024: a day before its grant, in the future, or without a new status is refused.
    const lapse = (body: Record<string, unknown>) =>
      admin.patch(`/api/ip/matters/${cn.id}`, { version: cn.version, ...body });
    for (const [body, message] of [
      [{ status: 'lapsed', statusOn: '2019-11-30' }, /2019-12-01/],
      [{ status: 'lapsed', statusOn: '2025-01-16' }, /future/],
      [{ statusOn: '2024-03-01' }, /new status/],
    ] as const) {
      const r = await lapse(body);
      expect(r.status).toBe(422);
      expect(r.body.errors).toEqual([{ path: 'statusOn', message: expect.stringMatching(message) }]);
    }
    expect((await lapse({ status: 'lapsed', statusOn: '2024-03-01' })).status).toBe(200);

    const counts = async (asOf?: string) => {
      const r = await admin.get('/api/ip/portfolio/counts', {
        query: { siteId: SITES.SZ.id, ...(asOf ? { asOf } : {}) },
      });
      expect(r.status, r.text).toBe(200);
      const by = Object.fromEntries(r.body.offices.map((o: any) => [o.office, o]));
      // Every figure is the sum of its offices, and no office counts more than its matters.
      expect(r.body.granted).toBe(r.body.offices.reduce((a: number, o: any) => a + o.granted, 0));
      expect(r.body.pending).toBe(r.body.offices.reduce((a: number, o: any) => a + o.pending, 0));
      for (const o of r.body.offices) {
        const all = Object.values(o.byStatus as Record<string, number>).reduce((a, n) => a + n, 0);
        expect(o.granted + o.pending).toBeLessThanOrEqual(all);
      }
      return { ...r.body, by };
    };
    // 31 January 2024: TW and CN granted (CN lapsed later), US under examination, EP not yet filed.
    const jan2024 = await counts('2024-01-31');
    expect(jan2024).toMatchObject({ asOf: '2024-01-31', granted: 2, pending: 1 });
    expect(jan2024.by.CN.byStatus).toEqual({ granted: 1 });
    expect(jan2024.by.EP.byStatus).toEqual({});
    // Today (15 January 2025): CN lapsed, EP filed.
    const today = await counts();
    expect(today).toMatchObject({ asOf: '2025-01-15', granted: 1, pending: 2 });
    expect(today.by.CN.byStatus).toEqual({ lapsed: 1 });
    // 1 June 2019: TW and CN filed, nothing granted yet.
    expect(await counts('2019-06-01')).toMatchObject({ granted: 0, pending: 2 });
    // Green patents: the SZ family is green-related (fan-out); TW granted in 2021, CN in 2019.
    const green = async (year: number) =>
      (await admin.get('/api/ip/portfolio/green', { query: { year, siteId: SITES.SZ.id } })).body;
    expect(await green(2021)).toMatchObject({ year: 2021, total: 1, cumulative: 2 });
    expect((await green(2021)).byTechnology).toMatchObject({ fan_out: 1, sip: 0 });
    expect(await green(2019)).toMatchObject({ total: 1, cumulative: 1 });
    expect(await green(2018)).toMatchObject({ total: 0, cumulative: 0 });
    // Scoped: the K7 officer does not count SZ's matters and cannot ask for SZ.
    const officer = await t.signInAs('k7Officer');
    expect((await officer.get('/api/ip/portfolio/counts', { query: { siteId: SITES.SZ.id } })).status).toBe(
      404,
    );
    const k7 = await officer.get('/api/ip/portfolio/counts', { query: { asOf: '2024-01-31' } });
    expect(k7.body.offices.find((o: any) => o.office === 'CN').byStatus).not.toHaveProperty('granted');
  });
});
