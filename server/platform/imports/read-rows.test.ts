import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RandomAccessFile, readRecords } from './read-rows.ts';

let folder: string;
const opened: ReturnType<typeof createReadStream>[] = [];

const fileOf = async (name: string, bytes: Buffer): Promise<RandomAccessFile> => {
  const full = path.join(folder, name);
  await writeFile(full, bytes);
  return {
    size: bytes.length,
    stream: (start) => {
      const stream = createReadStream(full, { start });
      opened.push(stream);
      return stream;
    },
  };
};

/** Every record of a read, at once. */
async function everyRecord(read: AsyncIterable<string[]>) {
  const out: string[][] = [];
  for await (const record of read) out.push(record);
  return out;
}

/** Reads every record, waiting between them as an import does while it writes a batch. */
const readSlowly = async (file: RandomAccessFile, format: 'csv' | 'xlsx', shares: number[] = []) => {
  const records: string[][] = [];
  for await (const record of readRecords(file, format, (share) => shares.push(share))) {
    records.push(record);
    await sleep(1);
  }
  return records;
};

/** A workbook as exceljs writes it: its workbook part comes last in the archive, after the worksheets. */
async function workbook(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'steward-read-rows-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('reading an import file', () => {
  it('reads a workbook that exceljs wrote, every time, while the reader waits between rows', async () => {
    const rows = [
      ['Employee No', 'Full Name', 'Hire Date', 'Hours'],
      ...Array.from({ length: 40 }, (_, i) => [
        `K7-${1000 + i}`,
        `張偉明 ${i}`,
        new Date(Date.UTC(2024, 1, 29)),
        i + 0.5,
      ]),
    ];
    const file = await fileOf('book.xlsx', await workbook({ Employees: rows }));
    // exceljs's own one-pass reader could lose the parts stored after the worksheet when the machine was busy
    // (exceljs issue 3064): this file's workbook part is among them.
    for (let attempt = 0; attempt < 5; attempt++) {
      const shares: number[] = [];
      const records = await readSlowly(file, 'xlsx', shares);
      expect(records).toHaveLength(41);
      expect(records[0]).toEqual(['Employee No', 'Full Name', 'Hire Date', 'Hours']);
      // A date cell reads as the day it shows; a leap day stays a leap day.
      expect(records[40]).toEqual(['K7-1039', '張偉明 39', '2024-02-29', '39.5']);
      expect(shares.at(-1)).toBe(1);
    }
  });

  it('reads the first tab of the workbook, not the others', async () => {
    const file = await fileOf(
      'tabs.xlsx',
      await workbook({ People: [['number'], ['A-1']], Notes: [['ignore me'], ['x']] }),
    );
    expect(await readSlowly(file, 'xlsx')).toEqual([['number'], ['A-1']]);
  });

  it('says a zip that is no workbook cannot be read, and a broken file too', async () => {
    const book = await workbook({ Sheet: [['a']] });
    const truncated = await fileOf('broken.xlsx', book.subarray(0, book.length - 200));
    await expect(readSlowly(truncated, 'xlsx')).rejects.toThrow();
    const text = await fileOf('text.xlsx', Buffer.from('not a zip at all'));
    await expect(readSlowly(text, 'xlsx')).rejects.toThrow();
  });

  it('keeps a Chinese character whole where a chunk of the file cuts it', async () => {
    const names = Array.from({ length: 6000 }, (_, i) => [`K7-${i}`, `張偉明${'陳林黃'.repeat(i % 7)}${i}`]);
    const file = await fileOf('names.xlsx', await workbook({ People: [['工號', '姓名'], ...names] }));
    const records = await everyRecord(readRecords(file, 'xlsx'));
    expect(records.slice(1)).toEqual(names);
  });

  it('reads the first visible tab when the first is hidden', async () => {
    const book = new ExcelJS.Workbook();
    const hidden = book.addWorksheet('Lookups');
    hidden.state = 'hidden';
    hidden.addRow(['code']);
    book.addWorksheet('People').addRow(['number']);
    const file = await fileOf('hidden.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(await readSlowly(file, 'xlsx')).toEqual([['number']]);
  });

  it('fails a read whose file cannot be read, whichever part it was reading, without hanging', async () => {
    const good = await fileOf('failing.xlsx', await workbook({ Sheet: [['a'], ['b']] }));
    const csv = await fileOf('failing.csv', Buffer.from('a\nb\n'));
    // The nth stream opened on the file fails at once: the directory, each part in turn, the worksheet.
    for (const [file, format] of [
      [good, 'xlsx'],
      [csv, 'csv'],
    ] as const) {
      let opens = 0;
      await everyRecord(
        readRecords({ size: file.size, stream: (start) => (opens++, file.stream(start)) }, format),
      );
      expect(opens).toBeGreaterThan(format === 'xlsx' ? 5 : 0);
      for (let n = 0; n < opens; n++) {
        let count = 0;
        const failing: RandomAccessFile = {
          size: file.size,
          stream: (start) => {
            if (count++ !== n) return file.stream(start);
            const broken = new Readable({ read() {} });
            setImmediate(() =>
              broken.destroy(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' })),
            );
            return broken;
          },
        };
        await expect(everyRecord(readRecords(failing, format)), `${format}, stream ${n}`).rejects.toThrow(
          'EIO',
        );
      }
    }
  });

  it('reads a CSV to its end and reports the share read', async () => {
    const shares: number[] = [];
    const file = await fileOf('people.csv', Buffer.from('\uFEFFnumber,name\r\nA-1,Ann\r\nA-2,"Lee, Bo"\r\n'));
    expect(await readSlowly(file, 'csv', shares)).toEqual([
      ['number', 'name'],
      ['A-1', 'Ann'],
      ['A-2', 'Lee, Bo'],
    ]);
    expect(shares.at(-1)).toBe(1);
  });

  it('closes every file it opened when the reader stops after the header', async () => {
    opened.length = 0;
    const book = await fileOf(
      'header.xlsx',
      await workbook({
        Sheet: [
          ['a', 'b'],
          ['1', '2'],
        ],
      }),
    );
    const csv = await fileOf('header.csv', Buffer.from('a,b\n1,2\n'));
    for (const [file, format] of [
      [book, 'xlsx'],
      [csv, 'csv'],
    ] as const) {
      for await (const header of readRecords(file, format)) {
        expect(header).toEqual(['a', 'b']);
        break;
      }
    }
    expect(opened.length).toBeGreaterThan(1);
    await sleep(10);
    expect(opened.filter((stream) => !stream.destroyed)).toEqual([]);
  });
});
