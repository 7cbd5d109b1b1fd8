import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPoppler, POPPLER_MISSING, pdfText } from '../../server/platform/reports/poppler.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { EMPLOYEES, SITES, USERS } from '../support/fixture.ts';

describe('the OHS report to the Board', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const officer = await t.signInAs('k7Officer');
    await officer.put('/api/ohs/hours', {
      siteId: SITES.K7.id,
      month: '2024-05',
      employeeHours: '2000000',
      nonEmployeeHours: '250000',
    });
    await officer.post('/api/ohs/incidents', {
      siteId: SITES.K7.id,
      kind: 'injury',
      occurredAt: '2024-05-10T03:00:00Z',
      title: 'Burn at the reflow oven',
      description: 'Recorded',
      injuries: [
        {
          personType: 'employee',
          personId: EMPLOYEES['K7-0002'].id,
          injuryType: 'burn',
          bodyPart: 'hand',
          classification: 'temporary_total_disability',
          returnDate: '2024-05-20',
        },
      ],
    });
  });
  afterAll(async () => t?.close());

  it('renders the year in Traditional Chinese as PDF, with the figures computed from the records', async () => {
    await t.db.updateTable('users').set({ locale: 'zh-TW' }).where('id', '=', USERS.board.id).execute();
    const board = await t.signInAs('board');
    const res = await board.get('/api/ohs/reports/board.pdf', { query: { year: 2024 } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    if (!hasPoppler()) return console.warn(POPPLER_MISSING);
    const text = pdfText(res.raw);
    expect(text).toContain('2024 年職業安全衛生報告');
    expect(text).toContain('失能傷害頻率 FR');
    // 1 disabling injury over 2,250,000 hours: FR 0.44 (truncated); 9 days lost: SR 4.
    expect(text).toContain('0.44');
  });

  it('renders the same report as XLSX with a sheet per table', async () => {
    const owner = await t.signInAs('ohsOwner');
    const res = await owner.get('/api/ohs/reports/board.xlsx', { query: { year: 2024, locale: 'en' } });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toContain('By site');
    const bySite = workbook.getWorksheet('By site');
    const k7 = bySite?.getRow(2).values as unknown[];
    expect(k7).toContain('ASE Kaohsiung K7');
    expect(k7).toContain(0.44);
  });

  it('is refused to people without OHS read access', async () => {
    const employee = await t.signInAs('employee');
    expect((await employee.get('/api/ohs/reports/board.pdf', { query: { year: 2024 } })).status).toBe(403);
  });
});
