import { describe, expect, it } from 'vitest';
import { goalMet } from './goals.ts';
import { suppressSmall } from './privacy.ts';

describe('small counts of health data', () => {
  it('shows 1 to 4 as "<5", and zero and 5 or more as they are', () => {
    expect([0, 1, 4, 5, 120].map(suppressSmall)).toEqual([0, '<5', '<5', 5, 120]);
  });
});

describe('goals', () => {
  it('compares exactly', () => {
    expect(goalMet('0', 'at_most', '0')).toBe(true);
    expect(goalMet('0.51', 'at_most', '0.50')).toBe(false);
    expect(goalMet('95.00', 'at_least', '95')).toBe(true);
    expect(goalMet(null, 'at_least', '95')).toBeNull();
  });
});
