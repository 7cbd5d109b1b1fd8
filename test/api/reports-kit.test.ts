import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Cell, ReportDefinition } from '../../server/platform/reports/definition.ts';
import { renderPdf } from '../../server/platform/reports/pdf.ts';
import {
  hasPoppler,
  POPPLER_MISSING,
  pdfFonts,
  pdfImageCount,
  pdfPages,
  pdfText,
  pdfToPng,
} from '../../server/platform/reports/poppler.ts';
import { renderXlsx, writeXlsx } from '../../server/platform/reports/xlsx.ts';

/**
 * The report kit end to end, without a database: a definition with every kind of block, in Traditional
 * Chinese, rendered to PDF (read back with poppler) and to XLSX (read back with ExcelJS).
 */

const poppler = hasPoppler();
if (!poppler) console.warn(POPPLER_MISSING);

const siteName = (i: number) => `日月光第${i + 1}廠 Kaohsiung`;

function definition(rows: Cell[][] | (() => AsyncIterable<Cell[]>), totals: Cell[]): ReportDefinition {
  return {
    title: '職業安全衛生年度報告',
    subtitle: '日月光投資控股 — 全部據點',
    locale: 'zh-TW',
    generatedAt: new Date('2026-11-22T04:00:00Z'),
    timeZone: 'Asia/Taipei',
    sections: [
      {
        heading: '摘要',
        blocks: [
          {
            kind: 'paragraph',
            text: '本報告彙整各據點之工時與失能傷害，供董事會審閱。Figures are per site.',
          },
          {
            kind: 'figures',
            figures: [
              { label: '總工時', value: 182_345_678, unit: '小時' },
              {
                label: '失能傷害頻率 (FR)',
                value: 0.42,
                decimals: 2,
                comparison: { label: '較 2025 年', change: -0.08, decimals: 2, better: 'lower' },
              },
              { label: '據點', value: 25 },
            ],
          },
        ],
      },
      {
        heading: '各據點工時',
        blocks: [
          {
            kind: 'chart',
            chart: 'stacked-bar',
            title: '各子公司工時（依國家）',
            categoryLabel: '子公司',
            categories: ['ASE', 'SPIL', 'USI'],
            unit: '千小時',
            series: [
              { name: '台灣', values: [400, 200, 50] },
              { name: '馬來西亞', values: [80, 0, 20] },
            ],
          },
          {
            kind: 'table',
            title: '據點工時明細',
            sheetName: '據點明細',
            columns: [
              { header: '據點名稱' },
              { header: '國家' },
              { header: '工時', format: 'integer' },
              { header: '占比', format: 'percent' },
            ],
            rows,
            totals,
          },
          {
            kind: 'chart',
            chart: 'line',
            title: '年度趨勢',
            categoryLabel: '年度',
            categories: ['2022', '2023', '2024', '2025', '2026'],
            series: [{ name: 'FR', values: [0.61, 0.55, null, 0.5, 0.42] }],
            decimals: 2,
          },
        ],
      },
    ],
  };
}

const memoryRows = (n: number): Cell[][] =>
  Array.from({ length: n }, (_, i) => [siteName(i), i % 2 ? '台灣' : '中國', 1000 + i, 1 / n]);

describe('report kit: PDF', () => {
  const rowCount = 240;

  it.skipIf(!poppler)(
    'renders Traditional Chinese that pdftotext reads back exactly, in embedded fonts',
    async () => {
      const pdf = await renderPdf(definition(memoryRows(rowCount), ['合計', null, 999, 1]));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(pdf);
      for (const s of [
        '職業安全衛生年度報告',
        '日月光投資控股 — 全部據點',
        '本報告彙整各據點之工時與失能傷害，供董事會審閱。',
        '182,345,678',
        '小時',
        '▼ 0.08 較 2025 年',
        '據點工時明細',
        siteName(0),
        siteName(rowCount - 1),
      ]) {
        expect(text).toContain(s);
      }
      const fonts = pdfFonts(pdf);
      expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
        'NotoSansTC-Bold',
        'NotoSansTC-Regular',
      ]);
      expect(fonts.every((f) => f.embedded && f.subset && f.unicode)).toBe(true);
      pdfToPng(pdf, 'test-results/reports', 'kit-zh-TW');
    },
  );

  it.skipIf(!poppler)(
    'breaks a long table across pages, repeating its header row, with page N of M on every page',
    async () => {
      const pdf = await renderPdf(definition(memoryRows(rowCount), ['合計', null, 999, 1]));
      const pages = pdfPages(pdf);
      expect(pages.length).toBeGreaterThanOrEqual(4);
      pages.forEach((page, i) => {
        expect(page).toContain(`第 ${i + 1} 頁，共 ${pages.length} 頁`);
        expect(page).toContain('產製時間 2026-11-22 12:00 GMT+8');
        // The running header names the report on every page after the first.
        if (i > 0) expect(page).toContain('職業安全衛生年度報告');
      });
      // Every page the table reaches starts with its header row.
      const tablePages = pages.filter((p) => p.includes('日月光第'));
      expect(tablePages.length).toBeGreaterThanOrEqual(3);
      for (const page of tablePages) expect(page).toMatch(/據點名稱[\s\S]*國家[\s\S]*工時[\s\S]*占比/);
      // Each row appears exactly once, and the totals row after the last one.
      const all = pages.join('\n');
      for (const i of [0, 57, 123, rowCount - 1]) expect(all.split(siteName(i)).length - 1).toBe(1);
      expect(all.indexOf('合計')).toBeGreaterThan(all.indexOf(siteName(rowCount - 1)));
    },
  );

  it.skipIf(!poppler)('draws charts as vector graphics with their labels as text', async () => {
    const pdf = await renderPdf(definition(memoryRows(3), ['合計', null, 3003, 1]));
    expect(pdfImageCount(pdf)).toBe(0);
    const text = pdfText(pdf);
    for (const s of ['各子公司工時（依國家）', '馬來西亞', '千小時', 'SPIL', '年度趨勢', '0.42'])
      expect(text).toContain(s);
  });

  it('takes rows from an async source, and says so when a table is empty', async () => {
    async function* rows() {
      for (let i = 0; i < 700; i++) yield [siteName(i), '台灣', i, null] as Cell[];
    }
    const pdf = await renderPdf(definition(() => rows(), ['合計', null, 0, null]));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const empty = await renderPdf(definition([], ['合計', null, 0, null]));
    if (poppler) {
      expect(pdfText(pdf)).toContain(siteName(699));
      expect(pdfText(empty)).toContain('無資料。');
    }
  });
});

describe('report kit: XLSX', () => {
  it('writes a summary sheet, a sheet per table and per chart, with bold frozen headers and number formats', async () => {
    const xlsx = await renderXlsx(definition(memoryRows(40), ['合計', null, 99_999, 1]));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '摘要',
      '各子公司工時（依國家）',
      '據點明細',
      '年度趨勢',
    ]);

    const summary = book.getWorksheet('摘要');
    expect(summary?.getCell('A1').value).toBe('職業安全衛生年度報告');
    expect(summary?.getCell('A1').font?.bold).toBe(true);
    const summaryRows = (summary?.getSheetValues() ?? [])
      .filter(Boolean)
      .map((r) => Array.from((r as unknown[]).slice(1), (x) => x ?? null));
    expect(summaryRows).toContainEqual(['總工時', 182_345_678, '小時']);
    expect(summaryRows).toContainEqual(['失能傷害頻率 (FR)', 0.42, null, '▼ 0.08 較 2025 年']);
    expect(summaryRows.flat()).toContain(
      '本報告彙整各據點之工時與失能傷害，供董事會審閱。Figures are per site.',
    );

    const sheet = book.getWorksheet('據點明細');
    if (!sheet) throw new Error('no table sheet');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([undefined, '據點名稱', '國家', '工時', '占比']);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getRow(2).values).toEqual([undefined, siteName(0), '中國', 1000, 1 / 40]);
    expect(sheet.getCell('C2').numFmt).toBe('#,##0');
    expect(sheet.getCell('D2').numFmt).toBe('0.0%');
    expect(sheet.getCell('C2').alignment?.horizontal).toBe('right');
    expect(sheet.rowCount).toBe(1 + 40 + 1);
    expect(sheet.getRow(42).values).toEqual([undefined, '合計', undefined, 99_999, 1]);
    expect(sheet.getCell('A42').font?.bold).toBe(true);
    // Chinese counts double when sizing columns: "日月光第40廠 Kaohsiung" is 22 characters wide.
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(22);

    const chart = book.getWorksheet('各子公司工時（依國家）');
    expect(chart?.getRow(1).values).toEqual([undefined, '子公司', '台灣', '馬來西亞']);
    expect(chart?.getRow(2).values).toEqual([undefined, 'ASE', 400, 80]);
    const trend = book.getWorksheet('年度趨勢');
    expect(trend?.getRow(4).values).toEqual([undefined, '2024']);
    expect(trend?.getCell('B2').numFmt).toBe('#,##0.00');
  });

  it('streams tens of thousands of rows from a cursor, reading no faster than the destination takes them', async () => {
    const total = 40_000;
    const text = (i: number) => `Site ${i} ${'abcdefghij'.repeat(8)} ${(i * 7919) % 100_003}`;
    let read = 0;
    async function* rows() {
      for (let i = 0; i < total; i++) {
        read++;
        yield [text(i), i % 2 ? 'TW' : 'CN', i, i / total] as Cell[];
      }
    }
    // Nobody reads the output yet: the writer must stop pulling rows once its bounded queues are full.
    const out = new PassThrough();
    const writing = writeXlsx(
      definition(() => rows(), ['Total', null, total, 1]),
      out,
    );
    let last = -1;
    for (let still = 0; still < 20; ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      still = read === last ? still + 1 : 0;
      last = read;
    }
    expect(read).toBeLessThan(total);

    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => out.on('end', resolve));
    await writing;
    await ended;
    expect(read).toBe(total);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('據點明細');
    expect(sheet?.rowCount).toBe(1 + total + 1);
    expect(sheet?.getRow(total + 1).values).toEqual([
      undefined,
      text(total - 1),
      'TW',
      total - 1,
      (total - 1) / total,
    ]);
  });
});
