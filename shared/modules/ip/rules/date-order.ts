import { isCalendarDate } from '../../../platform/http/list.ts';

/** A matter's dates that must keep their order against its filing date. */
export type MatterDates = {
  filingDate: string;
  priorityDate?: string | null;
  termFrom?: string | null;
  publicationDate?: string | null;
  grantDate?: string | null;
};

export type DateOrderProblem = {
  field: 'priorityDate' | 'termFrom' | 'publicationDate' | 'grantDate';
  problem: 'afterFiling' | 'beforeFiling';
};

/** Priority and term start come on or before the filing day; publication and grant on or after it. A day that is
 *  not a calendar date is left to the field's own check. */
export function dateOrderProblems(d: MatterDates): DateOrderProblem[] {
  if (!isCalendarDate(d.filingDate)) return [];
  const day = (v: string | null | undefined) => (v && isCalendarDate(v) ? v : null);
  const problems: DateOrderProblem[] = [];
  for (const field of ['priorityDate', 'termFrom'] as const) {
    const value = day(d[field]);
    if (value && value > d.filingDate) problems.push({ field, problem: 'afterFiling' });
  }
  for (const field of ['publicationDate', 'grantDate'] as const) {
    const value = day(d[field]);
    if (value && value < d.filingDate) problems.push({ field, problem: 'beforeFiling' });
  }
  return problems;
}
