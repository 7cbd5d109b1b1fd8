/** Pure rules of an incident investigation's life. */

export type InvestigationStatus = 'draft' | 'investigating' | 'review' | 'closed';

const allowed: Record<InvestigationStatus, InvestigationStatus[]> = {
  draft: ['investigating'],
  investigating: ['review'],
  review: ['investigating', 'closed'],
  closed: ['investigating'],
};

export function canMove(from: InvestigationStatus, to: InvestigationStatus): boolean {
  return allowed[from].includes(to);
}

/**
 * Why an investigation may not close yet: it needs at least one root cause, and every root cause needs at
 * least one corrective or preventive action.
 */
export function closeBlockers(rootCauses: { statement: string; actionCount: number }[]): string[] {
  if (rootCauses.length === 0) return ['Record at least one root cause.'];
  return rootCauses
    .filter((r) => r.actionCount === 0)
    .map((r) => `Root cause "${r.statement}" has no action.`);
}
