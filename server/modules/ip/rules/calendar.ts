import type { Office } from '#shared/modules/ip/rules/offices.ts';
import { addDays, weekday, yearOf } from './dates.ts';

/**
 * An office's closure days. A payment or filing deadline that falls on a Saturday, a Sunday or a day the office
 * is closed moves to its next working day: Paris Convention art. 4C(3); PCT Rule 80.5; EPC Rule 134(1);
 * 35 U.S.C. 21(b) and 37 CFR 1.7(a); Taiwan Administrative Procedure Act art. 48(4); PRC Patent Law
 * Implementing Rules r. 5(4); Japan Patent Act art. 3(2); Korea Patent Act art. 14(4). The end of a patent's
 * term never moves.
 */
export type OfficeCalendar = {
  office: Office;
  /** Closure days entered or derived for the office (weekends aside). */
  closed: ReadonlySet<string>;
  /** The years for which the calendar is known; outside them a moved date is flagged, not trusted. */
  knownYears: ReadonlySet<number>;
};

export function isWorkingDay(calendar: OfficeCalendar, date: string): boolean {
  const w = weekday(date);
  return w !== 0 && w !== 6 && !calendar.closed.has(date);
}

/** The date itself if the office is open, else its next working day; and whether the year's calendar is known. */
export function nextWorkingDay(
  calendar: OfficeCalendar,
  date: string,
): { date: string; calendarKnown: boolean } {
  let d = date;
  while (!isWorkingDay(calendar, d)) d = addDays(d, 1);
  return {
    date: d,
    calendarKnown: calendar.knownYears.has(yearOf(date)) && calendar.knownYears.has(yearOf(d)),
  };
}

function nthWeekday(year: number, month: number, dow: number, n: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const day = 1 + ((dow - first + 7) % 7) + (n - 1) * 7;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function lastWeekday(year: number, month: number, dow: number): string {
  const last = new Date(Date.UTC(year, month, 0));
  const back = (last.getUTCDay() - dow + 7) % 7;
  return last
    .toISOString()
    .slice(0, 10)
    .replace(/\d{2}$/, String(last.getUTCDate() - back).padStart(2, '0'));
}

/** A fixed-date holiday observed on the Friday before when it is a Saturday, the Monday after when a Sunday. */
function observed(date: string): string {
  const w = weekday(date);
  return w === 6 ? addDays(date, -1) : w === 0 ? addDays(date, 1) : date;
}

/**
 * The US federal legal public holidays of a year, on which the USPTO is closed: 5 U.S.C. 6103(a) (Juneteenth
 * since 2021), observed on the nearest weekday as 5 U.S.C. 6103(b) and Executive Order 11582 provide. The
 * Inauguration Day holiday (Washington DC area only) and closures by proclamation are entered as data.
 */
export function usFederalHolidays(year: number): { day: string; name: string }[] {
  const y = String(year);
  const fixed = (md: string, name: string) => ({ day: observed(`${y}-${md}`), name });
  const list = [
    fixed('01-01', "New Year's Day"),
    { day: nthWeekday(year, 1, 1, 3), name: 'Birthday of Martin Luther King, Jr.' },
    { day: nthWeekday(year, 2, 1, 3), name: "Washington's Birthday" },
    { day: lastWeekday(year, 5, 1), name: 'Memorial Day' },
    ...(year >= 2021 ? [fixed('06-19', 'Juneteenth National Independence Day')] : []),
    fixed('07-04', 'Independence Day'),
    { day: nthWeekday(year, 9, 1, 1), name: 'Labor Day' },
    { day: nthWeekday(year, 10, 1, 2), name: 'Columbus Day' },
    fixed('11-11', 'Veterans Day'),
    { day: nthWeekday(year, 11, 4, 4), name: 'Thanksgiving Day' },
    fixed('12-25', 'Christmas Day'),
  ];
  return list;
}

/**
 * An office's calendar from the closure days entered for it, plus the US federal holidays for the USPTO
 * (derived by rule, so every year is known). For other offices, a year counts as known once any closure day
 * of that year has been entered: the offices publish their closures year by year.
 */
export function officeCalendar(
  office: Office,
  entered: readonly { day: string }[],
  years: readonly number[] = [],
): OfficeCalendar {
  const closed = new Set(entered.map((e) => e.day));
  const knownYears = new Set(entered.map((e) => yearOf(e.day)));
  if (office === 'US') {
    for (const year of years) {
      for (const h of usFederalHolidays(year)) closed.add(h.day);
      knownYears.add(year);
    }
  }
  return { office, closed, knownYears };
}
