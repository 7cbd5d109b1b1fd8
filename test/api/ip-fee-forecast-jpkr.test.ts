import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

/** The app's clock: 15 January 2025 in Taiwan, so the five years run from 2025-01-15 to 2030-01-14. */
const NOW = new Date('2025-01-15T02:00:00Z');

type Fee = {
  office: string;
  year: number;
  dueDate: string;
  amountMinor: number | null;
  usdMinor: number | null;
  missing: string | null;
};

// JPO fee table from 2022-04-01 (Patent Act art. 107(1)): years 4-6 10,300 yen + 800 per claim, years 7-9
// 24,800 + 1,900 per claim; due on the anniversary of registration (art. 108(2); INPIT FAQ). Sources:
// reference/ip-fees/README.md.
describe.each(databases())('IP fee forecast of Japanese and Korean patents (%s)', (kind) => {
  let t: TestApp;
  let officer: ApiClient;
  let jp: string;
  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => NOW });
    const admin = await t.signInAs('groupAdmin');
    for (const rate of [
      { currency: 'TWD', validFrom: '2024-12-31', perUsd: '31' },
      { currency: 'JPY', validFrom: '2024-12-31', perUsd: '160' },
      { currency: 'KRW', validFrom: '2024-12-31', perUsd: '1450' },
    ]) {
      const r = await admin.post('/api/academia/exchange-rates', rate);
      expect(r.status, r.text).toBe(201);
    }
    officer = await t.signInAs('k7Officer');
    const matter = async (reference: string, body: Record<string, unknown>) => {
      const f = await officer.post('/api/ip/families', {
        siteId: SITES.K7.id,
        reference,
        title: `Family ${reference}`,
        technology: 'sip',
      });
      expect(f.status, f.text).toBe(201);
      const m = await officer.post('/api/ip/matters', {
        familyId: f.body.id,
        kind: 'invention',
        applicationNo: `${reference}-${body.office}`,
        status: 'granted',
        ...body,
      });
      expect(m.status, m.text).toBe(201);
      return m.body.id as string;
    };
    // Registered 2021-09-01 with 12 claims: the 5th to 9th years' fees fall due 2025-09-01 … 2029-09-01.
    jp = await matter('FJ-JP', {
      office: 'JP',
      filingDate: '2019-06-03',
      grantDate: '2021-09-01',
      patentNo: '6900001',
      claims: 12,
    });
    // Korea, claims not recorded: its fees cannot be priced.
    await matter('FJ-KR', {
      office: 'KR',
      filingDate: '2019-06-03',
      grantDate: '2021-09-01',
      patentNo: '10-2300001',
    });
  });
  afterAll(async () => t?.close());

  it('keeps the claims entered with the matter, and refuses a count that cannot be one', async () => {
    const matter = await officer.get(`/api/ip/matters/${jp}`);
    expect(matter.body.claims).toBe(12);
    const bad = await officer.patch(`/api/ip/matters/${jp}`, { claims: -1, version: matter.body.version });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.claims']);
    const korean = await officer.get('/api/ip/matters', { query: { office: 'KR' } });
    expect(korean.body.items.map((m: { claims: number | null }) => m.claims)).toEqual([null]);
  });

  it('forecasts each year of a Japanese patent as the base fee plus its claims', async () => {
    const fees = await officer.get('/api/ip/fee-forecast/fees', { query: { office: 'JP', pageSize: '50' } });
    expect(fees.status, fees.text).toBe(200);
    const items: Fee[] = fees.body.items;
    // 5th and 6th years: 10,300 + 12 × 800 = 19,900 yen; 7th to 9th: 24,800 + 12 × 1,900 = 47,600 yen.
    expect(items.map((f) => [f.year, f.dueDate, f.amountMinor, f.missing])).toEqual([
      [5, '2025-09-01', 1_990_000, null],
      [6, '2026-09-01', 1_990_000, null],
      [7, '2027-09-01', 4_760_000, null],
      [8, '2028-09-01', 4_760_000, null],
      [9, '2029-09-01', 4_760_000, null],
    ]);
    expect(items[0]).toMatchObject({ currency: 'JPY', scheduleFrom: '2022-04-01', usdMinor: 12_438 });
    const f = await officer.get('/api/ip/fee-forecast', { query: { office: 'JP' } });
    expect(f.status, f.text).toBe(200);
    const total = f.body.groups.reduce((s: number, g: { fees: number }) => s + g.fees, 0);
    expect(total).toBe(5);
  });

  it('shows a Korean fee without a number of claims as missing, never as 0', async () => {
    const fees = await officer.get('/api/ip/fee-forecast/fees', { query: { office: 'KR', pageSize: '50' } });
    expect(fees.status, fees.text).toBe(200);
    expect(fees.body.items.length).toBe(5);
    for (const f of fees.body.items as Fee[])
      expect(f).toMatchObject({ amountMinor: null, usdMinor: null, missing: 'no_claims' });
  });

  it('lists the next annual fee on the matter page', async () => {
    const m = await officer.get(`/api/ip/matters/${jp}`);
    expect(m.status, m.text).toBe(200);
    expect(m.body.nextDeadline).toMatchObject({
      kind: 'annuity',
      office: 'JP',
      year: 5,
      dueDate: '2025-09-01',
    });
    const fee = (year: number) =>
      m.body.deadlines.find(
        (d: { kind: string; year: number | null }) => d.kind === 'annuity' && d.year === year,
      )?.fee;
    // The three years paid at registration in 2021, before the table kept (from 2022-04-01): not priced, never 0.
    expect(fee(1)).toEqual({ currency: null, amountMinor: null, missing: 'no_schedule' });
    // The 5th year: 10,300 + 12 × 800 = 19,900 yen.
    expect(fee(5)).toEqual({ currency: 'JPY', amountMinor: 1_990_000, missing: null });
    expect(m.body.deadlines.find((d: { kind: string }) => d.kind === 'term_end')).toMatchObject({
      fee: null,
    });
  });

  it('names a missing number of claims on the matter page of a Korean patent', async () => {
    const list = await officer.get('/api/ip/matters', { query: { office: 'KR' } });
    expect(list.status, list.text).toBe(200);
    const m = await officer.get(`/api/ip/matters/${list.body.items[0].id}`);
    expect(m.status, m.text).toBe(200);
    const fourth = m.body.deadlines.find((d: { year: number | null }) => d.year === 4);
    expect(fourth).toMatchObject({
      dueDate: '2024-09-01',
      fee: { currency: null, amountMinor: null, missing: 'no_claims' },
    });
  });
});
