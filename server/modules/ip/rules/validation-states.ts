import type { EpState } from '#shared/modules/ip/rules/offices.ts';
import { pastWeekend } from './calendar.ts';
import { addMonths, addYears, daysBetween, endOfMonth } from './dates.ts';
import type { Deadline, MatterFacts, Mover } from './deadlines.ts';

/**
 * The renewal fees of a European patent after the year in which the mention of its grant is published
 * (EPC art. 86(2)): to each state where it was validated (art. 141(1)), and to the EPO for a European patent
 * with unitary effect (Regulation (EU) 1257/2012 art. 11). Any national renewal fee falling due within two
 * months after the publication may be paid within those two months without an additional fee (art. 141(2)).
 */

/** A validation state whose national renewal rules are kept: its fees and surcharges are in fee-schedules.ts. */
type NationalRule = {
  /** The first patent year the state charges for. */
  firstYear: number;
  /** The provisions the dates follow. */
  basis: string;
};

/**
 * Germany: due on the last day of the month of the filing date's anniversary (PatKostG § 3(2)); payable without
 * surcharge to the end of the second month after it, with the surcharge to the end of the sixth (§ 7(1)).
 * United Kingdom: due on the last day of the month of the anniversary, from the 5th year; one month free, then
 * £24 for each further month, to six months after the due date (Patents Act 1977 s. 25(3), (4); Patents Rules
 * 2007 r. 37). Both move a last day on which the office is closed to its next working day; only weekends are
 * known here, so such a date is flagged as not checked against the office's calendar.
 */
export const NATIONAL_RENEWAL_RULES: Partial<Record<EpState, NationalRule>> = {
  DE: { firstYear: 3, basis: 'EPC art. 141; PatKostG §§ 3(2), 7(1)' },
  GB: { firstYear: 5, basis: 'EPC art. 141; Patents Act 1977 s. 25(3), (4); Patents Rules 2007 r. 37' },
};

/** The months after a month-end due date to the end of the grace period with a surcharge (DE, GB, EPO). */
const GRACE_MONTHS = 6;

/** Where the facts say nothing of where the patent took effect: one row for the validation states together. */
const UNNAMED_STATES = 'EPC art. 141(1): national renewal fees';

export function postGrantRenewals(
  facts: MatterFacts & { grantDate: string },
  year: number,
  moved: Mover,
): Deadline[] {
  const due = endOfMonth(addYears(facts.filingDate, year - 1));
  const graceEnd = endOfMonth(addMonths(due, GRACE_MONTHS));
  const freeUntil = addMonths(facts.grantDate, 2);
  const out: Deadline[] = [];
  const row = (payee: Deadline['payee'], state: EpState | null, basis: string): Deadline => ({
    kind: 'annuity',
    office: 'EP',
    year,
    dueDate: due,
    actBy: due,
    calendarKnown: false,
    windowOpens: null,
    graceEnds: null,
    payee,
    state,
    atGrant: false,
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
      ),
      actBy: act.date,
      graceEnds: grace.date,
      calendarKnown: act.calendarKnown && grace.calendarKnown,
    });
  }
  const states = [...(facts.validationStates ?? [])].sort();
  if (states.length === 0 && !facts.unitaryEffect) out.push(row('national', null, UNNAMED_STATES));
  for (const state of states) {
    const rule = NATIONAL_RENEWAL_RULES[state];
    // Art. 141(2): a fee falling due within two months after the grant is published may be paid within them.
    const lastDay = daysBetween(due, freeUntil) > 0 ? freeUntil : due;
    if (!rule) {
      out.push({ ...row('national', state, UNNAMED_STATES), actBy: lastDay });
      continue;
    }
    if (year < rule.firstYear) continue;
    const act = pastWeekend(lastDay);
    const grace = pastWeekend(graceEnd);
    out.push({ ...row('national', state, rule.basis), actBy: act.date, graceEnds: grace.date });
  }
  return out;
}
