import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type ExcelJS from 'exceljs';

/** Spreadsheet cell values as the text a user typed: dates as YYYY-MM-DD, numbers as written. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value && value.result !== undefined) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('hyperlink' in value) return String((value as { text?: string }).text ?? value.hyperlink);
    return '';
  }
  return String(value);
}

/**
 * Streams the records of a CSV or XLSX file (first worksheet) as arrays of cell text, header first,
 * without holding the file in memory.
 */
export async function* readRecords(source: Readable, format: 'csv' | 'xlsx'): AsyncGenerator<string[]> {
  if (format === 'csv') {
    const parser = source.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true }));
    for await (const record of parser) yield record as string[];
    return;
  }
  // Styles are read because a date cell is a number that only its number format marks as a date.
  // exceljs loads with the first spreadsheet imported, not at start.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as ExcelJS.CellValue[];
      // exceljs rows are 1-based: values[0] is empty.
      const cells = values.slice(1).map(cellText);
      if (cells.some((c) => c !== '')) yield cells;
    }
    return;
  }
}
