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

/** The 'YYYY-MM-DD' date of a day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return isoDate(dayNumber(date) + days);
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
