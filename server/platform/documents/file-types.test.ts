import { describe, expect, it } from 'vitest';
import { detectFileType } from './file-types.ts';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('detectFileType', () => {
  it('reads UTF-8 text as CSV by its name, whatever character it ends with', async () => {
    const csv = { contentType: 'text/csv', extension: 'csv' };
    expect(await detectFileType(bytes('a,b\n1,2\n'), 'x.csv')).toEqual(csv);
    // A Chinese word and a line break last: a short file is read whole.
    expect(await detectFileType(bytes('工號,職稱\nSZ-1,作業員\n'), 'x.csv')).toEqual(csv);
    expect(await detectFileType(bytes('工號,職稱\nSZ-1,作業員'), 'notes.txt')).toEqual({
      contentType: 'text/plain',
      extension: 'txt',
    });
  });

  it('accepts a sample that ends inside a character, and refuses NUL bytes and bytes that are not UTF-8', async () => {
    const cut = bytes('名稱,部門\n張偉').subarray(0, -1);
    expect((await detectFileType(cut, 'x.csv'))?.extension).toBe('csv');
    expect(await detectFileType(new Uint8Array([0x61, 0x00, 0x62, 0x0a]), 'x.csv')).toBeNull();
    expect(await detectFileType(new Uint8Array([0x61, 0xff, 0xfe, 0x62, 0x0a, 0x63]), 'x.csv')).toBeNull();
  });
});
