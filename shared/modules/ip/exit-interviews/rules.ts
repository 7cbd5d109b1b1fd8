/**
 * When the exit interview of a leaving inventor or trade-secret holder falls due. The HR record's leave date
 * is the first day the employee is no longer on the roll (as the platform reads it: on the roll while the
 * leave date is after the day), so the last working day is the working day before it (the Friday before a
 * Monday or a weekend). The interview (and its signed acknowledgement of the continuing duty of confidence, Taiwan Trade
 * Secrets Act art. 10(1)(iii)) is due one working day before that last working day, so that a missing
 * signature can still be chased while the employee is at work. Working days are Monday to Friday: the platform
 * keeps no site holiday calendar (the IP office calendars in server/modules/ip/rules/calendar.ts are patent
 * offices' closures, not a site's), so a public holiday is not skipped.
 */

const DAY = 86_400_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function isWeekday(date: string): boolean {
  const w = new Date(`${date}T00:00:00Z`).getUTCDay();
  return w !== 0 && w !== 6;
}

/** The working day on or before a date. */
export function lastWorkingDayOnOrBefore(date: string): string {
  let d = date;
  while (!isWeekday(d)) d = addDays(d, -1);
  return d;
}

/** The last working day of someone leaving on `leaveDate`, and the day their exit interview is due. */
export function exitInterviewDue(leaveDate: string): { lastWorkingDay: string; dueDate: string } {
  const lastWorkingDay = lastWorkingDayOnOrBefore(addDays(leaveDate, -1));
  return { lastWorkingDay, dueDate: lastWorkingDayOnOrBefore(addDays(lastWorkingDay, -1)) };
}

/**
 * Whether a leave date still calls for an interview to be proposed on `today`: a leave date already past is
 * not (the employee is gone); today's is (the interview is then overdue, but can still be held).
 */
export function leaveCallsForInterview(leaveDate: string, today: string): boolean {
  return leaveDate >= today;
}
