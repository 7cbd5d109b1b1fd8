import { describe, expect, it } from 'vitest';
import { sharesProblem, splitByShares } from './rules.ts';

describe('invention rewards', () => {
  it('splits a reward by shares in whole NT dollars that add up to the amount', () => {
    expect(splitByShares('20000', [60, 40])).toEqual(['12000', '8000']);
    // 10,000 / 3 ways: 3,333.33 each, the dollar left to the first of the equal fractions.
    expect(splitByShares('10000', [34, 33, 33])).toEqual(['3400', '3300', '3300']);
    expect(splitByShares('100', [33, 33, 34])).toEqual(['33', '33', '34']);
    expect(splitByShares('10', [33, 33, 34])).toEqual(['3', '3', '4']);
    expect(splitByShares('1', [50, 50])).toEqual(['1', '0']);
    const parts = splitByShares('50001', [15, 25, 60]);
    expect(parts).toEqual(['7500', '12500', '30001']);
  });

  it('refuses shares that do not add up to 100%', () => {
    expect(sharesProblem([60, 40])).toBeNull();
    expect(sharesProblem([60, 30])).toBe('The shares add up to 90%, not 100%');
    expect(sharesProblem([])).toBe('At least one inventor');
  });
});
