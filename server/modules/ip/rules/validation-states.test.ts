import { describe, expect, it } from 'vitest';
import type { Office } from '#shared/modules/ip/rules/offices.ts';
import { officeCalendar } from './calendar.ts';
import { computeSchedule, type Deadline, type MatterFacts } from './deadlines.ts';
import { expectRows } from './fee-table.ts';
import { deadlineFee, feeAmount, surchargeMinor } from './fees.ts';

// National renewal fees of a European patent after grant (EPC arts. 86(2), 141) and the Unitary Patent's
// renewal fees (Regulation (EU) 1257/2012 art. 11). Amounts and sources: reference/ip-fees/README.md.

const noClosures = (office: Office) => officeCalendar(office, [], []);

const european = (f: Partial<MatterFacts>): MatterFacts => ({
  office: 'EP',
  kind: 'invention',
  route: 'direct',
  status: 'granted',
  filingDate: '2018-06-15',
  priorityDate: null,
  grantDate: '2022-09-07',
  termAdjustmentDays: 0,
  ...f,
});

const renewals = (f: Partial<MatterFacts>) =>
  computeSchedule(european(f), noClosures).deadlines.filter((d) => d.kind === 'annuity');

describe('national renewal fees after grant, per validation state (EPC art. 141)', () => {
  it('gives each validation state its own fees from the year after the grant year, the UK from the 5th year', () => {
    // Filed 15.06.2018, grant published 07.09.2022: the grant falls in the 5th year (15.06.2022 – 14.06.2023).
    const fees = renewals({ validationStates: ['GB', 'DE', 'FR'] });
    expect(fees.filter((d) => d.payee === 'epo').map((d) => d.year)).toEqual([3, 4, 5]);
    const sixth = fees.filter((d) => d.year === 6);
    expect(sixth.map((d) => d.state)).toEqual(['DE', 'FR', 'GB']);
    // PatKostG § 3(2): due on the last day of the month of the anniversary, 30.06.2023 (a Friday); the surcharge
    // period ends with the sixth month after it (§ 7(1)): 31.12.2023 is a Sunday and 01.01.2024 a holiday, so
    // Tuesday 02.01.2024 (BGB § 193).
    expect(sixth[0]).toMatchObject({
      payee: 'national',
      dueDate: '2023-06-30',
      actBy: '2023-06-30',
      graceEnds: '2024-01-02',
      calendarKnown: true,
    });
    // A state whose rules are not kept: its row says so by having no grace period and no fee.
    expect(sixth[1]).toMatchObject({
      state: 'FR',
      dueDate: '2023-06-30',
      graceEnds: null,
      calendarKnown: false,
    });
    expect(fees.filter((d) => d.state === 'GB').map((d) => d.year)[0]).toBe(6);
    expect(fees.filter((d) => d.state === 'DE').map((d) => d.year)).toEqual(
      Array.from({ length: 15 }, (_, i) => i + 6),
    );
  });

  it('starts a UK patent’s renewals with the 5th year when the grant falls in the 3rd (Patents Rules 2007 r. 37)', () => {
    const fees = renewals({
      filingDate: '2019-01-10',
      grantDate: '2021-05-05',
      validationStates: ['GB', 'DE'],
    });
    expect(fees.filter((d) => d.state === 'DE').map((d) => d.year)[0]).toBe(4);
    expect(fees.filter((d) => d.state === 'GB').map((d) => d.year)[0]).toBe(5);
    expect(fees.find((d) => d.state === 'GB')).toMatchObject({ dueDate: '2023-01-31' });
  });

  it('lets a fee falling due within two months after the grant is published be paid within them (art. 141(2))', () => {
    // Grant published 10.05.2023 in the 5th year; the 6th year's fees fall due 30.06.2023, within the two months
    // ending 10.07.2023, and may be paid until then without an additional fee.
    const fees = renewals({ grantDate: '2023-05-10', validationStates: ['DE', 'GB', 'NL'] });
    const sixth = fees.filter((d) => d.year === 6);
    expect(sixth.map((d) => [d.state, d.dueDate, d.actBy])).toEqual([
      ['DE', '2023-06-30', '2023-07-10'],
      ['NL', '2023-06-30', '2023-07-10'],
      // The UK's first renewal after a late grant: the last day of the month three months after the grant.
      ['GB', '2023-08-31', '2023-08-31'],
    ]);
    // The year after is not affected: due 30.06.2024, a Sunday, payable on Monday 01.07.2024.
    expect(fees.find((d) => d.year === 7 && d.state === 'DE')).toMatchObject({
      dueDate: '2024-06-30',
      actBy: '2024-07-01',
    });
    expect(sixth.map((d) => d.afterGrant ?? false)).toEqual([true, true, false]);
    const [de, , gb] = sixth as [Deadline, Deadline, Deadline];
    expect(surchargeMinor(de, 15_000, '2023-07-10')).toBe(0);
    // The UK's free month and £24 months run from its own later due date.
    expect(gb.graceEnds).toBe('2024-02-29');
    // Its first month ends on Saturday 30.09.2023, so on Monday 02.10.2023.
    expect(surchargeMinor(gb, 9_000, '2023-10-02')).toBe(0);
    expect(surchargeMinor(gb, 9_000, '2023-10-03')).toBe(2_400);
  });

  it('pays Switzerland’s and Liechtenstein’s one fee once, in Switzerland', () => {
    const sixth = renewals({ validationStates: ['LI', 'CH'] }).filter((d) => d.year === 6);
    expect(sixth.map((d) => d.state)).toEqual(['CH']);
  });

  it('keeps one row for the states together while they are not recorded, its fee missing', () => {
    const sixth = renewals({}).filter((d) => d.year === 6);
    expect(sixth).toHaveLength(1);
    expect(sixth[0]).toMatchObject({ payee: 'national', state: null, graceEnds: null });
    const fee = deadlineFee(sixth[0] as never, { kind: 'invention', entity: 'large', claims: null });
    expect(fee).toEqual({ state: 'missing', reason: 'national_fee' });
  });
});

describe('Unitary Patent renewal fees, paid to the EPO (Reg. 1257/2012 art. 11; Rule 13 UPR)', () => {
  it('goes to the EPO after the grant year, beside the states outside the Unitary Patent', () => {
    // Filed 20.03.2019, grant published 05.07.2023 (5th year). The 6th year falls due 31.03.2024, a Sunday:
    // the EPO's period moves to Monday 01.04.2024 (Rule 134(1) EPC, applied by Rule 20(2)(g) UPR; no EPO
    // closure days entered here); the UK IPO's past Easter Monday, a bank holiday, to Tuesday 02.04.2024.
    const fees = renewals({
      filingDate: '2019-03-20',
      grantDate: '2023-07-05',
      unitaryEffect: true,
      validationStates: ['GB'],
    });
    const sixth = fees.filter((d) => d.year === 6);
    expect(sixth.map((d) => [d.payee, d.state, d.actBy, d.graceEnds])).toEqual([
      ['unitary', null, '2024-04-01', '2024-09-30'],
      ['national', 'GB', '2024-04-02', '2024-09-30'],
    ]);
    const price = (d: (typeof sixth)[number]) =>
      deadlineFee({ ...d, year: 6 }, { kind: 'invention', entity: 'large', claims: null });
    expect(price(sixth[0] as never)).toMatchObject({ currency: 'EUR', amountMinor: 47_500 });
    expect(price(sixth[1] as never)).toMatchObject({ currency: 'GBP', amountMinor: 9_000 });
    // 50% additional fee within six months (Rule 13(3) UPR; RFeesUPP art. 2(1), item 2).
    expect(surchargeMinor(sixth[0] as never, 47_500, '2024-05-15')).toBe(23_750);
  });
});

describe('national schedules (DPMA; UK IPO) and the Unitary Patent’s', () => {
  it('prices the German annual fees at the schedule in force on the payment day (raised from 2022-07-01)', () => {
    const at = (year: number, on: string) =>
      feeAmount({ office: 'EP', payee: 'national', state: 'DE', kind: 'invention', year, on });
    expectRows(at, [
      [[3, '2022-06-30'], { currency: 'EUR', amountMinor: 7_000 }],
      [[5, '2022-06-30'], { amountMinor: 9_000, scheduleFrom: '2009-10-01' }],
      [[5, '2022-07-01'], { amountMinor: 10_000, scheduleFrom: '2022-07-01' }],
      [[10, '2022-07-01'], { amountMinor: 43_000 }],
      [[20, '2026-12-31'], { amountMinor: 203_000 }],
      [[20, '2022-06-30'], { amountMinor: 194_000 }],
    ]);
  });
  it('prices the UK renewal fees from the 5th year, and none before the schedule kept', () => {
    const at = (year: number, on: string) =>
      feeAmount({ office: 'EP', payee: 'national', state: 'GB', kind: 'invention', year, on });
    expectRows(at, [
      [[5, '2026-01-31'], { currency: 'GBP', amountMinor: 7_000 }],
      [[12, '2026-01-31'], { amountMinor: 22_000 }],
      [[20, '2026-01-31'], { amountMinor: 61_000 }],
      [[4, '2026-01-31'], { state: 'missing', reason: 'no_line' }],
      [[12, '2018-04-05'], { state: 'missing', reason: 'no_schedule' }],
    ]);
  });
  it('prices the Unitary Patent by the "True Top 4" and leaves a state without a kept schedule missing', () => {
    const up = (year: number) =>
      feeAmount({ office: 'EP', payee: 'unitary', kind: 'invention', year, on: '2025-01-31' });
    expectRows(up, [
      [[3], { amountMinor: 10_500 }],
      [[10], { amountMinor: 117_500 }],
      [[11], { amountMinor: 146_000 }],
      [[20], { amountMinor: 485_500 }],
    ]);
    expect(
      feeAmount({
        office: 'EP',
        payee: 'national',
        state: 'FR',
        kind: 'invention',
        year: 8,
        on: '2026-01-31',
      }),
    ).toEqual({
      state: 'missing',
      reason: 'national_fee',
    });
  });
});

describe('surcharges of the validation states', () => {
  const due = (state: 'DE' | 'GB', dueDate: string, graceEnds: string) => ({
    office: 'EP' as const,
    payee: 'national' as const,
    state,
    dueDate,
    actBy: dueDate,
    graceEnds,
  });
  it('Germany: nothing to the end of the second month after the due date, then 50 € (PatKostG § 7(1))', () => {
    const fee = due('DE', '2023-06-30', '2024-01-02');
    expectRows(
      (paidOn: string) => surchargeMinor(fee, 15_000, paidOn),
      [
        [['2023-06-30'], 0],
        [['2023-08-31'], 0],
        [['2023-09-01'], 5_000],
        [['2024-01-02'], 5_000],
      ],
    );
    // The second month ending on Sunday 31.03.2024, before Easter Monday, ends on Tuesday 02.04.2024 instead.
    const march = due('DE', '2024-01-31', '2024-07-31');
    expect(surchargeMinor(march, 7_000, '2024-04-02')).toBe(0);
    expect(surchargeMinor(march, 7_000, '2024-04-03')).toBe(5_000);
    expect(() => surchargeMinor(fee, 15_000, '2024-01-03')).toThrow(RangeError);
  });
  it('United Kingdom: the first month free, then £24 for each further month, to six months', () => {
    // The sixth month ends on Sunday 31.12.2023; Monday 01.01.2024 is a bank holiday: Tuesday 02.01.2024.
    const fee = due('GB', '2023-06-30', '2024-01-02');
    expectRows(
      (paidOn: string) => surchargeMinor(fee, 9_000, paidOn),
      [
        [['2023-07-31'], 0],
        [['2023-08-01'], 2_400],
        [['2023-08-31'], 2_400],
        [['2023-09-01'], 4_800],
        [['2023-12-29'], 12_000],
        [['2024-01-02'], 12_000],
      ],
    );
    expect(() => surchargeMinor(fee, 9_000, '2024-01-03')).toThrow(RangeError);
  });
  it('refuses to price a surcharge for a state whose rules are not kept', () => {
    expect(() =>
      surchargeMinor({ ...due('DE', '2023-06-30', '2023-12-31'), state: 'FR' }, 10_000, '2023-08-01'),
    ).toThrow(RangeError);
  });
});
