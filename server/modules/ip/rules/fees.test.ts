import { describe, expect, it } from 'vitest';
import type { EntitySize } from './fee-schedules.ts';
import { expectRows } from './fee-table.ts';
import { feeAmount, scheduleOn, surchargeMinor } from './fees.ts';

// Amounts and their sources: reference/ip-fees/README.md (official schedules, public official data).

describe('US maintenance fees (37 CFR 1.20(e)-(h); USPTO fee schedule effective 2025-01-19, Federal Register 2024-11-20)', () => {
  it('prices each stage by entity size at the schedule in force on the payment day', () => {
    const at = (year: number, entity: 'large' | 'small' | 'micro') =>
      feeAmount({ office: 'US', kind: 'invention', year, on: '2025-06-30', entity });
    expectRows(at, [
      [[4, 'large'], { state: 'priced', currency: 'USD', amountMinor: 215_000 }],
      [[4, 'small'], { amountMinor: 86_000 }],
      [[4, 'micro'], { amountMinor: 43_000 }],
      [[8, 'large'], { amountMinor: 404_000, scheduleFrom: '2025-01-19' }],
      [[12, 'large'], { amountMinor: 828_000 }],
      [[12, 'micro'], { amountMinor: 165_600 }],
    ]);
  });
  it('takes the undiscounted fee when the entity size is not known', () => {
    expect(feeAmount({ office: 'US', kind: 'invention', year: 8, on: '2026-01-01' })).toMatchObject({
      amountMinor: 404_000,
    });
  });
  it('charges a small entity 40% and a micro entity 20% of the large fee, to the dollar', () => {
    // 37 CFR 1.20(e)-(g) from 2025-01-19: 3.5 years 2,150 / 860 / 430; 7.5 years 4,040 / 1,616 / 808;
    // 11.5 years 8,280 / 3,312 / 1,656 US$ (large / small / micro).
    const at = (year: number, entity: 'large' | 'small' | 'micro') => {
      const fee = feeAmount({ office: 'US', kind: 'invention', year, on: '2026-12-05', entity });
      return fee.state === 'priced' ? fee.amountMinor / 100 : null;
    };
    for (const year of [4, 8, 12]) {
      expect(at(year, 'small')).toBe(((at(year, 'large') ?? 0) * 40) / 100);
      expect(at(year, 'micro')).toBe(((at(year, 'large') ?? 0) * 20) / 100);
    }
    expect([at(4, 'small'), at(8, 'small'), at(12, 'small')]).toEqual([860, 1616, 3312]);
    expect([at(4, 'micro'), at(8, 'micro'), at(12, 'micro')]).toEqual([430, 808, 1656]);
  });
  it('keeps the earlier schedules for fees paid before a change (2020-10-02; reductions of 2022-12-29)', () => {
    const at = (year: number, entity: 'large' | 'small' | 'micro', on: string) =>
      feeAmount({ office: 'US', kind: 'invention', year, on, entity });
    // 85 FR 46932, from 2020-10-02: 2,000 / 3,760 / 7,700 US$; small entities paid half, micro a quarter.
    expectRows(at, [
      [[4, 'large', '2022-12-28'], { amountMinor: 200_000, scheduleFrom: '2020-10-02' }],
      [[4, 'small', '2022-12-28'], { amountMinor: 100_000 }],
      [[12, 'micro', '2022-12-28'], { amountMinor: 192_500 }],
      // Unleashing American Innovators Act, from 2022-12-29: 60% and 80% off the same large fees.
      [[4, 'small', '2022-12-29'], { amountMinor: 80_000, scheduleFrom: '2022-12-29' }],
      [[8, 'small', '2024-06-30'], { amountMinor: 150_400 }],
      [[12, 'micro', '2025-01-18'], { amountMinor: 154_000 }],
      [[8, 'large', '2025-01-18'], { amountMinor: 376_000 }],
    ]);
  });
  it('says a day before the first kept schedule is missing, never 0', () => {
    expect(feeAmount({ office: 'US', kind: 'invention', year: 4, on: '2020-10-01' })).toEqual({
      state: 'missing',
      reason: 'no_schedule',
    });
  });
  it('adds the flat surcharge of 1.20(h) in the six months of grace, by entity size', () => {
    // Granted 2021-03-02: the 3.5-year fee is due 2024-09-02 (a holiday: act by 2024-09-03), grace to 2025-03-03.
    const fee = {
      office: 'US' as const,
      dueDate: '2024-09-02',
      actBy: '2024-09-03',
      graceEnds: '2025-03-03',
    };
    const late = (amountMinor: number, paidOn: string, entity?: EntitySize) =>
      surchargeMinor(fee, amountMinor, paidOn, entity);
    expectRows(late, [
      [[215_000, '2024-09-03'], 0],
      [[215_000, '2025-02-01'], 54_000],
      [[86_000, '2025-02-01', 'small'], 21_600],
      [[43_000, '2025-02-01', 'micro'], 10_800],
    ]);
    expect(() => surchargeMinor(fee, 215_000, '2025-03-04')).toThrow(RangeError);
  });
  it('takes the surcharge of the schedule in force on the payment day', () => {
    // The same fee paid late before 2025-01-19: 500 US$ large, 200 small, 100 micro (from 2022-12-29).
    const fee = {
      office: 'US' as const,
      dueDate: '2024-09-02',
      actBy: '2024-09-03',
      graceEnds: '2025-03-03',
    };
    const late = (amountMinor: number, paidOn: string, entity?: EntitySize) =>
      surchargeMinor(fee, amountMinor, paidOn, entity);
    expectRows(late, [
      [[200_000, '2024-12-01'], 50_000],
      [[80_000, '2024-12-01', 'small'], 20_000],
      [[40_000, '2024-12-01', 'micro'], 10_000],
    ]);
  });
});

describe('Taiwan annuities (Regulations Governing Patent Fees art. 7; Patent Act art. 94)', () => {
  it('prices inventions, utility models and designs by patent year', () => {
    const at = (kind: 'invention' | 'utility_model' | 'design', year: number) =>
      feeAmount({ office: 'TW', kind, year, on: '2026-05-01' });
    expectRows(at, [
      [['invention', 2], { currency: 'TWD', amountMinor: 250_000 }],
      [['invention', 4], { amountMinor: 500_000 }],
      [['invention', 9], { amountMinor: 800_000 }],
      [['invention', 15], { amountMinor: 1_600_000 }],
      [['utility_model', 5], { amountMinor: 400_000 }],
      [['utility_model', 9], { amountMinor: 800_000 }],
      [['design', 3], { amountMinor: 80_000 }],
      [['design', 12], { amountMinor: 300_000 }],
    ]);
  });
  it('adds 20% per month late, a part of a month counting whole, at most the fee itself (art. 94(1))', () => {
    // A NT$5,000 annuity due 2025-03-31: NT$6,000 paid within the first month, NT$10,000 from the fifth.
    const fee = {
      office: 'TW' as const,
      dueDate: '2025-03-31',
      actBy: '2025-03-31',
      graceEnds: '2025-09-30',
    };
    expectRows(
      (paidOn: string) => surchargeMinor(fee, 500_000, paidOn),
      [
        [['2025-04-15'], 100_000],
        [['2025-06-10'], 300_000],
        [['2025-08-20'], 500_000],
        [['2025-09-30'], 500_000],
      ],
    );
  });
});

describe('China annual fees (CNIPA fee standard; Implementing Regulations r. 98 of 2010)', () => {
  it('prices by patent year counted from filing, designs to the 15th year', () => {
    const at = (kind: 'invention' | 'utility_model' | 'design', year: number) =>
      feeAmount({ office: 'CN', kind, year, on: '2026-05-01' });
    expectRows(at, [
      [['invention', 3], { currency: 'CNY', amountMinor: 90_000 }],
      [['invention', 7], { amountMinor: 200_000 }],
      [['invention', 20], { amountMinor: 800_000 }],
      [['utility_model', 6], { amountMinor: 120_000 }],
      [['design', 12], { amountMinor: 300_000 }],
    ]);
    expect(at('utility_model', 11)).toEqual({ state: 'missing', reason: 'no_line' });
  });
  it('lets the first month pass free, then adds 5% of the fee per month', () => {
    const fee = {
      office: 'CN' as const,
      dueDate: '2025-05-10',
      actBy: '2025-05-12',
      graceEnds: '2025-11-10',
    };
    expectRows(
      (paidOn: string) => surchargeMinor(fee, 200_000, paidOn),
      [
        [['2025-06-05'], 0],
        [['2025-07-20'], 20_000],
        [['2025-11-10'], 50_000],
      ],
    );
  });
});

describe('EPO renewal fees (RFees art. 2(1) items 4 and 5; EPC Rule 51)', () => {
  it('prices the year at the schedule in force on the payment day (new amounts from 2024-04-01)', () => {
    const at = (year: number, on: string) => feeAmount({ office: 'EP', kind: 'invention', year, on });
    expectRows(at, [
      [[3, '2024-03-31'], { currency: 'EUR', amountMinor: 53_000, scheduleFrom: '2023-04-01' }],
      [[3, '2024-04-01'], { amountMinor: 69_000, scheduleFrom: '2024-04-01' }],
      [[6, '2025-01-31'], { amountMinor: 115_500 }],
      [[15, '2025-01-31'], { amountMinor: 177_500 }],
    ]);
    expect(scheduleOn('EP', '2023-03-31')).toBeNull();
  });
  it('leaves a renewal fee after grant to the validation states, shown as missing', () => {
    expect(
      feeAmount({ office: 'EP', kind: 'invention', year: 8, on: '2026-01-31', payee: 'national' }),
    ).toEqual({ state: 'missing', reason: 'national_fee' });
  });
  it('adds 50% in the six months of grace', () => {
    const fee = {
      office: 'EP' as const,
      dueDate: '2025-01-31',
      actBy: '2025-01-31',
      graceEnds: '2025-07-31',
    };
    expectRows(
      (paidOn: string) => surchargeMinor(fee, 84_500, paidOn),
      [
        [['2025-01-31'], 0],
        [['2025-03-01'], 42_250],
      ],
    );
  });
  it('has no schedule for offices not yet kept', () => {
    expect(feeAmount({ office: 'OTHER', kind: 'invention', year: 4, on: '2026-01-01' })).toEqual({
      state: 'missing',
      reason: 'no_schedule',
    });
  });
});
