import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { measured, type RandomAccessFile } from './read-rows.ts';

/**
 * The steps of exceljs's streaming workbook reader, one per part of the archive. They are not in its typings;
 * the installed version is pinned by the lock file and the import tests read workbooks through them.
 */
interface WorkbookParts {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(
    rows: AsyncIterable<unknown>,
    sheetNo: string,
  ): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { rId: string }[] };
}

/** Where a workbook relationship's target lives in the archive ("worksheets/sheet1.xml" → "xl/…"). */
const partPath = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`);

/**
 * The rows of the first worksheet of an XLSX file, streamed. exceljs's own streaming reader takes the archive's
 * entries in one pass, in stored order, and when the zip parser finishes while the reader waits (it writes
 * an early worksheet to a temporary file), the entries still queued are lost (exceljs issue 3064): a workbook
 * that exceljs itself wrote, whose workbook part comes last, then fails as unreadable on a busy machine. Here
 * the archive is opened by its central directory instead, the workbook's parts are read first, and only the
 * worksheet is streamed.
 */
export async function* xlsxRows(
  file: RandomAccessFile,
  onRead: (fraction: number) => void,
): AsyncGenerator<ExcelJS.Row> {
  const opened = new Set<Readable>();
  const source = {
    size: async () => file.size,
    stream: (offset: number) => {
      const stream = file.stream(offset);
      opened.add(stream);
      return stream;
    },
  };
  try {
    const directory = await unzipper.Open.custom(source);
    const entries = new Map(directory.files.map((entry) => [entry.path, entry]));
    // Styles are read because a date cell is a number that only its number format marks as a date.
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(null as unknown as string, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
    }) as unknown as WorkbookParts;
    const part = (path: string) => entries.get(path)?.stream();
    const rels = part('xl/_rels/workbook.xml.rels');
    const workbook = part('xl/workbook.xml');
    if (!rels || !workbook) throw new Error('it is not an Excel workbook (no workbook part)');
    await reader._parseRels(rels);
    await reader._parseWorkbook(workbook);
    const strings = part('xl/sharedStrings.xml');
    if (strings) for await (const _ of reader._parseSharedStrings(strings));
    const styles = part('xl/styles.xml');
    if (styles) await reader._parseStyles(styles);

    // The first tab of the workbook, whatever its part is called.
    const firstSheet = reader.model?.sheets?.[0];
    const target = reader.workbookRels?.find((rel) => rel.Id === firstSheet?.rId)?.Target;
    const sheetPath = target ? partPath(target) : undefined;
    const sheet = sheetPath ? entries.get(sheetPath) : undefined;
    if (!sheetPath || !sheet) throw new Error('the workbook has no worksheet');
    const sheetNo = /sheet(\d+)\.xml$/.exec(sheetPath)?.[1] ?? '1';
    const rows = measured(sheet.stream(), sheet.uncompressedSize, onRead);
    for (const { eventType, value } of reader._parseWorksheet(rows, sheetNo)) {
      if (eventType === 'worksheet') yield* value;
    }
  } finally {
    // The zip reader leaves some of the streams it opens unfinished (a file read to its end, or a read the
    // caller stopped early); they are closed here rather than left to hold the file open.
    for (const stream of opened) stream.destroy();
  }
}
