/**
 * Working-day arithmetic of a site: Monday to Friday, less its country's public holidays and days off and its
 * own closures, plus the make-up working days published on a weekend. A site's own entry on a day stands over
 * its country's. A year whose country calendar was never entered is unknown: the arithmetic still answers
 * (weekends only, and the site's own entries), but says that it could not take public holidays into account,
 * so that nothing computed from it passes for certain.
 */

export const CALENDAR_DAY_KINDS = ['public_holiday', 'day_off', 'closure', 'working_day'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export type CalendarEntry = { day: string; kind: CalendarDayKind; scope: 'country' | 'site' };

export type WorkCalendar = {
  /** Days whose status differs from the weekday rule's, or confirms it: true working, false not. */
  readonly days: ReadonlyMap<string, boolean>;
  /** Years whose country calendar is entered. */
  readonly knownYears: ReadonlySet<number>;
};

/** A day's answer, with whether its year's calendar is known. */
export type DayAnswer = { day: string; known: boolean };

const DAY = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

const isWeekday = (date: string) => {
  const w = new Date(`${date}T00:00:00Z`).getUTCDay();
  return w !== 0 && w !== 6;
};

const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * A site's calendar from its country's entries and its own. A year is known when its country has any entry
 * in it (every country keeps at least New Year's Day); a site's own closures alone do not make it known.
 */
export function workCalendar(entries: readonly CalendarEntry[]): WorkCalendar {
  const days = new Map<string, boolean>();
  const knownYears = new Set<number>();
  for (const scope of ['country', 'site'] as const)
    for (const e of entries) {
      if (e.scope !== scope) continue;
      days.set(e.day, e.kind === 'working_day');
      if (scope === 'country') knownYears.add(yearOf(e.day));
    }
  return { days, knownYears };
}

/** Whether a day is worked at the site, and whether its year's calendar is known. */
export function isWorkingDay(calendar: WorkCalendar, date: string): { working: boolean; known: boolean } {
  return {
    working: calendar.days.get(date) ?? isWeekday(date),
    known: calendar.knownYears.has(yearOf(date)),
  };
}

/**
 * The working day on or before a date. Known only if every day looked at lies in a known year (a holiday
 * missing from an unknown year could have moved the answer).
 */
export function workingDayOnOrBefore(calendar: WorkCalendar, date: string): DayAnswer {
  let day = date;
  let known = true;
  // A site closed for more than a year is not a calendar: stop rather than loop.
  for (let i = 0; i < 366; i++) {
    const answer = isWorkingDay(calendar, day);
    known &&= answer.known;
    if (answer.working) return { day, known };
    day = addDays(day, -1);
  }
  throw new Error(`No working day in the year before ${date}`);
}

/** The working day before a date (strictly). */
export function previousWorkingDay(calendar: WorkCalendar, date: string): DayAnswer {
  return workingDayOnOrBefore(calendar, addDays(date, -1));
}

/** A calendar of weekdays with every year known: for rules whose callers keep no calendar (tests, examples). */
export const WEEKDAYS: WorkCalendar = {
  days: new Map(),
  knownYears: new Set(Array.from({ length: 200 }, (_, i) => 1950 + i)),
};
