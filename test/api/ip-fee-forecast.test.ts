import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

/** The app's clock: 15 January 2025 in Taiwan, so the five years run from 2025-01-15 to 2030-01-14. */
const NOW = new Date('2025-01-15T02:00:00Z');

type Group = {
  year: number;
  office: string;
  fees: number;
  missing: number;
  twdMinor: number;
  usdMinor: number;
};
type Fee = { matterId: string; office: string; year: number; dueDate: string; [k: string]: unknown };

async function matter(client: ApiClient, reference: string, body: Record<string, unknown>) {
  const f = await client.post('/api/ip/families', {
    siteId: SITES.K7.id,
    reference,
    title: `Family ${reference}`,
    technology: 'sip',
  });
  expect(f.status, f.text).toBe(201);
  const m = await client.post('/api/ip/matters', {
    familyId: f.body.id,
    kind: 'invention',
    applicationNo: `${reference}-${body.office}`,
    ...body,
  });
  expect(m.status, m.text).toBe(201);
  return m.body as { id: string; version: number };
}

const sum = (groups: Group[], office?: string) =>
  groups
    .filter((g) => !office || g.office === office)
    .reduce(
      (t, g) => ({
        fees: t.fees + g.fees,
        missing: t.missing + g.missing,
        twdMinor: t.twdMinor + g.twdMinor,
        usdMinor: t.usdMinor + g.usdMinor,
      }),
      { fees: 0, missing: 0, twdMinor: 0, usdMinor: 0 },
    );

// Amounts: reference/ip-fees/README.md (TIPO annuities art. 7; USPTO 37 CFR 1.20(e)-(g) from 2025-01-19;
// EPO renewal fees from 2024-04-01).
describe.each(databases())('IP five-year fee forecast (%s)', (kind) => {
  let t: TestApp;
  let officer: ApiClient;
  let us: { id: string; version: number };
  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => NOW });
    const admin = await t.signInAs('groupAdmin');
    for (const rate of [
      { currency: 'TWD', validFrom: '2024-12-31', perUsd: '31' },
      // After the forecast's day: not the latest on or before it.
      { currency: 'TWD', validFrom: '2025-02-01', perUsd: '40' },
      { currency: 'EUR', validFrom: '2025-01-02', perUsd: '0.8' },
    ]) {
      const r = await admin.post('/api/academia/exchange-rates', rate);
      expect(r.status, r.text).toBe(201);
    }
    officer = await t.signInAs('k7Officer');
    // Taiwan: published 2021-06-01, annuities of years 5 to 9 by 2025-05-31 ... 2029-05-31.
    await matter(officer, 'FC-TW', {
      office: 'TW',
      filingDate: '2019-03-04',
      grantDate: '2021-06-01',
      patentNo: 'I700001',
      status: 'granted',
    });
    // US: granted 2022-03-01, the 3.5- and 7.5-year fees due 2025-09-01 and 2029-09-01.
    us = await matter(officer, 'FC-US', {
      office: 'US',
      filingDate: '2020-02-20',
      grantDate: '2022-03-01',
      patentNo: '11000001',
      status: 'granted',
    });
    // EPO, pending: renewal fees of years 5 to 9, at the end of April 2025 ... 2029.
    await matter(officer, 'FC-EP', { office: 'EP', filingDate: '2021-04-15', status: 'under_examination' });
    // China, granted: no CNY rate is kept, so its fees have no NT$ or US$ amount.
    await matter(officer, 'FC-CN', {
      office: 'CN',
      filingDate: '2020-07-01',
      grantDate: '2023-02-10',
      patentNo: 'ZL2020100001',
      status: 'granted',
    });
  });
  afterAll(async () => t?.close());

  it('prices each fee of the five years and converts it at the latest rate on or before today', async () => {
    const f = await officer.get('/api/ip/fee-forecast');
    expect(f.status, f.text).toBe(200);
    expect(f.body).toMatchObject({ from: '2025-01-15', to: '2030-01-14' });
    expect(f.body.rates).toEqual([
      { currency: 'CNY', state: 'missing', validFrom: null, perUsd: null },
      { currency: 'EUR', state: 'found', validFrom: '2025-01-02', perUsd: '0.800000' },
      { currency: 'TWD', state: 'found', validFrom: '2024-12-31', perUsd: '31.000000' },
    ]);
    const groups: Group[] = f.body.groups;
    // NT$ 5,000 + 5,000 + 8,000 + 8,000 + 8,000; each fee rounded to the cent (161.29 × 2 + 258.06 × 3).
    expect(sum(groups, 'TW')).toEqual({ fees: 5, missing: 0, twdMinor: 3_400_000, usdMinor: 109_676 });
    // US$ 2,150 + 4,040 at NT$31.
    expect(sum(groups, 'US')).toEqual({ fees: 2, missing: 0, twdMinor: 19_189_000, usdMinor: 619_000 });
    // € 1,000 + 1,155 + 1,310 + 1,465 + 1,620 at €0.8 per US$.
    expect(sum(groups, 'EP')).toEqual({ fees: 5, missing: 0, twdMinor: 25_381_250, usdMinor: 818_750 });
    const cn = sum(groups, 'CN');
    expect(cn.fees).toBeGreaterThanOrEqual(5);
    expect(cn).toMatchObject({ missing: cn.fees, twdMinor: 0, usdMinor: 0 });
    expect(groups.filter((g) => g.office === 'US').map((g) => g.year)).toEqual([2025, 2029]);

    const fees = await officer.get('/api/ip/fee-forecast/fees', { query: { office: 'TW', pageSize: '10' } });
    expect(fees.status, fees.text).toBe(200);
    expect(fees.body.items[0]).toMatchObject({
      office: 'TW',
      year: 5,
      dueDate: '2025-05-31',
      currency: 'TWD',
      amountMinor: 500_000,
      scheduleFrom: '2011-07-01',
      twdMinor: 500_000,
      usdMinor: 16_129,
      missing: null,
      siteCode: 'K7',
      technology: 'sip',
    });
    const cnFees = await officer.get('/api/ip/fee-forecast/fees', { query: { office: 'CN' } });
    expect(cnFees.body.items[0]).toMatchObject({
      currency: 'CNY',
      amountMinor: 120_000,
      twdMinor: null,
      usdMinor: null,
      missing: 'rate',
    });
  });

  it('moves the total by exactly the fees of a matter that is no longer live', async () => {
    const before = sum((await officer.get('/api/ip/fee-forecast')).body.groups);
    const usFees: Fee[] = (await officer.get('/api/ip/fee-forecast/fees', { query: { office: 'US' } })).body
      .items;
    expect(usFees.map((x) => [x.year, x.dueDate])).toEqual([
      [4, '2025-09-01'],
      [8, '2029-09-01'],
    ]);
    const abandoned = await officer.patch(`/api/ip/matters/${us.id}`, {
      status: 'abandoned',
      statusOn: '2025-01-10',
      version: us.version,
    });
    expect(abandoned.status, abandoned.text).toBe(200);
    const after = sum((await officer.get('/api/ip/fee-forecast')).body.groups);
    expect(after).toEqual({
      fees: before.fees - 2,
      missing: before.missing,
      twdMinor: before.twdMinor - 19_189_000,
      usdMinor: before.usdMinor - 619_000,
    });
  });

  it('filters by office and technology, and shows nothing of sites outside the reader’s scope', async () => {
    const ep = await officer.get('/api/ip/fee-forecast', { query: { office: 'EP' } });
    expect(ep.body.groups.map((g: Group) => g.office)).toEqual(Array(5).fill('EP'));
    const other = await officer.get('/api/ip/fee-forecast', { query: { technology: 'fan_out' } });
    expect(other.body.groups).toEqual([]);
    const spil = await t.signInAs('spilOfficer');
    const outside = await spil.get('/api/ip/fee-forecast');
    expect(outside.status).toBe(200);
    expect(outside.body.groups).toEqual([]);
  });

  it('prices a US patent at its owner’s entity size, and refuses a size outside the US', async () => {
    // 37 CFR 1.20(e), (f) from 2025-01-19: 860 and 1,616 US$ for a small entity (40% of 2,150 and 4,040),
    // 430 and 808 for a micro entity (20%).
    const small = await matter(officer, 'FC-US-SMALL', {
      office: 'US',
      filingDate: '2020-02-20',
      grantDate: '2022-03-01',
      patentNo: '11000002',
      status: 'granted',
      entitySize: 'small',
    });
    expect(small).toMatchObject({ entitySize: 'small' });
    const usFees = async () =>
      (
        await officer.get('/api/ip/fee-forecast/fees', {
          query: { office: 'US', technology: 'sip', sort: 'dueDate', order: 'asc' },
        })
      ).body.items.filter((f: Fee) => f.matterId === small.id);
    expect(await usFees()).toMatchObject([
      { year: 4, dueDate: '2025-09-01', entitySize: 'small', amountMinor: 86_000, usdMinor: 86_000 },
      { year: 8, dueDate: '2029-09-01', entitySize: 'small', amountMinor: 161_600, twdMinor: 5_009_600 },
    ]);
    const micro = await officer.patch(`/api/ip/matters/${small.id}`, {
      entitySize: 'micro',
      version: small.version,
    });
    expect(micro.status, micro.text).toBe(200);
    expect((await usFees()).map((f: Fee) => f.amountMinor)).toEqual([43_000, 80_800]);

    const f = await officer.post('/api/ip/families', {
      siteId: SITES.K7.id,
      reference: 'FC-TW-SMALL',
      title: 'Family FC-TW-SMALL',
      technology: 'sip',
    });
    const tw = await officer.post('/api/ip/matters', {
      familyId: f.body.id,
      office: 'TW',
      kind: 'invention',
      applicationNo: '112100009',
      filingDate: '2023-01-05',
      status: 'filed',
      entitySize: 'small',
    });
    expect(tw.status, tw.text).toBe(422);
    expect(tw.body.errors).toContainEqual({
      path: 'entitySize',
      message: 'Small and micro entities are USPTO sizes only',
    });
  });

  it('exports the fees as CSV in the reader’s language', async () => {
    const csv = await officer.get('/api/ip/fee-forecast/fees/export.csv', { query: { office: 'TW' } });
    expect(csv.status).toBe(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('Site');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toContain('2025-05-31');
    expect(lines[1]).toContain('5000');
  });
});
