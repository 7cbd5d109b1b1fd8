import { dateTimeFormat } from './intl.ts';

/**
 * Times of a site's events read in the site's own time zone, labelled with it: an incident at 07:13 on
 * 3 December in Kaohsiung reads "2026-12-03 07:13 (Asia/Taipei)" wherever the reader's browser is.
 */

function partsIn(at: Date, timeZone: string) {
  const format = dateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const p = Object.fromEntries(format.formatToParts(at).map((x) => [x.type, x.value]));
  return p as Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;
}

/** "2026-12-03 07:13 (Asia/Taipei)": an instant in a site's time zone, the zone named. */
export function formatInZone(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '—';
  const p = partsIn(at, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} (${timeZone})`;
}

/** A calendar date's day and month in the reader's language ("3 Dec", "12月3日"), read as written. */
export function formatDayMonth(date: string, locale: string): string {
  return dateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** A month's short name (1–12) in the reader's language ("Jan", "1月"). */
export function formatMonthShort(month: number, locale: string): string {
  return dateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
}

/**
 * The reader's calendar day (YYYY-MM-DD) in the browser's time zone, `days` later when asked: the day a person
 * means by "today". The UTC day of toISOString is still yesterday in Taiwan before 08:00.
 */
export function localDay(days = 0, now: Date = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
