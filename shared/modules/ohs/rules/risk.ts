/** Pure rules of hazard identification and risk assessment: the likelihood × severity matrix. */

export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';

export type RiskMatrix = {
  size: number;
  likelihood: { en: string; zh: string }[];
  severity: { en: string; zh: string }[];
  /** Scores up to `upTo` (inclusive) have this level; the last band covers the rest. */
  bands: { upTo: number; level: RiskLevel }[];
};

export const defaultRiskMatrix: RiskMatrix = {
  size: 5,
  likelihood: [
    { en: 'Rare', zh: '極少' },
    { en: 'Unlikely', zh: '不太可能' },
    { en: 'Possible', zh: '可能' },
    { en: 'Likely', zh: '很可能' },
    { en: 'Almost certain', zh: '幾乎確定' },
  ],
  severity: [
    { en: 'Negligible', zh: '輕微' },
    { en: 'Minor', zh: '小' },
    { en: 'Moderate', zh: '中等' },
    { en: 'Major', zh: '重大' },
    { en: 'Catastrophic', zh: '災難性' },
  ],
  bands: [
    { upTo: 4, level: 'low' },
    { upTo: 9, level: 'medium' },
    { upTo: 16, level: 'high' },
    { upTo: 25, level: 'critical' },
  ],
};

export function riskScore(likelihood: number, severity: number): number {
  return likelihood * severity;
}

export function riskLevel(
  likelihood: number,
  severity: number,
  matrix: RiskMatrix = defaultRiskMatrix,
): RiskLevel {
  const score = riskScore(likelihood, severity);
  return (matrix.bands.find((b) => score <= b.upTo) ?? matrix.bands[matrix.bands.length - 1]).level;
}

export const levelRank: Record<RiskLevel, number> = { low: 1, medium: 2, high: 3, critical: 4 };

/** The hierarchy of controls, most effective first. */
export const controlTypes = ['elimination', 'substitution', 'engineering', 'administrative', 'ppe'] as const;
export type ControlType = (typeof controlTypes)[number];

/** Months between reviews of a hazard by its residual risk: the higher the risk, the sooner. */
export function reviewIntervalMonths(level: RiskLevel): number {
  return { critical: 3, high: 6, medium: 12, low: 24 }[level];
}

/**
 * What is wrong with a matrix definition: square, labels for every step, bands rising and covering the
 * highest score.
 */
export function matrixProblems(m: RiskMatrix): string[] {
  const problems: string[] = [];
  if (m.size < 3 || m.size > 7) problems.push('The matrix has 3 to 7 steps.');
  if (m.likelihood.length !== m.size || m.severity.length !== m.size)
    problems.push('Name every step of likelihood and severity.');
  for (let i = 1; i < m.bands.length; i++)
    if (m.bands[i].upTo <= m.bands[i - 1].upTo) problems.push('Bands must rise.');
  if ((m.bands.at(-1)?.upTo ?? 0) < m.size * m.size)
    problems.push(`The last band must reach ${m.size * m.size}.`);
  return problems;
}
