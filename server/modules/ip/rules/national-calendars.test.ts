import { describe, expect, it } from 'vitest';
import {
  bavarianHolidays,
  easterSunday,
  englandWalesBankHolidays,
  nationalWorkingDay,
} from './national-calendars.ts';

describe('closure days of the validation states’ offices', () => {
  it('finds Easter Sunday, its earliest and latest dates included', () => {
    expect(['2019', '2024', '2025', '2038', '2285'].map((y) => easterSunday(Number(y)))).toEqual([
      '2019-04-21',
      '2024-03-31',
      '2025-04-20',
      '2038-04-25',
      '2285-03-22',
    ]);
  });

  it('lists the bank holidays of England and Wales as GOV.UK publishes them (gov.uk/bank-holidays)', () => {
    const sorted = (y: number) => [...englandWalesBankHolidays(y)].sort();
    // Christmas on a Friday: Boxing Day's substitute on Monday 28 December; the early May holiday moved to 8 May.
    expect(sorted(2020)).toEqual([
      '2020-01-01',
      '2020-04-10',
      '2020-04-13',
      '2020-05-08',
      '2020-05-25',
      '2020-08-31',
      '2020-12-25',
      '2020-12-28',
    ]);
    // Christmas on a Saturday: substitutes on 27 and 28 December.
    expect(sorted(2021)).toEqual([
      '2021-01-01',
      '2021-04-02',
      '2021-04-05',
      '2021-05-03',
      '2021-05-31',
      '2021-08-30',
      '2021-12-27',
      '2021-12-28',
    ]);
    // The Platinum Jubilee and the State Funeral; Christmas on a Sunday: 26 and 27 December.
    expect(sorted(2022)).toEqual([
      '2022-01-03',
      '2022-04-15',
      '2022-04-18',
      '2022-05-02',
      '2022-06-02',
      '2022-06-03',
      '2022-08-29',
      '2022-09-19',
      '2022-12-26',
      '2022-12-27',
    ]);
    // New Year's Day on a Sunday (2 January), and the Coronation.
    expect(sorted(2023)).toEqual([
      '2023-01-02',
      '2023-04-07',
      '2023-04-10',
      '2023-05-01',
      '2023-05-08',
      '2023-05-29',
      '2023-08-28',
      '2023-12-25',
      '2023-12-26',
    ]);
    expect(sorted(2024)).toEqual([
      '2024-01-01',
      '2024-03-29',
      '2024-04-01',
      '2024-05-06',
      '2024-05-27',
      '2024-08-26',
      '2024-12-25',
      '2024-12-26',
    ]);
  });

  it('lists the public holidays of Bavaria (Feiertagsgesetz art. 1), where the DPMA sits', () => {
    expect([...bavarianHolidays(2024)].sort()).toEqual([
      '2024-01-01',
      '2024-01-06',
      '2024-03-29',
      '2024-04-01',
      '2024-05-01',
      '2024-05-09',
      '2024-05-20',
      '2024-05-30',
      '2024-08-15',
      '2024-10-03',
      '2024-11-01',
      '2024-12-25',
      '2024-12-26',
    ]);
    expect(bavarianHolidays(2017)).toContain('2017-10-31');
    expect(bavarianHolidays(2018)).not.toContain('2018-10-31');
  });

  it('moves a last day past weekends and closures, and flags a state whose closures are not kept', () => {
    // Sunday 31 March 2024, then Easter Monday: both offices reopen on Tuesday 2 April.
    expect(nationalWorkingDay('DE', '2024-03-31')).toEqual({ date: '2024-04-02', calendarKnown: true });
    expect(nationalWorkingDay('GB', '2024-03-31')).toEqual({ date: '2024-04-02', calendarKnown: true });
    // Corpus Christi closes the DPMA, not the UK IPO.
    expect(nationalWorkingDay('DE', '2024-05-30').date).toBe('2024-05-31');
    expect(nationalWorkingDay('GB', '2024-05-30').date).toBe('2024-05-30');
    expect(nationalWorkingDay('FR', '2024-03-31')).toEqual({ date: '2024-04-01', calendarKnown: false });
  });
});
