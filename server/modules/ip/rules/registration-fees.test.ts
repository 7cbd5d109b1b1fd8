import { describe, expect, it } from 'vitest';
import type { Office } from '#shared/modules/ip/rules/offices.ts';
import { officeCalendar } from './calendar.ts';
import { computeSchedule, type Deadline, type MatterFacts } from './deadlines.ts';
import { expectRows } from './fee-table.ts';
import { feeAmount, surchargeMinor } from './fees.ts';

// Japan and Korea patent fees by year counted from registration. Sources (reference/ip-fees/README.md):
// - JPO: Patent Act arts. 107(1), 108, 112; fee table from 2022-04-01 (JPO 産業財産権関係料金一覧); due date and
//   grace as in INPIT's FAQ (https://faq.inpit.go.jp/FAQ/2024/01/000217.html: registered 2012-02-24, the 4th
//   year due 2015-02-24; late within 6 months with a surcharge equal to the fee; a closed day moves the date
//   to the next working day) and its worked example of the first three years (…/000227.html).
// - KIPO: Patent Act arts. 79, 81; Rules on the Collection of Patent Fees art. 2(2)(i), Table 1, after the
//   10% cut of 2023-08-01.

const noClosures = (office: Office) => officeCalendar(office, [], []);

const facts = (f: Partial<MatterFacts>): MatterFacts => ({
  office: 'JP',
  kind: 'invention',
  route: 'direct',
  status: 'granted',
  filingDate: '2010-06-01',
  priorityDate: null,
  grantDate: null,
  termAdjustmentDays: 0,
  ...f,
});

const annuities = (f: Partial<MatterFacts>, calendars = noClosures) =>
  computeSchedule(facts(f), calendars).deadlines.filter((d) => d.kind === 'annuity');
const year = (list: Deadline[], y: number) => list.find((d) => d.year === y);

describe('Japan patent fees (Patent Act arts. 107, 108, 112)', () => {
  it('pays the first three years at registration and each later year by the anniversary of registration', () => {
    // INPIT: registered 2012-02-24, the 4th year's fee is due 2015-02-24.
    const list = annuities({ filingDate: '2010-06-01', grantDate: '2012-02-24' });
    expect(list.filter((d) => d.atGrant).map((d) => [d.year, d.dueDate])).toEqual([
      [1, '2012-02-24'],
      [2, '2012-02-24'],
      [3, '2012-02-24'],
    ]);
    expect(year(list, 4)).toMatchObject({
      dueDate: '2015-02-24',
      actBy: '2015-02-24',
      graceEnds: '2015-08-24',
      payee: 'office',
      atGrant: false,
      basis: 'Japan Patent Act arts. 108(2), 112(1), (2)',
    });
    expect(year(list, 5)?.dueDate).toBe('2016-02-24');
    // The term ends 20 years from filing (art. 67(1)): 2030-06-01, so the 19th year (from 2030-02-25) is the last.
    expect(list.at(-1)).toMatchObject({ year: 19, dueDate: '2030-02-24' });
  });

  it('ends a year registered on a month-end on the month-end, and its grace on the sixth month-end', () => {
    // Registered 2023-08-31: the 3rd year ends 2026-08-31 (Monday); six months' grace to 2027-02-28, a Sunday,
    // so the last day to pay late is Monday 2027-03-01.
    const list = annuities({ filingDate: '2020-03-02', grantDate: '2023-08-31' });
    expect(year(list, 4)).toMatchObject({
      dueDate: '2026-08-31',
      actBy: '2026-08-31',
      graceEnds: '2027-03-01',
    });
  });

  it('ends the year of a 29 February registration on 28 February, and on 29 February in a leap year', () => {
    const list = annuities({ filingDate: '2021-05-10', grantDate: '2024-02-29' });
    // 2027-02-28 is a Sunday: pay by Monday 2027-03-01.
    expect(year(list, 4)).toMatchObject({
      dueDate: '2027-02-28',
      actBy: '2027-03-01',
      graceEnds: '2027-08-31',
    });
    expect(year(list, 5)).toMatchObject({ dueDate: '2028-02-29', actBy: '2028-02-29' });
  });

  it('moves a due date on a weekend or a closure day to the next working day (art. 3(2))', () => {
    // Registered 2022-12-28: the 4th year is due Sunday 2025-12-28, then the year-end closure of 29 December
    // to 3 January (Act on Holidays of Administrative Organs art. 1(1)(iii)), entered as the JPO's closures.
    const closures = ['2025-12-29', '2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02'];
    const calendars = (o: Office) =>
      officeCalendar(o, o === 'JP' ? closures.map((day) => ({ day })) : [], []);
    const list = annuities({ filingDate: '2019-09-09', grantDate: '2022-12-28' }, calendars);
    expect(year(list, 4)).toMatchObject({ dueDate: '2025-12-28', actBy: '2026-01-05', calendarKnown: true });
    // Without the closures entered, only the weekend is known, and the date says so.
    expect(year(annuities({ filingDate: '2019-09-09', grantDate: '2022-12-28' }), 4)).toMatchObject({
      actBy: '2025-12-29',
      calendarKnown: false,
    });
  });

  it('prices a year as the base amount plus an amount per claim (fee table from 2022-04-01)', () => {
    const jp = (y: number, claims: number | null, on = '2026-12-05') =>
      feeAmount({ office: 'JP', kind: 'invention', year: y, on, claims });
    // INPIT: 2 claims, the 1st year 4,300 + 2 × 300 = 4,900 yen (three years at registration: 14,700 yen).
    expect(jp(1, 2)).toMatchObject({ state: 'priced', currency: 'JPY', amountMinor: 490_000 });
    expect([1, 2, 3].reduce((t, y) => t + ((jp(y, 2) as { amountMinor: number }).amountMinor ?? 0), 0)).toBe(
      1_470_000,
    );
    // 40 claims: 4th year 10,300 + 40 × 800 = 42,300 yen; 7th 24,800 + 40 × 1,900 = 100,800;
    // 10th 59,400 + 40 × 4,600 = 243,400; the 10-25 band runs to the 25th year.
    expectRows(jp, [
      [[4, 40], { amountMinor: 4_230_000, scheduleFrom: '2022-04-01' }],
      [[7, 40], { amountMinor: 10_080_000 }],
      [[10, 40], { amountMinor: 24_340_000 }],
      [[25, 40], { amountMinor: 24_340_000 }],
    ]);
  });

  it('says a fee is missing when the claims are not recorded or no schedule covers the day, never 0', () => {
    expect(feeAmount({ office: 'JP', kind: 'invention', year: 4, on: '2026-12-05', claims: null })).toEqual({
      state: 'missing',
      reason: 'no_claims',
    });
    expect(feeAmount({ office: 'JP', kind: 'invention', year: 4, on: '2022-03-31', claims: 5 })).toEqual({
      state: 'missing',
      reason: 'no_schedule',
    });
    expect(feeAmount({ office: 'JP', kind: 'design', year: 4, on: '2026-12-05', claims: 1 })).toEqual({
      state: 'missing',
      reason: 'no_line',
    });
  });

  it('adds a surcharge equal to the fee when paid in the six months of grace (art. 112(2))', () => {
    // Registered 2024-02-29 with 40 claims: the 4th year's 42,300 yen, due 2027-02-28, act by 2027-03-01.
    const due = {
      office: 'JP' as const,
      dueDate: '2027-02-28',
      actBy: '2027-03-01',
      graceEnds: '2027-08-31',
    };
    expectRows(
      (paidOn: string) => surchargeMinor(due, 4_230_000, paidOn),
      [
        [['2027-03-01'], 0],
        [['2027-03-02'], 4_230_000],
        [['2027-08-31'], 4_230_000],
      ],
    );
    expect(() => surchargeMinor(due, 4_230_000, '2027-09-01')).toThrow(RangeError);
  });
});

describe('Korea patent fees (Patent Act arts. 79, 81)', () => {
  it('pays the first three years at registration and each later year by the anniversary of registration', () => {
    // Registered 2020-03-16: the 4th year's fee is due 2023-03-16; grace to Saturday 2023-09-16, so Monday.
    const list = annuities({ office: 'KR', filingDate: '2018-01-15', grantDate: '2020-03-16' });
    expect(list.filter((d) => d.atGrant).map((d) => d.year)).toEqual([1, 2, 3]);
    expect(year(list, 4)).toMatchObject({
      dueDate: '2023-03-16',
      actBy: '2023-03-16',
      graceEnds: '2023-09-18',
      basis: 'Korea Patent Act arts. 79(2), 81(1), (2)',
    });
    // Registered on 29 February 2024: the 4th year is due Sunday 2027-02-28, payable Monday 2027-03-01.
    const leap = annuities({ office: 'KR', filingDate: '2021-05-10', grantDate: '2024-02-29' });
    expect(year(leap, 4)).toMatchObject({ dueDate: '2027-02-28', actBy: '2027-03-01' });
  });

  it('prices a year as the base amount plus an amount per claim (Table 1 from 2023-08-01)', () => {
    const kr = (y: number, claims: number) =>
      feeAmount({ office: 'KR', kind: 'invention', year: y, on: '2026-12-05', claims });
    // 5 claims, each of the first three years: 13,000 + 5 × 12,000 = 73,000 won.
    expect(kr(1, 5)).toMatchObject({ state: 'priced', currency: 'KRW', amountMinor: 7_300_000 });
    // 10 claims, 4th year: 36,000 + 10 × 20,000 = 236,000 won; 30 claims, 13th: 324,000 + 30 × 49,000 = 1,794,000.
    expectRows(kr, [
      [[4, 10], { amountMinor: 23_600_000, scheduleFrom: '2023-08-01' }],
      [[13, 30], { amountMinor: 179_400_000 }],
      [[10, 30], { amountMinor: 168_600_000 }],
    ]);
  });

  it('adds 3% of the fee for each month or part of one paid late in the six months of grace', () => {
    const due = {
      office: 'KR' as const,
      dueDate: '2027-03-15',
      actBy: '2027-03-15',
      graceEnds: '2027-09-15',
    };
    expectRows(
      (paidOn: string) => surchargeMinor(due, 23_600_000, paidOn),
      [
        [['2027-03-15'], 0],
        [['2027-03-16'], 708_000],
        // Paid 2027-05-20: the third month late, 9% of 236,000 = 21,240 won.
        [['2027-05-20'], 2_124_000],
        [['2027-09-15'], 4_248_000],
      ],
    );
  });
});
