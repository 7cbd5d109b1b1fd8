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
