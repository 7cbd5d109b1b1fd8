import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentKinds } from '#shared/modules/ohs/incidents/contract.ts';
import { actionKinds } from '#shared/platform/actions/contract.ts';
import { actionStatuses } from '#shared/platform/actions/rules/status.ts';
import { calendarStates } from '#shared/platform/obligations/contract.ts';
import { addDays, localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { programModules } from '../../server/modules/index.ts';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { AREAS, SITES, USERS } from '../support/fixture.ts';

const TODAY = localDate(new Date(), 'Asia/Taipei');
const k7Area = Object.values(AREAS).find((a) => a.siteId === SITES.K7.id) as { id: string };

/** The cells of one column of a CSV export, by its header. */
function column(csv: string, header: string): string[] {
  const rows: Record<string, string>[] = parse(csv.replace(/^\uFEFF/, ''), { columns: true });
  expect(rows.length, `rows under ${header}`).toBeGreaterThan(0);
  expect(Object.keys(rows[0])).toContain(header);
  return rows.map((r) => r[header]);
}

const CODES = new Set<string>([
  ...incidentKinds,
  ...actionKinds,
  ...actionStatuses,
  ...programModules.map((m) => m.key),
  ...calendarStates,
  'yes',
  'no',
  'certification.renewal',
  'action.due',
]);

describe.each(databases())('exports write codes as words in the chosen language (%s)', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ kind });
    await t.db.updateTable('users').set({ locale: 'zh-TW' }).where('id', '=', USERS.k7Officer.id).execute();
    const officer = await t.signInAs('k7Officer');
    const incident = await officer.post('/api/ohs/incidents', {
      siteId: SITES.K7.id,
      areaId: k7Area.id,
      kind: 'near_miss',
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      title: 'Forklift reversed without a spotter',
      description: 'Nearly hit a person at the dock.',
      anonymous: false,
    });
    expect(incident.status).toBe(201);
    const action = await officer.post('/api/actions', {
      siteId: SITES.K7.id,
      program: 'ohs',
      kind: 'corrective',
      title: 'Mark the forklift lanes',
      ownerId: USERS.k7Officer.id,
      dueDate: addDays(TODAY, 10),
    });
    expect(action.status).toBe(201);
  });
  afterAll(async () => t?.close());

  it('writes incident kinds and yes or no in Traditional Chinese, never as codes', async () => {
    const zh = await t.signInAs('k7Officer');
    const csv = await zh.get('/api/ohs/incidents/export.csv');
    expect(csv.status).toBe(200);
    expect(column(csv.text, '類別')).toEqual(['虛驚事件']);
    expect(column(csv.text, '通勤')).toEqual(['否']);
    for (const value of parse(csv.text.replace(/^\uFEFF/, ''), { columns: false }).flat())
      expect(CODES.has(value), value).toBe(false);
  });

  it('writes action kinds, programs, statuses and the obligation calendar in words, in CSV and XLSX', async () => {
    const zh = await t.signInAs('k7Officer');
    const csv = await zh.get('/api/actions/export.csv');
    expect(column(csv.text, '類別')).toEqual(['矯正']);
    expect(column(csv.text, '計畫')).toEqual(['職業安全衛生']);
    expect(column(csv.text, '狀態')).toEqual(['待處理']);
    expect(column(csv.text, '逾期')).toEqual(['否']);

    const xlsx = await zh.get('/api/actions/export.xlsx');
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const values = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(values[headers.indexOf('狀態')]).toBe('待處理');
    expect(values[headers.indexOf('類別')]).toBe('矯正');

    const calendar = await zh.get('/api/obligations/export.csv', { query: { view: 'mine' } });
    expect(column(calendar.text, '類型')).toEqual(['改善行動']);
    expect(column(calendar.text, '狀態')).toEqual(['即將到期']);
    for (const value of parse(calendar.text.replace(/^\uFEFF/, ''), { columns: false }).flat())
      expect(CODES.has(value), value).toBe(false);
  });

  it('writes the same columns in English words for an English reader', async () => {
    const en = await t.signInAs('ohsOwner');
    const csv = await en.get('/api/actions/export.csv', { query: { siteId: SITES.K7.id } });
    expect(column(csv.text, 'Status')).toEqual(['open']);
    expect(column(csv.text, 'Program')).toEqual(['occupational health and safety']);
    expect(column(csv.text, 'Overdue')).toEqual(['no']);
    const incidents = await en.get('/api/ohs/incidents/export.csv');
    expect(column(incidents.text, 'Kind')).toEqual(['near miss']);
  });
});
