import { addMonths, addYears, endOfMonth, periodEnd } from './dates.ts';

export type TrademarkFacts = {
  office: 'TW' | 'US' | 'CN' | 'EU';
  status: 'filed' | 'registered' | 'opposed' | 'lapsed' | 'abandoned';
  filingDate: string;
  registrationDate: string | null;
};

export type TrademarkDeadline = {
  kind: 'renewal' | 'use_declaration';
  /** The last day of the period without surcharge (the end of the registration for renewals). */
  dueDate: string;
  windowOpens: string;
  graceEnds: string | null;
  basis: string;
};

/**
 * Renewal and maintenance deadlines of a registered trademark for the first `cycles` ten-year terms:
 * - Taiwan: 10 years from the registration's publication (Trademark Act art. 33); renewal in the 6 months
 *   before the end, or the 6 months after with a doubled fee (art. 34).
 * - China: 10 years from the approval of registration (Trademark Law art. 39); renewal in the 12 months before
 *   the end, 6 months' grace (art. 40).
 * - US: the declaration of use between the 5th and 6th year after registration (15 U.S.C. 1058(a)), and with
 *   each renewal in the year before every 10th anniversary (15 U.S.C. 1059(a)); 6 months' grace each.
 * - EU: 10 years from the filing date (EUTMR art. 52); renewal in the 6 months ending on the last day of the
 *   month in which protection ends, then 6 months' grace (art. 53(3)).
 * Returns null when a registered mark lacks its registration date (a data problem, never a guess).
 */
export function trademarkDeadlines(f: TrademarkFacts, cycles = 3): TrademarkDeadline[] | null {
  if (f.status === 'filed' || f.status === 'lapsed' || f.status === 'abandoned') return [];
  if (f.office !== 'EU' && !f.registrationDate) return null;
  const out: TrademarkDeadline[] = [];
  const reg = f.registrationDate as string;
  for (let c = 1; c <= cycles; c += 1) {
    if (f.office === 'TW') {
      const end = periodEnd(reg, c * 120);
      out.push({
        kind: 'renewal',
        dueDate: end,
        windowOpens: addMonths(end, -6),
        graceEnds: addMonths(end, 6),
        basis: 'Taiwan Trademark Act arts. 33–34',
      });
    } else if (f.office === 'CN') {
      const end = periodEnd(reg, c * 120);
      out.push({
        kind: 'renewal',
        dueDate: end,
        windowOpens: addMonths(end, -12),
        graceEnds: addMonths(end, 6),
        basis: 'PRC Trademark Law arts. 39–40',
      });
    } else if (f.office === 'US') {
      if (c === 1)
        out.push({
          kind: 'use_declaration',
          dueDate: addYears(reg, 6),
          windowOpens: addYears(reg, 5),
          graceEnds: addMonths(addYears(reg, 6), 6),
          basis: '15 U.S.C. 1058(a)(1)',
        });
      const end = addYears(reg, c * 10);
      out.push({
        kind: 'renewal',
        dueDate: end,
        windowOpens: addYears(end, -1),
        graceEnds: addMonths(end, 6),
        basis: '15 U.S.C. 1058(a)(2), 1059(a)',
      });
    } else {
      const end = endOfMonth(addYears(f.filingDate, c * 10));
      out.push({
        kind: 'renewal',
        dueDate: end,
        windowOpens: addMonths(end, -6),
        graceEnds: endOfMonth(addMonths(end, 6)),
        basis: 'EUTMR arts. 52, 53(3)',
      });
    }
  }
  return out;
}

/** The day the current registration ends: the first renewal's due date. */
export function trademarkExpiry(d: TrademarkDeadline[]): string | null {
  return d.find((x) => x.kind === 'renewal')?.dueDate ?? null;
}
