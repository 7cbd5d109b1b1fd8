import { describe, expect, it } from 'vitest';
import type { Office } from '#shared/modules/ip/rules/offices.ts';
import { officeCalendar } from './calendar.ts';
import { responsePeriod } from './office-actions.ts';

const calendars = (office: Office) => officeCalendar(office, [], office === 'US' ? [2023, 2024, 2025] : []);
const period = (office: Office, mailedOn: string, periodMonths: number, extensionMonths = 0) =>
  responsePeriod({ office, mailedOn, periodMonths, extensionMonths }, calendars);

describe('USPTO response periods (35 U.S.C. 133, 21(b); 37 CFR 1.136(a); MPEP 710.01(a))', () => {
  it('ends on the same day number, or the last day of a month without it (MPEP 710.01(a) examples)', () => {
    // A 3-month period set in an action mailed November 30 ends on February 28, or 29 in a leap year; a
    // 1-month period from January 31 ends on the last day of February.
    expect(period('US', '2022-11-30', 3)).toMatchObject({ dueDate: '2023-02-28' });
    expect(period('US', '2023-11-30', 3)).toMatchObject({ dueDate: '2024-02-29', actBy: '2024-02-29' });
    expect(period('US', '2024-01-31', 1)).toMatchObject({ dueDate: '2024-02-29' });
  });
  it('moves a last day on a weekend or federal holiday to the next business day', () => {
    // 13.10.2023 + 3 months = Saturday 13.01.2024; Monday 15.01.2024 is Martin Luther King, Jr. Day.
    expect(period('US', '2023-10-13', 3)).toMatchObject({
      dueDate: '2024-01-13',
      actBy: '2024-01-16',
      calendarKnown: true,
    });
  });
  it('extends by paid months to six months from the mailing date at most', () => {
    expect(period('US', '2024-01-10', 3, 3)).toMatchObject({
      dueDate: '2024-04-10',
      extendedTo: '2024-07-10',
      maxExtendedTo: '2024-07-10',
    });
    expect(period('US', '2024-01-10', 3, 4)).toEqual({ problem: 'extension_beyond_limit' });
  });
});

describe('EPO response periods (EPC Rules 126(2), 131(4), 132, 134)', () => {
  it('counts from the tenth day after a document dated before 2023-11-01, and from its date since', () => {
    // Dated 20.10.2023: deemed notified 30.10.2023; 4 months end on 29.02.2024, as 30 February does not exist.
    expect(period('EP', '2023-10-20', 4)).toMatchObject({ startsOn: '2023-10-30', dueDate: '2024-02-29' });
    // Dated 15.01.2024: 4 months end on 15.05.2024.
    expect(period('EP', '2024-01-15', 4)).toMatchObject({ startsOn: '2024-01-15', dueDate: '2024-05-15' });
    expect(period('EP', '2023-11-01', 2)).toMatchObject({ startsOn: '2023-11-01', dueDate: '2024-01-01' });
  });
  it('extends on request to six months in all, and moves a closed last day', () => {
    expect(period('EP', '2024-01-15', 4, 2)).toMatchObject({ extendedTo: '2024-07-15' });
    expect(period('EP', '2024-01-15', 4, 3)).toEqual({ problem: 'extension_beyond_limit' });
    // 4 months from 16.02.2024 end on 16.06.2024, a Sunday: moved to Monday 17.06.2024.
    expect(period('EP', '2024-02-16', 4)).toMatchObject({ dueDate: '2024-06-16', actBy: '2024-06-17' });
  });
});

describe('offices whose extension rules are not kept', () => {
  it('counts the period from the communication and refuses an extension', () => {
    expect(period('TW', '2024-03-15', 2)).toMatchObject({ dueDate: '2024-05-15', maxExtendedTo: null });
    expect(period('TW', '2024-03-15', 2, 1)).toEqual({ problem: 'extension_rules_unknown' });
  });
});
