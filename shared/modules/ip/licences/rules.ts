/**
 * Royalty reporting periods of a licence. Licence agreements count royalties per calendar quarter, half-year
 * or year and ask for the report (and payment) within a number of days after each period ends; the first
 * period runs from the start of the term, the last to its end.
 */

export const reportingPeriods = ['quarterly', 'semiannual', 'annual'] as const;
export type ReportingPeriod = (typeof reportingPeriods)[number];

export type RoyaltyPeriod = { start: string; end: string; dueDate: string };

const MONTHS: Record<ReportingPeriod, number> = { quarterly: 3, semiannual: 6, annual: 12 };

const iso = (d: Date) => d.toISOString().slice(0, 10);
const parse = (s: string) => new Date(`${s}T00:00:00Z`);

export function addDays(day: string, days: number): string {
  const d = parse(day);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** The last day of the calendar period (quarter, half-year, year) that holds `day`. */
export function periodEndOf(day: string, period: ReportingPeriod): string {
  const d = parse(day);
  const span = MONTHS[period];
  const firstMonthNext = (Math.floor(d.getUTCMonth() / span) + 1) * span;
  return iso(new Date(Date.UTC(d.getUTCFullYear(), firstMonthNext, 0)));
}

/**
 * The reporting periods of a term from its start up to the period that holds `through` (or the end of the
 * term, if earlier), each with the day its report is due.
 */
export function periodsThrough(
  term: { startsOn: string; endsOn: string | null },
  period: ReportingPeriod,
  dueDays: number,
  through: string,
): RoyaltyPeriod[] {
  const out: RoyaltyPeriod[] = [];
  const last = term.endsOn && term.endsOn < through ? term.endsOn : through;
  let start = term.startsOn;
  while (start <= last) {
    const calendarEnd = periodEndOf(start, period);
    const end = term.endsOn && term.endsOn < calendarEnd ? term.endsOn : calendarEnd;
    out.push({ start, end, dueDate: addDays(end, dueDays) });
    start = addDays(end, 1);
  }
  return out;
}

/**
 * The report to chase next: the earliest period up to today's whose report is not recorded, else the period
 * after today's while the term runs on; null when every period of an ended term is reported.
 */
export function nextReport(
  term: { startsOn: string; endsOn: string | null },
  period: ReportingPeriod,
  dueDays: number,
  reportedPeriodEnds: ReadonlySet<string>,
  today: string,
): RoyaltyPeriod | null {
  const through = today < term.startsOn ? term.startsOn : today;
  const periods = periodsThrough(term, period, dueDays, through);
  const open = periods.find((p) => !reportedPeriodEnds.has(p.end));
  if (open) return open;
  const lastEnd = periods.at(-1)?.end;
  if (!lastEnd || (term.endsOn && lastEnd >= term.endsOn)) return null;
  const following = periodsThrough(term, period, dueDays, addDays(lastEnd, 1)).at(-1);
  return following && !reportedPeriodEnds.has(following.end) ? following : null;
}
