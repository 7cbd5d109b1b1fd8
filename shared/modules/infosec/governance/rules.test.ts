import { describe, expect, it } from 'vitest';
import {
  bandOfScore,
  defaultRiskMatrix,
  kpiMet,
  matrixProblems,
  meanOfLatest,
  type RiskMatrix,
  renewalDueOn,
  riskRating,
  scoreRangeOfBand,
} from './rules.ts';

describe('renewalDueOn', () => {
  it('falls due the lead days before the renewal date', () => {
    expect(renewalDueOn('2026-12-31', 60)).toBe('2026-11-01');
    expect(renewalDueOn('2026-07-01', 0)).toBe('2026-07-01');
  });
  it('counts a leap day', () => {
    expect(renewalDueOn('2028-03-01', 1)).toBe('2028-02-29');
    expect(renewalDueOn('2027-03-01', 1)).toBe('2027-02-28');
  });
});

describe('riskRating on the default 5 × 5 matrix', () => {
  // Every cell of the matrix: score = likelihood × impact, banded 1–4, 5–9, 10–16, 17–25.
  it.each([
    [1, 1, 1, 'low'],
    [2, 2, 4, 'low'],
    [1, 5, 5, 'medium'],
    [3, 3, 9, 'medium'],
    [2, 5, 10, 'high'],
    [4, 4, 16, 'high'],
    [4, 5, 20, 'critical'],
    [5, 5, 25, 'critical'],
  ] as const)('likelihood %i × impact %i scores %i, %s', (l, i, score, band) => {
    expect(riskRating(l, i, defaultRiskMatrix)).toEqual({ score, band });
  });

  it('refuses a level outside the matrix rather than rate it', () => {
    expect(() => riskRating(6, 1, defaultRiskMatrix)).toThrow(/likelihood 6/);
    expect(() => riskRating(1, 0, defaultRiskMatrix)).toThrow(/impact 0/);
    expect(() => riskRating(2.5, 1, defaultRiskMatrix)).toThrow(RangeError);
  });
});

describe('a configured matrix', () => {
  const threeByThree: RiskMatrix = {
    likelihoodLevels: 3,
    impactLevels: 3,
    bands: [
      { band: 'low', minScore: 1 },
      { band: 'medium', minScore: 3 },
      { band: 'high', minScore: 6 },
    ],
  };
  it('rates on its own levels and bands', () => {
    expect(riskRating(3, 3, threeByThree)).toEqual({ score: 9, band: 'high' });
    expect(riskRating(1, 3, threeByThree)).toEqual({ score: 3, band: 'medium' });
    expect(() => riskRating(4, 1, threeByThree)).toThrow(RangeError);
  });
  it('gives each band its scores, the last up to the highest score', () => {
    expect(scoreRangeOfBand('low', threeByThree)).toEqual([1, 2]);
    expect(scoreRangeOfBand('high', threeByThree)).toEqual([6, 9]);
    expect(scoreRangeOfBand('critical', threeByThree)).toBeNull();
    expect(scoreRangeOfBand('critical', defaultRiskMatrix)).toEqual([17, 25]);
  });
  it('bands bands given out of order by their lowest score', () => {
    const shuffled = { ...threeByThree, bands: [...threeByThree.bands].reverse() };
    expect(bandOfScore(4, shuffled)).toBe('medium');
  });
  it('names what is wrong with a matrix by field', () => {
    expect(matrixProblems(defaultRiskMatrix)).toEqual([]);
    expect(
      matrixProblems({
        likelihoodLevels: 3,
        impactLevels: 3,
        bands: [
          { band: 'low', minScore: 2 },
          { band: 'low', minScore: 2 },
          { band: 'high', minScore: 12 },
        ],
      }).map((p) => p.path),
    ).toEqual(['bands', 'bands.0.minScore', 'bands.1.minScore', 'bands.2.minScore']);
  });
});

describe('KPIs', () => {
  it('meets a target at least or at most, exactly in hundredths', () => {
    expect(kpiMet('95.00', 'at_least', '95')).toBe(true);
    expect(kpiMet('94.99', 'at_least', '95')).toBe(false);
    expect(kpiMet('0', 'at_most', '0')).toBe(true);
    expect(kpiMet('1', 'at_most', '0')).toBe(false);
    expect(kpiMet(null, 'at_least', '95')).toBeNull();
  });
  it('averages each site’s latest month, and gives nothing when no site reported', () => {
    expect(
      meanOfLatest([
        { siteId: 'a', month: '2025-01-01', value: 50 },
        { siteId: 'a', month: '2025-03-01', value: 90 },
        { siteId: 'b', month: '2025-02-01', value: 95.5 },
      ]),
    ).toBe('92.75');
    expect(meanOfLatest([])).toBeNull();
  });
});
