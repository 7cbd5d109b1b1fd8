import type { EpState } from '#shared/modules/ip/rules/offices.ts';
import { addMonths, endOfMonth, laterOf } from './dates.ts';
import type { Deadline, MatterFacts, Mover } from './deadlines.ts';
import { nationalWorkingDay } from './national-calendars.ts';

/**
 * The renewal fees of a European patent after the year in which the mention of its grant is published
 * (EPC art. 86(2)): to each state where it was validated (art. 141(1)), and to the EPO for a European patent
 * with unitary effect (Regulation (EU) 1257/2012 art. 11). Any national renewal fee falling due within two
 * months after the publication may be paid within those two months without an additional fee (art. 141(2)).
 */

/** How a state charges for paying in its grace period (the amounts are its schedule's, fee-schedules.ts). */
export type LatePayment =
  /** Germany: nothing to the end of the second month after the due date, then one flat surcharge. */
  | 'flat_after_two_months'
  /** United Kingdom: nothing in the first month after the due date, then a flat amount for each further month. */
  | 'monthly_after_first';

/** A validation state whose national renewal rules are kept. */
type NationalRule = {
  /** The first patent year the state charges for. */
  firstYear: number;
  late: LatePayment;
  /**
   * The first fee after a late grant falls due at the end of the month three months after the grant is
   * published, when that is later than the anniversary's month-end (UK).
   */
  lateGrant: boolean;
  /** The provisions the dates follow. */
  basis: string;
};

/**
 * Germany: due on the last day of the month of the filing date's anniversary (PatKostG § 3(2)); payable without
 * surcharge to the end of the second month after it, with the surcharge to the end of the sixth (§ 7(1)).
 * United Kingdom: due on the last day of the month of the anniversary, from the 5th year, or for the first fee
 * after a late grant at the end of the month three months after it; one month free, then £24 for each further
 * month, to six months after the due date (Patents Act 1977 s. 25(3), (4); Patents Rules 2007 r. 37).
 * Both move a last day on which the office is closed to its next working day (national-calendars.ts).
 */
export const NATIONAL_RENEWAL_RULES = {
  DE: {
    firstYear: 3,
    late: 'flat_after_two_months',
    lateGrant: false,
    basis: 'EPC art. 141; PatKostG §§ 3(2), 7(1)',
  },
  GB: {
    firstYear: 5,
    late: 'monthly_after_first',
    lateGrant: true,
    basis: 'EPC art. 141; Patents Act 1977 s. 25(3), (4); Patents Rules 2007 r. 37',
  },
} as const satisfies Partial<Record<EpState, NationalRule>>;

/** The validation states whose renewal rules, fees and office closure days are kept. */
export type KeptState = keyof typeof NATIONAL_RENEWAL_RULES;

const isKept = (state: string): state is KeptState => Object.hasOwn(NATIONAL_RENEWAL_RULES, state);

/** The state whose kept rules price a national renewal fee, or null. */
export function nationalRuleOf(
  state: string | null | undefined,
): { state: KeptState; rule: NationalRule } | null {
  return state && isKept(state) ? { state, rule: NATIONAL_RENEWAL_RULES[state] } : null;
}

/** The months after a month-end due date to the end of the grace period with a surcharge (DE, GB, EPO). */
const GRACE_MONTHS = 6;

/** Where the facts say nothing of where the patent took effect: one row for the validation states together. */
const UNNAMED_STATES = 'EPC art. 141(1): national renewal fees';

/**
 * The renewal fees of one patent year after the grant year (`due`: the last day of the month of the filing
 * date's anniversary that starts it).
 */
export function postGrantRenewals(
  facts: MatterFacts & { grantDate: string },
  year: number,
  due: string,
  moved: Mover,
): Deadline[] {
  const graceEnd = endOfMonth(addMonths(due, GRACE_MONTHS));
  // Art. 141(2): a fee falling due within two months after the grant is published may be paid within them.
  const twoMonths = addMonths(facts.grantDate, 2);
  const lastDay = laterOf(due, twoMonths);
  const afterGrant = lastDay !== due;
  const out: Deadline[] = [];
  const row = (
    payee: Deadline['payee'],
    state: EpState | null,
    basis: string,
    extended = afterGrant,
  ): Deadline => ({
    kind: 'annuity',
    office: 'EP',
    year,
    dueDate: due,
    actBy: lastDay,
    calendarKnown: false,
    windowOpens: null,
    graceEnds: null,
    payee,
    state,
    atGrant: false,
    ...(extended ? { afterGrant: true } : {}),
    basis,
  });
  if (facts.unitaryEffect) {
    const act = moved('EP', due);
    const grace = moved('EP', graceEnd);
    out.push({
      ...row(
        'unitary',
        null,
        'Regulation (EU) 1257/2012 art. 11; Rules relating to Unitary Patent Protection r. 13',
        false,
      ),
      actBy: act.date,
      graceEnds: grace.date,
      calendarKnown: act.calendarKnown && grace.calendarKnown,
    });
  }
  const recorded = new Set(facts.validationStates ?? []);
  // Switzerland and Liechtenstein form one territory for patents: one renewal fee, paid in Switzerland.
  if (recorded.has('CH')) recorded.delete('LI');
  const states = [...recorded].sort();
  if (states.length === 0 && !facts.unitaryEffect) out.push(row('national', null, UNNAMED_STATES));
  for (const state of states) {
    const kept = nationalRuleOf(state);
    if (!kept) {
      out.push(row('national', state, UNNAMED_STATES));
      continue;
    }
    const { rule } = kept;
    if (year < rule.firstYear) continue;
    const stateDue = rule.lateGrant ? laterOf(due, endOfMonth(addMonths(facts.grantDate, 3))) : due;
    const act = nationalWorkingDay(state, laterOf(stateDue, lastDay));
    const grace = nationalWorkingDay(state, endOfMonth(addMonths(stateDue, GRACE_MONTHS)));
    out.push({
      ...row('national', state, rule.basis, laterOf(stateDue, twoMonths) !== stateDue),
      dueDate: stateDue,
      actBy: act.date,
      graceEnds: grace.date,
      calendarKnown: act.calendarKnown && grace.calendarKnown,
    });
  }
  return out;
}
