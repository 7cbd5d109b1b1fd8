/**
 * Injury rates as pure functions in exact decimal arithmetic. A rate for a subsidiary or the group is
 * always computed from summed counts and hours, never averaged from site rates: callers sum first.
 *
 * Taiwan Ministry of Labor (失能傷害頻率 FR, 失能傷害嚴重率 SR, 綜合傷害指數 FSI):
 *   FR  = disabling injuries × 1,000,000 / hours worked, to 2 decimals
 *   SR  = days lost × 1,000,000 / hours worked, to an integer
 *   FSI = √(FR × SR / 1000), to 2 decimals (from the published FR and SR)
 * The Ministry truncates; some companies round, so the mode is a setting.
 * OSHA (per 200,000 hours): TRIR (recordable cases), DART (days away, restricted or transferred), LTIR (lost time).
 * GRI 403-9: rates per 1,000,000 or 200,000 hours.
 *
 * The arithmetic is on integers (a decimal is its digits and a power of ten, in BigInt), so every quotient and
 * square root is cut at the last place exactly, and a statistics page of a thousand rate sets costs a few
 * milliseconds instead of the tens that arbitrary-precision decimals took.
 */

export type RoundingMode = 'truncate' | 'round-half-up';

/** A decimal as text, a number, an integer, or already parsed (a tally parses its hours once for all rates). */
export type DecimalLike = string | number | bigint | FixedDecimal;

/** A decimal as an integer count of units of 10^-scale: 12.34 is { units: 1234n, scale: 2 }. */
export type FixedDecimal = { units: bigint; scale: number };

const POWERS = Array.from({ length: 40 }, (_, n) => 10n ** BigInt(n));
const pow10 = (n: number) => POWERS[n] ?? 10n ** BigInt(n);

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Parses a decimal (as PostgreSQL's numeric prints it, a finite number, "1.5e-7"); throws on anything else. */
export function parseDecimal(v: DecimalLike): FixedDecimal {
  if (typeof v === 'bigint') return { units: v, scale: 0 };
  if (typeof v === 'object') return v;
  if (Number.isSafeInteger(v)) return { units: BigInt(v), scale: 0 };
  const m = DECIMAL.exec(typeof v === 'number' ? String(v) : v.trim());
  if (!m) throw new RangeError(`not a decimal number: ${String(v)}`);
  const fraction = m[3] ?? '';
  const digits = BigInt(m[2] + fraction);
  const scale = fraction.length - Number(m[4] ?? 0);
  const units = scale < 0 ? digits * pow10(-scale) : digits;
  return { units: m[1] === '-' ? -units : units, scale: Math.max(0, scale) };
}

/** a / b to an integer, cut toward zero or rounded half away from zero (b > 0). */
function divide(a: bigint, b: bigint, mode: RoundingMode): bigint {
  if (mode === 'truncate') return a / b;
  const magnitude = ((a < 0n ? -a : a) * 2n + b) / (2n * b);
  return a < 0n ? -magnitude : magnitude;
}

/** An integer count of 10^-places as a decimal with exactly `places` decimals ("-12.50"). */
function formatFixed(units: bigint, places: number): string {
  const digits = (units < 0n ? -units : units).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const sign = units < 0n ? '-' : '';
  return places === 0 ? `${sign}${whole}` : `${sign}${whole}.${digits.slice(digits.length - places)}`;
}

/** count × base / hours, to `places` decimals; null when no hours were worked (a rate is undefined). */
export function ratePer(
  count: DecimalLike,
  hours: DecimalLike,
  base: number,
  places: number,
  mode: RoundingMode = 'truncate',
): string | null {
  const c = parseDecimal(count);
  const h = parseDecimal(hours);
  if (h.units <= 0n) return null;
  // (c / 10^cs) × base / (h / 10^hs) × 10^places = c × base × 10^(hs + places) / (h × 10^cs)
  const numerator = c.units * BigInt(base) * pow10(h.scale + places);
  const denominator = h.units * pow10(c.scale);
  return formatFixed(divide(numerator, denominator, mode), places);
}

/** Disabling injury frequency rate (FR): per million hours, 2 decimals. */
export function frequencyRate(
  disablingInjuries: DecimalLike,
  hours: DecimalLike,
  mode: RoundingMode = 'truncate',
) {
  return ratePer(disablingInjuries, hours, 1_000_000, 2, mode);
}

/** Disabling injury severity rate (SR): days lost per million hours, an integer. */
export function severityRate(daysLost: DecimalLike, hours: DecimalLike, mode: RoundingMode = 'truncate') {
  return ratePer(daysLost, hours, 1_000_000, 0, mode);
}

/** The integer square root: the largest n with n² ≤ value (value ≥ 0). */
export function integerSqrt(value: bigint): bigint {
  if (value < 0n) throw new RangeError('the square root of a negative number');
  if (value < 2n) return value;
  // One Newton step from any positive estimate lands at or above the root; the steps then descend to it. The
  // estimate is a float's root, or a power of two beyond a float's range.
  const estimate = Math.sqrt(Number(value));
  let x = Number.isFinite(estimate)
    ? BigInt(Math.max(1, Math.floor(estimate)))
    : 1n << BigInt(Math.ceil(value.toString(2).length / 2));
  x = (x + value / x) >> 1n;
  for (;;) {
    const next = (x + value / x) >> 1n;
    if (next >= x) return x;
    x = next;
  }
}

/** Frequency-severity indicator (FSI) from the published FR and SR, 2 decimals. */
export function frequencySeverityIndex(
  fr: string | null,
  sr: string | null,
  mode: RoundingMode = 'truncate',
): string | null {
  if (fr === null || sr === null) return null;
  const f = parseDecimal(fr);
  const s = parseDecimal(sr);
  // FSI × 100 = √(FR × SR × 10) = √(A / B) with A / B = f·s / 10^(fs + ss − 1).
  const shift = f.scale + s.scale - 1;
  const a = f.units * s.units * pow10(Math.max(0, -shift));
  const b = pow10(Math.max(0, shift));
  // ⌊√(A/B)⌋ = ⌊⌊√(AB)⌋ / B⌋, and rounded half up: ⌊(⌊√(4AB)⌋ + B) / 2B⌋.
  const hundredths = mode === 'truncate' ? integerSqrt(a * b) / b : (integerSqrt(4n * a * b) + b) / (2n * b);
  return formatFixed(hundredths, 2);
}

/** OSHA-style rates per 200,000 hours (100 full-time workers for a year), 2 decimals. */
export function per200k(cases: DecimalLike, hours: DecimalLike, mode: RoundingMode = 'round-half-up') {
  return ratePer(cases, hours, 200_000, 2, mode);
}

/** GRI 403-9 rates per 1,000,000 hours, 2 decimals. */
export function perMillion(cases: DecimalLike, hours: DecimalLike, mode: RoundingMode = 'round-half-up') {
  return ratePer(cases, hours, 1_000_000, 2, mode);
}

/** Exact sum of parsed decimals, at the largest scale among them. */
export function sumFixed(values: FixedDecimal[]): FixedDecimal {
  const scale = values.reduce((m, v) => Math.max(m, v.scale), 0);
  let units = 0n;
  for (const v of values) units += v.units * pow10(scale - v.scale);
  return { units, scale };
}

/** A decimal as text without trailing zeros ("13.50" → "13.5", "2000000.00" → "2000000"). */
export function formatDecimal(v: FixedDecimal): string {
  const text = formatFixed(v.units, v.scale);
  return v.scale === 0 ? text : text.replace(/0+$/, '').replace(/\.$/, '');
}

/** Exact sum of decimal strings (hours are numeric in the database). */
export function sum(values: DecimalLike[]): string {
  return formatDecimal(sumFixed(values.map(parseDecimal)));
}
