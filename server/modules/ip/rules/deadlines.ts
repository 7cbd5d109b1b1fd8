import {
  deadStatuses,
  type EpState,
  grantedStatuses,
  type Kind,
  type Office,
  type Status,
} from '#shared/modules/ip/rules/offices.ts';
import { nextWorkingDay, type OfficeCalendar } from './calendar.ts';
import { addDays, addMonths, addYears, endOfMonth, monthsLate, periodEnd } from './dates.ts';
import { postGrantRenewals } from './validation-states.ts';

/**
 * The deadlines of one matter in one office, to the day: the office's law as data and pure functions.
 * Payment and filing deadlines move to the office's next working day (see calendar.ts); the end of the term
 * never moves. A date that no rule can place (a granted matter without its grant date) is a data problem,
 * reported as such and never guessed.
 */

export type MatterFacts = {
  office: Office;
  kind: Kind;
  route: 'direct' | 'pct';
  status: Status;
  filingDate: string;
  priorityDate: string | null;
  grantDate: string | null;
  termAdjustmentDays: number;
  /** The day a term counted from filing starts when the law takes an earlier filing's (35 U.S.C. 154(a)(2)). */
  termFrom?: string | null;
  /** A European patent: the states where it was validated after grant. */
  validationStates?: readonly EpState[];
  /** A European patent with unitary effect: its renewal fees after grant go to the EPO. */
  unitaryEffect?: boolean;
};

export type Payee = 'office' | 'epo' | 'unitary' | 'national';

export type DeadlineKind = 'priority' | 'national_phase' | 'annuity' | 'term_end';

export type Deadline = {
  kind: DeadlineKind;
  /** The office the deadline is kept at (for a national phase entry, the office entered). */
  office: Office;
  /** The patent year a fee maintains (annuities, renewal fees), or the US maintenance stage in years (3.5 → 4). */
  year: number | null;
  /** The date the law sets. */
  dueDate: string;
  /** The last day to act: the due date moved to the office's next working day (the term end never moves). */
  actBy: string;
  /** Whether the office's closure days are known for the years involved (weekends always are). */
  calendarKnown: boolean;
  /** The first day a fee may be paid, where the law sets one. */
  windowOpens: string | null;
  /** The last day of the grace period with a surcharge, moved like `actBy`. */
  graceEnds: string | null;
  /**
   * Who is paid: the office itself; the EPO (an application's renewal fees); the EPO for a European patent with
   * unitary effect; or a validation state's office after grant.
   */
  payee: Payee | null;
  /** The validation state whose national renewal fee this is (null where the states are not recorded). */
  state: EpState | null;
  /** The fee for the year in which the grant falls is paid with the grant's registration, not by a date. */
  atGrant: boolean;
  /** `actBy` is the end of the two months after the grant is published (EPC art. 141(2)), not a moved due date. */
  afterGrant?: boolean;
  /** The provision the date follows. */
  basis: string;
};

export type DataProblem = { code: 'grant_date_missing' | 'no_rules_for_office'; field: string | null };

export type Schedule = { deadlines: Deadline[]; problems: DataProblem[]; termEnd: string | null };

/** Months from the priority date to the national or regional phase, per office entered. */
export const NATIONAL_PHASE: Partial<Record<Office, { months: number; basis: string }>> = {
  US: { months: 30, basis: '35 U.S.C. 371(b); 37 CFR 1.495(b)' },
  CN: { months: 30, basis: 'PRC Patent Law Implementing Regulations r. 103 (2010; r. 120 of 2023)' },
  EP: { months: 31, basis: 'EPC Rule 159(1)' },
  JP: { months: 30, basis: 'Japan Patent Act art. 184-4(1)' },
  KR: { months: 31, basis: 'Korea Patent Act art. 203(1)' },
};

/**
 * The term of a matter: years and whether counted from filing or grant. Designs' terms depend on the filing
 * date where the law changed.
 */
export function term(facts: Pick<MatterFacts, 'office' | 'kind' | 'filingDate'>): {
  years: number;
  from: 'filing' | 'grant';
  basis: string;
} | null {
  const { office, kind, filingDate } = facts;
  if (kind === 'design') {
    if (office === 'US')
      return filingDate >= '2015-05-13'
        ? { years: 15, from: 'grant', basis: '35 U.S.C. 173 (PLTIA, applications filed from 2015-05-13)' }
        : { years: 14, from: 'grant', basis: '35 U.S.C. 173 (before 2015-05-13)' };
    if (office === 'TW')
      return filingDate >= '2019-11-01'
        ? { years: 15, from: 'filing', basis: 'Taiwan Patent Act art. 135 (as amended from 2019-11-01)' }
        : { years: 12, from: 'filing', basis: 'Taiwan Patent Act art. 135 (before 2019-11-01)' };
    if (office === 'CN')
      return filingDate >= '2021-06-01'
        ? { years: 15, from: 'filing', basis: 'PRC Patent Law art. 42 (as amended from 2021-06-01)' }
        : { years: 10, from: 'filing', basis: 'PRC Patent Law art. 42 (before 2021-06-01)' };
    return null;
  }
  if (kind === 'utility_model') {
    if (office === 'TW') return { years: 10, from: 'filing', basis: 'Taiwan Patent Act art. 114' };
    if (office === 'CN') return { years: 10, from: 'filing', basis: 'PRC Patent Law art. 42' };
    return null;
  }
  const basis: Partial<Record<Office, string>> = {
    US: '35 U.S.C. 154(a)(2), plus term adjustment under 154(b)',
    TW: 'Taiwan Patent Act art. 52(3)',
    CN: 'PRC Patent Law art. 42',
    EP: 'EPC art. 63(1)',
    JP: 'Japan Patent Act art. 67(1)',
    KR: 'Korea Patent Act art. 88(1)',
  };
  return basis[office] ? { years: 20, from: 'filing', basis: basis[office] as string } : null;
}

/** Percent of the fee added as a surcharge for paying on `paidOn` a fee due on `due`, by office. */
export function lateSurchargePercent(office: 'TW' | 'CN', due: string, paidOn: string): number {
  const late = monthsLate(due, paidOn);
  if (late === 0) return 0;
  if (late > 6) throw new RangeError('Paid after the six-month grace period: the right has lapsed.');
  // Taiwan Patent Act art. 94(1): 20% for each month in arrears, at most the fee itself.
  if (office === 'TW') return Math.min(20 * late, 100);
  // CNIPA: the first month after the due date is free, then 5% of the fee per month (r. 98 of 2010).
  return 5 * (late - 1);
}

export function computeSchedule(facts: MatterFacts, calendars: (office: Office) => OfficeCalendar): Schedule {
  const deadlines: Deadline[] = [];
  const problems: DataProblem[] = [];
  const office = facts.office;
  const moved = (o: Office, date: string) => nextWorkingDay(calendars(o), date);
  const dead = deadStatuses.includes(facts.status);
  const granted = grantedStatuses.includes(facts.status) || facts.status === 'expired';
  if (granted && !facts.grantDate) problems.push({ code: 'grant_date_missing', field: 'grantDate' });

  const t = term(facts);
  let termEnd: string | null = null;
  if (t) {
    const start = t.from === 'filing' ? (facts.termFrom ?? facts.filingDate) : facts.grantDate;
    if (start) {
      termEnd = addYears(start, t.years);
      if (office === 'US' && facts.kind !== 'design' && facts.termAdjustmentDays > 0)
        termEnd = addDays(termEnd, facts.termAdjustmentDays);
      deadlines.push(plain('term_end', office, null, termEnd, t.basis));
    }
  } else if (office !== 'WO' && office !== 'OTHER') {
    problems.push({ code: 'no_rules_for_office', field: 'office' });
  }
  if (dead) return { deadlines, problems, termEnd };

  // Paris Convention art. 4C(1): 12 months for inventions and utility models, 6 for designs, from the first
  // filing. The extension of art. 4C(3) is the later office's: the date is shown as the law sets it.
  if (facts.route === 'direct' && office !== 'WO' && !facts.priorityDate) {
    const months = facts.kind === 'design' ? 6 : 12;
    deadlines.push(
      plain('priority', office, null, addMonths(facts.filingDate, months), 'Paris Convention art. 4C(1)'),
    );
  }

  if (office === 'WO') {
    const base = facts.priorityDate ?? facts.filingDate;
    for (const [target, rule] of Object.entries(NATIONAL_PHASE) as [
      Office,
      { months: number; basis: string },
    ][]) {
      const due = addMonths(base, rule.months);
      const act = moved(target, due);
      deadlines.push({
        ...plain('national_phase', target, null, due, rule.basis),
        actBy: act.date,
        calendarKnown: act.calendarKnown,
      });
    }
  }

  if (facts.kind !== 'design' || office === 'TW' || office === 'CN') {
    if (office === 'US') deadlines.push(...usMaintenance(facts, termEnd, moved));
    if (office === 'TW') deadlines.push(...twAnnuities(facts, termEnd, moved));
    if (office === 'CN') deadlines.push(...cnAnnualFees(facts, termEnd, moved));
    if (office === 'EP') deadlines.push(...epRenewals(facts, termEnd, moved));
  }
  if ((office === 'JP' || office === 'KR') && facts.kind === 'invention')
    deadlines.push(...registrationYearFees(office, facts, termEnd, moved));
  // By date, and on one date the validation states in the order of their codes.
  deadlines.sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || (a.state ?? '').localeCompare(b.state ?? ''),
  );
  return { deadlines, problems, termEnd };
}

/**
 * The deadline to act on next from `today` among those of one kind, and the others falling due on its day (a
 * European patent's validation states pay theirs together): acting on it means acting on them all.
 */
export function nextOfKind(
  deadlines: readonly Deadline[],
  kind: DeadlineKind,
  today: string,
): { next: Deadline; sameDay: Deadline[] } | null {
  const next = deadlines.find((d) => d.kind === kind && !d.atGrant && d.actBy >= today);
  if (!next) return null;
  return {
    next,
    sameDay: deadlines.filter((d) => d.kind === kind && !d.atGrant && d.dueDate === next.dueDate),
  };
}

export type Mover = (office: Office, date: string) => { date: string; calendarKnown: boolean };

function plain(
  kind: DeadlineKind,
  office: Office,
  year: number | null,
  due: string,
  basis: string,
): Deadline {
  return {
    kind,
    office,
    year,
    dueDate: due,
    actBy: due,
    calendarKnown: true,
    windowOpens: null,
    graceEnds: null,
    payee: null,
    state: null,
    atGrant: false,
    basis,
  };
}

function fee(
  office: Office,
  year: number,
  due: string,
  graceEnd: string,
  moved: Mover,
  basis: string,
  extra: Partial<Deadline> = {},
): Deadline {
  const act = moved(office, due);
  const grace = moved(office, graceEnd);
  return {
    ...plain('annuity', office, year, due, basis),
    actBy: act.date,
    graceEnds: grace.date,
    calendarKnown: act.calendarKnown && grace.calendarKnown,
    payee: 'office',
    ...extra,
  };
}

/**
 * US utility maintenance fees: due 3½, 7½ and 11½ years after grant (35 U.S.C. 41(b)); payable without
 * surcharge from 3, 7 and 11 years (the window, 37 CFR 1.362(d)), with the surcharge to the 4th, 8th and 12th
 * anniversary of the grant (37 CFR 1.362(e)). A due date on a weekend or federal holiday may be met on the next
 * business day (35 U.S.C. 21(b); MPEP 2506). Designs and plants pay none.
 */
function usMaintenance(facts: MatterFacts, termEnd: string | null, moved: Mover) {
  if (facts.kind === 'design' || !facts.grantDate) return [];
  const grant = facts.grantDate;
  return [3, 7, 11]
    .map((y) => ({ y, due: addMonths(grant, y * 12 + 6) }))
    .filter(({ due }) => !termEnd || due < termEnd)
    .map(({ y, due }) =>
      fee('US', y + 1, due, addYears(grant, y + 1), moved, '35 U.S.C. 41(b); 37 CFR 1.362(d), (e)', {
        windowOpens: addYears(grant, y),
      }),
    );
}

/**
 * Taiwan annuities, counted from the publication of the grant: the first year's is paid before publication
 * (Patent Act art. 93(1)); each later year's before the preceding year ends, i.e. by the day before the
 * anniversary of the publication (art. 93(1)); then six months' grace with a surcharge of 20% per month late
 * (art. 94(1)). The grant date recorded for a Taiwan matter is the date its grant was published.
 */
function twAnnuities(facts: MatterFacts, termEnd: string | null, moved: Mover) {
  if (!facts.grantDate || !termEnd) return [];
  const out: Deadline[] = [];
  for (let year = 2; ; year += 1) {
    const starts = addYears(facts.grantDate, year - 1);
    if (starts >= termEnd) break;
    const due = periodEnd(facts.grantDate, (year - 1) * 12);
    out.push(fee('TW', year, due, addMonths(due, 6), moved, 'Taiwan Patent Act arts. 93(1), 94(1)'));
  }
  return out;
}

/**
 * China annual fees by patent year counted from the filing date. The fee of the year in which the grant falls
 * is paid with the grant's registration (Implementing Regulations r. 97 of 2010); each later year's is due by the
 * filing date's anniversary that starts it (r. 98; CNIPA Examination Guidelines Part V ch. 9, 2.2.1), then six
 * months' grace, the first month free and 5% of the fee per further month.
 */
function cnAnnualFees(facts: MatterFacts, termEnd: string | null, moved: Mover) {
  if (!facts.grantDate || !termEnd) return [];
  const out: Deadline[] = [];
  let grantYear = 1;
  while (addYears(facts.filingDate, grantYear) <= facts.grantDate) grantYear += 1;
  out.push({
    ...plain(
      'annuity',
      'CN',
      grantYear,
      facts.grantDate,
      'PRC Patent Law Implementing Regulations r. 97 (2010)',
    ),
    payee: 'office',
    atGrant: true,
  });
  for (let year = grantYear + 1; ; year += 1) {
    const due = addYears(facts.filingDate, year - 1);
    if (due >= termEnd) break;
    out.push(
      fee('CN', year, due, addMonths(due, 6), moved, 'PRC Patent Law Implementing Regulations r. 98 (2010)'),
    );
  }
  return out;
}

/**
 * EPO renewal fees from the third year, due on the last day of the month of the filing date's anniversary that
 * starts the year (EPC art. 86(1), Rule 51(1)): the third year's at the second anniversary. Unpaid, within six
 * months with a 50% additional fee (Rule 51(2)), the period ending on the last day of the sixth month after the
 * due date (Guidelines A-X, 5.2.4; J 4/91). A Euro-PCT application's third-year fee, if due earlier, falls due
 * when the 31-month period of Rule 159(1) expires. Fees go to the EPO up to the year in which the mention of the
 * grant is published (art. 86(2)), then to each validation state (art. 141(1)) or, with unitary effect, to the
 * EPO again (validation-states.ts).
 */
function epRenewals(facts: MatterFacts, termEnd: string | null, moved: Mover) {
  if (!termEnd) return [];
  let grantYear = Number.POSITIVE_INFINITY;
  if (facts.grantDate) {
    grantYear = 1;
    while (addYears(facts.filingDate, grantYear) <= facts.grantDate) grantYear += 1;
  }
  const out: Deadline[] = [];
  for (let year = 3; ; year += 1) {
    const anniversary = addYears(facts.filingDate, year - 1);
    if (anniversary >= termEnd) break;
    let due = endOfMonth(anniversary);
    // The six months run from the last day of a month to the last day of the sixth month after it.
    let graceEnd = endOfMonth(addMonths(due, 6));
    if (year === 3 && facts.route === 'pct') {
      const entry = addMonths(facts.priorityDate ?? facts.filingDate, 31);
      if (due < entry) {
        due = entry;
        graceEnd = addMonths(entry, 6);
      }
    }
    if (year > grantYear && facts.grantDate) {
      out.push(...postGrantRenewals({ ...facts, grantDate: facts.grantDate }, year, due, moved));
      continue;
    }
    out.push(fee('EP', year, due, graceEnd, moved, 'EPC art. 86, Rule 51(1), (2)', { payee: 'epo' }));
  }
  return out;
}

const REGISTRATION_FEE_BASIS = {
  JP: {
    atGrant: 'Japan Patent Act arts. 107(1), 108(1)',
    yearly: 'Japan Patent Act arts. 108(2), 112(1), (2)',
  },
  KR: { atGrant: 'Korea Patent Act art. 79(1)', yearly: 'Korea Patent Act arts. 79(2), 81(1), (2)' },
} as const;

/**
 * Japan and Korea patent fees by year counted from the registration of the grant (the grant date recorded for a
 * JP or KR matter is the registration date). The first three years' fees are paid together to register the
 * patent (Japan art. 108(1): within 30 days of the decision to grant; Korea art. 79(1): within 3 months), so
 * they are marked as paid at grant. Each later year's is due before the preceding year ends (Japan art. 108(2);
 * Korea art. 79(2)): the registration day is not counted (Japan art. 3(1)(i); Korea art. 14(1)), so a year ends
 * on its anniversary and the 4th year's fee is due on the 3rd anniversary of registration (JPO/INPIT:
 * registered 2012-02-24, 4th year due 2015-02-24); a 29 February's year ends on 28 February. Six months' grace
 * follows, counted the same way (Japan art. 112(1); Korea art. 81(1)). A last day on which the office is
 * closed moves to its next working day (Japan art. 3(2); Korea art. 14(4)); the closure days beyond weekends
 * are the office's entered calendar (calendar.ts).
 */
function registrationYearFees(
  office: 'JP' | 'KR',
  facts: MatterFacts,
  termEnd: string | null,
  moved: Mover,
): Deadline[] {
  if (!facts.grantDate || !termEnd) return [];
  const basis = REGISTRATION_FEE_BASIS[office];
  const firstDay = addDays(facts.grantDate, 1);
  const out: Deadline[] = [1, 2, 3].map((year) => ({
    ...plain('annuity', office, year, facts.grantDate as string, basis.atGrant),
    payee: 'office',
    atGrant: true,
  }));
  for (let year = 4; ; year += 1) {
    const due = periodEnd(firstDay, (year - 1) * 12);
    if (due >= termEnd) break;
    out.push(fee(office, year, due, periodEnd(addDays(due, 1), 6), moved, basis.yearly));
  }
  return out;
}
