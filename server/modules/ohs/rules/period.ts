import { Decimal } from 'decimal.js';
import { daysInMonth } from '#shared/platform/http/list.ts';

/**
 * "Better than last year" compares like with like: this year from 1 January to today against last year from
 * 1 January to the same day, both read in one time zone (a site's own; for the group or several sites, the
 * group's). A 29 February has no same day in a common year: the span ends on 28 February.
 */

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The same day of the year as `today` (YYYY-MM-DD) in `year`; 29 February becomes 28 February in a common year. */
export function sameDayIn(today: string, year: number): string {
  const monthDay = today.slice(5);
  const y = String(year).padStart(4, '0');
  if (monthDay === '02-29' && !isLeap(year)) return `${y}-02-28`;
  return `${y}-${monthDay}`;
}

/** 1 January to the same day as `today`, in `year`. */
export function yearToDate(today: string, year: number): { from: string; to: string } {
  return { from: `${String(year).padStart(4, '0')}-01-01`, to: sameDayIn(today, year) };
}

/**
 * The share of a month's hours worked that falls within a span ending on `to` (hours are recorded by month):
 * the whole month before `to`'s month, none after it, and in `to`'s month the days up to `to` of the days of
 * the month. `month` is YYYY-MM or a date in the month.
 */
export function monthShare(month: string, to: string): { days: number; of: number } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const of = daysInMonth(y, m);
  const key = month.slice(0, 7);
  const last = to.slice(0, 7);
  if (key < last) return { days: of, of };
  if (key > last) return { days: 0, of };
  return { days: Number(to.slice(8, 10)), of };
}

/** `hours` × days / of, exactly, to 6 decimals (hours are summed exactly afterwards). */
export function shareOfHours(hours: string, share: { days: number; of: number }): string {
  if (share.days === share.of) return hours;
  return new Decimal(hours)
    .times(share.days)
    .dividedBy(share.of)
    .toDecimalPlaces(6, Decimal.ROUND_DOWN)
    .toString();
}
