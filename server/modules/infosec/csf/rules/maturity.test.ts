import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ROLL_UP,
  exactMean,
  exactMeanOfSites,
  exactSiteScore,
  type Hierarchy,
  meanScore,
  rollUp,
  roundScore,
} from './maturity.ts';

const hierarchy: Hierarchy = {
  categoryOf: new Map([
    ['ID.AM-01', 'ID.AM'],
    ['ID.AM-02', 'ID.AM'],
    ['ID.RA-01', 'ID.RA'],
    ['PR.AA-01', 'PR.AA'],
    ['PR.AA-02', 'PR.AA'],
  ]),
  functionOf: new Map([
    ['ID.AM', 'ID'],
    ['ID.RA', 'ID'],
    ['PR.AA', 'PR'],
  ]),
};

describe('maturity scores', () => {
  it('round half up to one decimal from the exact mean', () => {
    expect(meanScore({ sum: 9, count: 4, notApplicable: 0 })).toBe(2.3); // 2.25
    expect(meanScore({ sum: 7, count: 3, notApplicable: 0 })).toBe(2.3); // 2.333…
    expect(meanScore({ sum: 13, count: 6, notApplicable: 0 })).toBe(2.2); // 2.1666…
    expect(meanScore({ sum: 29, count: 20, notApplicable: 0 })).toBe(1.5); // 1.45: binary floats would give 1.4
    expect(meanScore({ sum: 1, count: 20, notApplicable: 0 })).toBe(0.1); // 0.05
    expect(meanScore({ sum: 249, count: 100, notApplicable: 0 })).toBe(2.5); // 2.49
    expect(meanScore({ sum: 2249, count: 1000, notApplicable: 0 })).toBe(2.2); // 2.249
  });

  it('say "not assessed" (null), never 0, when nothing under an item applies', () => {
    expect(meanScore({ sum: 0, count: 0, notApplicable: 3 })).toBeNull();
    expect(meanScore({ sum: 0, count: 2, notApplicable: 0 })).toBe(0);
  });

  it('leave "not applicable" and unassessed subcategories out of the mean', () => {
    const r = rollUp(
      [
        { subcategory: 'ID.AM-01', level: 3, notApplicable: false },
        { subcategory: 'ID.AM-02', level: null, notApplicable: true },
        { subcategory: 'ID.RA-01', level: 2, notApplicable: false },
        { subcategory: 'PR.AA-01', level: 4, notApplicable: false },
        { subcategory: 'PR.AA-02', level: null, notApplicable: false },
      ],
      hierarchy,
      DEFAULT_ROLL_UP,
    );
    expect(r.categories['ID.AM']).toEqual({ sum: 3, count: 1, notApplicable: 1 });
    expect(meanScore(r.functions.ID!)).toBe(2.5);
    expect(meanScore(r.functions.PR!)).toBe(4);
    // The site's score is the mean of its three applicable levels, not the mean of its function means.
    expect(roundScore(r.site)).toBe(3);
  });

  it('weigh functions in a site score when the rule says so', () => {
    const byFunction = {
      ID: { sum: 4, count: 2, notApplicable: 0 },
      PR: { sum: 8, count: 2, notApplicable: 0 },
    };
    expect(roundScore(exactSiteScore(byFunction, DEFAULT_ROLL_UP))).toBe(3);
    // PR twice as heavy: (4 + 2×8) / (2 + 2×2) = 20 / 6 = 3.33…
    expect(roundScore(exactSiteScore(byFunction, { functionWeights: { PR: 2 } }))).toBe(3.3);
    // A function weighed 0 drops out.
    expect(roundScore(exactSiteScore(byFunction, { functionWeights: { PR: 0 } }))).toBe(2);
    // Weights are the decimals the owner typed, and a tie under them rounds up exactly:
    // ID 3 of 1, PR 6 of 2 weighed 1.5: (3 + 1.5×6) / (1 + 1.5×2) = 12 / 4 = 3; PR 4 of 2: 9 / 4 = 2.25 → 2.3.
    const weighed = (pr: number) => ({
      ID: { sum: 3, count: 1, notApplicable: 0 },
      PR: { sum: pr, count: 2, notApplicable: 0 },
    });
    expect(roundScore(exactSiteScore(weighed(6), { functionWeights: { PR: 1.5 } }))).toBe(3);
    expect(roundScore(exactSiteScore(weighed(4), { functionWeights: { PR: 1.5 } }))).toBe(2.3);
    // 0.1 has no exact binary form: ID 1 of 1, PR 19 of 10 weighed 0.1: (1 + 1.9) / (1 + 1) = 1.45 → 1.5.
    const tenth = {
      ID: { sum: 1, count: 1, notApplicable: 0 },
      PR: { sum: 19, count: 10, notApplicable: 0 },
    };
    expect(roundScore(exactSiteScore(tenth, { functionWeights: { PR: 0.1 } }))).toBe(1.5);
  });

  it('count each site once in a subsidiary or group score, and skip sites with no score', () => {
    const site = (sum: number, count: number) => exactMean({ sum, count, notApplicable: 0 });
    expect(roundScore(exactMeanOfSites([site(2, 1), site(13, 4), null]))).toBe(2.6); // 2.625
    // 7/3 and 13/6 average to 27/12 = 2.25 exactly: a tie reached through repeating fractions rounds up.
    expect(roundScore(exactMeanOfSites([site(7, 3), site(13, 6)]))).toBe(2.3);
    // 2.2499… just below the tie rounds down.
    expect(roundScore(exactMeanOfSites([site(7, 3), site(2166, 1000)]))).toBe(2.2);
    expect(exactMeanOfSites([null, null])).toBeNull();
  });

  it('refuse an answer outside the catalogue', () => {
    expect(() =>
      rollUp([{ subcategory: 'ID.GV-01', level: 2, notApplicable: false }], hierarchy, DEFAULT_ROLL_UP),
    ).toThrow(/Not in the catalogue/);
  });
});
