import { describe, expect, it } from 'vitest';
import { toMinor } from './money.ts';

describe('an amount as typed, in minor units', () => {
  it('reads thousands separators and up to two decimals', () => {
    expect(toMinor('1,500,000.50')).toBe(150_000_050);
    expect(toMinor('33000')).toBe(3_300_000);
    expect(toMinor(' 12.5 ')).toBe(1_250);
    expect(toMinor('0.01')).toBe(1);
  });

  it('refuses what is not such a number', () => {
    for (const text of ['', '1.234', '-5', '1e3', 'NT$100', '12,5.0.1']) expect(toMinor(text)).toBeNull();
  });
});
