import { describe, expect, it } from 'vitest';
import type { ForecastFee } from './contract.ts';
import { byYearAnd, groupFees, total } from './rules.ts';

const fee = (f: Partial<ForecastFee>): ForecastFee => ({
  matterId: '00000000-0000-4000-8000-000000000001',
  siteId: '00000000-0000-4000-8000-000000000002',
  siteCode: 'K7',
  subsidiaryId: '00000000-0000-4000-8000-000000000003',
  subsidiaryName: 'ASE',
  familyReference: 'F-1',
  technology: 'sip',
  office: 'TW',
  paidTo: null,
  kind: 'invention',
  applicationNo: '112100001',
  patentNo: 'I700001',
  year: 5,
  entitySize: null,
  dueDate: '2025-05-31',
  currency: 'TWD',
  amountMinor: 500_000,
  scheduleFrom: '2011-07-01',
  twdMinor: 500_000,
  usdMinor: 16_129,
  missing: null,
  ...f,
});

describe('the forecast summed by year, office, technology and subsidiary', () => {
  const fees = [
    fee({}),
    fee({ dueDate: '2025-11-30', year: 6 }),
    fee({ dueDate: '2026-05-31', year: 7, twdMinor: 800_000, usdMinor: 25_806 }),
    fee({
      office: 'US',
      dueDate: '2025-09-01',
      year: 4,
      currency: 'USD',
      twdMinor: 6_665_000,
      usdMinor: 215_000,
    }),
    // A Chinese fee with no CNY rate: counted as missing, never added as 0.
    fee({
      office: 'CN',
      technology: 'fan_out',
      dueDate: '2025-07-01',
      twdMinor: null,
      usdMinor: null,
      missing: 'rate',
    }),
  ];
  it('adds exact minor units and counts the fees without amount apart', () => {
    const groups = groupFees(fees);
    expect(groups.map((g) => [g.year, g.office, g.fees, g.missing, g.twdMinor])).toEqual([
      [2025, 'CN', 1, 1, 0],
      [2025, 'TW', 2, 0, 1_000_000],
      [2025, 'US', 1, 0, 6_665_000],
      [2026, 'TW', 1, 0, 800_000],
    ]);
    expect(total(groups)).toEqual({ fees: 5, missing: 1, twdMinor: 8_465_000, usdMinor: 273_064 });
  });
  it('sums again by year and one dimension', () => {
    const byTechnology = byYearAnd(groupFees(fees), 'technology');
    expect(byTechnology.map((r) => [r.year, r.key, r.fees, r.twdMinor])).toEqual([
      [2025, 'fan_out', 1, 0],
      [2025, 'sip', 3, 7_665_000],
      [2026, 'sip', 1, 800_000],
    ]);
    expect(byYearAnd(groupFees(fees), 'subsidiary')[0]).toMatchObject({
      key: fees[0].subsidiaryId,
      label: 'ASE',
    });
  });
});
