/**
 * The re-assessment of a patent before each annuity: indicators → scores of the three equally weighted goals of
 * the IP strategy (patent quantity, quality and value) → an overall score and a recommendation, with the
 * working shown. Pure: the data comes in, the model is the group's setting (see ./contract.ts).
 */

export const goals = ['quantity', 'quality', 'value'] as const;
export type Goal = (typeof goals)[number];

/** The indicators of each goal, in the order the working lists them. */
export const goalIndicators = {
  quantity: ['familySize', 'remainingLife'],
  quality: ['claims', 'forwardCitations', 'backwardCitations', 'litigation'],
  value: ['usedInProducts', 'licences', 'technologyFit'],
} as const satisfies Record<Goal, readonly string[]>;
export type Indicator = (typeof goalIndicators)[Goal][number];
export const indicators = goals.flatMap((g) => goalIndicators[g]) as Indicator[];

/**
 * The raw value at which an indicator scores 100 (counts and years above it score 100 too). Technology fit is
 * entered 1–5; use in products is yes or no; litigation counts the cases in which the patent was asserted or
 * challenged.
 */
export const SATURATION: Record<Indicator, number> = {
  familySize: 6,
  remainingLife: 15,
  claims: 30,
  forwardCitations: 20,
  backwardCitations: 30,
  litigation: 1,
  usedInProducts: 1,
  licences: 3,
  technologyFit: 5,
};

export type Indicators = Record<Indicator, number | boolean | null>;

export type ScoringModel = {
  /** Weight of each indicator within its goal, per cent: each goal's weights add up to 100. */
  weights: { [G in Goal]: Record<(typeof goalIndicators)[G][number], number> };
  /** Weights of the goals (any non-negative numbers, not all zero): equal by default, as the strategy has it. */
  goalWeights: Record<Goal, number>;
  /** Overall score at or above which a patent not used in our products is listed to license or sell. */
  revitaliseAt: number;
  /** Overall score below which dropping the patent is to be considered. */
  dropBelow: number;
  /** Days before a fee's due date that the keep-or-drop decision is due. */
  leadDays: number;
};

export const defaultScoringModel: ScoringModel = {
  weights: {
    quantity: { familySize: 60, remainingLife: 40 },
    quality: { claims: 25, forwardCitations: 40, backwardCitations: 15, litigation: 20 },
    value: { usedInProducts: 50, licences: 30, technologyFit: 20 },
  },
  goalWeights: { quantity: 1, quality: 1, value: 1 },
  revitaliseAt: 60,
  dropBelow: 35,
  leadDays: 60,
};

export type Recommendation = 'keep' | 'revitalise' | 'consider_drop';

export type IndicatorWorking = {
  indicator: Indicator;
  goal: Goal;
  /** The value as found or entered; null when not known (it then scores 0). */
  raw: number | boolean | null;
  /** 0–100. */
  normalised: number;
  /** Per cent within the goal. */
  weight: number;
  /** Points it adds to the goal's score (normalised × weight / 100). */
  contribution: number;
};

export type Assessment = {
  goals: Record<Goal, number>;
  overall: number;
  recommendation: Recommendation;
  working: IndicatorWorking[];
  goalWeights: Record<Goal, number>;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

/** 0–100: a count or a number of years against its saturation; a yes or no as 100 or 0; 1–5 from 1 as 0. */
export function normalise(indicator: Indicator, raw: number | boolean | null): number {
  if (raw === null) return 0;
  if (typeof raw === 'boolean') return raw ? 100 : 0;
  if (indicator === 'technologyFit') return Math.min(Math.max((raw - 1) / 4, 0), 1) * 100;
  return Math.min(Math.max(raw, 0) / SATURATION[indicator], 1) * 100;
}

/** The model's problems, by field (empty when the model can be used). */
export function modelProblems(model: ScoringModel): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  for (const goal of goals) {
    const w = model.weights[goal] as Record<string, number>;
    for (const indicator of goalIndicators[goal])
      if (!(w[indicator] >= 0))
        problems.push({ path: `weights.${goal}.${indicator}`, message: 'Not negative' });
    const sum = goalIndicators[goal].reduce((s, i) => s + (w[i] ?? 0), 0);
    if (Math.abs(sum - 100) > 1e-9)
      problems.push({ path: `weights.${goal}`, message: 'The weights of a goal add up to 100' });
  }
  for (const goal of goals)
    if (!(model.goalWeights[goal] >= 0))
      problems.push({ path: `goalWeights.${goal}`, message: 'Not negative' });
  if (goals.every((g) => model.goalWeights[g] === 0))
    problems.push({ path: 'goalWeights', message: 'At least one goal must weigh' });
  if (model.dropBelow >= model.revitaliseAt)
    problems.push({ path: 'dropBelow', message: 'Below the score to license or sell' });
  return problems;
}

/** Scores one patent under the model, with each indicator's part in it. */
export function assess(values: Indicators, model: ScoringModel): Assessment {
  const problems = modelProblems(model);
  if (problems.length) throw new RangeError(`The scoring model is not valid: ${problems[0]?.path}`);
  const working: IndicatorWorking[] = [];
  const scores = {} as Record<Goal, number>;
  for (const goal of goals) {
    let score = 0;
    for (const indicator of goalIndicators[goal]) {
      const weight = (model.weights[goal] as Record<string, number>)[indicator] ?? 0;
      const normalised = normalise(indicator, values[indicator]);
      const contribution = (normalised * weight) / 100;
      score += contribution;
      working.push({
        indicator,
        goal,
        raw: values[indicator],
        normalised: round1(normalised),
        weight,
        contribution: round1(contribution),
      });
    }
    scores[goal] = score;
  }
  const total = goals.reduce((s, g) => s + model.goalWeights[g], 0);
  const overall = goals.reduce((s, g) => s + scores[g] * model.goalWeights[g], 0) / total;
  const recommendation: Recommendation =
    overall < model.dropBelow
      ? 'consider_drop'
      : overall >= model.revitaliseAt && values.usedInProducts !== true
        ? 'revitalise'
        : 'keep';
  return {
    goals: {
      quantity: round1(scores.quantity),
      quality: round1(scores.quality),
      value: round1(scores.value),
    },
    overall: round1(overall),
    recommendation,
    working,
    goalWeights: model.goalWeights,
  };
}

/** The day a fee's keep-or-drop decision is due: the fee's due date less the lead time. */
export function decideBy(feeDueDate: string, leadDays: number): string {
  const d = new Date(`${feeDueDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - leadDays);
  return d.toISOString().slice(0, 10);
}
