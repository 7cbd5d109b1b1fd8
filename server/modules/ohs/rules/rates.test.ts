import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  frequencyRate,
  frequencySeverityIndex,
  integerSqrt,
  per200k,
  perMillion,
  type RoundingMode,
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

describe('exact integer arithmetic', () => {
  // The rates were computed with decimal.js at 60 significant digits, cut or rounded at the last place; the
  // integer arithmetic must give the same text on every input, including quotients that land on a boundary.
  const Reference = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_DOWN });
  const modeOf = (mode: 'truncate' | 'round-half-up') =>
    mode === 'truncate' ? Decimal.ROUND_DOWN : Decimal.ROUND_HALF_UP;
  const referenceRate = (count: string, hours: string, base: number, places: number, mode: RoundingMode) =>
    new Reference(count).times(base).dividedBy(hours).toDecimalPlaces(places, modeOf(mode)).toFixed(places);
  const referenceFsi = (fr: string, sr: string, mode: RoundingMode) =>
    new Reference(fr).times(sr).dividedBy(1000).sqrt().toDecimalPlaces(2, modeOf(mode)).toFixed(2);

  // A small deterministic generator (no dependence on the run), with decimals of 0 to 6 places as hours carry.
  let seed = 20261207;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const decimal = (max: number, places: number) => {
    const digits = Math.floor(next() * max * 10 ** places);
    return places === 0 ? String(digits) : (digits / 10 ** places).toFixed(places);
  };

  it('gives every rate as decimal.js does, in both modes', () => {
    for (let i = 0; i < 3000; i++) {
      const count = decimal(next() < 0.5 ? 50 : 100_000, next() < 0.8 ? 0 : 2);
      const hours = decimal(next() < 0.3 ? 1000 : 200_000_000, Math.floor(next() * 7));
      if (Number(hours) <= 0) continue;
      const [base, places] = [
        [1_000_000, 2],
        [1_000_000, 0],
        [200_000, 2],
      ][i % 3] as [number, number];
      for (const mode of ['truncate', 'round-half-up'] as const)
        expect(ratePer(count, hours, base, places, mode), `${count} / ${hours}`).toBe(
          referenceRate(count, hours, base, places, mode),
        );
    }
  });

  it('gives every FSI as decimal.js does, on exact squares and just beside them', () => {
    const pairs: [string, string][] = [
      ['1.00', '10'], // √0.01 = 0.1 exactly
      ['0.40', '1000'], // √0.4
      ['2.50', '1000'], // √2.5
      ['3.60', '10'], // √0.036
      ['0.10', '1'],
      ['0.00', '0'],
    ];
    for (let i = 0; i < 2000; i++) pairs.push([decimal(next() < 0.5 ? 5 : 500, 2), decimal(20_000, 0)]);
    for (const [fr, sr] of pairs)
      for (const mode of ['truncate', 'round-half-up'] as const)
        expect(frequencySeverityIndex(fr, sr, mode), `FR ${fr}, SR ${sr}`).toBe(referenceFsi(fr, sr, mode));
  });

  it('rounds a quotient that lands exactly on half a unit up, and cuts it when truncating', () => {
    // 3 × 200,000 / 40,000,000 = 0.015 exactly: 0.02 rounded half up, 0.01 cut.
    expect(ratePer(3, 40_000_000, 200_000, 2, 'round-half-up')).toBe('0.02');
    expect(ratePer(3, 40_000_000, 200_000, 2, 'truncate')).toBe('0.01');
  });

  it('reads numbers in exponent form and refuses what is not a number', () => {
    expect(sum([1.5e-7, '2e3', '0.0000005'])).toBe('2000.00000065');
    expect(ratePer(1, '1e6', 1_000_000, 2)).toBe('1.00');
    expect(() => sum(['1,000'])).toThrow(RangeError);
    expect(() => sum([Number.NaN])).toThrow(RangeError);
  });

  it('finds the integer square root of large numbers', () => {
    const big = 123_456_789_012_345_678_901_234_567_890n;
    const root = integerSqrt(big);
    expect(root * root <= big && (root + 1n) * (root + 1n) > big).toBe(true);
    expect(integerSqrt(10n ** 40n)).toBe(10n ** 20n);
    expect(integerSqrt(10n ** 40n - 1n)).toBe(10n ** 20n - 1n);
    // Beyond a float's range (10^308), where the first estimate cannot come from Math.sqrt.
    expect(integerSqrt(10n ** 400n)).toBe(10n ** 200n);
    const odd = 10n ** 401n;
    const r = integerSqrt(odd);
    expect(r * r <= odd && (r + 1n) * (r + 1n) > odd).toBe(true);
  });
});
