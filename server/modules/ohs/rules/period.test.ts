import { describe, expect, it } from 'vitest';
import { monthShare, sameDayIn, shareOfHours, yearToDate } from './period.ts';

describe('this year to date against the same span of last year', () => {
  it('compares 1 January to the same day of both years', () => {
    expect(yearToDate('2026-12-03', 2026)).toEqual({ from: '2026-01-01', to: '2026-12-03' });
    expect(yearToDate('2026-12-03', 2025)).toEqual({ from: '2025-01-01', to: '2025-12-03' });
    expect(yearToDate('2026-01-01', 2025)).toEqual({ from: '2025-01-01', to: '2025-01-01' });
  });

  it('ends on 28 February in a common year when today is 29 February', () => {
    expect(sameDayIn('2028-02-29', 2027)).toBe('2027-02-28');
    expect(sameDayIn('2028-02-29', 2024)).toBe('2024-02-29');
    // 1900 was not a leap year, 2000 was.
    expect(sameDayIn('2000-02-29', 1900)).toBe('1900-02-28');
    expect(sameDayIn('2004-02-29', 2000)).toBe('2000-02-29');
    // From a common year, the span of a leap year ends on the same date and takes in its 29 February.
    expect(yearToDate('2025-03-01', 2024)).toEqual({ from: '2024-01-01', to: '2024-03-01' });
    expect(yearToDate('2025-02-28', 2024)).toEqual({ from: '2024-01-01', to: '2024-02-28' });
  });

  it("counts a month's hours whole before the last day's month, by its days within it, none after", () => {
    expect(monthShare('2025-11', '2025-12-03')).toEqual({ days: 30, of: 30 });
    expect(monthShare('2025-12-01', '2025-12-03')).toEqual({ days: 3, of: 31 });
    expect(monthShare('2026-01', '2025-12-03')).toEqual({ days: 0, of: 31 });
    expect(monthShare('2024-02', '2024-02-29')).toEqual({ days: 29, of: 29 });
    expect(monthShare('2027-02', '2027-02-28')).toEqual({ days: 28, of: 28 });
    expect(shareOfHours('31000', { days: 3, of: 31 })).toBe('3000');
    expect(shareOfHours('1000', { days: 1, of: 3 })).toBe('333.333333');
    expect(shareOfHours('1234.5', { days: 30, of: 30 })).toBe('1234.5');
  });
});
