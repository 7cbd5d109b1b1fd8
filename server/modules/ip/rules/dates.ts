/**
 * Calendar arithmetic on 'YYYY-MM-DD' dates, in whole days (no time zones: an office's deadline is a date).
 *
 * Periods in months and years follow the offices' common rule: the period ends on the day of the later month
 * with the same number as the day it started from; if that month has no such day, on its last day. EPC
 * Rule 131(4); PCT Rule 80.2 and 80.3; 37 CFR 1.7 and MPEP 710.01(a) for the USPTO; Taiwan Civil Code
 * art. 121(2) (applied by the Administrative Procedure Act art. 48); PRC Patent Law Implementing Rules r. 5
 * (2023 numbering). So 12 months from 29 February 2024 end on 28 February 2025.
 */

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function format(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `months` calendar months after `date`, on the same day number or the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

/**
 * The last day of a period of `months` starting on `start` (counted from that day): the day before the later
 * month's day with the same number, or that month's last day if it has no such day (Taiwan Civil Code
 * art. 121(2)). A year from 2024-02-29 ends on 2025-02-28.
 */
export function periodEnd(start: string, months: number): string {
  const [, , d] = parts(start);
  const same = addMonths(start, months);
  return Number(same.slice(8, 10)) < d ? same : addDays(same, -1);
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The last day of the month that `date` is in. */
export function endOfMonth(date: string): string {
  const [y, m] = parts(date);
  return format(y, m, daysInMonth(y, m));
}

/** 0 Sunday … 6 Saturday. */
export function weekday(date: string): number {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  const [ya, ma, da] = parts(a);
  const [yb, mb, db] = parts(b);
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / 86_400_000);
}

/** Whole months started after `due` by `paid` (1 for a payment 1 day to 1 month late; 0 if not late). */
export function monthsLate(due: string, paid: string): number {
  if (paid <= due) return 0;
  let n = 1;
  while (addMonths(due, n) < paid) n += 1;
  return n;
}
