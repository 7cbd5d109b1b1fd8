import { addMonths } from '../../../platform/meetings/rules/committee.ts';

/** How a supplier answers each question of its questionnaire. */
export const supplierAnswers = ['yes', 'partial', 'no', 'not_applicable'] as const;
export type SupplierAnswer = (typeof supplierAnswers)[number];

/**
 * The requirement areas a question belongs to. The first six follow the requirement areas of SEMI E187
 * (Specification for Cybersecurity of Fab Equipment): operating system and software, network security,
 * endpoint protection, build and patch management, a malware scan before delivery, security logging and
 * monitoring; the others are those of a general supplier questionnaire.
 */
export const supplierAreas = [
  'os_software',
  'network',
  'endpoint',
  'build_patch',
  'malware_scan',
  'logging',
  'governance',
  'access_control',
  'data_protection',
  'incident_response',
  'continuity',
  'awareness',
  'subcontractors',
] as const;
export type SupplierArea = (typeof supplierAreas)[number];

/**
 * The four steps of a supplier cybersecurity assessment (the group's Supplier Cybersecurity Assessment
 * System: current situation, guidance for improvement, results confirmation, follow-up evaluation). An
 * assessment waits in each step until the next one is recorded; `followed_up` once a later assessment of
 * the same supplier, its follow-up evaluation, is confirmed.
 */
export const assessmentSteps = ['current_situation', 'guidance', 'confirmed', 'followed_up'] as const;
export type AssessmentStep = (typeof assessmentSteps)[number];

/** Follow-up evaluations are conducted every three years (the group's sustainability report, 2022). */
export const FOLLOW_UP_YEARS = 3;

/** The day a confirmed assessment's follow-up evaluation falls due. */
export function followUpDue(confirmedOn: string): string {
  return addMonths(confirmedOn, FOLLOW_UP_YEARS * 12);
}

/** The credit of each answer: a requirement met in full, in part, or not at all. */
const CREDIT: Record<Exclude<SupplierAnswer, 'not_applicable'>, number> = { yes: 1, partial: 0.5, no: 0 };

export type ScoredQuestion = { code: string; area: SupplierArea; weight: number };
export type AreaScore = { area: SupplierArea; score: number | null };
export type AssessmentScore = {
  /** Percent of the weight of the applicable questions that is met, to one decimal; null when none apply. */
  score: number | null;
  answered: number;
  questions: number;
  /** Every question has an answer: the current situation may be closed. */
  complete: boolean;
  areas: AreaScore[];
};

const percent = (met: number, of: number) => (of === 0 ? null : Math.round((1000 * met) / of) / 10);

/**
 * The program's scoring rule: each question carries a weight; "yes" earns its weight, "partial" half of it,
 * "no" nothing; "not applicable" leaves the question out of both sides. The score is the share of the
 * applicable weight earned, over the whole questionnaire and per requirement area. Unanswered questions earn
 * nothing and count against the questionnaire only once it is complete (until then the score is of the
 * answers so far).
 */
export function assessmentScore(
  questions: readonly ScoredQuestion[],
  answers: ReadonlyMap<string, SupplierAnswer>,
): AssessmentScore {
  let met = 0;
  let of = 0;
  const byArea = new Map<SupplierArea, { met: number; of: number }>();
  let answered = 0;
  for (const q of questions) {
    const a = answers.get(q.code);
    const area = byArea.get(q.area) ?? { met: 0, of: 0 };
    byArea.set(q.area, area);
    if (!a) continue;
    answered++;
    if (a === 'not_applicable') continue;
    met += CREDIT[a] * q.weight;
    of += q.weight;
    area.met += CREDIT[a] * q.weight;
    area.of += q.weight;
  }
  return {
    score: percent(met, of),
    answered,
    questions: questions.length,
    complete: answered === questions.length,
    areas: [...byArea].map(([area, s]) => ({ area, score: percent(s.met, s.of) })),
  };
}

/** Bands of the score for the summary: 80 and above satisfactory, 60 to under 80 to improve, below 60 at risk. */
export const scoreBands = ['satisfactory', 'improve', 'at_risk'] as const;
export type ScoreBand = (typeof scoreBands)[number];
export function scoreBand(score: number | null): ScoreBand | null {
  if (score === null) return null;
  return score >= 80 ? 'satisfactory' : score >= 60 ? 'improve' : 'at_risk';
}
