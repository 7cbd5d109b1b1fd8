import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClock } from '../../reference/demo/clock.ts';
import { loadDemoDataset } from '../../reference/demo/load.ts';
import { HISTORY_YEARS } from '../../reference/demo/ohs-seed.ts';
import { DEMO_PASSWORD } from '../../reference/demo/users.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { checkGriInvariants } from '../support/gri-invariants.ts';

/**
 * The demo's GRI 403-9 figures at 1/10, for every site and year of its history: high-consequence injuries
 * never outnumber recordable ones (fatalities apart), and the Board report says what the statistics say.
 * The full demo is checked the same way in demo-ohs-full.test.ts.
 */
describe.each(databases())('demo GRI 403-9 figures (%s)', (kind) => {
  let t: TestApp;
  let owner: ApiClient;
  const clock = demoClock();
  const year = Number(clock.slice(0, 4));

  beforeAll(async () => {
    t = await createTestApp({ kind, seed: false });
    await loadDemoDataset(t.database, { scale: 0.1, clock });
    owner = await t.signIn('ohs.owner@steward.demo', DEMO_PASSWORD);
  }, 120_000);
  afterAll(async () => t?.close());

  it('counts high-consequence injuries apart from fatalities, never more than recordable ones, as the Board report does', async () => {
    const totals = await checkGriInvariants(t.db, owner, { from: year - HISTORY_YEARS + 1, to: year });
    // The history holds some of each, so that the invariants are put to the test.
    expect(totals.recordable).toBeGreaterThan(100);
    expect(totals.highConsequence).toBeGreaterThan(0);
    expect(totals.fatalities).toBe(1);
    // Most injuries recover fully: high-consequence ones are a small share of the serious ones.
    expect(totals.highConsequence).toBeLessThan(totals.recordable * 0.1);
  }, 120_000);
});
