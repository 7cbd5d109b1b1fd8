/**
 * Calendar arithmetic on 'YYYY-MM-DD' dates, in whole days (no time zones: an office's deadline is a date).
 *
 * Periods in months and years follow the offices' common rule: the period ends on the day of the later month
 * with the same number as the day it started from; if that month has no such day, on its last day. EPC
 * Rule 131(4); PCT Rule 80.2 and 80.3; 37 CFR 1.7 and MPEP 710.01(a) for the USPTO; Taiwan Civil Code
 * art. 121(2) (applied by the Administrative Procedure Act art. 48); PRC Patent Law Implementing Rules r. 5
 * (2023 numbering). So 12 months from 29 February 2024 end on 28 February 2025.
 */

import { daysInMonth } from '#shared/platform/http/list.ts';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The digits of a 'YYYY-MM-DD' date read as numbers, without slicing the string. */
const digit = (date: string, i: number) => date.charCodeAt(i) - 48;

function parts(date: string): [number, number, number] {
  return [
    digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3),
    digit(date, 5) * 10 + digit(date, 6),
    digit(date, 8) * 10 + digit(date, 9),
  ];
}

function format(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar, and back: plain integer arithmetic over
 * 400-year eras (146,097 days each), so that a schedule of thousands of deadlines makes no Date objects.
 */
function toDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yearOfEra = yy - era * 400;
  const dayOfYear = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function fromDays(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return format(yearOfEra + era * 400 + (m <= 2 ? 1 : 0), m, d);
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
  return fromDays(toDays(y, m, d) + days);
}

/** The last day of the month that `date` is in. */
export function endOfMonth(date: string): string {
  const [y, m] = parts(date);
  return format(y, m, daysInMonth(y, m));
}

/** 0 Sunday … 6 Saturday. */
export function weekday(date: string): number {
  const [y, m, d] = parts(date);
  // 1970-01-01 was a Thursday (4).
  return (((toDays(y, m, d) + 4) % 7) + 7) % 7;
}

export function yearOf(date: string): number {
  return parts(date)[0];
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  const [ya, ma, da] = parts(a);
  const [yb, mb, db] = parts(b);
  return toDays(yb, mb, db) - toDays(ya, ma, da);
}

/** The later of two days. */
export function laterOf(a: string, b: string): string {
  return daysBetween(a, b) > 0 ? b : a;
}

/** Whole months started after `due` by `paid` (1 for a payment 1 day to 1 month late; 0 if not late). */
export function monthsLate(due: string, paid: string): number {
  if (paid <= due) return 0;
  let n = 1;
  while (addMonths(due, n) < paid) n += 1;
  return n;
}
