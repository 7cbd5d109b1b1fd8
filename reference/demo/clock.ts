/**
 * The demo clock: the day the demo dataset treats as "today". Every date of the dataset is placed relative
 * to it, so a demo started in any year still has engagements ending next week and hires of last month.
 * STEWARD_DEMO_CLOCK=YYYY-MM-DD pins it (screenshots, reproducible runs); otherwise it is today in Taipei,
 * the holding's home time zone.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date. */
export function dayNumber(date: string): number {
  if (!isIsoDate(date)) throw new Error(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

const dateStrings = new Map<number, string>();
/** The 'YYYY-MM-DD' date of a day number (cached: a generator formats the same few thousand days again and again). */
export function isoDate(day: number): string {
  let s = dateStrings.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dateStrings.set(day, s);
  }
  return s;
}

export function addDays(date: string, days: number): string {
  return isoDate(dayNumber(date) + days);
}

/** The same day `months` later (earlier when negative); a day the month lacks runs over into the next. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
}

/** The same day `years` later (earlier when negative); 29 February runs over into 1 March. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/** The day numbers of a year's first and last days, and the year of a day number. */
export const jan1 = (year: number) => dayNumber(`${year}-01-01`);
export const dec31 = (year: number) => dayNumber(`${year}-12-31`);
export const yearOf = (day: number) => Number(isoDate(day).slice(0, 4));

const zoneFormats = new Map<string, Intl.DateTimeFormat>();
/** Milliseconds a time zone is ahead of UTC at an instant. */
function zoneOffset(t: number, timeZone: string): number {
  let f = zoneFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(t)))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - t;
}
const offsetCache = new Map<string, number>();
/** The zone's offset at an instant, looked up once per zone and hour. */
function offsetAt(t: number, timeZone: string): number {
  const hour = Math.floor(t / 3_600_000);
  const key = `${timeZone}|${hour}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = zoneOffset(hour * 3_600_000, timeZone);
    offsetCache.set(key, offset);
  }
  return offset;
}
/** The instant of a local day and minute of the day in a time zone (daylight saving time included). */
export function zonedInstant(day: number, minuteOfDay: number, timeZone: string): Date {
  const local = day * DAY_MS + minuteOfDay * 60_000;
  const guess = offsetAt(local - offsetAt(local, timeZone), timeZone);
  return new Date(local - guess);
}

/** Today's date in a time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function demoClock(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const pinned = env.STEWARD_DEMO_CLOCK?.trim();
  if (pinned) {
    if (!isIsoDate(pinned))
      throw new Error(`STEWARD_DEMO_CLOCK must be a date as YYYY-MM-DD, not "${pinned}".`);
    return pinned;
  }
  return todayIn('Asia/Taipei', now);
}
