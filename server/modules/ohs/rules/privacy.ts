/** Small counts of health data could point at a person: under this threshold a count is shown as "<5". */
export const SMALL_COUNT_THRESHOLD = 5;

export type SuppressedCount = number | '<5';

export function suppressSmall(count: number): SuppressedCount {
  return count > 0 && count < SMALL_COUNT_THRESHOLD ? '<5' : count;
}

/** Health fields that never enter the audit log (only a hash of their value does). */
export const healthFields: ReadonlySet<string> = new Set([
  'findings',
  'recommendation',
  'management_level',
  'abnormal',
  'notes',
  'special_hazard',
]);
