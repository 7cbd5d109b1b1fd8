import { describe, expect, it } from 'vitest';
import {
  frequencyRate,
  frequencySeverityIndex,
  per200k,
  perMillion,
  ratePer,
  severityRate,
  sum,
} from './rates.ts';
import { emptyTally, mergeTallies, type Tally, tallyRates } from './tally.ts';

describe('Taiwan MOL rates', () => {
  it("China Steel's contractors in 2021: 1 death and 8 other disabling injuries over 22,690,862 hours", () => {
    expect(frequencyRate(9, 22_690_862)).toBe('0.39');
    expect(frequencyRate(9, 22_690_862, 'round-half-up')).toBe('0.40');
  });

  it('a hand-worked SR: a death (6,000 days) and 75 days lost over 2,000,000 hours', () => {
    // (6000 + 75) × 1,000,000 / 2,000,000 = 3037.5 → 3037 truncated, 3038 rounded
    expect(severityRate(6075, 2_000_000)).toBe('3037');
    expect(severityRate(6075, 2_000_000, 'round-half-up')).toBe('3038');
  });

  it('a hand-worked FSI from the published FR and SR', () => {
    // FR 2.35, SR 120: √(2.35 × 120 / 1000) = √0.282 = 0.53103…
    expect(frequencySeverityIndex('2.35', '120')).toBe('0.53');
    // FR 0.39, SR 264: √0.10296 = 0.32087… ; rounding mode applies to the last step only
    expect(frequencySeverityIndex('0.39', '264')).toBe('0.32');
    expect(frequencySeverityIndex('1.00', '5', 'truncate')).toBe('0.07');
    expect(frequencySeverityIndex('1.00', '5', 'round-half-up')).toBe('0.07');
  });

  it('never comes out one unit low through binary floating point', () => {
    // 0.29 × 100 = 28.999999999999996 in floating point: 29 injuries over 100,000,000 hours is exactly 0.29.
    expect(frequencyRate(29, 100_000_000)).toBe('0.29');
    // 1.15 per million: 115 injuries over 100,000,000 hours.
    expect(frequencyRate(115, 100_000_000)).toBe('1.15');
    // 0.57 × 1,000,000 / 1,000,000 … the classic 0.57 * 100 = 56.99999999999999
    expect(frequencyRate('0.57', 1_000_000)).toBe('0.57');
    expect(severityRate(4100, 10_000_000)).toBe('410');
  });

  it('gives no rate without hours worked', () => {
    expect(frequencyRate(3, 0)).toBeNull();
    expect(severityRate(3, 0)).toBeNull();
    expect(frequencySeverityIndex(null, '1')).toBeNull();
  });

  it('computes a group rate from summed counts and hours, not from averaged site rates', () => {
    // Two sites, each with one disabling injury: 100,000 hours (FR 10.00) and 1,900,000 hours (FR 0.52).
    const site = (hours: number): Tally => ({
      ...emptyTally(),
      hours: [String(hours)],
      disabling: 1,
      daysLost: 5,
    });
    const a = tallyRates(site(100_000), 'truncate');
    const b = tallyRates(site(1_900_000), 'truncate');
    expect([a.fr, b.fr]).toEqual(['10.00', '0.52']);
    // The product's aggregation of the two sites, as the statistics build a subsidiary or the group.
    const group = tallyRates(mergeTallies(site(100_000), site(1_900_000)), 'truncate');
    expect(group).toMatchObject({
      hours: '2000000',
      disablingInjuries: 2,
      daysLost: 10,
      fr: '1.00',
      sr: '5',
    });
    // Averaging the site rates would have given 5.26.
    expect(group.fr).not.toBe(((Number(a.fr) + Number(b.fr)) / 2).toFixed(2));
  });
});

describe('OSHA and GRI rates', () => {
  it('TRIR per 200,000 hours', () => {
    // 12 recordable cases over 1,600,000 hours = 1.5
    expect(per200k(12, 1_600_000)).toBe('1.50');
    expect(per200k(1, 300_000)).toBe('0.67');
  });
  it('GRI per 1,000,000 hours', () => {
    expect(perMillion(127, 98_765_432)).toBe('1.29');
    expect(ratePer(5, 3, 1, 3)).toBe('1.666');
  });
  it('sums decimal hours exactly', () => {
    expect(sum(['0.1', '0.2'])).toBe('0.3');
    expect(sum([1, '2.55', 10n])).toBe('13.55');
  });
});
