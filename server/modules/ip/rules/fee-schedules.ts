import type { EntitySize, Kind } from '#shared/modules/ip/rules/offices.ts';
import type { KeptState } from './validation-states.ts';

export type { EntitySize };

/**
 * The official fee schedules of annuities, renewal and maintenance fees, as data: per office, the date from
 * which a schedule applies (the fee payable is the one in force on the day it is paid), the office's currency,
 * and amounts in whole units of that currency by patent year (US: by maintenance stage, 4, 8 and 12 standing
 * for the fees due at 3.5, 7.5 and 11.5 years, as in deadlines.ts). Sources with their dates and licence:
 * reference/ip-fees/README.md. A new schedule is a new entry with its own `validFrom`; an old one stays, so a
 * fee paid before the change is still priced right.
 */

/**
 * Who prices a fee: an office, a validation state's office for the national renewal fees of a European patent
 * after grant (DE, GB), or the EPO for a European patent with unitary effect (UP).
 */
export type FeeOffice = 'US' | 'TW' | 'CN' | 'EP' | 'JP' | 'KR' | 'UP' | KeptState;
export type FeeKind = 'maintenance' | 'annuity' | 'renewal';

export type FeeLine = {
  /** The patent kinds the line prices. */
  kinds: readonly Kind[];
  /** Patent years (or US stages) from and to, both included. */
  fromYear: number;
  toYear: number;
  entity: EntitySize | null;
  /** Whole units of the schedule's currency. */
  amount: number;
  /** Added for each claim of the patent (JPO and KIPO), in whole units; absent where claims do not count. */
  perClaim?: number;
};

export type FeeSchedule = {
  office: FeeOffice;
  feeKind: FeeKind;
  currency: string;
  validFrom: string;
  /** The provision that sets the amounts. */
  basis: string;
  lines: readonly FeeLine[];
  /** A flat surcharge for paying in the grace period, by entity size (US 37 CFR 1.20(h)). */
  flatSurcharge?: Partial<Record<EntitySize, number>>;
  /** Percent of the fee added for each month (or part of one) paid late in the grace period (KIPO). */
  lateMonthPercent?: number;
  /** A flat amount added for each calendar month late after the first (UK IPO: £24 a month). */
  lateMonthFlat?: number;
};

const INVENTION = ['invention'] as const;
const UTILITY = ['utility_model'] as const;
const DESIGN = ['design'] as const;
const ALL = ['invention', 'utility_model', 'design'] as const;

const bands = (
  kinds: readonly Kind[],
  entity: EntitySize | null,
  rows: readonly (readonly [number, number, number])[],
): FeeLine[] => rows.map(([fromYear, toYear, amount]) => ({ kinds, fromYear, toYear, entity, amount }));

/** Bands of a base amount plus an amount per claim: [from, to, base, per claim]. */
const claimBands = (
  kinds: readonly Kind[],
  rows: readonly (readonly [number, number, number, number])[],
): FeeLine[] =>
  rows.map(([fromYear, toYear, amount, perClaim]) => ({
    kinds,
    fromYear,
    toYear,
    entity: null,
    amount,
    perClaim,
  }));

/** US maintenance fees of one schedule: the large-entity amounts and each size's share of them. */
const usMaintenance = (
  large: readonly [number, number, number],
  surcharge: number,
  share: { small: number; micro: number },
): Pick<FeeSchedule, 'lines' | 'flatSurcharge'> => {
  const sized = (entity: EntitySize, part: number) =>
    bands(
      INVENTION,
      entity,
      large.map((amount, i) => [4 * (i + 1), 4 * (i + 1), Math.round(amount * part)] as const),
    );
  return {
    lines: [...sized('large', 1), ...sized('small', share.small), ...sized('micro', share.micro)],
    flatSurcharge: {
      large: surcharge,
      small: Math.round(surcharge * share.small),
      micro: Math.round(surcharge * share.micro),
    },
  };
};

export const FEE_SCHEDULES: readonly FeeSchedule[] = [
  {
    // USPTO fee schedule effective 2020-10-02 (final rule "Setting and Adjusting Patent Fees during Fiscal
    // Year 2020", 85 FR 46932): 2,000 / 3,760 / 7,700 US$, surcharge 500; small entities 50% off, micro 75%.
    office: 'US',
    feeKind: 'maintenance',
    currency: 'USD',
    validFrom: '2020-10-02',
    basis: '37 CFR 1.20(e)-(g); surcharge 1.20(h)',
    ...usMaintenance([2000, 3760, 7700], 500, { small: 0.5, micro: 0.25 }),
  },
  {
    // The same amounts with the reductions of the Unleashing American Innovators Act of 2022, in force
    // 2022-12-29 (35 U.S.C. 41(h)(1) and 123: small entities 60% off, micro entities 80% off).
    office: 'US',
    feeKind: 'maintenance',
    currency: 'USD',
    validFrom: '2022-12-29',
    basis: '37 CFR 1.20(e)-(g); surcharge 1.20(h); 35 U.S.C. 41(h), 123',
    ...usMaintenance([2000, 3760, 7700], 500, { small: 0.4, micro: 0.2 }),
  },
  {
    // USPTO fee schedule effective 2025-01-19 (final rule published 2024-11-20): 37 CFR 1.20(e)-(h).
    office: 'US',
    feeKind: 'maintenance',
    currency: 'USD',
    validFrom: '2025-01-19',
    basis: '37 CFR 1.20(e)-(g); surcharge 1.20(h)',
    lines: [
      ...bands(INVENTION, 'large', [
        [4, 4, 2150],
        [8, 8, 4040],
        [12, 12, 8280],
      ]),
      ...bands(INVENTION, 'small', [
        [4, 4, 860],
        [8, 8, 1616],
        [12, 12, 3312],
      ]),
      ...bands(INVENTION, 'micro', [
        [4, 4, 430],
        [8, 8, 808],
        [12, 12, 1656],
      ]),
    ],
    flatSurcharge: { large: 540, small: 216, micro: 108 },
  },
  {
    // TIPO: Regulations Governing Patent Fees (專利規費收費辦法) art. 7, annuities per year, in NT$. Amounts
    // in force since design annuities were lowered on 2011-07-01 (inventions and utility models since 2010).
    office: 'TW',
    feeKind: 'annuity',
    currency: 'TWD',
    validFrom: '2011-07-01',
    basis: 'Regulations Governing Patent Fees art. 7',
    lines: [
      ...bands(INVENTION, null, [
        [1, 3, 2500],
        [4, 6, 5000],
        [7, 9, 8000],
        [10, 99, 16000],
      ]),
      ...bands(UTILITY, null, [
        [1, 3, 2500],
        [4, 6, 4000],
        [7, 99, 8000],
      ]),
      ...bands(DESIGN, null, [
        [1, 3, 800],
        [4, 6, 2000],
        [7, 99, 3000],
      ]),
    ],
  },
  {
    // CNIPA annual fees (專利收費標準, patent years counted from filing), in RMB; the 11th to 15th years of
    // designs since the 15-year term of the 2021 amendment (in force 2021-06-01).
    office: 'CN',
    feeKind: 'annuity',
    currency: 'CNY',
    validFrom: '2021-06-01',
    basis: 'CNIPA fee standard for patents: annual fees',
    lines: [
      ...bands(INVENTION, null, [
        [1, 3, 900],
        [4, 6, 1200],
        [7, 9, 2000],
        [10, 12, 4000],
        [13, 15, 6000],
        [16, 20, 8000],
      ]),
      ...bands(UTILITY, null, [
        [1, 3, 600],
        [4, 5, 900],
        [6, 8, 1200],
        [9, 10, 2000],
      ]),
      ...bands(DESIGN, null, [
        [1, 3, 600],
        [4, 5, 900],
        [6, 8, 1200],
        [9, 10, 2000],
        [11, 15, 3000],
      ]),
    ],
  },
  {
    // EPO renewal fees for European patent applications before 2024-04-01 (RFees art. 2(1), item 4).
    office: 'EP',
    feeKind: 'renewal',
    currency: 'EUR',
    validFrom: '2023-04-01',
    basis: 'Rules relating to Fees art. 2(1), item 4',
    lines: bands(ALL, null, [
      [3, 3, 530],
      [4, 4, 660],
      [5, 5, 925],
      [6, 6, 1180],
      [7, 7, 1305],
      [8, 8, 1440],
      [9, 9, 1570],
      [10, 20, 1775],
    ]),
  },
  {
    // EPO renewal fees for payments made from 2024-04-01 (RFees as amended by the Administrative Council).
    office: 'EP',
    feeKind: 'renewal',
    currency: 'EUR',
    validFrom: '2024-04-01',
    basis: 'Rules relating to Fees art. 2(1), item 4',
    lines: bands(ALL, null, [
      [3, 3, 690],
      [4, 4, 845],
      [5, 5, 1000],
      [6, 6, 1155],
      [7, 7, 1310],
      [8, 8, 1465],
      [9, 9, 1620],
      [10, 20, 1775],
    ]),
  },
  {
    // JPO patent fees (特許料), Patent Act art. 107(1) as amended, for fees paid from 2022-04-01 (令和4年4月1日):
    // each year a base amount plus an amount per claim, by band of patent years counted from registration.
    office: 'JP',
    feeKind: 'annuity',
    currency: 'JPY',
    validFrom: '2022-04-01',
    basis: 'Japan Patent Act art. 107(1) (JPO fee table, from 2022-04-01)',
    lines: claimBands(INVENTION, [
      [1, 3, 4300, 300],
      [4, 6, 10300, 800],
      [7, 9, 24800, 1900],
      [10, 25, 59400, 4600],
    ]),
  },
  {
    // KIPO patent fees (특허료), Rules on the Collection of Patent Fees (특허료 등의 징수규칙) art. 2(2)(i) and
    // Table 1, after the 10% cut in force from 2023-08-01: a base amount plus an amount per claim, each year.
    office: 'KR',
    feeKind: 'annuity',
    currency: 'KRW',
    validFrom: '2023-08-01',
    basis: 'Rules on the Collection of Patent Fees art. 2(2)(i), Table 1 (from 2023-08-01)',
    lines: claimBands(INVENTION, [
      [1, 3, 13000, 12000],
      [4, 6, 36000, 20000],
      [7, 9, 90000, 34000],
      [10, 12, 216000, 49000],
      [13, 25, 324000, 49000],
    ]),
    // Late within six months: 3% of the fee per month or part of one (Patent Act art. 81(2) caps it at twice
    // the fee); not confirmed against the Rules' text when entered (reference/ip-fees/README.md).
    lateMonthPercent: 3,
  },
  {
    // DPMA annual fees (Jahresgebühren) of a patent, also those of a European patent validated in Germany for
    // the years after the grant is published (EPC art. 141(1)): the PatKostG's schedule of fees (Anlage zu
    // § 2(1)) as in force before the increase of 2022-07-01. Late: a flat 50 € (Verspätungszuschlag, § 7(1)).
    office: 'DE',
    feeKind: 'annuity',
    currency: 'EUR',
    validFrom: '2009-10-01',
    basis: 'PatKostG § 2(1) and its schedule of fees: Jahresgebühren',
    lines: bands(INVENTION, null, [
      [3, 4, 70],
      [5, 5, 90],
      [6, 6, 130],
      [7, 7, 180],
      [8, 8, 240],
      [9, 9, 290],
      [10, 10, 350],
      [11, 11, 470],
      [12, 12, 620],
      [13, 13, 760],
      [14, 14, 910],
      [15, 15, 1060],
      [16, 16, 1230],
      [17, 17, 1410],
      [18, 18, 1590],
      [19, 19, 1760],
      [20, 20, 1940],
    ]),
    flatSurcharge: { large: 50 },
  },
  {
    // DPMA annual fees from the 5th year as raised for fees paid from 2022-07-01 (the 3rd and 4th unchanged).
    office: 'DE',
    feeKind: 'annuity',
    currency: 'EUR',
    validFrom: '2022-07-01',
    basis: 'PatKostG § 2(1) and its schedule of fees: Jahresgebühren (from 2022-07-01)',
    lines: bands(INVENTION, null, [
      [3, 4, 70],
      [5, 5, 100],
      [6, 6, 150],
      [7, 7, 210],
      [8, 8, 280],
      [9, 9, 350],
      [10, 10, 430],
      [11, 11, 540],
      [12, 12, 680],
      [13, 13, 830],
      [14, 14, 980],
      [15, 15, 1130],
      [16, 16, 1310],
      [17, 17, 1490],
      [18, 18, 1670],
      [19, 19, 1840],
      [20, 20, 2030],
    ]),
    flatSurcharge: { large: 50 },
  },
  {
    // UK IPO renewal fees of a patent, a European patent (UK) included, from the 5th year: Patents (Fees) Rules
    // 2007 Sch. 1 as amended from 2018-04-06 (£10 more for each of the 12th to 20th years). Late: £24 for each
    // month after the first.
    office: 'GB',
    feeKind: 'renewal',
    currency: 'GBP',
    validFrom: '2018-04-06',
    basis: 'Patents (Fees) Rules 2007 Sch. 1 (from 2018-04-06)',
    lines: bands(INVENTION, null, [
      [5, 5, 70],
      [6, 6, 90],
      [7, 7, 110],
      [8, 8, 130],
      [9, 9, 150],
      [10, 10, 170],
      [11, 11, 190],
      [12, 12, 220],
      [13, 13, 260],
      [14, 14, 300],
      [15, 15, 360],
      [16, 16, 420],
      [17, 17, 470],
      [18, 18, 520],
      [19, 19, 570],
      [20, 20, 610],
    ]),
    lateMonthFlat: 24,
  },
  {
    // Renewal fees of a European patent with unitary effect, paid to the EPO (Regulation (EU) 1257/2012 art. 11;
    // RFeesUPP art. 2(1), item 1: the "True Top 4"), since the Unitary Patent system started on 2023-06-01.
    office: 'UP',
    feeKind: 'renewal',
    currency: 'EUR',
    validFrom: '2023-06-01',
    basis: 'Rules relating to Fees for Unitary Patent Protection art. 2(1), item 1',
    lines: bands(INVENTION, null, [
      [2, 2, 35],
      [3, 3, 105],
      [4, 4, 145],
      [5, 5, 315],
      [6, 6, 475],
      [7, 7, 630],
      [8, 8, 815],
      [9, 9, 990],
      [10, 10, 1175],
      [11, 11, 1460],
      [12, 12, 1775],
      [13, 13, 2105],
      [14, 14, 2455],
      [15, 15, 2830],
      [16, 16, 3240],
      [17, 17, 3640],
      [18, 18, 4055],
      [19, 19, 4455],
      [20, 20, 4855],
    ]),
  },
];
