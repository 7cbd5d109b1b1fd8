import { describe, expect, it } from 'vitest';
import { TW_2026 } from '../../../reference/site-calendars/tw-2026.ts';
import {
  type CalendarEntry,
  isWorkingDay,
  previousWorkingDay,
  WEEKDAYS,
  workCalendar,
  workingDayOnOrBefore,
} from './rules.ts';

// Taiwan's 2026 government office calendar (DGPA, reference/site-calendars/README.md).
const tw2026: CalendarEntry[] = TW_2026.map((d) => ({ ...d, scope: 'country' as const }));
const taiwan = workCalendar(tw2026);

describe('working days of a site', () => {
  it('skips the weekend', () => {
    // Monday 2026-03-09: the working day before is Friday 2026-03-06.
    expect(previousWorkingDay(taiwan, '2026-03-09')).toEqual({ day: '2026-03-06', known: true });
    expect(isWorkingDay(taiwan, '2026-03-07')).toEqual({ working: false, known: true });
  });

  it('skips a day off on a Monday and the Friday before the weekend (Tomb Sweeping Day 2026)', () => {
    // 2026-04-03 (Fri) and 2026-04-06 (Mon) are days off for Children's Day and Tomb Sweeping Day.
    expect(previousWorkingDay(taiwan, '2026-04-07')).toEqual({ day: '2026-04-02', known: true });
    expect(isWorkingDay(taiwan, '2026-04-06').working).toBe(false);
  });

  it('skips consecutive holidays: the nine days of Lunar New Year 2026', () => {
    // 2026-02-14 (Sat) to 2026-02-22 (Sun) are off; the working day before Monday 23rd is Friday 13th.
    expect(previousWorkingDay(taiwan, '2026-02-23')).toEqual({ day: '2026-02-13', known: true });
    expect(workingDayOnOrBefore(taiwan, '2026-02-18').day).toBe('2026-02-13');
  });

  it('counts a make-up Saturday as a working day (Taiwan 2025: Monday 27 January off, Saturday 8 February worked)', () => {
    const taiwan2025 = workCalendar([
      { day: '2025-01-27', kind: 'day_off', scope: 'country' },
      { day: '2025-01-28', kind: 'public_holiday', scope: 'country' },
      { day: '2025-01-29', kind: 'public_holiday', scope: 'country' },
      { day: '2025-01-30', kind: 'public_holiday', scope: 'country' },
      { day: '2025-01-31', kind: 'public_holiday', scope: 'country' },
      { day: '2025-02-08', kind: 'working_day', scope: 'country' },
    ]);
    expect(previousWorkingDay(taiwan2025, '2025-02-10')).toEqual({ day: '2025-02-08', known: true });
    expect(previousWorkingDay(taiwan2025, '2025-02-03')).toEqual({ day: '2025-01-24', known: true });
  });

  it('crosses the year end, and says when the earlier year is not entered', () => {
    // 2026-01-01 (Thu) is a holiday; 2025 is not entered here, so the answer is not certain.
    expect(previousWorkingDay(taiwan, '2026-01-02')).toEqual({ day: '2025-12-31', known: false });
    const both = workCalendar([...tw2026, { day: '2025-12-25', kind: 'public_holiday', scope: 'country' }]);
    expect(previousWorkingDay(both, '2026-01-02')).toEqual({ day: '2025-12-31', known: true });
  });

  it('handles 29 February, in a year not entered', () => {
    // 2028-03-01 is a Wednesday; 2028-02-29 a Tuesday.
    expect(previousWorkingDay(taiwan, '2028-03-01')).toEqual({ day: '2028-02-29', known: false });
    expect(previousWorkingDay(WEEKDAYS, '2028-03-01')).toEqual({ day: '2028-02-29', known: true });
  });

  it('reports a year without a country calendar as unknown, never as a year without holidays', () => {
    expect(isWorkingDay(taiwan, '2027-01-01')).toEqual({ working: true, known: false });
    // A site's own closure does not make its year known.
    const closedOnly = workCalendar([{ day: '2027-03-03', kind: 'closure', scope: 'site' }]);
    expect(isWorkingDay(closedOnly, '2027-03-03')).toEqual({ working: false, known: false });
  });

  it("lets a site's own day stand over its country's", () => {
    const site = workCalendar([
      ...tw2026,
      { day: '2026-05-01', kind: 'working_day', scope: 'site' },
      { day: '2026-05-04', kind: 'closure', scope: 'site' },
    ]);
    expect(isWorkingDay(site, '2026-05-01').working).toBe(true);
    expect(previousWorkingDay(site, '2026-05-05')).toEqual({ day: '2026-05-01', known: true });
  });

  it('counts the 2026 Taiwan calendar at 120 days off', () => {
    let off = 0;
    for (
      let d = new Date('2026-01-01T00:00:00Z');
      d.getUTCFullYear() === 2026;
      d.setUTCDate(d.getUTCDate() + 1)
    )
      if (!isWorkingDay(taiwan, d.toISOString().slice(0, 10)).working) off++;
    expect(off).toBe(120);
  });
});
