import { describe, expect, it } from 'vitest';
import { exitInterviewDue, lastWorkingDayOnOrBefore, leaveCallsForInterview } from './rules.ts';

describe('exit interview due date', () => {
  it('is the Thursday before a leave date on a Monday (the last working day is the Friday)', () => {
    // 2026-03-02 is a Monday.
    expect(exitInterviewDue('2026-03-02')).toEqual({ lastWorkingDay: '2026-02-27', dueDate: '2026-02-26' });
  });

  it('is two working days before a mid-week leave date', () => {
    // Leaving Wednesday 2026-03-04: last working day Tuesday, due Monday.
    expect(exitInterviewDue('2026-03-04')).toEqual({ lastWorkingDay: '2026-03-03', dueDate: '2026-03-02' });
  });

  it('moves a weekend leave date back to the Friday, due the Thursday', () => {
    // 2026-03-07 is a Saturday, 2026-03-08 a Sunday.
    expect(exitInterviewDue('2026-03-07')).toEqual({ lastWorkingDay: '2026-03-06', dueDate: '2026-03-05' });
    expect(exitInterviewDue('2026-03-08')).toEqual({ lastWorkingDay: '2026-03-06', dueDate: '2026-03-05' });
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
    expect(exitInterviewDue('2028-03-01')).toEqual({ lastWorkingDay: '2028-02-29', dueDate: '2028-02-28' });
  });

  it('keeps a working day as it is', () => {
    expect(lastWorkingDayOnOrBefore('2026-03-06')).toBe('2026-03-06');
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
