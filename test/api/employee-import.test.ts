import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { COUNTS, EMPLOYEES } from '../support/fixture.ts';

const HEADER = 'employee_no,full_name,site_code,department,hire_date,leave_date,email,job_title';
const csv = (...rows: string[]) => `${[HEADER, ...rows].join('\n')}\n`;
const importUrl = '/api/people/employees/import';
const asCsv = { contentType: 'text/csv' };

describe.each(databases())('employee CSV import (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let officer: ApiClient;

  const countEmployees = async () =>
    Number(
      (
        await t.db
          .selectFrom('employees')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const byNumber = (no: string) =>
    t.db.selectFrom('employees').selectAll().where('employee_no', '=', no).executeTakeFirst();
  const importEvents = () =>
    t.db.selectFrom('audit_events').selectAll().where('action', '=', 'employees.imported').execute();

  beforeAll(async () => {
    t = await createTestApp({ kind });
    admin = await t.signInAs('groupAdmin');
    officer = await t.signInAs('k7Officer');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('imports a good file: new numbers are created, existing ones updated', async () => {
    const file = csv(
      'K7-0201,Tseng Hui-Min,K7,Assembly,2026-03-02,,k7-0201@staff.steward.test,Operator',
      'PG-0201,"Ng, Wei Jie",PG,Test,2026-03-09,,,',
      `K7-0002,Lin Chih-Hao,K7,Process Engineering,2017-07-17,,,Senior engineer`,
    );
    const before = await countEmployees();
    const res = await admin.post(importUrl, file, asCsv);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ dryRun: false, rows: 3, created: 2, updated: 1, errors: [] });
    expect(await countEmployees()).toBe(before + 2);
    expect(await byNumber('K7-0201')).toMatchObject({
      full_name: 'Tseng Hui-Min',
      hire_date: '2026-03-02',
      job_title: 'Operator',
    });
    expect(await byNumber('PG-0201')).toMatchObject({
      full_name: 'Ng, Wei Jie',
      email: null,
      leave_date: null,
    });
    const updated = await byNumber('K7-0002');
    expect(updated).toMatchObject({
      department: 'Process Engineering',
      job_title: 'Senior engineer',
      version: 2,
    });
    expect(updated?.id).toBe(EMPLOYEES['K7-0002'].id);
    // One audit event for the whole file.
    const events = await importEvents();
    expect(events).toHaveLength(1);
    expect(events[0].after).toMatchObject({ rows: 3, created: 2, updated: 1, sites: ['K7', 'PG'] });
  });

  it('imports nothing from a file with one bad row, and names that row', async () => {
    const file = csv(
      'K7-0301,Good Row One,K7,Assembly,2026-04-01,,,',
      'K7-0302,Good Row Two,K7,Assembly,2026-04-01,,,',
      'K7-0303,Impossible Date,K7,Assembly,2023-02-30,,,',
      'K7-0304,Good Row Four,K7,Assembly,2026-04-01,,,',
    );
    const before = await countEmployees();
    const eventsBefore = (await importEvents()).length;
    const res = await admin.post(importUrl, file, asCsv);
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.detail).toMatch(/1 error.*nothing was imported/);
    expect(res.body.errors).toEqual([{ path: 'row 4.hire_date', message: 'Not a real calendar date' }]);
    expect(await countEmployees()).toBe(before);
    for (const no of ['K7-0301', 'K7-0302', 'K7-0304']) expect(await byNumber(no)).toBeUndefined();
    expect((await importEvents()).length).toBe(eventsBefore);
  });

  it('names every bad row: unknown site, duplicate number, missing value, leave before hire, bad email', async () => {
    const file = csv(
      'K7-0401,Fine,K7,Assembly,2026-04-01,,,',
      'K7-0402,Nowhere,XX,Assembly,2026-04-01,,,',
      'K7-0401,Twice,K7,Assembly,2026-04-01,,,',
      'K7-0403,,K7,Assembly,2026-04-01,,,',
      'K7-0404,Backwards,K7,Assembly,2026-04-01,2026-03-01,,',
      'K7-0405,Bad Mail,K7,Assembly,2026-04-01,,not-an-email,',
    );
    const res = await admin.post(importUrl, file, asCsv);
    expect(res.status).toBe(422);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual([
      'row 3.site_code',
      'row 4.employee_no',
      'row 5.full_name',
      'row 6.leave_date',
      'row 7.email',
    ]);
    expect(await byNumber('K7-0401')).toBeUndefined();
  });

  it('with dryRun=true reports what would happen and writes nothing', async () => {
    const good = csv(
      'SZ-0501,Dry Run,SZ,Test,2026-05-04,,,',
      'SZ-0001,Zhang Wei,SZ,Assembly,2017-05-08,,,Lead',
    );
    const before = await countEmployees();
    const res = await admin.post(`${importUrl}?dryRun=true`, good, asCsv);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ dryRun: true, rows: 2, created: 1, updated: 1, errors: [] });
    expect(await countEmployees()).toBe(before);
    expect(await byNumber('SZ-0501')).toBeUndefined();
    expect((await byNumber('SZ-0001'))?.job_title).toBeNull();

    const bad = csv('SZ-0502,Dry Bad,SZ,Test,2026-13-01,,,');
    const report = await admin.post(`${importUrl}?dryRun=true`, bad, asCsv);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ dryRun: true, rows: 0, created: 0, updated: 0 });
    expect(report.body.errors).toEqual([{ row: 2, column: 'hire_date', message: expect.any(String) }]);
    expect(await countEmployees()).toBe(before);
  });

  it("refuses rows at sites outside the importer's scope, and updates of people there", async () => {
    const file = csv('K7-0601,Mine,K7,Assembly,2026-06-01,,,', 'TC-0601,Not Mine,TC,Bumping,2026-06-01,,,');
    const res = await officer.post(importUrl, file, asCsv);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'row 3.site_code', message: 'Unknown site TC' }]);
    expect(await byNumber('K7-0601')).toBeUndefined();

    // An existing TC number at the officer's own site would move a person out of someone else's site.
    const steal = csv('TC-0002,Kuo Po-Han,K7,Bumping,2018-09-24,,,');
    const refused = await officer.post(importUrl, steal, asCsv);
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].path).toBe('row 2.employee_no');
    expect((await byNumber('TC-0002'))?.site_id).toBe(EMPLOYEES['TC-0002'].siteId);

    const ok = await officer.post(importUrl, csv('K7-0601,Mine,K7,Assembly,2026-06-01,,,'), asCsv);
    expect(ok.status).toBe(200);
    expect(ok.body.created).toBe(1);
  });

  it('refuses an import to roles that may not manage people', async () => {
    const auditor = await t.signInAs('auditor');
    const res = await auditor.post(importUrl, csv('K7-0701,No,K7,Assembly,2026-06-01,,,'), asCsv);
    expect(res.status).toBe(403);
  });

  it('reads a file with a byte-order mark, CRLF line ends and header case, and refuses unknown or missing columns', async () => {
    const bom = `\uFEFF${HEADER.toUpperCase()}\r\nPG-0801,Crlf Row,PG,Test,2026-07-01,,,\r\n`;
    const res = await admin.post(importUrl, bom, asCsv);
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(1);

    const unknown = await admin.post(
      importUrl,
      'employee_no,full_name,site_code,department,hire_date,salary\nX-1,A,K7,B,2026-01-01,100\n',
      asCsv,
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].message).toMatch(/Unknown column.*salary/);

    const missing = await admin.post(importUrl, 'employee_no,full_name\nX-1,A\n', asCsv);
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0].message).toMatch(/Missing column.*site_code/);

    const broken = await admin.post(importUrl, `${HEADER}\n"unterminated,K7\n`, asCsv);
    expect(broken.status).toBe(422);
    expect(broken.body.errors[0].message).toMatch(/not valid CSV/);

    const empty = await admin.post(importUrl, `${HEADER}\n`, asCsv);
    expect(empty.status).toBe(422);
  });

  it('leaves the employee count where the fixture and the imports above put it', async () => {
    // 20 fixture employees + 2 (good file) + 1 (officer) + 1 (CRLF file).
    expect(await countEmployees()).toBe(COUNTS.employees + 4);
  });
});
