import { describe, expect, it } from 'vitest';
import { convertMinor, MissingRateError, millionths, rateOn, toUsdCents } from './money.ts';

const rates = [
  { currency: 'TWD', validFrom: '2022-01-01', perUsd: '27.69' },
  { currency: 'TWD', validFrom: '2022-07-01', perUsd: '29.72' },
  { currency: 'CNY', validFrom: '2022-01-01', perUsd: '6.3757' },
];

describe('money conversion at the rate of the payment date', () => {
  it('reads rates exactly', () => {
    expect(millionths('29.72')).toBe(29_720_000n);
    expect(millionths('6.3757')).toBe(6_375_700n);
    expect(() => millionths('-1')).toThrow();
  });

  it('takes the rate in force on the date', () => {
    expect(rateOn(rates, 'TWD', '2022-06-30').perUsd).toBe('27.69');
    expect(rateOn(rates, 'TWD', '2022-07-01').perUsd).toBe('29.72');
    expect(() => rateOn(rates, 'TWD', '2021-12-31')).toThrow(MissingRateError);
    expect(() => rateOn(rates, 'JPY', '2022-05-01')).toThrow(MissingRateError);
  });

  it('converts NT$ to US cents, rounding to the cent', () => {
    // NT$1,000,000.00 at 29.72 per US$ = US$33,647.3769… → 3,364,738 cents.
    expect(toUsdCents(100_000_000, 'TWD', '2022-08-15', rates)).toBe(3_364_738);
    // The same amount in the first half of the year, at 27.69: US$36,114.1206… → 3,611,412 cents.
    expect(toUsdCents(100_000_000, 'TWD', '2022-03-15', rates)).toBe(3_611_412);
    // Half a cent rounds up: 1 TWD cent at 2 per US$ is half a US cent.
    expect(
      toUsdCents(1, 'XTS', '2022-01-01', [{ currency: 'XTS', validFrom: '2022-01-01', perUsd: '2' }]),
    ).toBe(1);
    expect(toUsdCents(123_45, 'USD', '2022-01-01', [])).toBe(123_45);
  });
});

describe('conversion between two currencies through the US dollar', () => {
  it('converts US$ to NT$ and NT$ to CNY at the rates of the day', () => {
    // US$10,000.00 at 29.72 → NT$297,200.00.
    expect(convertMinor(1_000_000, 'USD', 'TWD', '2022-08-01', rates)).toBe(29_720_000);
    // NT$297,200.00 → US$10,000.00 → CN¥63,757.00.
    expect(convertMinor(29_720_000, 'TWD', 'CNY', '2022-08-01', rates)).toBe(6_375_700);
    expect(convertMinor(500, 'TWD', 'TWD', '2022-08-01', [])).toBe(500);
    expect(() => convertMinor(500, 'USD', 'JPY', '2022-08-01', rates)).toThrow(MissingRateError);
  });
});

describe('conversion arithmetic', () => {
  /** The rule in BigInt throughout: amount × 10^6 ÷ rate, then US cents × rate ÷ 10^6, each half up. */
  const halfUp = (a: bigint, b: bigint) => ((a % b) * 2n >= b ? a / b + 1n : a / b);
  const reference = (amount: number, fromRate: string, toRate: string) => {
    const usd = halfUp(BigInt(amount) * 1_000_000n, millionths(fromRate));
    return [usd, halfUp(usd * millionths(toRate), 1_000_000n)];
  };
  const MAX = BigInt(Number.MAX_SAFE_INTEGER);

  it('gives the exact integer result for small, large and half-way amounts alike', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const amounts = [
      1,
      2,
      5,
      50,
      14_860,
      100_000_000,
      2 ** 31,
      9_007_199_254,
      9_007_199_255,
      2 ** 52,
      2 ** 53 - 1,
    ];
    for (let i = 0; i < 3_000; i++)
      amounts.push(Math.floor(random() * 10 ** (1 + Math.floor(random() * 15))));
    const rateStrings = ['2', '0.5', '29.72', '6.3757', '0.000001', '151.234567', '1', '32.1'];
    let checked = 0;
    for (const amount of amounts)
      for (const from of rateStrings)
        for (const to of rateStrings) {
          const table = [
            { currency: 'AAA', validFrom: '2020-01-01', perUsd: from },
            { currency: 'BBB', validFrom: '2020-01-01', perUsd: to },
          ];
          const [usd, converted] = reference(amount, from, to);
          // Amounts are money in minor units: the results are safe integers too.
          if (usd > MAX || converted > MAX) continue;
          checked += 1;
          expect(toUsdCents(amount, 'AAA', '2022-01-01', table)).toBe(Number(usd));
          expect(convertMinor(amount, 'AAA', 'BBB', '2022-01-01', table)).toBe(Number(converted));
        }
    // Most of them, the large ones beyond 2^53 ÷ 10^6 among them (worked in BigInt).
    expect(checked).toBeGreaterThan(50_000);
  });
});
