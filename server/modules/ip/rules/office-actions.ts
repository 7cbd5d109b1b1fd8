import type { Office } from '#shared/modules/ip/rules/offices.ts';
import { nextWorkingDay, type OfficeCalendar } from './calendar.ts';
import { addDays, addMonths } from './dates.ts';

/**
 * The period to respond to an office action, to the day, by the office's law:
 * - USPTO: the shortened statutory period runs from the mailing date and ends on the same day number of the later
 *   month, or on its last day when it has none (MPEP 710.01(a)); it may be extended by paying for up to five
 *   months, never beyond the six months of 35 U.S.C. 133 (37 CFR 1.136(a)); a last day on which the USPTO is
 *   closed moves to its next business day (35 U.S.C. 21(b)).
 * - EPO: a document dated from 2023-11-01 is deemed notified on its date; before, on the tenth day after it
 *   (Rule 126(2) EPC, as amended by OJ EPO 2022, A101); months end on the same day number or the month's last day
 *   (Rule 131(4)); the period may be extended on request, normally to six months at most (Rule 132(2)); a last day
 *   on which the EPO is closed moves (Rule 134(1)).
 * - Other offices: the period from the date of the communication, moved past the office's closure days; their
 *   extension rules are not kept, so no extension is accepted there.
 */

const TEN_DAY_RULE_ENDS = '2023-11-01';

export type ResponsePeriod = {
  startsOn: string;
  dueDate: string;
  extendedTo: string;
  actBy: string;
  calendarKnown: boolean;
  maxExtendedTo: string | null;
  basis: string;
};

export type ResponseProblem = 'extension_beyond_limit' | 'extension_rules_unknown';

export function responsePeriod(
  a: { office: Office; mailedOn: string; periodMonths: number; extensionMonths: number },
  calendar: (office: Office) => OfficeCalendar,
): ResponsePeriod | { problem: ResponseProblem } {
  const startsOn = a.office === 'EP' && a.mailedOn < TEN_DAY_RULE_ENDS ? addDays(a.mailedOn, 10) : a.mailedOn;
  const limit = a.office === 'US' || a.office === 'EP' ? 6 : null;
  if (limit === null && a.extensionMonths > 0) return { problem: 'extension_rules_unknown' };
  if (limit !== null && a.periodMonths + a.extensionMonths > limit)
    return { problem: 'extension_beyond_limit' };
  const extendedTo = addMonths(startsOn, a.periodMonths + a.extensionMonths);
  const moved = nextWorkingDay(calendar(a.office), extendedTo);
  const basis =
    a.office === 'US'
      ? '35 U.S.C. 21(b), 133; 37 CFR 1.134, 1.136(a); MPEP 710.01(a)'
      : a.office === 'EP'
        ? 'EPC Rules 126(2), 131(4), 132, 134(1)'
        : 'The period set by the communication';
  return {
    startsOn,
    dueDate: addMonths(startsOn, a.periodMonths),
    extendedTo,
    actBy: moved.date,
    calendarKnown: moved.calendarKnown,
    maxExtendedTo: limit === null ? null : addMonths(startsOn, Math.max(limit, a.periodMonths)),
    basis,
  };
}
