import type { EpState } from '#shared/modules/ip/rules/offices.ts';
import { addDays, weekday } from './dates.ts';
import type { KeptState } from './validation-states.ts';

/**
 * The closure days of the validation states' offices whose renewal rules are kept, derived by rule for every
 * year (as the US federal holidays are): a national payment period ending on one moves to the next working day.
 * - Germany: the DPMA sits in Munich, so a period ends on the next working day after a Saturday, a Sunday or a
 *   public holiday of Bavaria (BGB § 193; Bavarian Feiertagsgesetz art. 1, Assumption Day as in Munich), and the
 *   one-off national holiday of 2017-10-31.
 * - United Kingdom: the UK IPO's excluded days, Saturdays, Sundays and the bank holidays of England and Wales
 *   (Patents Rules 2007 r. 110; Banking and Financial Dealings Act 1971 Sch. 1), with the days moved or added by
 *   proclamation since 2011.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const date = ((h + l - 7 * m + 114) % 31) + 1;
  return day(year, month, date);
}

/** The public holidays of Bavaria in a year (those on a weekend included: they close nothing more). */
export function bavarianHolidays(year: number): string[] {
  const easter = easterSunday(year);
  return [
    day(year, 1, 1),
    day(year, 1, 6),
    addDays(easter, -2),
    addDays(easter, 1),
    day(year, 5, 1),
    addDays(easter, 39),
    addDays(easter, 50),
    addDays(easter, 60),
    day(year, 8, 15),
    day(year, 10, 3),
    ...(year === 2017 ? ['2017-10-31'] : []),
    day(year, 11, 1),
    day(year, 12, 25),
    day(year, 12, 26),
  ];
}

/** The first or last Monday of a month. */
function monday(year: number, month: number, which: 'first' | 'last'): string {
  if (which === 'first') {
    let d = day(year, month, 1);
    while (weekday(d) !== 1) d = addDays(d, 1);
    return d;
  }
  let d = addDays(day(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
  while (weekday(d) !== 1) d = addDays(d, -1);
  return d;
}

/** Bank holidays of England and Wales moved or added by royal proclamation. */
const PROCLAIMED: Record<number, { moved?: Record<string, string>; added?: string[] }> = {
  2011: { added: ['2011-04-29'] },
  2012: { moved: { spring: '2012-06-04' }, added: ['2012-06-05'] },
  2020: { moved: { earlyMay: '2020-05-08' } },
  2022: { moved: { spring: '2022-06-02' }, added: ['2022-06-03', '2022-09-19'] },
  2023: { added: ['2023-05-08'] },
};

/** The bank holidays of England and Wales in a year, with the substitute days for those on a weekend. */
export function englandWalesBankHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const proclaimed = PROCLAIMED[year] ?? {};
  const newYear = day(year, 1, 1);
  const w = weekday(newYear);
  const christmas = day(year, 12, 25);
  const cw = weekday(christmas);
  // Christmas on a Saturday: the 27th and 28th; on a Sunday: the 26th (Boxing Day) and 27th; on a Friday: the
  // 25th and 28th (Boxing Day on the Saturday).
  const christmasDays =
    cw === 6
      ? [day(year, 12, 27), day(year, 12, 28)]
      : cw === 0
        ? [day(year, 12, 26), day(year, 12, 27)]
        : cw === 5
          ? [christmas, day(year, 12, 28)]
          : [christmas, day(year, 12, 26)];
  return [
    w === 6 ? addDays(newYear, 2) : w === 0 ? addDays(newYear, 1) : newYear,
    addDays(easter, -2),
    addDays(easter, 1),
    proclaimed.moved?.earlyMay ?? monday(year, 5, 'first'),
    proclaimed.moved?.spring ?? monday(year, 5, 'last'),
    monday(year, 8, 'last'),
    ...christmasDays,
    ...(proclaimed.added ?? []),
  ];
}

/** Each kept state's closure days by year, beyond weekends. */
const CLOSURE_DAYS: Readonly<Record<KeptState, (year: number) => string[]>> = {
  DE: bavarianHolidays,
  GB: englandWalesBankHolidays,
};

const memo = new Map<string, ReadonlySet<string>>();

/** The closure days of a state's office in a year, beyond weekends; null where none are kept. */
export function nationalClosures(state: EpState, year: number): ReadonlySet<string> | null {
  if (!Object.hasOwn(CLOSURE_DAYS, state)) return null;
  const key = `${state}${year}`;
  let days = memo.get(key);
  if (!days) {
    days = new Set(CLOSURE_DAYS[state as KeptState](year));
    memo.set(key, days);
  }
  return days;
}

/**
 * The date itself if the state's office is open, else its next working day; `calendarKnown` false where the
 * office's closure days are not kept (then only weekends move the date).
 */
export function nationalWorkingDay(state: EpState, date: string): { date: string; calendarKnown: boolean } {
  let d = date;
  const closed = (x: string) => nationalClosures(state, Number(x.slice(0, 4)))?.has(x) ?? false;
  while (weekday(d) === 0 || weekday(d) === 6 || closed(d)) d = addDays(d, 1);
  return { date: d, calendarKnown: nationalClosures(state, Number(date.slice(0, 4))) !== null };
}
