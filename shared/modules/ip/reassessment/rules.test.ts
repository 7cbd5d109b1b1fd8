import { describe, expect, it } from 'vitest';
import { scoringModel } from './contract.ts';
import { assess, decideBy, defaultScoringModel, type Indicators, modelProblems, normalise } from './rules.ts';

/** A granted patent in a family of three, 12 years left, two licences, no litigation, used in products. */
const patent: Indicators = {
  familySize: 3,
  remainingLife: 12,
  claims: 15,
  forwardCitations: 10,
  backwardCitations: null,
  litigation: 0,
  usedInProducts: true,
  licences: 2,
  technologyFit: 4,
};

describe('re-assessment before an annuity', () => {
  it('scores each goal from its indicators and the overall score as the mean of equally weighted goals', () => {
    const a = assess(patent, defaultScoringModel);
    // Quantity: family 3/6 → 50 × 60% = 30; life 12/15 → 80 × 40% = 32; 62.
    // Quality: claims 15/30 → 50 × 25% = 12.5; forward 10/20 → 50 × 40% = 20; backward unknown → 0;
    // litigation 0 → 0; 32.5.
    // Value: used → 100 × 50% = 50; licences 2/3 → 66.7 × 30% = 20; fit (4−1)/4 → 75 × 20% = 15; 85.
    expect(a.goals).toEqual({ quantity: 62, quality: 32.5, value: 85 });
    // Equal weights: (62 + 32.5 + 85) / 3 = 59.83…
    expect(a.overall).toBe(59.8);
    expect(a.recommendation).toBe('keep');
    expect(a.working.find((w) => w.indicator === 'licences')).toEqual({
      indicator: 'licences',
      goal: 'value',
      raw: 2,
      normalised: 66.7,
      weight: 30,
      contribution: 20,
    });
    expect(a.working.find((w) => w.indicator === 'backwardCitations')).toMatchObject({
      raw: null,
      normalised: 0,
      contribution: 0,
    });
    expect(a.working).toHaveLength(9);
  });

  it('moves the overall score when the program owner weights a goal more', () => {
    const tuned = { ...defaultScoringModel, goalWeights: { quantity: 1, quality: 2, value: 1 } };
    // (62 + 2 × 32.5 + 85) / 4 = 53.
    expect(assess(patent, tuned).overall).toBe(53);
    const byClaims = {
      ...defaultScoringModel,
      weights: {
        ...defaultScoringModel.weights,
        quality: { claims: 100, forwardCitations: 0, backwardCitations: 0, litigation: 0 },
      },
    };
    expect(assess(patent, byClaims).goals.quality).toBe(50);
  });

  it('recommends licensing or selling a strong patent not used in our products, and dropping a weak one', () => {
    const strong = assess(
      { ...patent, usedInProducts: false, familySize: 6, forwardCitations: 20, litigation: 1, claims: 30 },
      defaultScoringModel,
    );
    expect(strong.overall).toBeGreaterThanOrEqual(60);
    expect(strong.recommendation).toBe('revitalise');
    const weak = assess(
      {
        familySize: 1,
        remainingLife: 2,
        claims: 4,
        forwardCitations: 0,
        backwardCitations: 3,
        litigation: 0,
        usedInProducts: false,
        licences: 0,
        technologyFit: 1,
      },
      defaultScoringModel,
    );
    expect(weak.overall).toBeLessThan(35);
    expect(weak.recommendation).toBe('consider_drop');
  });

  it('normalises counts against their saturation, fit from 1 to 5, and unknown values to 0', () => {
    expect(normalise('forwardCitations', 40)).toBe(100);
    expect(normalise('technologyFit', 1)).toBe(0);
    expect(normalise('technologyFit', 5)).toBe(100);
    expect(normalise('claims', null)).toBe(0);
    expect(normalise('usedInProducts', false)).toBe(0);
  });

  it('refuses a model whose goals all weigh zero, whose weights do not add up to 100, or that is negative', () => {
    const zero = { ...defaultScoringModel, goalWeights: { quantity: 0, quality: 0, value: 0 } };
    expect(modelProblems(zero).map((p) => p.path)).toEqual(['goalWeights']);
    expect(() => assess(patent, zero)).toThrow(RangeError);
    const off = {
      ...defaultScoringModel,
      weights: { ...defaultScoringModel.weights, quantity: { familySize: 60, remainingLife: 30 } },
    };
    expect(modelProblems(off).map((p) => p.path)).toEqual(['weights.quantity']);
    const negative = scoringModel.safeParse({
      ...defaultScoringModel,
      goalWeights: { quantity: -1, quality: 1, value: 1 },
    });
    expect(negative.success).toBe(false);
    expect(negative.error?.issues.map((i) => i.path.join('.'))).toContain('goalWeights.quantity');
    const crossed = scoringModel.safeParse({ ...defaultScoringModel, dropBelow: 70 });
    expect(crossed.error?.issues.map((i) => i.path.join('.'))).toEqual(['dropBelow']);
    expect(scoringModel.safeParse(defaultScoringModel).success).toBe(true);
  });

  it('sets the decision the lead time before the fee is due', () => {
    expect(decideBy('2025-03-31', 60)).toBe('2025-01-30');
    expect(decideBy('2024-03-01', 1)).toBe('2024-02-29');
  });
});
