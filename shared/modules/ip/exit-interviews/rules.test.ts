import { describe, expect, it } from 'vitest';
import { TW_2026 } from '../../../../reference/site-calendars/tw-2026.ts';
import { workCalendar } from '../../../platform/workdays/rules.ts';
import { exitInterviewDue, lastWorkingDayOnOrBefore, leaveCallsForInterview } from './rules.ts';

// Taiwan's 2026 government office calendar (DGPA; reference/site-calendars/README.md).
const taiwan = workCalendar(TW_2026.map((d) => ({ ...d, scope: 'country' as const })));

describe('exit interview due date', () => {
  it('is the Thursday before a leave date on a Monday (the last working day is the Friday)', () => {
    // 2026-03-02 is a Monday.
    expect(exitInterviewDue('2026-03-02')).toEqual({
      lastWorkingDay: '2026-02-27',
      dueDate: '2026-02-26',
      calendarKnown: true,
    });
  });

  it('is two working days before a mid-week leave date', () => {
    // Leaving Wednesday 2026-03-04: last working day Tuesday, due Monday.
    expect(exitInterviewDue('2026-03-04')).toEqual({
      lastWorkingDay: '2026-03-03',
      dueDate: '2026-03-02',
      calendarKnown: true,
    });
  });

  it('moves a weekend leave date back to the Friday, due the Thursday', () => {
    // 2026-03-07 is a Saturday, 2026-03-08 a Sunday.
    expect(exitInterviewDue('2026-03-07')).toEqual({
      lastWorkingDay: '2026-03-06',
      dueDate: '2026-03-05',
      calendarKnown: true,
    });
    expect(exitInterviewDue('2026-03-08')).toEqual({
      lastWorkingDay: '2026-03-06',
      dueDate: '2026-03-05',
      calendarKnown: true,
    });
  });

  it('crosses into the previous month from the 1st', () => {
    // 2026-04-01 is a Wednesday; 2026-06-01 a Monday.
    expect(exitInterviewDue('2026-04-01').dueDate).toBe('2026-03-30');
    expect(exitInterviewDue('2026-06-01').dueDate).toBe('2026-05-28');
  });

  it('crosses the year end', () => {
    // 2027-01-01 is a Friday; 2026-01-01 a Thursday; 2028-01-03 a Monday.
    expect(exitInterviewDue('2027-01-01').dueDate).toBe('2026-12-30');
    expect(exitInterviewDue('2026-01-01').dueDate).toBe('2025-12-30');
    expect(exitInterviewDue('2028-01-03').dueDate).toBe('2027-12-30');
  });

  it('handles 29 February', () => {
    // 2028-03-01 is a Wednesday.
    expect(exitInterviewDue('2028-03-01')).toEqual({
      lastWorkingDay: '2028-02-29',
      dueDate: '2028-02-28',
      calendarKnown: true,
    });
  });

  it('keeps a working day as it is', () => {
    expect(lastWorkingDayOnOrBefore('2026-03-06')).toBe('2026-03-06');
  });
});

describe("exit interview due date at a site's working calendar", () => {
  it('moves one more day back when the leave date follows a public holiday', () => {
    // Leaving Monday 2026-06-22: the last working day would be Friday 19 June, the Dragon Boat Festival, so it
    // is Thursday 18 June, and the interview is due Wednesday 17 June (weekdays only: Thursday 18 June).
    expect(exitInterviewDue('2026-06-22', taiwan)).toEqual({
      lastWorkingDay: '2026-06-18',
      dueDate: '2026-06-17',
      calendarKnown: true,
    });
    expect(exitInterviewDue('2026-06-22').dueDate).toBe('2026-06-18');
  });

  it('skips the Lunar New Year days off', () => {
    // Leaving Monday 2026-02-23: last working day Friday 13 February, due Thursday 12 February.
    expect(exitInterviewDue('2026-02-23', taiwan)).toMatchObject({
      lastWorkingDay: '2026-02-13',
      dueDate: '2026-02-12',
    });
  });

  it('says so when the year of the due date has no calendar entered', () => {
    // Leaving Monday 2027-03-01: 2027 is not entered, so the date counts weekends only and is not certain.
    expect(exitInterviewDue('2027-03-01', taiwan)).toEqual({
      lastWorkingDay: '2027-02-26',
      dueDate: '2027-02-25',
      calendarKnown: false,
    });
    // Leaving 2026-01-02: the due date falls in 2025, which is not entered either.
    expect(exitInterviewDue('2026-01-02', taiwan)).toEqual({
      lastWorkingDay: '2025-12-31',
      dueDate: '2025-12-30',
      calendarKnown: false,
    });
  });
});

describe('which leave dates call for an interview', () => {
  it('calls for one on a leave date today or later, and none once it has passed', () => {
    expect(leaveCallsForInterview('2026-03-02', '2026-03-02')).toBe(true);
    expect(leaveCallsForInterview('2026-03-03', '2026-03-02')).toBe(true);
    expect(leaveCallsForInterview('2026-03-01', '2026-03-02')).toBe(false);
  });

  it('dates a leave date of today in the past', () => {
    // Leaving on Wednesday 2026-03-04, seen that day: due the Monday before, already overdue.
    expect(exitInterviewDue('2026-03-04').dueDate < '2026-03-04').toBe(true);
  });
});
