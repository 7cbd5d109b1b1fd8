/** Pure rules of training records. */

export const trainingResults = ['passed', 'failed', 'attended'] as const;
export type TrainingResult = (typeof trainingResults)[number];

/** Hours as an exact decimal string with at most two places, or null when not a valid amount. */
export function parseHours(text: string): string | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) return null;
  return t;
}

/** Results as people write them, in English or Chinese. */
export function parseResult(text: string): TrainingResult | null {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'passed' || t === 'pass' || t === '通過' || t === '合格') return 'passed';
  if (t === 'failed' || t === 'fail' || t === '未通過' || t === '不合格') return 'failed';
  if (t === 'attended' || t === 'attendance' || t === '出席' || t === '參加') return 'attended';
  return null;
}

/**
 * Whether a completion on `completedOn` still counts on `today` for a course that must be repeated every
 * `recurrenceMonths` (null: once is enough). A failed attempt never counts.
 */
export function completionCurrent(
  completedOn: string,
  result: TrainingResult,
  recurrenceMonths: number | null,
  today: string,
): boolean {
  if (result === 'failed' || completedOn > today) return false;
  if (recurrenceMonths === null) return true;
  const [y, m, d] = completedOn.split('-').map(Number);
  const expiry = new Date(Date.UTC(y, m - 1 + recurrenceMonths, d));
  return expiry.toISOString().slice(0, 10) > today;
}

/** The share done, in whole percent, never 100 until everyone is done. */
export function percentDone(done: number, of: number): number {
  if (of <= 0) return 0;
  const p = Math.floor((done * 100) / of);
  return done < of ? Math.min(p, 99) : 100;
}
