/**
 * Pure rules of information security governance: when a membership's renewal falls due, and how a risk is
 * rated on the program's likelihood × impact matrix.
 */

const DAY = 86_400_000;

/** The day a renewal falls due: `leadDays` before the renewal date, so that the renewal is ready in time. */
export function renewalDueOn(renewalOn: string, leadDays: number): string {
  return new Date(Date.parse(`${renewalOn}T00:00:00Z`) - leadDays * DAY).toISOString().slice(0, 10);
}

export const riskBands = ['low', 'medium', 'high', 'critical'] as const;
export type RiskBand = (typeof riskBands)[number];

/**
 * The risk matrix, a setting of the program: how many levels likelihood and impact have (1 = lowest) and
 * the lowest score (likelihood × impact) of each band; a band starts where the next one's lowest score ends.
 */
export type RiskMatrix = {
  likelihoodLevels: number;
  impactLevels: number;
  bands: { band: RiskBand; minScore: number }[];
};

/**
 * The default: a 5 × 5 matrix, as most security risk registers use, scored 1–4 low, 5–9 medium, 10–16 high
 * and 17–25 critical (only 20 and 25 reach it: one of likelihood and impact at 5, the other at 4 or 5).
 */
export const defaultRiskMatrix: RiskMatrix = {
  likelihoodLevels: 5,
  impactLevels: 5,
  bands: [
    { band: 'low', minScore: 1 },
    { band: 'medium', minScore: 5 },
    { band: 'high', minScore: 10 },
    { band: 'critical', minScore: 17 },
  ],
};

export type RiskRating = { score: number; band: RiskBand };

/**
 * The rating of a likelihood and an impact on the matrix: the score is their product, the band the highest
 * whose lowest score it reaches. A level outside the matrix is an error, never a plausible rating.
 */
export function riskRating(likelihood: number, impact: number, matrix: RiskMatrix): RiskRating {
  if (!Number.isInteger(likelihood) || likelihood < 1 || likelihood > matrix.likelihoodLevels)
    throw new RangeError(`likelihood ${likelihood} is outside the matrix (1–${matrix.likelihoodLevels})`);
  if (!Number.isInteger(impact) || impact < 1 || impact > matrix.impactLevels)
    throw new RangeError(`impact ${impact} is outside the matrix (1–${matrix.impactLevels})`);
  const score = likelihood * impact;
  const band = bandOfScore(score, matrix);
  return { score, band };
}

/** The band of a score: the highest band whose lowest score it reaches (bands sorted by their lowest score). */
export function bandOfScore(score: number, matrix: RiskMatrix): RiskBand {
  const sorted = [...matrix.bands].sort((a, b) => a.minScore - b.minScore);
  let band = sorted[0]?.band ?? 'low';
  for (const b of sorted) if (score >= b.minScore) band = b.band;
  return band;
}

/** The scores of a band on the matrix, for filtering in the database: [lowest, highest] or null if empty. */
export function scoreRangeOfBand(band: RiskBand, matrix: RiskMatrix): [number, number] | null {
  const sorted = [...matrix.bands].sort((a, b) => a.minScore - b.minScore);
  const at = sorted.findIndex((b) => b.band === band);
  if (at < 0) return null;
  const top = matrix.likelihoodLevels * matrix.impactLevels;
  const high = at + 1 < sorted.length ? sorted[at + 1].minScore - 1 : top;
  const low = Math.max(1, sorted[at].minScore);
  return low > high ? null : [low, Math.min(high, top)];
}

/**
 * What is wrong with a matrix, by field: bands named once each, starting at score 1, rising strictly and
 * within the matrix's highest score. An empty list means the matrix is sound.
 */
export function matrixProblems(matrix: RiskMatrix): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const names = matrix.bands.map((b) => b.band);
  if (new Set(names).size !== names.length) problems.push({ path: 'bands', message: 'A band is named once' });
  const top = matrix.likelihoodLevels * matrix.impactLevels;
  matrix.bands.forEach((b, i) => {
    if (i === 0 && b.minScore !== 1)
      problems.push({ path: 'bands.0.minScore', message: 'The lowest band starts at score 1' });
    if (i > 0 && b.minScore <= matrix.bands[i - 1].minScore)
      problems.push({ path: `bands.${i}.minScore`, message: 'Each band starts above the one before' });
    if (b.minScore > top)
      problems.push({ path: `bands.${i}.minScore`, message: `Above the matrix's highest score (${top})` });
  });
  return problems;
}

/** Whether a KPI's actual meets its target; null while there is no actual. Compared in hundredths, exactly. */
export function kpiMet(
  actual: string | null,
  comparison: 'at_least' | 'at_most',
  target: string,
): boolean | null {
  if (actual === null) return null;
  const hundredths = (v: string) => Math.round(Number(v) * 100);
  return comparison === 'at_least'
    ? hundredths(actual) >= hundredths(target)
    : hundredths(actual) <= hundredths(target);
}

/**
 * A KPI's actual over several sites: the mean of each site's figure of its latest month, to two decimals;
 * null when no site reported (a missing figure is never a zero).
 */
export function meanOfLatest(figures: { month: string; value: number; siteId: string }[]): string | null {
  const latest = new Map<string, { month: string; value: number }>();
  for (const f of figures) {
    const seen = latest.get(f.siteId);
    if (!seen || f.month > seen.month) latest.set(f.siteId, f);
  }
  if (latest.size === 0) return null;
  const sum = [...latest.values()].reduce((n, f) => n + Math.round(f.value * 100), 0);
  return (sum / latest.size / 100).toFixed(2);
}
