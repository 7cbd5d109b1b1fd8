import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type Cell, chartAsTable, type ReportDefinition, type TableBlock, tableRows } from './definition.ts';
import {
  columnAlign,
  columnFormat,
  displayWidth,
  excelNumberFormat,
  formatCell,
  formatComparison,
  formatTimestamp,
  kitWords,
} from './format.ts';
import { sheetColumnWidth, uniqueSheetName } from './layout.ts';

/**
 * The XLSX renderer: a summary sheet (title, generation time, each section's text and key figures), then
 * one sheet per table and one per chart (its data as a table), each with a bold frozen header row, column
 * widths, number formats and a bold totals row. Rows are written through ExcelJS's streaming writer and
 * committed one by one, so a table of tens of thousands of rows (even from a cursor) keeps memory bounded.
 */

/** Rows sampled to size a sheet's columns before its rows are written. */
const WIDTH_SAMPLE = 500;

/** Renders the report to XLSX into a stream. */
export async function writeXlsx(def: ReportDefinition, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = def.author ?? 'Steward';
  workbook.created = def.generatedAt;
  workbook.title = def.title;
  if (def.subtitle) workbook.subject = def.subtitle;
  const used = new Set<string>();
  writeSummary(workbook, def, used);
  for (const section of def.sections) {
    for (const block of section.blocks) {
      if (block.kind === 'table') await writeTable(workbook, out, def, block, section.heading, used);
      else if (block.kind === 'chart')
        await writeTable(workbook, out, def, chartAsTable(block), section.heading, used);
    }
  }
  await workbook.commit();
}

/** Renders the report to XLSX and returns its bytes. */
export async function renderXlsx(def: ReportDefinition): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await writeXlsx(def, out);
  await ended;
  return Buffer.concat(chunks);
}

function writeSummary(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  def: ReportDefinition,
  used: Set<string>,
) {
  const words = kitWords(def.locale);
  const sheet = workbook.addWorksheet(uniqueSheetName(words.summary, used));
  const figures = def.sections.flatMap((s) =>
    s.blocks.flatMap((b) => (b.kind === 'figures' ? b.figures.map((f) => ({ section: s.heading, f })) : [])),
  );
  const labelWidth = Math.max(displayWidth(words.figure), ...figures.map((x) => displayWidth(x.f.label)));
  sheet.columns = [
    { width: sheetColumnWidth([labelWidth, 16], 16, 48) },
    { width: 16 },
    { width: 12 },
    { width: 30 },
  ];
  const add = (values: (string | number | null)[], style?: Partial<ExcelJS.Style>) => {
    const row = sheet.addRow(values);
    if (style?.font) row.font = style.font;
    if (style?.alignment) row.alignment = style.alignment;
    row.commit();
  };
  add([def.title], { font: { bold: true, size: 16 } });
  if (def.subtitle) add([def.subtitle], { font: { size: 11, color: { argb: 'FF495057' } } });
  add([words.generated(formatTimestamp(def.generatedAt, def.timeZone))], {
    font: { color: { argb: 'FF6C757D' } },
  });
  add([]);

  if (figures.length > 0) {
    add([words.keyFigures], { font: { bold: true, size: 12 } });
    add([words.figure, words.value, words.unit, words.comparison], { font: { bold: true } });
    for (const { f } of figures) {
      const row = sheet.addRow([
        f.label,
        f.value,
        f.unit ?? null,
        f.comparison ? formatComparison(f.comparison, def.locale) : null,
      ]);
      if (typeof f.value === 'number') {
        const format = excelNumberFormat(f.format ?? (f.decimals ? 'decimal' : 'integer'), f.decimals);
        if (format) row.getCell(2).numFmt = format;
      }
      row.getCell(2).alignment = { horizontal: 'right' };
      row.commit();
    }
    add([]);
  }
  for (const section of def.sections) {
    const texts = section.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    if (texts.length === 0) continue;
    add([section.heading], { font: { bold: true, size: 12 } });
    for (const text of texts) add([text]);
    add([]);
  }
  sheet.commit();
}

/**
 * ExcelJS's streaming writer accepts every row at once and queues it for compression without backpressure:
 * a source faster than the compressor (rows in memory, a quick cursor) would pile the whole sheet up in that
 * queue. So every so many rows the writer waits until the sheet's queue is short again (read from ExcelJS's
 * stream internals, defensively: without them it only yields) and while the destination is full.
 */
const PACE_EVERY = 500;
const BACKLOG_LIMIT = 4 * 1024 * 1024;

type SheetStream = {
  pipes?: { _writableState?: { length?: number } }[];
  buffers?: unknown[];
};

async function pace(sheet: ExcelJS.Worksheet, out: Writable) {
  const stream = (sheet as unknown as { stream?: SheetStream }).stream;
  for (let waited = 0; waited < 30_000; waited += 2) {
    const destination = stream?.pipes?.[0];
    const queued = destination?._writableState?.length ?? 0;
    // Until the zip reaches this sheet, its rows wait in the sheet's own buffers (64 KB each).
    const unread = !destination && (stream?.buffers?.length ?? 0) > 16;
    if (queued <= BACKLOG_LIMIT && !unread) break;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  if (out.writableNeedDrain) await once(out, 'drain');
  await new Promise<void>((resolve) => setImmediate(resolve));
}

async function writeTable(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  out: Writable,
  def: ReportDefinition,
  block: TableBlock,
  sectionHeading: string,
  used: Set<string>,
) {
  const name = uniqueSheetName(block.sheetName ?? block.title ?? sectionHeading, used);
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const source = tableRows(block.rows);
  const iterator =
    Symbol.asyncIterator in source
      ? (source as AsyncIterable<Cell[]>)[Symbol.asyncIterator]()
      : (source as Iterable<Cell[]>)[Symbol.iterator]();

  // Columns are sized from the header and the first rows, which are held until the columns are set.
  const sample: Cell[][] = [];
  let done = false;
  while (sample.length < WIDTH_SAMPLE) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    sample.push(next.value);
  }
  sheet.columns = block.columns.map((column, i) => {
    const widths = [displayWidth(column.header)];
    for (const row of sample) widths.push(displayWidth(formatCell(row[i] ?? null, column, def.locale)));
    if (block.totals) widths.push(displayWidth(formatCell(block.totals[i] ?? null, column, def.locale)));
    const numFmt = excelNumberFormat(columnFormat(column), column.decimals);
    return {
      key: String(i),
      width: sheetColumnWidth(widths),
      style: {
        alignment: { horizontal: columnAlign(column), vertical: 'top' },
        ...(numFmt ? { numFmt } : {}),
      },
    };
  });
  const header = sheet.addRow(block.columns.map((c) => c.header));
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7F0FA' } };
  header.border = { bottom: { style: 'thin', color: { argb: 'FF1864AB' } } };
  header.commit();

  const width = block.columns.length;
  let count = 0;
  const write = async (row: Cell[]) => {
    sheet.addRow(cells(row, width)).commit();
    if (++count % PACE_EVERY === 0) await pace(sheet, out);
  };
  for (const row of sample) await write(row);
  if (!done) {
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      await write(next.value);
    }
  }
  if (block.totals) {
    const totals = sheet.addRow(cells(block.totals, width));
    totals.font = { bold: true };
    totals.border = { top: { style: 'thin', color: { argb: 'FF212529' } } };
    totals.commit();
  }
  if (count > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + count, column: width } };
  sheet.commit();
}

/** A row's cells, exactly as many as the columns (blank for null). */
function cells(row: Cell[], width: number): (string | number | null)[] {
  const out: (string | number | null)[] = new Array(width);
  for (let i = 0; i < width; i++) out[i] = row[i] ?? null;
  return out;
}
