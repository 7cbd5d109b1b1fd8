import { describe, expect, it } from 'vitest';
import { idParams, isCalendarDate, isoDate, likePattern, listQuery } from './list.ts';

describe('isoDate', () => {
  it('accepts real calendar dates in the form YYYY-MM-DD', () => {
    for (const d of ['2024-02-29', '2023-12-31', '2000-02-29', '1999-01-01'])
      expect(isoDate.safeParse(d).success, d).toBe(true);
  });

  it('refuses impossible dates and other forms', () => {
    for (const d of [
      '2023-02-29',
      '2023-02-30',
      '1900-02-29',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-01-00',
      '2024-1-1',
      '20240101',
      '2024-01-01T00:00:00Z',
      ' 2024-01-01',
      '',
    ]) {
      expect(isoDate.safeParse(d).success, d).toBe(false);
    }
  });
});

describe('isCalendarDate', () => {
  it('agrees with the calendar of Date for every year, month and day from 1896 to 2104', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    for (let y = 1896; y <= 2104; y++)
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          const date = new Date(`${text}T00:00:00Z`);
          const real = !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
          if (isCalendarDate(text) !== real) expect(isCalendarDate(text), text).toBe(real);
        }
  });
});

describe('likePattern', () => {
  it('escapes the ILIKE wildcards so that search text matches literally', () => {
    expect(likePattern('abc')).toBe('%abc%');
    expect(likePattern('50%_off')).toBe('%50\\%\\_off%');
    expect(likePattern('a\\b')).toBe('%a\\\\b%');
  });
});

describe('listQuery', () => {
  const q = listQuery(['name', 'code']);

  it('fills defaults and coerces numbers from the query string', () => {
    expect(q.parse({})).toEqual({ page: 1, pageSize: 50, sort: 'name', order: 'asc' });
    expect(q.parse({ page: '3', pageSize: '20', sort: 'code', order: 'desc', q: '  k7 ' })).toEqual({
      page: 3,
      pageSize: 20,
      sort: 'code',
      order: 'desc',
      q: 'k7',
    });
  });

  it('refuses pages out of range, unknown sort fields and long search text', () => {
    for (const bad of [
      { page: '0' },
      { page: '-1' },
      { page: 'x' },
      { page: '1.5' },
      { pageSize: '501' },
      { sort: 'salary' },
      { order: 'up' },
      { q: 'x'.repeat(201) },
    ])
      expect(q.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});

describe('idParams', () => {
  it('accepts a UUID and refuses anything else', () => {
    expect(idParams.safeParse({ id: '5b500000-0000-4000-8000-000000000001' }).success).toBe(true);
    for (const id of ['1', 'not-a-uuid', "1' or '1'='1", '5b500000000040008000000000000001'])
      expect(idParams.safeParse({ id }).success, id).toBe(false);
  });
});
