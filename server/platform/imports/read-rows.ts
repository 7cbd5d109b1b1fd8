import { pipeline, type Readable, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import type { FileStore } from '../documents/store.ts';

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

/** A stored file that can be read from any offset: a CSV from its start, an XLSX by its zip directory. */
export interface RandomAccessFile {
  size: number;
  stream(start?: number): Readable;
}

/** A file of the file store, by its key and size. */
export const storedFile = (store: Pick<FileStore, 'read'>, key: string, size: number): RandomAccessFile => ({
  size,
  stream: (start) => store.read(key, start),
});

/**
 * `stream` with `onRead` called with the share of its `total` bytes passed through; a read error of `stream`
 * fails the stream returned (a reader waiting on it rejects rather than waits for an end that never comes).
 */
export function measured(stream: Readable, total: number, onRead: (fraction: number) => void): Readable {
  let read = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      read += chunk.length;
      onRead(Math.min(1, read / Math.max(1, total)));
      done(null, chunk);
    },
  });
  return pipeline(stream, counter, () => {});
}

/**
 * Streams the records of a CSV or XLSX file (first worksheet) as arrays of cell text, header first,
 * without holding the file in memory. `onRead` follows the share of the file (of an XLSX, of its worksheet)
 * read so far.
 */
export async function* readRecords(
  file: RandomAccessFile,
  format: 'csv' | 'xlsx',
  onRead: (fraction: number) => void = () => {},
): AsyncGenerator<string[]> {
  if (format === 'csv') {
    const stream = file.stream();
    try {
      const parser = pipeline(
        measured(stream, file.size, onRead),
        parse({ bom: true, relax_column_count: true, skip_empty_lines: true }),
        () => {},
      );
      for await (const record of parser) yield record as string[];
    } finally {
      // A caller that stops early (the upload reads only the header) closes the file here.
      stream.destroy();
    }
    return;
  }
  // exceljs loads with the first spreadsheet imported, not at start.
  const { xlsxRows } = await import('./xlsx-records.ts');
  for await (const row of xlsxRows(file, onRead)) {
    const values = row.values as ExcelJS.CellValue[];
    // exceljs rows are 1-based: values[0] is empty.
    const cells = values.slice(1).map(cellText);
    if (cells.some((c) => c !== '')) yield cells;
  }
}
