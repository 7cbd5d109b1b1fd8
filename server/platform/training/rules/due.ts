/** Pure rules of what training a person owes: which courses concern them, and by when each is due. */

import type { TrainingResult } from '#shared/platform/training/rules/completion.ts';

export type TrainingAudience = 'all_employees' | 'new_hires' | 'site_officers' | 'contractors' | 'selected';
export type DueState = 'overdue' | 'not_taken' | 'due_soon' | 'done';

/** Courses are "due soon" this many days before a repeat falls due. */
export const DUE_SOON_DAYS = 60;

/** The date `months` calendar months after `date` (YYYY-MM-DD), the way completionCurrent counts them. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * Whether a course of `audience` concerns a person: employees take the courses for all employees, and those
 * for new hires during their first year (hired after today minus one year, as the campaign counts them);
 * contractor workers take the contractors' courses. Courses for site officers and for selected people are
 * assigned by name, not by audience, so they are not owed by default.
 */
export function courseConcerns(
  audience: TrainingAudience,
  person: { kind: 'employee'; hireDate: string } | { kind: 'contractor_worker' },
  today: string,
): boolean {
  if (person.kind === 'contractor_worker') return audience === 'contractors';
  if (audience === 'all_employees') return true;
  if (audience === 'new_hires') return person.hireDate > addMonths(today, -12) && person.hireDate <= today;
  return false;
}

/**
 * When a person's course is due, from their latest completion that counts (a failed attempt never counts):
 * never taken → not_taken; taken once for a one-off course → done; a repeating course falls due
 * `recurrenceMonths` after the last completion, is overdue from that day on, and due soon within
 * DUE_SOON_DAYS before it.
 */
export function trainingDue(
  completions: readonly { completedOn: string; result: TrainingResult }[],
  recurrenceMonths: number | null,
  today: string,
): { state: DueState; lastCompletedOn: string | null; dueOn: string | null } {
  const counted = completions
    .filter((c) => c.result !== 'failed' && c.completedOn <= today)
    .map((c) => c.completedOn)
    .sort();
  const last = counted.at(-1) ?? null;
  if (last === null) return { state: 'not_taken', lastCompletedOn: null, dueOn: null };
  if (recurrenceMonths === null) return { state: 'done', lastCompletedOn: last, dueOn: null };
  const dueOn = addMonths(last, recurrenceMonths);
  const state = dueOn <= today ? 'overdue' : dueOn <= addDays(today, DUE_SOON_DAYS) ? 'due_soon' : 'done';
  return { state, lastCompletedOn: last, dueOn };
}

/** Order of a person's list: what is late first, then never taken, due soon, and done. */
export const dueStateOrder: Record<DueState, number> = { overdue: 0, not_taken: 1, due_soon: 2, done: 3 };
