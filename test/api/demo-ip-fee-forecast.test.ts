import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClock } from '../../reference/demo/clock.ts';
import { DEMO_PASSWORD } from '../../reference/demo/users.ts';
import { createTestApp, databases, type TestApp } from '../support/app.ts';

/** The demo's five-year fee forecast is complete: every office's currency has a dated rate on or before today. */
const clock = demoClock({});

describe.each(databases())('demo IP fee forecast (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind, demo: { scale: 0.01, clock } });
  });
  afterAll(async () => t?.close());

  it('prices and converts every fee the schedules cover, each currency at a rate of the demo’s years', async () => {
    const counsel = await t.signIn('ip.owner@steward.demo', DEMO_PASSWORD);
    const f = await counsel.get('/api/ip/fee-forecast');
    expect(f.status, f.text).toBe(200);
    expect(f.body.from).toBe(clock);
    expect(f.body.rates.map((r: { currency: string }) => r.currency)).toEqual(['CNY', 'EUR', 'GBP', 'TWD']);
    for (const r of f.body.rates) {
      expect(r.state, r.currency).toBe('found');
      expect(r.validFrom <= clock).toBe(true);
      expect(Number(r.validFrom.slice(0, 4))).toBeGreaterThanOrEqual(Number(clock.slice(0, 4)) - 1);
    }
    const offices = new Set(f.body.groups.map((g: { office: string }) => g.office));
    for (const office of ['TW', 'US', 'CN', 'EP']) expect(offices.has(office), office).toBe(true);
    // Only national renewal fees of states whose schedules are not kept stay without amount; no fee lacks a
    // rate. Germany's and the UK's are priced in their currencies.
    const european = await counsel.get('/api/ip/fee-forecast/fees', {
      query: { office: 'EP', pageSize: 500 },
    });
    type Fee = {
      paidTo: string | null;
      currency: string | null;
      twdMinor: number | null;
      missing: string | null;
    };
    const items: Fee[] = european.body.items;
    const reasons = new Set(items.map((x) => x.missing));
    expect([...reasons].every((r) => r === null || r === 'national_fee')).toBe(true);
    for (const [state, currency] of [
      ['DE', 'EUR'],
      ['GB', 'GBP'],
    ] as const) {
      const fees = items.filter((x) => x.paidTo === state);
      expect(fees.length, state).toBeGreaterThan(0);
      for (const x of fees) expect(x, state).toMatchObject({ currency, missing: null });
      for (const x of fees) expect(x.twdMinor, state).toBeGreaterThan(0);
    }
    for (const x of items.filter((i) => i.missing === 'national_fee'))
      expect(['FR', 'NL', 'IT', 'CH', null]).toContain(x.paidTo);
    for (const office of ['TW', 'US', 'CN']) {
      const fees = await counsel.get('/api/ip/fee-forecast/fees', { query: { office, pageSize: 500 } });
      expect(fees.body.items.length, office).toBeGreaterThan(0);
      expect(fees.body.items.filter((x: { missing: string | null }) => x.missing !== null)).toEqual([]);
    }
  });
});
