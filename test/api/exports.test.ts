import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { COUNTS, SITES, USERS } from '../support/fixture.ts';

describe.each(databases())('list exports in CSV and XLSX (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind });
  });
  afterAll(async () => t?.close());

  it('exports sites as XLSX with a bold header, only the sites in scope', async () => {
    const officer = await t.signInAs('spilOfficer');
    const res = await officer.get('/api/org/sites/export.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toMatch(
      /attachment; filename="sites-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('Code');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const codes = [];
    for (let r = 2; r <= sheet.rowCount; r++) codes.push(sheet.getRow(r).getCell(1).value);
    expect(codes.sort()).toEqual(['SZ', 'TC']);
  });

  it('keeps the list filters and writes headers in the user language', async () => {
    await t.db.updateTable('users').set({ locale: 'zh-TW' }).where('id', '=', USERS.groupAdmin.id).execute();
    const admin = await t.signInAs('groupAdmin');
    const res = await admin.get('/api/people/employees/export.csv', {
      query: { siteId: SITES.PG.id, status: 'active', sort: 'employeeNo' },
    });
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('工號,姓名,廠區,部門,到職日,離職日,電子郵件,職稱');
    expect(lines).toHaveLength(1 + COUNTS.employeesAt('PG', 'active'));
    expect(lines[1].startsWith('PG-0001,')).toBe(true);
  });

  it('refuses an export the list would refuse, with a problem document', async () => {
    const employee = await t.signInAs('employee');
    const res = await employee.get('/api/people/employees/export.xlsx');
    expect(res.status).toBe(403);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    expect((await t.anonymous().get('/api/audit/events/export.csv')).status).toBe(401);
  });
});
