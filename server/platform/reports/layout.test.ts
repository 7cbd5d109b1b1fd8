import { describe, expect, it } from 'vitest';
import { chartAsTable } from './definition.ts';
import {
  comparisonTone,
  displayWidth,
  excelNumberFormat,
  formatCell,
  formatComparison,
  formatNumber,
  formatTimestamp,
  reportFileName,
} from './format.ts';
import {
  A4,
  CONTENT_WIDTH,
  chunk,
  figuresPerRow,
  fitColumnWidths,
  MARGINS,
  placeBlock,
  sheetColumnWidth,
  TableFlow,
  uniqueSheetName,
} from './layout.ts';

const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('fitColumnWidths', () => {
  it('fills the width exactly, giving spare room in proportion to natural widths', () => {
    const widths = fitColumnWidths(
      [
        { natural: 100, min: 40 },
        { natural: 50, min: 50 },
      ],
      300,
    );
    expect(total(widths)).toBeCloseTo(300, 6);
    expect(widths[0]).toBeCloseTo(200, 6);
    expect(widths[1]).toBeCloseTo(100, 6);
  });

  it('never grows a column past its max; the others take what it cannot', () => {
    const widths = fitColumnWidths(
      [
        { natural: 100, min: 40, max: 120 },
        { natural: 100, min: 40 },
      ],
      400,
    );
    expect(widths[0]).toBeCloseTo(120, 6);
    expect(widths[1]).toBeCloseTo(280, 6);
  });

  it('cuts only the widest wrapping column when that is enough, leaving short ones whole', () => {
    const widths = fitColumnWidths(
      [
        { natural: 300, min: 60 }, // a long name
        { natural: 60, min: 40 }, // "In operation"
        { natural: 50, min: 50, rigid: true }, // a number
      ],
      360,
    );
    expect(widths[0]).toBeCloseTo(250, 6);
    expect(widths[1]).toBeCloseTo(60, 6);
    expect(widths[2]).toBeCloseTo(50, 6);
    expect(total(widths)).toBeCloseTo(360, 6);
  });

  it('cuts wrapping columns to a common width, never below their min', () => {
    const widths = fitColumnWidths(
      [
        { natural: 200, min: 50 },
        { natural: 180, min: 150 },
        { natural: 40, min: 40 },
      ],
      300,
    );
    // A common cap of 110 would put the second below its min of 150: it stops there.
    expect(widths[1]).toBeCloseTo(150, 6);
    expect(widths[2]).toBeCloseTo(40, 6);
    expect(widths[0]).toBeCloseTo(110, 6);
  });

  it('shrinks rigid columns (numbers, whose headers then wrap) only after the wrapping ones are at their min', () => {
    const widths = fitColumnWidths(
      [
        { natural: 100, min: 60 },
        { natural: 120, min: 50, rigid: true },
      ],
      150,
    );
    expect(widths[0]).toBeCloseTo(60, 6);
    expect(widths[1]).toBeCloseTo(90, 6);
  });

  it('shrinks every column alike when even the minimums do not fit', () => {
    const widths = fitColumnWidths(
      [
        { natural: 200, min: 100 },
        { natural: 100, min: 100, rigid: true },
      ],
      100,
    );
    expect(widths).toEqual([50, 50]);
  });

  it('handles no columns', () => {
    expect(fitColumnWidths([], 100)).toEqual([]);
  });
});

describe('placeBlock', () => {
  const bounds = { top: 60, bottom: 780 };
  it('keeps a block that fits where it is', () => {
    expect(placeBlock(700, 80, bounds)).toEqual({ newPage: false, y: 700 });
  });
  it('moves a block that does not fit to the top of a new page', () => {
    expect(placeBlock(701, 80, bounds)).toEqual({ newPage: true, y: 60 });
  });
  it('does not start a new page for a block taller than a page when already at the top', () => {
    expect(placeBlock(60, 2000, bounds)).toEqual({ newPage: false, y: 60 });
  });
});

describe('TableFlow', () => {
  const bounds = { top: 100, bottom: 400 };

  it('draws the header above the first row and repeats it at the top of each new page', () => {
    const flow = new TableFlow(bounds, 20, 300);
    const placements = Array.from({ length: 30 }, () => flow.row(20));
    expect(placements[0]).toEqual({ newPage: false, headerY: 300, y: 320 });
    // 320..400 holds four rows; the fifth starts page 2 under a repeated header.
    expect(placements.slice(1, 4).every((p) => !p.newPage && p.headerY === null)).toBe(true);
    expect(placements[4]).toEqual({ newPage: true, headerY: 100, y: 120 });
    // A full page holds (400 - 120) / 20 = 14 rows.
    expect(placements[18]).toEqual({ newPage: true, headerY: 100, y: 120 });
    expect(flow.pages).toBe(2);
    for (const p of placements) {
      expect(p.y).toBeGreaterThanOrEqual(bounds.top + 20);
      expect(p.y + 20).toBeLessThanOrEqual(bounds.bottom);
    }
  });

  it('never leaves the header alone at the bottom of a page', () => {
    const flow = new TableFlow(bounds, 20, 370);
    expect(flow.row(20)).toEqual({ newPage: true, headerY: 100, y: 120 });
  });

  it('places a row taller than the page once, at the top, instead of adding pages forever', () => {
    const flow = new TableFlow(bounds, 20, 100);
    flow.row(20);
    const tall = flow.row(1000);
    expect(tall.newPage).toBe(true);
    const next = flow.row(20);
    expect(next).toEqual({ newPage: true, headerY: 100, y: 120 });
  });
});

describe('page geometry', () => {
  it('is A4 with the content width between the margins', () => {
    expect(A4.width).toBeCloseTo(595.28, 2);
    expect(CONTENT_WIDTH).toBeCloseTo(A4.width - MARGINS.left - MARGINS.right, 6);
  });
  it('puts up to four figure cards in a row, balanced', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(figuresPerRow)).toEqual([1, 2, 3, 4, 3, 3, 4, 4]);
    expect(chunk([1, 2, 3, 4, 5], 3)).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });
});

describe('spreadsheet names and widths', () => {
  it('makes valid, unique sheet names of at most 31 characters', () => {
    const used = new Set<string>();
    expect(uniqueSheetName('Sites', used)).toBe('Sites');
    expect(uniqueSheetName('sites', used)).toBe('sites (2)');
    expect(uniqueSheetName('Q1/Q2: [draft]?', used)).toBe('Q1 Q2 draft');
    expect(uniqueSheetName("'quoted'", used)).toBe('quoted');
    expect(uniqueSheetName('   ', used)).toBe('Sheet');
    const long = 'Active employees by subsidiary and country';
    const a = uniqueSheetName(long, used);
    const b = uniqueSheetName(long, used);
    expect(a).toBe('Active employees by subsidiary');
    expect(b.length).toBeLessThanOrEqual(31);
    expect(b.endsWith(' (2)')).toBe(true);
    expect(uniqueSheetName('各子公司在職員工（依國家）', used)).toBe('各子公司在職員工（依國家）');
  });

  it('counts East Asian characters twice when sizing columns', () => {
    expect(displayWidth('K7')).toBe(2);
    expect(displayWidth('組織概覽')).toBe(8);
    expect(displayWidth('日月光K7廠')).toBe(10);
    expect(sheetColumnWidth([2, 3])).toBe(8);
    expect(sheetColumnWidth([20])).toBe(24);
    expect(sheetColumnWidth([500])).toBe(60);
  });
});

describe('formats', () => {
  it('formats numbers by column format in each language', () => {
    expect(formatCell(91686, { header: 'n', format: 'integer' }, 'en')).toBe('91,686');
    expect(formatCell(91686, { header: 'n', format: 'integer' }, 'zh-TW')).toBe('91,686');
    expect(formatCell(0.5735, { header: 'share', format: 'percent' }, 'en')).toBe('57.4%');
    expect(formatCell(2.345, { header: 'rate', format: 'decimal', decimals: 2 }, 'en')).toBe('2.35');
    expect(formatCell(null, { header: 'n', format: 'integer' }, 'en')).toBe('');
    expect(formatCell('K7', { header: 'code' }, 'en')).toBe('K7');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
  });

  it('gives spreadsheet number formats', () => {
    expect(excelNumberFormat('integer')).toBe('#,##0');
    expect(excelNumberFormat('decimal', 2)).toBe('#,##0.00');
    expect(excelNumberFormat('percent')).toBe('0.0%');
    expect(excelNumberFormat('text')).toBeUndefined();
  });

  it('writes comparisons with an arrow and colours them by which direction is good', () => {
    expect(formatComparison({ label: 'vs 2025', change: 9548 }, 'en')).toBe('▲ 9,548 vs 2025');
    expect(formatComparison({ label: '較去年', change: -3.25, unit: '%', decimals: 1 }, 'zh-TW')).toBe(
      '▼ 3.3 % 較去年',
    );
    expect(formatComparison({ label: 'vs 2025', change: 0 }, 'en')).toBe('0 vs 2025');
    expect(comparisonTone({ label: '', change: 2, better: 'higher' })).toBe('good');
    expect(comparisonTone({ label: '', change: 2, better: 'lower' })).toBe('bad');
    expect(comparisonTone({ label: '', change: -2, better: 'lower' })).toBe('good');
    expect(comparisonTone({ label: '', change: 2 })).toBe('neutral');
    expect(comparisonTone({ label: '', change: 0, better: 'higher' })).toBe('neutral');
  });

  it('writes the generation time the same way in every language, in the given zone', () => {
    const at = new Date('2026-11-22T17:05:00Z');
    expect(formatTimestamp(at)).toBe('2026-11-22 17:05 UTC');
    expect(formatTimestamp(at, 'Asia/Taipei')).toBe('2026-11-23 01:05 GMT+8');
    expect(reportFileName('organisation-overview', at, 'Asia/Taipei')).toBe(
      'organisation-overview-2026-11-23',
    );
  });
});

describe('chartAsTable', () => {
  it('turns a chart into a table: a category column and one column per series', () => {
    const table = chartAsTable({
      kind: 'chart',
      chart: 'stacked-bar',
      title: 'Employees',
      categoryLabel: 'Subsidiary',
      categories: ['ASE', 'SPIL'],
      series: [
        { name: 'Taiwan', values: [10, 20] },
        { name: 'China', values: [5, null] },
      ],
    });
    expect(table.columns.map((c) => c.header)).toEqual(['Subsidiary', 'Taiwan', 'China']);
    expect(table.columns[1].format).toBe('integer');
    expect(table.rows).toEqual([
      ['ASE', 10, 5],
      ['SPIL', 20, null],
    ]);
  });
});
