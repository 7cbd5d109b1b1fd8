import type { Status } from '#shared/modules/ip/rules/offices.ts';

/**
 * A matter's life as dated statuses: what the portfolio counts as of a day are read from. A new matter's history
 * follows from its dates (filed on the filing date, published on the publication date, granted on the grant
 * date) and ends with its current status on the day it took effect; a later change adds one status on its day.
 */

export type StatusEvent = { status: Status; effectiveOn: string };

export type MatterDates = {
  status: Status;
  filingDate: string;
  publicationDate: string | null;
  grantDate: string | null;
};

/** Statuses a matter reaches only through a grant. */
const AFTER_GRANT: ReadonlySet<Status> = new Set([
  'granted',
  'opposed',
  'in_litigation',
  'lapsed',
  'expired',
]);

/** The day a status took effect when the user gives none: its own date when the matter has one, else today. */
export function defaultEffectiveDay(m: MatterDates, today: string): string {
  if (m.status === 'draft' || m.status === 'filed') return m.filingDate;
  if (m.status === 'published' && m.publicationDate) return m.publicationDate;
  if (m.status === 'granted' && m.grantDate) return m.grantDate;
  return today;
}

/** The history of a matter recorded with its dates; `statusOn` is the day its current status took effect. */
export function historyOf(m: MatterDates, statusOn: string): StatusEvent[] {
  if (m.status === 'draft') return [{ status: 'draft', effectiveOn: m.filingDate }];
  const events: StatusEvent[] = [{ status: 'filed', effectiveOn: m.filingDate }];
  if (m.publicationDate && m.status !== 'filed')
    events.push({ status: 'published', effectiveOn: m.publicationDate });
  if (m.grantDate && AFTER_GRANT.has(m.status)) events.push({ status: 'granted', effectiveOn: m.grantDate });
  const last = events[events.length - 1];
  if (last && last.status === m.status) return events;
  return [...events, { status: m.status, effectiveOn: statusOn }];
}

/**
 * Why a status cannot take effect on that day, or null: not before the matter's latest recorded status, not after
 * today.
 */
export function effectiveDayProblem(day: string, latest: string | null, today: string): string | null {
  if (day > today) return 'A status cannot take effect in the future';
  if (latest && day < latest) return `Not before the matter's latest status (${latest})`;
  return null;
}

/** The status in force on a day: the latest event on or before it (the last recorded on the same day wins). */
export function statusOnDay(events: readonly StatusEvent[], day: string): Status | null {
  let found: Status | null = null;
  for (const e of events) if (e.effectiveOn <= day) found = e.status;
  return found;
}
