/** Pure rules of what a reporter and a contractor worker are told about their own records. */

export type ReportStatus = 'received' | 'investigating' | 'closed';
export type QualificationState = 'valid' | 'expiring' | 'expired';

/**
 * Where a report stands for the person who filed it: received until an investigation starts (a draft
 * investigation has not started), investigating while it runs or is under review, closed when it is closed.
 */
export function reportStatus(
  investigation: 'draft' | 'investigating' | 'review' | 'closed' | null,
): ReportStatus {
  if (investigation === 'closed') return 'closed';
  if (investigation === 'investigating' || investigation === 'review') return 'investigating';
  return 'received';
}

/**
 * A qualification is valid through `validUntil` (its last valid day). It is "expiring" from the first reminder
 * of the qualification-expiry obligation on, `expiringDays` (60) before that day.
 */
export function qualificationState(
  validUntil: string,
  today: string,
  expiringDays = 60,
): { state: QualificationState; daysLeft: number } {
  const daysLeft = Math.round(
    (Date.parse(`${validUntil}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
  const state = daysLeft < 0 ? 'expired' : daysLeft <= expiringDays ? 'expiring' : 'valid';
  return { state, daysLeft };
}
