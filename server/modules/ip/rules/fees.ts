import type { EpState, Kind, Office } from '#shared/modules/ip/rules/offices.ts';
import { addMonths, endOfMonth, monthsLate } from './dates.ts';
import { type Deadline, lateSurchargePercent, type Payee } from './deadlines.ts';
import { type EntitySize, FEE_SCHEDULES, type FeeOffice, type FeeSchedule } from './fee-schedules.ts';
import { nationalWorkingDay } from './national-calendars.ts';
import { nationalRuleOf } from './validation-states.ts';

/**
 * The amount of an annuity, renewal or maintenance fee from the schedules as data (fee-schedules.ts), and the
 * surcharge for paying it late within the grace period. Amounts are integer minor units (hundredths) of the
 * office's currency, as the platform's money rules keep them. A fee no schedule prices is an explicit
 * `missing`, never 0.
 */

export type FeeQuery = {
  office: Office;
  kind: Kind;
  /** The patent year (US: the stage 4, 8 or 12, as deadlines.ts numbers it). */
  year: number;
  /** The day the fee is paid (the forecast: its due date); the schedule in force that day applies. */
  on: string;
  /** USPTO entity size; ignored by offices without sizes. Undiscounted (large) when not known. */
  entity?: EntitySize;
  /**
   * Who is paid: renewal fees of a European patent after grant go to the validation states (priced where the
   * state's schedule is kept) or, with unitary effect, to the EPO at the Unitary Patent's schedule.
   */
  payee?: Payee | null;
  /** The validation state of a national renewal fee. */
  state?: string | null;
  /** The patent's number of claims, which JPO and KIPO fees count; unknown, such a fee is missing. */
  claims?: number | null;
};

export type FeeAmount =
  | {
      state: 'priced';
      currency: string;
      amountMinor: number;
      scheduleFrom: string;
      basis: string;
    }
  | { state: 'missing'; reason: 'no_schedule' | 'national_fee' | 'no_line' | 'no_claims' };

/**
 * Whose schedule prices a fee: the office's; for a European patent after grant, the validation state's office
 * or the Unitary Patent's. Null for a validation state whose schedule is not kept.
 */
export function feeOfficeOf(q: {
  office: Office;
  payee?: Payee | null;
  state?: string | null;
}): FeeOffice | null {
  if (q.office === 'EP' && q.payee === 'unitary') return 'UP';
  if (q.office === 'EP' && q.payee === 'national') return nationalRuleOf(q.state)?.state ?? null;
  return q.office === 'WO' || q.office === 'OTHER' ? null : q.office;
}

/** The schedule of an office in force on a day: the latest whose `validFrom` is on or before it. */
export function scheduleOn(
  office: FeeOffice | null,
  on: string,
  schedules: readonly FeeSchedule[] = FEE_SCHEDULES,
): FeeSchedule | null {
  let best: FeeSchedule | null = null;
  for (const s of schedules)
    if (s.office === office && s.validFrom <= on && (!best || s.validFrom > best.validFrom)) best = s;
  return best;
}

export function feeAmount(q: FeeQuery, schedules: readonly FeeSchedule[] = FEE_SCHEDULES): FeeAmount {
  const office = feeOfficeOf(q);
  if (office === null && q.payee === 'national') return { state: 'missing', reason: 'national_fee' };
  const schedule = scheduleOn(office, q.on, schedules);
  if (!schedule) return { state: 'missing', reason: 'no_schedule' };
  const entity = q.office === 'US' ? (q.entity ?? 'large') : null;
  const line = schedule.lines.find(
    (l) => l.kinds.includes(q.kind) && l.entity === entity && l.fromYear <= q.year && q.year <= l.toYear,
  );
  if (!line) return { state: 'missing', reason: 'no_line' };
  let amount = line.amount;
  if (line.perClaim !== undefined) {
    if (q.claims === undefined || q.claims === null || q.claims < 1)
      return { state: 'missing', reason: 'no_claims' };
    amount += line.perClaim * q.claims;
  }
  return {
    state: 'priced',
    currency: schedule.currency,
    amountMinor: amount * 100,
    scheduleFrom: schedule.validFrom,
    basis: schedule.basis,
  };
}

/** The fee of an annuity or renewal deadline of a matter, at the schedule in force on its due date. */
export function deadlineFee(
  d: Pick<Deadline, 'office' | 'year' | 'dueDate' | 'payee' | 'state'> & { year: number },
  matter: { kind: Kind; entity: EntitySize; claims: number | null },
): FeeAmount {
  return feeAmount({
    office: d.office,
    kind: matter.kind,
    year: d.year,
    on: d.dueDate,
    entity: matter.entity,
    claims: matter.claims,
    payee: d.payee,
    state: d.state,
  });
}

/**
 * The calendar month after a month-end due date (1 to 6) by whose last day, moved to the state's next working
 * day, `paidOn` is.
 */
function monthOfGrace(state: EpState, due: string, paidOn: string): number {
  for (let month = 1; month <= 6; month += 1)
    if (paidOn <= nationalWorkingDay(state, endOfMonth(addMonths(due, month))).date) return month;
  throw new RangeError('Paid after the grace period: the right has lapsed.');
}

/**
 * The surcharge for paying a fee due on `due` on `paidOn`, within the office's grace period (the deadline's
 * `actBy` and `graceEnds` from deadlines.ts):
 * - US: the flat surcharge of 37 CFR 1.20(h) by entity size, for payment in the six months' grace (1.362(e));
 * - EPO: an additional fee of 50% of the renewal fee (RFees art. 2(1), item 5; EPC Rule 51(2)), and the same
 *   for a Unitary Patent (Rule 13(3) UPR; RFeesUPP art. 2(1), item 2);
 * - Germany: nothing to the end of the second month after the due date, then a flat 50 € (PatKostG § 7(1));
 * - United Kingdom: nothing in the first month after the due date, then £24 for each further month;
 * - China: 5% of the fee for each month late after the first (deadlines.ts lateSurchargePercent);
 * - Taiwan: 20% per month late, at most the fee itself (Patent Act art. 94(1); lateSurchargePercent);
 * - Japan: a surcharge equal to the fee (割増特許料, Patent Act art. 112(2));
 * - Korea: the schedule's percent of the fee for each month or part of one after the due date (Patent Act
 *   art. 81(2): at most twice the fee, the amount set by the Rules on the Collection of Patent Fees).
 * Paying on or before `actBy` costs nothing extra; after `graceEnds` the right has lapsed (RangeError).
 */
export function surchargeMinor(
  fee: {
    office: Office;
    dueDate: string;
    actBy: string;
    graceEnds: string | null;
    payee?: Payee | null;
    state?: string | null;
  },
  amountMinor: number,
  paidOn: string,
  entity: EntitySize = 'large',
  schedules: readonly FeeSchedule[] = FEE_SCHEDULES,
): number {
  if (paidOn <= fee.actBy) return 0;
  if (!fee.graceEnds || paidOn > fee.graceEnds)
    throw new RangeError('Paid after the grace period: the right has lapsed.');
  if (fee.office === 'TW' || fee.office === 'CN') {
    // Months are counted from the due date; a payment the office's closure moved is not late.
    return Math.round((amountMinor * lateSurchargePercent(fee.office, fee.dueDate, paidOn)) / 100);
  }
  const national = fee.office === 'EP' && fee.payee === 'national' ? nationalRuleOf(fee.state) : null;
  if (national) {
    const schedule = scheduleOn(national.state, paidOn, schedules);
    const month = monthOfGrace(national.state, fee.dueDate, paidOn);
    // Germany: free to the end of the second month after the due date, then a flat surcharge (PatKostG § 7(1)).
    if (national.rule.late === 'flat_after_two_months') {
      const flat = schedule?.flatSurcharge?.large;
      if (flat === undefined) throw new RangeError(`No surcharge is kept for ${national.state} on that day.`);
      return month <= 2 ? 0 : flat * 100;
    }
    // United Kingdom: the first month free, then a flat amount for each further month (£24).
    const perMonth = schedule?.lateMonthFlat;
    if (perMonth === undefined)
      throw new RangeError(`No surcharge is kept for ${national.state} on that day.`);
    return perMonth * 100 * (month - 1);
  }
  if (fee.office === 'EP' && fee.payee === 'national')
    throw new RangeError(`No surcharge rule is kept for ${fee.state ?? 'the validation states'}.`);
  // The EPO, and the Unitary Patent (Rule 13(3) UPR; RFeesUPP art. 2(1), item 2): 50% of the fee.
  if (fee.office === 'EP') return Math.round(amountMinor / 2);
  if (fee.office === 'JP') return amountMinor;
  if (fee.office === 'KR') {
    const percent = scheduleOn('KR', paidOn, schedules)?.lateMonthPercent;
    if (percent === undefined) throw new RangeError('No Korean surcharge is kept for that day.');
    return Math.round((amountMinor * percent * monthsLate(fee.dueDate, paidOn)) / 100);
  }
  if (fee.office === 'US') {
    const flat = scheduleOn('US', paidOn, schedules)?.flatSurcharge?.[entity];
    if (flat === undefined) throw new RangeError('No US surcharge is kept for that day.');
    return flat * 100;
  }
  throw new RangeError(`No surcharge rule for ${fee.office}.`);
}
