import { describe, expect, it } from 'vitest';
import { formatDayMonth, formatInZone, formatMonthShort, localDay } from './time.ts';

describe("a site's times in the site's time zone", () => {
  it('reads an instant in the zone of the site, naming the zone, whatever the machine runs in', () => {
    // 2026-12-02 23:13 UTC is 07:13 the next morning in Taiwan, and still the 2nd in New York.
    expect(formatInZone('2026-12-02T23:13:00Z', 'Asia/Taipei')).toBe('2026-12-03 07:13 (Asia/Taipei)');
    expect(formatInZone('2026-12-02T23:13:00Z', 'America/New_York')).toBe(
      '2026-12-02 18:13 (America/New_York)',
    );
    expect(formatInZone('2026-06-30T16:00:00Z', 'Asia/Kuala_Lumpur')).toBe(
      '2026-07-01 00:00 (Asia/Kuala_Lumpur)',
    );
  });

  it('shows a dash for no time', () => {
    expect(formatInZone(null, 'Asia/Taipei')).toBe('—');
    expect(formatInZone('not a time', 'Asia/Taipei')).toBe('—');
  });

  it('names a day and month without moving it across a zone', () => {
    expect(formatDayMonth('2026-12-03', 'en')).toBe('Dec 3');
    expect(formatDayMonth('2026-01-01', 'zh-TW')).toBe('1月1日');
  });
});

describe('month names in the reader language', () => {
  it('names January and December in English and Traditional Chinese, whatever the machine zone', () => {
    expect(formatMonthShort(1, 'en')).toBe('Jan');
    expect(formatMonthShort(12, 'en')).toBe('Dec');
    expect(formatMonthShort(1, 'zh-TW')).toBe('1月');
    expect(formatMonthShort(12, 'zh-TW')).toBe('12月');
  });
});

describe("the reader's calendar day", () => {
  it('is the day of the browser’s zone, not the UTC day: 07:13 in Taipei is already the 3rd', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Taipei';
    try {
      const at = new Date('2026-12-02T23:13:00Z');
      expect(at.toISOString().slice(0, 10)).toBe('2026-12-02');
      expect(localDay(0, at)).toBe('2026-12-03');
    } finally {
      process.env.TZ = zone;
    }
  });

  it('counts days across a month end, a year end and a leap day', () => {
    expect(localDay(1, new Date(2028, 1, 28, 23, 30))).toBe('2028-02-29');
    expect(localDay(1, new Date(2027, 1, 28, 12))).toBe('2027-03-01');
    expect(localDay(1, new Date(2026, 11, 31, 12))).toBe('2027-01-01');
    expect(localDay(-30, new Date(2026, 2, 1, 9))).toBe('2026-01-30');
  });
});
