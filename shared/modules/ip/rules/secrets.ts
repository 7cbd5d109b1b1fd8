/**
 * Trade secrets: what the register records about each (never the secret itself) and the score of the
 * reasonable measures taken to keep it secret. Shared by the contract, the server and the form.
 */

export const secretCategories = [
  'cost_advantage',
  'technology',
  'quality',
  'smart_factory',
  'customer',
] as const;
export type SecretCategory = (typeof secretCategories)[number];

/**
 * The reasonable measures looked for (Taiwan Trade Secrets Act art. 2(3)): access control, marking as
 * confidential, confidentiality agreements, training, and information-security controls.
 */
export const secretMeasures = [
  'access_control',
  'marking',
  'confidentiality_agreements',
  'training',
  'infosec_controls',
] as const;
export type SecretMeasure = (typeof secretMeasures)[number];

export const measureStates = ['yes', 'partial', 'no'] as const;
export type MeasureState = (typeof measureStates)[number];

export type Checklist = Record<SecretMeasure, { state: MeasureState; note: string | null }>;

/** Each measure weighs the same: 20 points in place, 10 partly in place, 0 not in place. */
export const POINTS_PER_MEASURE = 100 / secretMeasures.length;
const share: Record<MeasureState, number> = { yes: 1, partial: 0.5, no: 0 };

export type MeasureScore = { measure: SecretMeasure; state: MeasureState; points: number; max: number };

/** The score of the reasonable measures, 0–100, with the points of each measure (its working). */
export function measuresScore(checklist: Checklist): { score: number; working: MeasureScore[] } {
  const working = secretMeasures.map((measure) => {
    const state = checklist[measure].state;
    return { measure, state, points: POINTS_PER_MEASURE * share[state], max: POINTS_PER_MEASURE };
  });
  return { score: working.reduce((sum, m) => sum + m.points, 0), working };
}
