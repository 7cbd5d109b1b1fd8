import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertEmployees } from '../../server/platform/people/repo.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { COUNTS, EMPLOYEES, SITES } from '../support/fixture.ts';
import { commit, settle, upload, validate, validateAndCommit } from '../support/imports.ts';

const HEADER = 'employee_no,full_name,site_code,department,hire_date,leave_date,email,job_title';
const csv = (...rows: string[]) => Buffer.from(`${[HEADER, ...rows].join('\n')}\n`, 'utf8');
const KIND = 'employees';

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
    t.db.selectFrom('audit_events').selectAll().where('action', '=', 'import.committed').execute();
  /** Uploads, checks and (when valid) commits a file; returns the job. */
  const run = async (client: ApiClient, bytes: Buffer, filename = 'employees.csv') => {
    const up = await upload(client, filename, bytes, KIND);
    expect(up.status, up.text).toBe(201);
    return validateAndCommit(client, up.body.id);
  };

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
    const up = await upload(admin, 'employees.csv', file, KIND);
    expect(up.status).toBe(201);
    // Every field is found by its name in the file.
    expect(up.body.mapping).toEqual(Object.fromEntries(HEADER.split(',').map((h) => [h, h])));
    const job = await validateAndCommit(admin, up.body.id);
    expect(job).toMatchObject({
      status: 'done',
      rowsTotal: 3,
      rowsInserted: 2,
      errorCount: 0,
      progress: 100,
    });
    expect(await countEmployees()).toBe(before + 2);
    expect(await byNumber('K7-0201')).toMatchObject({
      full_name: 'Tseng Hui-Min',
      hire_date: '2026-03-02',
      job_title: 'Operator',
      site_id: SITES.K7.id,
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
    expect(events[0]).toMatchObject({ entity_id: up.body.id });
    expect(events[0].after).toMatchObject({
      kind: 'employees',
      rows: 3,
      inserted: 2,
      created: 2,
      updated: 1,
      sites: ['K7', 'PG'],
    });
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
    const job = await run(admin, file);
    expect(job.status).toBe('invalid');
    expect(job.errors).toEqual([{ row: 4, column: 'hire_date', message: 'Not a real calendar date' }]);
    const refused = await admin.post(`/api/imports/${job.id}/commit`, { version: job.version });
    expect(refused.status).toBe(409);
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
    const job = await run(admin, file);
    expect(job.status).toBe('invalid');
    expect(job.errors).toEqual([
      { row: 3, column: 'site_code', message: 'Unknown site XX' },
      { row: 4, column: 'employee_no', message: 'Employee number K7-0401 also appears on row 2' },
      { row: 5, column: 'full_name', message: 'Required' },
      { row: 6, column: 'leave_date', message: 'The leave date cannot be before the hire date' },
      { row: 7, column: 'email', message: 'Not an email address' },
    ]);
    expect(await byNumber('K7-0401')).toBeUndefined();
  });

  it('checks every row without writing anything until the import is committed', async () => {
    const good = csv(
      'SZ-0501,Dry Run,SZ,Test,2026-05-04,,,',
      'SZ-0001,Zhang Wei,SZ,Assembly,2017-05-08,,,Lead',
    );
    const before = await countEmployees();
    const up = await upload(admin, 'check.csv', good, KIND);
    const checked = await validate(admin, up.body.id);
    expect(checked).toMatchObject({ status: 'valid', rowsTotal: 2, errorCount: 0, errors: [] });
    expect(await countEmployees()).toBe(before);
    expect(await byNumber('SZ-0501')).toBeUndefined();
    expect((await byNumber('SZ-0001'))?.job_title).toBeNull();

    const bad = await run(admin, csv('SZ-0502,Dry Bad,SZ,Test,2026-13-01,,,'));
    expect(bad).toMatchObject({ status: 'invalid', rowsTotal: 1, errorCount: 1 });
    expect(bad.errors).toEqual([{ row: 2, column: 'hire_date', message: expect.any(String) }]);
    expect(await countEmployees()).toBe(before);
  });

  it("refuses rows at sites outside the importer's scope, and updates of people there", async () => {
    const file = csv('K7-0601,Mine,K7,Assembly,2026-06-01,,,', 'TC-0601,Not Mine,TC,Bumping,2026-06-01,,,');
    const job = await run(officer, file);
    expect(job.status).toBe('invalid');
    expect(job.errors).toEqual([{ row: 3, column: 'site_code', message: 'Unknown site TC' }]);
    expect(await byNumber('K7-0601')).toBeUndefined();

    // An existing TC number at the officer's own site would move a person out of someone else's site.
    const steal = await run(officer, csv('TC-0002,Kuo Po-Han,K7,Bumping,2018-09-24,,,'));
    expect(steal.status).toBe('invalid');
    expect(steal.errors).toEqual([
      { row: 2, column: 'employee_no', message: 'Employee TC-0002 belongs to a site you cannot manage' },
    ]);
    expect((await byNumber('TC-0002'))?.site_id).toBe(EMPLOYEES['TC-0002'].siteId);

    const ok = await run(officer, csv('K7-0601,Mine,K7,Assembly,2026-06-01,,,'));
    expect(ok).toMatchObject({ status: 'done', rowsInserted: 1 });
    expect((await byNumber('K7-0601'))?.site_id).toBe(SITES.K7.id);
  });

  it('refuses rows at a site the importer sees but where they do not manage people', async () => {
    const user = await admin.post('/api/users', {
      email: 'k7.officer.pg.employee@steward.test',
      displayName: 'Two Sites',
      password: 'Two-Sites-Importer-7',
      assignments: [
        { role: 'site_officer', scopeKind: 'sites', siteIds: [SITES.K7.id] },
        { role: 'employee', scopeKind: 'sites', siteIds: [SITES.PG.id] },
      ],
    });
    expect(user.status).toBe(201);
    const twoSites = await t.signIn('k7.officer.pg.employee@steward.test', 'Two-Sites-Importer-7');
    const job = await run(
      twoSites,
      csv('K7-0651,Mine,K7,Assembly,2026-06-01,,,', 'PG-0651,Seen Not Managed,PG,Test,2026-06-01,,,'),
    );
    expect(job.status).toBe('invalid');
    expect(job.errors).toEqual([{ row: 3, column: 'site_code', message: 'You cannot manage people at PG' }]);
    expect(await byNumber('K7-0651')).toBeUndefined();
  });

  it('checks existing employees batch by batch, and names a refused one in a later batch', async () => {
    // More rows than one batch (5,000): the refused number is in the second.
    const rows = Array.from({ length: 5001 }, (_, i) => `K7-B${i},Batch ${i},K7,Assembly,2026-06-01,,,`);
    const job = await run(officer, csv(...rows, 'TC-0002,Kuo Po-Han,K7,Bumping,2018-09-24,,,'));
    expect(job).toMatchObject({ status: 'invalid', rowsTotal: 5002, errorCount: 1 });
    expect(job.errors).toEqual([
      { row: 5003, column: 'employee_no', message: 'Employee TC-0002 belongs to a site you cannot manage' },
    ]);
    expect(await byNumber('K7-B0')).toBeUndefined();
  });

  it('imports nothing when an employee of the file moves out of scope between the check and the commit', async () => {
    const up = await upload(
      officer,
      'late.csv',
      csv('K7-0003,Huang Mei-Hua,K7,Test,2019-01-07,,,Lead', 'K7-0901,Late Row,K7,Test,2026-06-01,,,'),
      KIND,
    );
    const checked = await validate(officer, up.body.id);
    expect(checked.status).toBe('valid');
    const moved = await admin.patch(`/api/people/employees/${EMPLOYEES['K7-0003'].id}`, {
      siteId: SITES.TC.id,
      version: 1,
    });
    expect(moved.status).toBe(200);
    const job = await commit(officer, checked);
    expect(job.status).toBe('failed');
    expect(job.errors).toEqual([
      { row: 2, column: 'employee_no', message: 'Employee K7-0003 belongs to a site you cannot manage' },
    ]);
    expect(await byNumber('K7-0901')).toBeUndefined();
    expect(await byNumber('K7-0003')).toMatchObject({ site_id: SITES.TC.id, job_title: null, version: 2 });
  });

  it("writes no employee of a site outside the importer's sites, even one the checks did not see", async () => {
    // The last guard of the commit (an employee moved between a batch's check and its write).
    const before = await byNumber('SZ-0001');
    const written = await t.db.transaction().execute((trx) =>
      upsertEmployees(
        trx,
        [
          {
            siteId: SITES.K7.id,
            employeeNo: 'SZ-0001',
            fullName: 'Moved Away',
            department: 'Test',
            hireDate: '2017-05-08',
            leaveDate: null,
            email: null,
            jobTitle: null,
          },
        ],
        null,
        new Set([SITES.K7.id]),
      ),
    );
    expect(written).toEqual({ created: 0, written: 0 });
    expect(await byNumber('SZ-0001')).toEqual(before);
  });

  it('refuses an import to roles that may not manage people', async () => {
    const auditor = await t.signInAs('auditor');
    const res = await upload(auditor, 'no.csv', csv('K7-0701,No,K7,Assembly,2026-06-01,,,'), KIND);
    expect(res.status).toBe(403);
    expect(await byNumber('K7-0701')).toBeUndefined();
  });

  it('reads a byte-order mark, CRLF line ends, upper-case and Chinese headers, and XLSX workbooks', async () => {
    const bom = Buffer.from(`\uFEFF${HEADER.toUpperCase()}\r\nPG-0801,Crlf Row,PG,Test,2026-07-01,,,\r\n`);
    expect(await run(admin, bom)).toMatchObject({ status: 'done', rowsInserted: 1 });
    expect(await byNumber('PG-0801')).toMatchObject({ full_name: 'Crlf Row' });

    const chinese = Buffer.from(
      '工號,姓名,廠區,部門,到職日,職稱\nSZ-0802,張偉明,SZ,組裝,2026-07-01,作業員\n',
    );
    const up = await upload(admin, '員工.csv', chinese, KIND);
    expect(up.status, up.text).toBe(201);
    expect(up.body.mapping).toMatchObject({
      employee_no: '工號',
      full_name: '姓名',
      site_code: '廠區',
      department: '部門',
      hire_date: '到職日',
      job_title: '職稱',
      leave_date: null,
      email: null,
    });
    expect(await validateAndCommit(admin, up.body.id)).toMatchObject({ status: 'done' });
    expect(await byNumber('SZ-0802')).toMatchObject({ full_name: '張偉明', job_title: '作業員' });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Employees');
    sheet.addRow(['Employee No', 'Full Name', 'Site', 'Department', 'Hire Date']);
    sheet.addRow(['K7-0803', 'Sheet Row', 'K7', 'Test', new Date(Date.UTC(2026, 6, 1))]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const sheetJob = await run(admin, xlsx, 'employees.xlsx');
    expect(sheetJob, sheetJob.message ?? '').toMatchObject({ status: 'done', rowsInserted: 1 });
    expect(await byNumber('K7-0803')).toMatchObject({ hire_date: '2026-07-01' });
  });

  it('ignores columns it does not know, refuses a file without a required column, a broken file or no rows', async () => {
    const extra = Buffer.from(
      'employee_no,full_name,site_code,department,hire_date,salary\nPG-0901,Extra Column,PG,Test,2026-01-01,100\n',
    );
    expect(await run(admin, extra)).toMatchObject({ status: 'done', rowsInserted: 1 });

    const missing = await upload(admin, 'missing.csv', Buffer.from('employee_no,full_name\nX-1,A\n'), KIND);
    expect(missing.body.mapping).toMatchObject({ site_code: null, department: null, hire_date: null });
    const refused = await admin.post(`/api/imports/${missing.body.id}/validate`, {
      version: missing.body.version,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'mapping.site_code',
      'mapping.department',
      'mapping.hire_date',
    ]);

    const before = await countEmployees();
    const broken = await run(
      admin,
      Buffer.from(`${HEADER}\nPG-0902,Fine,PG,Test,2026-01-01,,,\n"unterminated,K7\n`),
    );
    expect(broken.status).toBe('failed');
    expect(broken.message).toMatch(/Nothing was imported/);

    const empty = await run(admin, Buffer.from(`${HEADER}\n`));
    expect(empty).toMatchObject({ status: 'invalid', rowsTotal: 0 });
    expect(empty.errors).toEqual([{ row: 1, column: null, message: 'The file has no data rows.' }]);
    expect(await countEmployees()).toBe(before);
    expect(await byNumber('PG-0902')).toBeUndefined();
  });

  it('leaves the employee count where the fixture and the imports above put it', async () => {
    // 20 fixture employees + 2 (good file) + 1 (officer) + 3 (BOM, Chinese, XLSX) + 1 (extra column).
    expect(await countEmployees()).toBe(COUNTS.employees + 7);
    // No import is left running.
    const jobs = (await admin.get('/api/imports', { query: { kind: KIND, pageSize: 100 } })).body.items;
    for (const j of jobs) expect((await settle(admin, j.id)).status).not.toMatch(/ing$/);
  });
});
