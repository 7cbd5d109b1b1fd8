import type { Align, Cell, CellFormat, Column, Comparison, ReportLocale } from './definition.ts';

/** The kit's own words, in each report language. */
const words = {
  en: {
    page: (n: number, m: number) => `Page ${n} of ${m}`,
    generated: (at: string) => `Generated ${at}`,
    total: 'Total',
    summary: 'Summary',
    keyFigures: 'Key figures',
    figure: 'Figure',
    value: 'Value',
    unit: 'Unit',
    comparison: 'Comparison',
    noRows: 'No data.',
    section: 'Section',
    text: 'Text',
  },
  'zh-TW': {
    page: (n: number, m: number) => `第 ${n} 頁，共 ${m} 頁`,
    generated: (at: string) => `產製時間 ${at}`,
    total: '合計',
    summary: '摘要',
    keyFigures: '關鍵指標',
    figure: '指標',
    value: '數值',
    unit: '單位',
    comparison: '比較',
    noRows: '無資料。',
    section: '章節',
    text: '說明',
  },
} as const;

export function kitWords(locale: ReportLocale) {
  return words[locale];
}

export function defaultDecimals(format: CellFormat | undefined): number {
  return format === 'decimal' || format === 'percent' ? 1 : 0;
}

/** The format of a column: text unless it says otherwise. */
export function columnFormat(column: Column): CellFormat {
  return column.format ?? 'text';
}

export function columnAlign(column: Column): Align {
  if (column.align) return column.align;
  return column.format && column.format !== 'text' ? 'right' : 'left';
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(
  value: number,
  locale: ReportLocale,
  format: CellFormat = 'decimal',
  decimals?: number,
): string {
  const digits = decimals ?? defaultDecimals(format);
  const key = `${locale}|${format}|${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: format === 'percent' ? 'percent' : 'decimal',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    numberFormats.set(key, f);
  }
  return f.format(value);
}

/** A cell as it reads on the page. */
export function formatCell(value: Cell, column: Column, locale: ReportLocale): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  const format = columnFormat(column);
  if (format === 'text') return String(value);
  return formatNumber(value, locale, format, column.decimals);
}

/** A key figure's comparison: "▲ 12.5 % vs 2025". The arrow follows the sign; no change has none. */
export function formatComparison(c: Comparison, locale: ReportLocale): string {
  const arrow = c.change > 0 ? '▲ ' : c.change < 0 ? '▼ ' : '';
  const amount = formatNumber(Math.abs(c.change), locale, c.decimals ? 'decimal' : 'integer', c.decimals);
  return `${arrow}${amount}${c.unit ? ` ${c.unit}` : ''} ${c.label}`;
}

/** Good, bad or neutral news, for colouring a comparison. */
export function comparisonTone(c: Comparison): 'good' | 'bad' | 'neutral' {
  if (!c.better || c.change === 0) return 'neutral';
  return c.change > 0 === (c.better === 'higher') ? 'good' : 'bad';
}

/**
 * The generation time as "2026-11-22 20:56 GMT+8" in the given zone: the same unambiguous form in
 * every language.
 */
export function formatTimestamp(at: Date, timeZone = 'UTC'): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(at);
  const p = (type: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === type)?.value ?? '';
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')} ${p('timeZoneName')}`;
}

/** The spreadsheet number format of a column: "#,##0", "#,##0.0", "0.0%". */
export function excelNumberFormat(format: CellFormat, decimals?: number): string | undefined {
  if (format === 'text') return undefined;
  const digits = decimals ?? defaultDecimals(format);
  const fraction = digits > 0 ? `.${'0'.repeat(digits)}` : '';
  return format === 'percent' ? `0${fraction}%` : `#,##0${fraction}`;
}

/** A file name for a report: "organisation-overview-2026-11-22". */
export function reportFileName(slug: string, at: Date, timeZone = 'UTC'): string {
  return `${slug}-${formatTimestamp(at, timeZone).slice(0, 10)}`;
}

/**
 * How many "character widths" a text takes in a spreadsheet column: East Asian wide characters count
 * twice, as they do on screen.
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}
