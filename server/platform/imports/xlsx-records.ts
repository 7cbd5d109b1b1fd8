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
  model?: { sheets?: { rId: string; state?: string }[] };
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
  // The zip reader pipes the file's streams into its own without passing their errors on: a read error is
  // caught here, fails the step under way and every part stream handed out, and is thrown, never left uncaught.
  const opened = new Set<Readable>();
  const parts = new Set<Readable>();
  let failure: Error | null = null;
  let fail: (error: Error) => void = () => {};
  const failed = new Promise<never>((_resolve, reject) => {
    fail = reject;
  });
  // Only marks the rejection as seen, so that Node does not report it as unhandled while no step awaits it;
  // the failure itself is thrown by `guarded` and at the end.
  failed.catch(() => {});
  const onError = (error: Error) => {
    if (failure) return;
    failure = error;
    fail(error);
    for (const part of parts) part.destroy(error);
  };
  const guarded = <T>(step: Promise<T>) => Promise.race([step, failed]);
  const source = {
    size: async () => file.size,
    stream: (offset: number) => {
      const stream = file.stream(offset);
      stream.on('error', onError);
      opened.add(stream);
      return stream;
    },
  };
  try {
    const directory = await guarded(unzipper.Open.custom(source));
    const entries = new Map(directory.files.map((entry) => [entry.path, entry]));
    // Styles are read because a date cell is a number that only its number format marks as a date.
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(null as unknown as string, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
    }) as unknown as WorkbookParts;
    /**
     * A part's text, opened only when it is about to be read (its reader listens for its errors from then on).
     * Decoded as one stream: exceljs decodes chunk by chunk, which breaks a character cut between two chunks.
     */
    const open = (entry: unzipper.File, total = 0) => {
      const raw = entry.stream();
      raw.on('error', onError);
      parts.add(raw);
      const text = total ? measured(raw, total, onRead) : raw;
      text.setEncoding('utf8');
      parts.add(text);
      return text;
    };
    const rels = entries.get('xl/_rels/workbook.xml.rels');
    const workbook = entries.get('xl/workbook.xml');
    if (!rels || !workbook) throw new Error('it is not an Excel workbook (no workbook part)');
    await guarded(reader._parseRels(open(rels)));
    await guarded(reader._parseWorkbook(open(workbook)));
    const strings = entries.get('xl/sharedStrings.xml');
    if (strings)
      await guarded(
        (async () => {
          for await (const _ of reader._parseSharedStrings(open(strings)));
        })(),
      );
    const styles = entries.get('xl/styles.xml');
    if (styles) await guarded(reader._parseStyles(open(styles)));

    // The first visible worksheet in the workbook's order of tabs (a chart sheet holds no rows).
    const sheetPath = (reader.model?.sheets ?? [])
      .filter((sheet) => (sheet.state ?? 'visible') === 'visible')
      .map((sheet) => reader.workbookRels?.find((rel) => rel.Id === sheet.rId)?.Target)
      .map((target) => (target ? partPath(target) : undefined))
      .find((path) => path?.includes('worksheets/') && entries.has(path));
    const sheet = sheetPath ? entries.get(sheetPath) : undefined;
    if (!sheetPath || !sheet) throw new Error('the workbook has no worksheet');
    const sheetNo = /sheet(\d+)\.xml$/.exec(sheetPath)?.[1] ?? '1';
    const rows = open(sheet, sheet.uncompressedSize);
    for (const { eventType, value } of reader._parseWorksheet(rows, sheetNo)) {
      if (eventType === 'worksheet') yield* value;
    }
    if (failure) throw failure;
  } finally {
    // The zip reader leaves some of the streams it opens unfinished (a file read to its end, or a read the
    // caller stopped early); they are closed here rather than left to hold the file open.
    for (const stream of [...parts, ...opened]) stream.destroy();
  }
}
