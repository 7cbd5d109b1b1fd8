import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasPoppler,
  POPPLER_MISSING,
  pdfFonts,
  pdfImageCount,
  pdfPages,
  pdfText,
  pdfToPng,
} from '../../server/platform/reports/poppler.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { COUNTS, SITES } from '../support/fixture.ts';

/**
 * The organisation overview report over HTTP: PDF and XLSX, in the reader's language and scope. The PDFs are
 * read back with poppler-utils and their pages saved as PNG in test-results/reports for a person to look at.
 */

const poppler = hasPoppler();
if (!poppler) console.warn(POPPLER_MISSING);

const K7_ZH = '日月光高雄K7廠';
const SCREENSHOTS = 'test-results/reports';

async function workbook(raw: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(raw as unknown as ArrayBuffer);
  return book;
}

/** A sheet's rows as plain arrays (without ExcelJS's leading empty cell), blanks as null. */
function rowsOf(sheet: ExcelJS.Worksheet | undefined): unknown[][] {
  if (!sheet) throw new Error('missing sheet');
  const out: unknown[][] = [];
  sheet.eachRow((row) => out.push(Array.from((row.values as unknown[]).slice(1), (v) => v ?? null)));
  return out;
}

describe.each(databases())('organisation overview report (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp({ kind });
    admin = await t.signInAs('groupAdmin');
    const k7 = await admin.get(`/api/org/sites/${SITES.K7.id}`);
    expect(
      (await admin.patch(`/api/org/sites/${SITES.K7.id}`, { nameZh: K7_ZH, version: k7.body.version }))
        .status,
    ).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  const activeAt = (...codes: (keyof typeof SITES)[]) =>
    codes.reduce((n, c) => n + COUNTS.employeesAt(c, 'active'), 0);
  const allActive = activeAt('K7', 'PG', 'TC', 'SZ');

  it("downloads as a PDF in the reader's language (Traditional Chinese), with the fonts embedded", async () => {
    const reader = await t.signInAs('auditor');
    expect((await reader.put('/api/auth/preferences', { locale: 'zh-TW' })).status).toBe(204);
    const res = await reader.get('/api/reports/organisation.pdf');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="organisation-overview-\d{4}-\d{2}-\d{2}\.pdf"/,
    );
    expect(res.headers['cache-control']).toContain('no-store');
    expect(res.raw.subarray(0, 5).toString()).toBe('%PDF-');
    if (!poppler) return;

    const text = pdfText(res.raw);
    for (const s of [
      '組織概覽',
      '摘要',
      '各子公司廠區',
      K7_ZH,
      '馬來西亞',
      '在職員工',
      '合計',
      '營運中廠區',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toContain(`${allActive} 人`);
    const pages = pdfPages(res.raw);
    pages.forEach((page, i) => {
      expect(page).toContain(`第 ${i + 1} 頁，共 ${pages.length} 頁`);
    });

    const fonts = pdfFonts(res.raw);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.name).toMatch(/^[A-Z]{6}\+NotoSansTC-(Regular|Bold)$/);
      expect(f.embedded).toBe(true);
    }
    expect(fonts.map((f) => f.name.split('+')[1]).sort()).toEqual(['NotoSansTC-Bold', 'NotoSansTC-Regular']);
    // Charts are vector graphics, not pictures.
    expect(pdfImageCount(res.raw)).toBe(0);
    pdfToPng(res.raw, SCREENSHOTS, 'organisation-zh-TW');
  });

  it('takes another language when asked, and uses the English names in English', async () => {
    const res = await admin.get('/api/reports/organisation.pdf', { query: { locale: 'en' } });
    expect(res.status).toBe(200);
    if (!poppler) return;
    const text = pdfText(res.raw);
    for (const s of [
      'Organisation overview',
      'Sites by subsidiary',
      'ASE Kaohsiung K7',
      'Malaysia',
      'Total',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain(K7_ZH);
    expect(text).not.toContain('組織概覽');
    pdfToPng(res.raw, SCREENSHOTS, 'organisation-en');
  });

  it('downloads as an XLSX workbook holding the sites, subsidiaries and countries', async () => {
    const res = await admin.get('/api/reports/organisation.xlsx', { query: { locale: 'zh-TW' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toMatch(
      /filename="organisation-overview-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const book = await workbook(res.raw);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '摘要',
      '各子公司在職員工（依國家）',
      '子公司',
      '廠區',
      '各國在職員工',
      '國家',
      '在職員工（依到職年度）',
    ]);

    const summary = rowsOf(book.getWorksheet('摘要'));
    expect(summary[0]).toEqual(['組織概覽']);
    expect(summary).toContainEqual(['子公司數', 2]);
    expect(summary).toContainEqual(['營運中廠區', 4]);
    expect(summary).toContainEqual(['國家數', 3]);
    expect(summary.find((r) => r[0] === '在職員工')?.slice(0, 3)).toEqual(['在職員工', allActive, '人']);

    const sites = book.getWorksheet('廠區');
    expect(sites?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sites?.getCell('A1').font?.bold).toBe(true);
    expect(rowsOf(sites)).toEqual([
      ['子公司', '代碼', '廠區', '國家', '類型', '狀態', '在職員工'],
      ['ASE', 'K7', K7_ZH, '台灣', '製造', '營運中', activeAt('K7')],
      ['ASE', 'PG', 'ASE Penang', '馬來西亞', '製造', '營運中', activeAt('PG')],
      ['SPIL', 'SZ', 'SPIL Suzhou', '中國', '製造', '營運中', activeAt('SZ')],
      ['SPIL', 'TC', 'SPIL Taichung', '台灣', '製造', '營運中', activeAt('TC')],
      ['合計', null, null, null, null, null, allActive],
    ]);
    expect(sites?.getCell('G2').numFmt).toBe('#,##0');

    const countries = rowsOf(book.getWorksheet('國家'));
    expect(countries[0]).toEqual(['國家', '子公司數', '廠區數', '在職員工', '占比']);
    expect(countries[1]).toEqual(['台灣', 2, 2, activeAt('K7', 'TC'), activeAt('K7', 'TC') / allActive]);
    expect(countries.at(-1)).toEqual(['合計', 2, 4, allActive, 1]);
    expect(book.getWorksheet('國家')?.getCell('E2').numFmt).toBe('0.0%');

    // The chart of employees by year of hire comes as its data: one column per subsidiary.
    const hires = rowsOf(book.getWorksheet('在職員工（依到職年度）'));
    expect(hires[0]).toEqual(['到職年度', 'ASE', 'SPIL']);
    const hired = hires.slice(1).reduce((n, r) => n + Number(r[1] ?? 0) + Number(r[2] ?? 0), 0);
    expect(hired).toBe(allActive);
  });

  it("covers only the sites in the reader's scope", async () => {
    const k7 = await t.signInAs('k7Officer');
    const book = await workbook(
      (await k7.get('/api/reports/organisation.xlsx', { query: { locale: 'en' } })).raw,
    );
    const sites = rowsOf(book.getWorksheet('Sites'));
    expect(sites.map((r) => r[1])).toEqual(['Code', 'K7', null]);
    expect(sites.at(-1)?.[6]).toBe(activeAt('K7'));
    expect(rowsOf(book.getWorksheet('Subsidiaries')).map((r) => r[1])).toEqual(['Code', 'ASE', null]);

    const spil = await t.signInAs('spilOfficer');
    const spilBook = await workbook(
      (await spil.get('/api/reports/organisation.xlsx', { query: { locale: 'en' } })).raw,
    );
    expect(rowsOf(spilBook.getWorksheet('Sites')).map((r) => r[1])).toEqual(['Code', 'SZ', 'TC', null]);

    const pdf = await k7.get('/api/reports/organisation.pdf', { query: { locale: 'zh-TW' } });
    expect(pdf.status).toBe(200);
    if (poppler) {
      const text = pdfText(pdf.raw);
      expect(text).toContain('您可查看的廠區：K7');
      expect(text).toContain(K7_ZH);
      expect(text).not.toContain('SPIL');
      // A report of one site tells the time in that site's zone.
      expect(text).toContain('GMT+8');
    }
  });

  it('refuses without sign-in, and answers bad input with a problem document', async () => {
    const anonymous = await t.anonymous().get('/api/reports/organisation.pdf');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    const bad = await admin.get('/api/reports/organisation.xlsx', { query: { locale: 'fr' } });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.anonymous().get('/api/openapi.json')).body;
    expect(doc.paths['/api/reports/organisation.pdf']?.get).toBeDefined();
    expect(doc.paths['/api/reports/organisation.xlsx']?.get).toBeDefined();
  });
});
