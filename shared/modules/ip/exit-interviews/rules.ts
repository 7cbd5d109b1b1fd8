/**
 * When the exit interview of a leaving inventor or trade-secret holder falls due. The HR record's leave date
 * is the first day the employee is no longer on the roll (as the platform reads it: on the roll while the
 * leave date is after the day), so the last working day is the working day before it (the Friday before a
 * Monday or a weekend). The interview (and its signed acknowledgement of the continuing duty of confidence, Taiwan Trade
 * Secrets Act art. 10(1)(iii)) is due one working day before that last working day, so that a missing
 * signature can still be chased while the employee is at work. Working days are those of the employee's site
 * (shared/platform/workdays/rules.ts: Monday to Friday less its country's public holidays and days off and its
 * own closures, plus make-up working days). Where a year's country calendar is not entered, the due date counts
 * weekends only and says so (`calendarKnown: false`), never passing for a date that took holidays into account.
 */

import {
  addDays,
  WEEKDAYS,
  type WorkCalendar,
  workingDayOnOrBefore,
} from '../../../platform/workdays/rules.ts';

/** The working day on or before a date. */
export function lastWorkingDayOnOrBefore(date: string, calendar: WorkCalendar = WEEKDAYS): string {
  return workingDayOnOrBefore(calendar, date).day;
}

/**
 * The last working day of someone leaving on `leaveDate` at a site with this calendar, the day their exit
 * interview is due, and whether both were computed on entered calendars.
 */
export function exitInterviewDue(
  leaveDate: string,
  calendar: WorkCalendar = WEEKDAYS,
): { lastWorkingDay: string; dueDate: string; calendarKnown: boolean } {
  const last = workingDayOnOrBefore(calendar, addDays(leaveDate, -1));
  const due = workingDayOnOrBefore(calendar, addDays(last.day, -1));
  return { lastWorkingDay: last.day, dueDate: due.day, calendarKnown: last.known && due.known };
}

/**
 * Whether a leave date still calls for an interview to be proposed on `today`: a leave date already past is
 * not (the employee is gone); today's is (the interview is then overdue, but can still be held).
 */
export function leaveCallsForInterview(leaveDate: string, today: string): boolean {
  return leaveDate >= today;
}
