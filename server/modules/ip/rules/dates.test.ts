import { describe, expect, it } from 'vitest';
import { daysInMonth } from '#shared/platform/http/list.ts';
import { addDays, addMonths, daysBetween, periodEnd, weekday, yearOf } from './dates.ts';

/** The same arithmetic through the platform's Date, day by day: the reference the integer arithmetic must match. */
const viaDate = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('calendar arithmetic on YYYY-MM-DD dates', () => {
  it('agrees with the Date of every day from 1899 to 2101, across month ends, leap days and centuries', () => {
    let day = '1899-12-25';
    let days = 0;
    while (day < '2101-01-10') {
      const next = viaDate(day, 1);
      expect(addDays(day, 1)).toBe(next);
      expect(addDays(next, -1)).toBe(day);
      expect(weekday(day)).toBe(new Date(`${day}T00:00:00Z`).getUTCDay());
      expect(daysBetween('1899-12-25', day)).toBe(days);
      day = next;
      days += 1;
    }
    expect(days).toBeGreaterThan(73_000);
  });

  it('counts leap years as the Gregorian calendar does: 2000 and 2024 leap, 1900 and 2100 not', () => {
    expect([2000, 2024, 1900, 2100, 2023].map((y) => daysInMonth(y, 2))).toEqual([29, 29, 28, 28, 28]);
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2024-12-31', 366)).toBe('2026-01-01');
    expect(daysBetween('2026-01-01', '2024-12-31')).toBe(-366);
  });

  it('ends periods in months on the same day number, or on the month’s last day (Taiwan Civil Code art. 121(2))', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(periodEnd('2024-02-29', 12)).toBe('2025-02-28');
    expect(periodEnd('2024-03-01', 12)).toBe('2025-02-28');
    expect(yearOf('2039-05-20')).toBe(2039);
  });
});
