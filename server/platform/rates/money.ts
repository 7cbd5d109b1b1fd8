/**
 * Money: integer minor units (cents) with an ISO 4217 currency code, converted through the US dollar at the
 * rate in force on a date (the latest dated rate on or before it). Every currency is kept with two decimals
 * of minor unit, as the group's accounts keep them (a yen amount of 1,000 is 100000). A date no rate covers
 * is a MissingRateError: a conversion never guesses a rate, nor uses 0 or 1.
 */

export type Rate = { currency: string; validFrom: string; perUsd: string };

/** Thrown when no rate covers an amount's date: a figure never guesses one. */
export class MissingRateError extends Error {
  readonly currency: string;
  readonly on: string;
  constructor(currency: string, on: string) {
    super(`No exchange rate for ${currency} on or before ${on}.`);
    this.currency = currency;
    this.on = on;
  }
}

const SCALE = 1_000_000n;

/** A decimal string with up to six places ('29.805') as an integer of millionths. */
export function millionths(decimal: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(decimal.trim());
  if (!m) throw new Error(`Not a rate: ${decimal}`);
  return BigInt(m[1]) * SCALE + BigInt((m[2] ?? '').padEnd(6, '0'));
}

/** Rates read once per process: a year's report converts thousands of payments at a few dozen rates. */
const readRates = new Map<string, number>();

/** A rate in millionths as a number (a rate is far below 2^53 millionths), read once per distinct string. */
function rateMillionths(decimal: string): number {
  let rate = readRates.get(decimal);
  if (rate === undefined) {
    rate = Number(millionths(decimal));
    if (readRates.size < 10_000) readRates.set(decimal, rate);
  }
  return rate;
}

/**
 * x × y ÷ z for integers, z > 0: the quotient truncated, plus one when the remainder is at least half of z (half
 * up, as the accounts round). In floating point while x × y is a safe integer, where it is exact (x × y − its
 * remainder is a multiple of z); beyond that in BigInt.
 */
function mulDivHalfUp(x: number, y: number, z: number): number {
  const product = x * y;
  if (Number.isSafeInteger(product)) {
    const rest = product % z;
    const whole = (product - rest) / z;
    return rest * 2 >= z ? whole + 1 : whole;
  }
  const big = BigInt(x) * BigInt(y);
  const by = BigInt(z);
  const whole = big / by;
  return Number((big % by) * 2n >= by ? whole + 1n : whole);
}

/** The rate in force on `on`: the latest whose valid_from is on or before it. */
export function rateOn(rates: readonly Rate[], currency: string, on: string): Rate {
  let best: Rate | undefined;
  for (const r of rates)
    if (r.currency === currency && r.validFrom <= on && (!best || r.validFrom > best.validFrom)) best = r;
  if (!best) throw new MissingRateError(currency, on);
  return best;
}

/**
 * An amount in minor units of `currency` as US cents at the rate of `on`, rounded half away from zero to
 * the cent (exact integer arithmetic: amount × 10^6 ÷ rate in millionths).
 */
export function toUsdCents(
  amountMinor: number,
  currency: string,
  on: string,
  rates: readonly Rate[],
): number {
  if (currency === 'USD') return amountMinor;
  return mulDivHalfUp(amountMinor, 1_000_000, rateMillionths(rateOn(rates, currency, on).perUsd));
}

/**
 * An amount converted from one currency to another through the US dollar, at the rates of `on`: to US cents,
 * then to the target's minor units at its rate (rounded half up to the unit).
 */
export function convertMinor(
  amountMinor: number,
  from: string,
  to: string,
  on: string,
  rates: readonly Rate[],
): number {
  if (from === to) return amountMinor;
  const usd = toUsdCents(amountMinor, from, on, rates);
  if (to === 'USD') return usd;
  return mulDivHalfUp(usd, rateMillionths(rateOn(rates, to, on).perUsd), 1_000_000);
}
