import { Decimal } from 'decimal.js';

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
 */

export type RoundingMode = 'truncate' | 'round-half-up';

const Exact = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_DOWN });

export type DecimalLike = string | number | bigint;

function toDecimal(v: DecimalLike) {
  return new Exact(typeof v === 'bigint' ? v.toString() : v);
}

function fix(value: InstanceType<typeof Exact>, places: number, mode: RoundingMode): string {
  return value
    .toDecimalPlaces(places, mode === 'truncate' ? Decimal.ROUND_DOWN : Decimal.ROUND_HALF_UP)
    .toFixed(places);
}

/** count × base / hours, to `places` decimals; null when no hours were worked (a rate is undefined). */
export function ratePer(
  count: DecimalLike,
  hours: DecimalLike,
  base: number,
  places: number,
  mode: RoundingMode = 'truncate',
): string | null {
  const h = toDecimal(hours);
  if (h.lte(0)) return null;
  return fix(toDecimal(count).times(base).dividedBy(h), places, mode);
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

/** Frequency-severity indicator (FSI) from the published FR and SR, 2 decimals. */
export function frequencySeverityIndex(
  fr: string | null,
  sr: string | null,
  mode: RoundingMode = 'truncate',
): string | null {
  if (fr === null || sr === null) return null;
  return fix(toDecimal(fr).times(toDecimal(sr)).dividedBy(1000).sqrt(), 2, mode);
}

/** OSHA-style rates per 200,000 hours (100 full-time workers for a year), 2 decimals. */
export function per200k(cases: DecimalLike, hours: DecimalLike, mode: RoundingMode = 'round-half-up') {
  return ratePer(cases, hours, 200_000, 2, mode);
}

/** GRI 403-9 rates per 1,000,000 hours, 2 decimals. */
export function perMillion(cases: DecimalLike, hours: DecimalLike, mode: RoundingMode = 'round-half-up') {
  return ratePer(cases, hours, 1_000_000, 2, mode);
}

/** Exact sum of decimal strings (hours are numeric in the database). */
export function sum(values: DecimalLike[]): string {
  return values.reduce<InstanceType<typeof Exact>>((a, v) => a.plus(toDecimal(v)), new Exact(0)).toString();
}
