/**
 * The life of one assessment: the assessor answers (draft) and submits it to the site; the site reviews it
 * (or returns it to the assessor); the assessor signs it off; the program owner approves it, and an approved
 * assessment is locked. A correction of an approved assessment is a new revision, with its reason, that runs
 * the same course; when it is approved the revision it corrects is superseded.
 */

export type AssessmentStatus = 'draft' | 'in_review' | 'reviewed' | 'signed_off' | 'approved' | 'superseded';
export type AssessmentStep = 'submit' | 'return' | 'review' | 'sign_off' | 'approve';
/** Who takes a step: the assessor, the assessed site's security team, the program owner. */
export type Party = 'assessor' | 'site' | 'owner';

export const STEPS: Record<AssessmentStep, { from: AssessmentStatus; to: AssessmentStatus; by: Party }> = {
  submit: { from: 'draft', to: 'in_review', by: 'assessor' },
  return: { from: 'in_review', to: 'draft', by: 'site' },
  review: { from: 'in_review', to: 'reviewed', by: 'site' },
  sign_off: { from: 'reviewed', to: 'signed_off', by: 'assessor' },
  approve: { from: 'signed_off', to: 'approved', by: 'owner' },
};

/** The parties the actor is for one assessment. */
export type Roles = ReadonlySet<Party>;

/**
 * The steps open to someone holding these roles on an assessment in this status. A named assessor never
 * reviews or approves their own work: they take only the assessor's steps. Without a named assessor (a
 * consultancy's report entered on its behalf), the site's team keeps the assessor's part and its own; the
 * program owner still approves.
 */
export function stepsFor(status: AssessmentStatus, roles: Roles, named = true): AssessmentStep[] {
  const acting = named && roles.has('assessor') ? new Set<Party>(['assessor']) : roles;
  return (Object.keys(STEPS) as AssessmentStep[]).filter((step) => {
    const s = STEPS[step];
    return s.from === status && acting.has(s.by);
  });
}

/** Only a draft takes answers, and only from its assessor. */
export function mayAnswer(status: AssessmentStatus, roles: Roles): boolean {
  return status === 'draft' && roles.has('assessor');
}

/** Subcategories still to answer before a draft can be submitted. */
export function missingAnswers(toAssess: readonly string[], answered: ReadonlySet<string>): string[] {
  return toAssess.filter((s) => !answered.has(s));
}
