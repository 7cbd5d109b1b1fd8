import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

/** The app's clock: 15 January 2025 in Taiwan, so the forecast's five years run to 2030-01-14. */
const NOW = new Date('2025-01-15T02:00:00Z');

type Deadline = {
  kind: string;
  year: number | null;
  dueDate: string;
  actBy: string;
  payee: string | null;
  state: string | null;
  fee: { currency: string | null; amountMinor: number | null; missing: string | null } | null;
};

// A European patent filed 15.06.2018, its grant published 07.09.2022 (the 5th year): from the 6th year its
// renewal fees go to the states where it was validated (EPC art. 141) or, with unitary effect, to the EPO.
// DPMA from 2022-07-01: 8th year 280 €; UK IPO: 8th year £130; Unitary Patent: 8th year 815 €.
// Sources: reference/ip-fees/README.md.
describe.each(databases())('IP: a European patent’s validation states and unitary effect (%s)', (kind) => {
  let t: TestApp;
  let officer: ApiClient;
  let ep: string;
  let family: string;
  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => NOW });
    const admin = await t.signInAs('groupAdmin');
    for (const rate of [
      { currency: 'TWD', validFrom: '2024-12-31', perUsd: '31' },
      { currency: 'EUR', validFrom: '2024-12-31', perUsd: '0.95' },
      { currency: 'GBP', validFrom: '2024-12-31', perUsd: '0.8' },
    ]) {
      const r = await admin.post('/api/academia/exchange-rates', rate);
      expect(r.status, r.text).toBe(201);
    }
    officer = await t.signInAs('k7Officer');
    const f = await officer.post('/api/ip/families', {
      siteId: SITES.K7.id,
      reference: 'F-EP-VAL',
      title: 'Fan-out package with validation states',
      technology: 'fan_out',
    });
    expect(f.status, f.text).toBe(201);
    family = f.body.id;
    const m = await officer.post('/api/ip/matters', {
      familyId: family,
      office: 'EP',
      kind: 'invention',
      applicationNo: '18177001.5',
      filingDate: '2018-06-15',
      grantDate: '2022-09-07',
      patentNo: 'EP3580001',
      status: 'granted',
      validationStates: ['GB', 'DE', 'FR'],
    });
    expect(m.status, m.text).toBe(201);
    ep = m.body.id;
  });
  afterAll(async () => t?.close());

  it('keeps the states, and gives each its own fee from the year after the grant year', async () => {
    const m = await officer.get(`/api/ip/matters/${ep}`);
    expect(m.status, m.text).toBe(200);
    expect(m.body).toMatchObject({ validationStates: ['GB', 'DE', 'FR'], unitaryEffect: false });
    const eighth = (m.body.deadlines as Deadline[]).filter((d) => d.kind === 'annuity' && d.year === 8);
    expect(eighth.map((d) => [d.state, d.dueDate, d.fee])).toEqual([
      ['DE', '2025-06-30', { currency: 'EUR', amountMinor: 28_000, missing: null }],
      ['FR', '2025-06-30', { currency: null, amountMinor: null, missing: 'national_fee' }],
      ['GB', '2025-06-30', { currency: 'GBP', amountMinor: 13_000, missing: null }],
    ]);
    // The 5th year, the grant's, was the EPO's.
    const fifth = (m.body.deadlines as Deadline[]).filter((d) => d.kind === 'annuity' && d.year === 5);
    expect(fifth.map((d) => [d.payee, d.state])).toEqual([['epo', null]]);
    expect(m.body.nextDeadline).toMatchObject({ year: 8, state: 'DE', actBy: '2025-06-30' });
  });

  it('forecasts each state’s fee apart, and one it cannot price as missing, never 0', async () => {
    const fees = await officer.get('/api/ip/fee-forecast/fees', { query: { office: 'EP', pageSize: '100' } });
    expect(fees.status, fees.text).toBe(200);
    const items = fees.body.items as {
      year: number;
      paidTo: string | null;
      amountMinor: number | null;
      twdMinor: number | null;
      missing: string | null;
    }[];
    // Years 8 to 12 fall due 30 June 2025 … 2029: five years, three states.
    expect(items).toHaveLength(15);
    const of = (state: string) => items.filter((f) => f.paidTo === state);
    expect(of('DE').map((f) => [f.year, f.amountMinor])).toEqual([
      [8, 28_000],
      [9, 35_000],
      [10, 43_000],
      [11, 54_000],
      [12, 68_000],
    ]);
    expect(of('GB').map((f) => f.amountMinor)).toEqual([13_000, 15_000, 17_000, 19_000, 22_000]);
    for (const f of of('FR'))
      expect(f).toMatchObject({ amountMinor: null, twdMinor: null, missing: 'national_fee' });
    // Through the US dollar (platform rates): 280 € at 0.95 € to the US$ is US$294.74 (to the cent), at NT$31
    // to the US$ NT$9,136.94.
    expect(of('DE')[0]?.twdMinor).toBe(913_694);
  });

  it('sends the renewal fees to the EPO once the patent has unitary effect, beside the states outside it', async () => {
    // This patent's grant (2022) is older than the Unitary Patent (2023-06-01): refused, nothing changed.
    const before = await officer.get(`/api/ip/matters/${ep}`);
    const early = await officer.patch(`/api/ip/matters/${ep}`, {
      unitaryEffect: true,
      version: before.body.version,
    });
    expect(early.status).toBe(422);
    expect(early.body.errors.map((e: { path: string }) => e.path)).toEqual(['unitaryEffect']);
    // Granted 05.07.2023 with unitary effect: Germany is covered by it and pays no national fee.
    const body = {
      familyId: family,
      office: 'EP',
      kind: 'invention',
      applicationNo: '19160001.2',
      filingDate: '2019-03-20',
      grantDate: '2023-07-05',
      patentNo: 'EP3700001',
      status: 'granted',
      unitaryEffect: true,
    };
    const twice = await officer.post('/api/ip/matters', { ...body, validationStates: ['GB', 'DE'] });
    expect(twice.status).toBe(422);
    expect(twice.body.errors).toEqual([
      { path: 'validationStates', message: 'Covered by the unitary effect, with no national fee: DE' },
    ]);
    const up = await officer.post('/api/ip/matters', { ...body, validationStates: ['GB'] });
    expect(up.status, up.text).toBe(201);
    const m = await officer.get(`/api/ip/matters/${up.body.id}`);
    // The 7th year falls due 31.03.2025: 630 € to the EPO, £110 to the UK IPO.
    const seventh = (m.body.deadlines as Deadline[]).filter((d) => d.kind === 'annuity' && d.year === 7);
    expect(seventh.map((d) => [d.payee, d.state, d.dueDate, d.fee?.currency, d.fee?.amountMinor])).toEqual([
      ['unitary', null, '2025-03-31', 'EUR', 63_000],
      ['national', 'GB', '2025-03-31', 'GBP', 11_000],
    ]);
    // One obligation for the two fees of that day, named for the EPO.
    const obligations = await officer.get('/api/obligations', {
      query: { kind: 'ip.annuity', view: 'scope', pageSize: '100' },
    });
    expect(obligations.status, obligations.text).toBe(200);
    const annuity = obligations.body.items.filter((o: { sourceId: string }) => o.sourceId === up.body.id);
    expect(annuity).toHaveLength(1);
    expect(annuity[0]).toMatchObject({ dueDate: '2025-03-31' });
    const audit = await t.signInAs('groupAdmin');
    const events = await audit.get('/api/audit/events', { query: { entityId: up.body.id, pageSize: '50' } });
    expect(events.status, events.text).toBe(200);
    expect(events.body.items.map((e: { action: string }) => e.action)).toContain('ip.matter.created');
  });

  it('puts one keep-or-drop decision before the states’ fees of one day, totalled only where one currency prices all', async () => {
    const list = await officer.get('/api/ip/keep-or-drop', { query: { months: '12' } });
    expect(list.status, list.text).toBe(200);
    type Item = {
      applicationNo: string;
      feeYear: number;
      feeCurrency: string | null;
      feeAmountMinor: number | null;
    };
    const items: Item[] = list.body.items;
    // DE (EUR), FR (not priced) and GB (GBP): one item for the 8th year, with no single amount.
    const validated = items.filter((i) => i.applicationNo === '18177001.5');
    expect(validated.map((i) => [i.feeYear, i.feeCurrency, i.feeAmountMinor])).toEqual([[8, null, null]]);
    // The Unitary Patent (EUR) and GB (GBP): one item, no single amount either.
    const unitary = items.filter((i) => i.applicationNo === '19160001.2');
    expect(unitary.map((i) => [i.feeYear, i.feeAmountMinor])).toEqual([[7, null]]);
  });

  it('refuses validation states or unitary effect outside the EPO, and an unknown or repeated state', async () => {
    const us = await officer.post('/api/ip/matters', {
      familyId: family,
      office: 'US',
      kind: 'invention',
      applicationNo: '16123456',
      filingDate: '2018-06-15',
      status: 'filed',
      validationStates: ['DE'],
      unitaryEffect: true,
    });
    expect(us.status).toBe(422);
    expect(us.headers['content-type']).toContain('application/problem+json');
    expect(us.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'unitaryEffect',
      'validationStates',
    ]);
    const m = await officer.get(`/api/ip/matters/${ep}`);
    for (const validationStates of [['XX'], ['DE', 'DE']]) {
      const bad = await officer.patch(`/api/ip/matters/${ep}`, { validationStates, version: m.body.version });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].path).toMatch(/^body\.validationStates/);
    }
    const unchanged = await officer.get(`/api/ip/matters/${ep}`);
    expect(unchanged.body).toMatchObject({ validationStates: ['GB', 'DE', 'FR'], version: m.body.version });
  });

  it('lets a read-only user see the states and change nothing', async () => {
    const auditor = await t.signInAs('auditor');
    const m = await auditor.get(`/api/ip/matters/${ep}`);
    expect(m.status, m.text).toBe(200);
    expect(m.body.validationStates).toEqual(['GB', 'DE', 'FR']);
    const r = await auditor.patch(`/api/ip/matters/${ep}`, { validationStates: [], version: m.body.version });
    expect(r.status).toBe(403);
  });
});
