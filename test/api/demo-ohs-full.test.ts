// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent; tests assert on them.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClock } from '../../reference/demo/clock.ts';
import { loadDemoDataset } from '../../reference/demo/load.ts';
import { HISTORY_YEARS, OHS_SEED } from '../../reference/demo/ohs-seed.ts';
import { DEMO_PASSWORD } from '../../reference/demo/users.ts';
import { type ApiClient, createTestApp, type TestApp } from '../support/app.ts';
import { checkGriInvariants } from '../support/gri-invariants.ts';

/**
 * The full demo (about 100,000 employees) loaded into PostgreSQL on today's clock, and the seed's OHS figures
 * read back through the API. Runs when TEST_DATABASE_URL names a server; the load takes some 20 seconds.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('the full demo reproduces the OHS seed (postgres)', () => {
  let t: TestApp;
  let owner: ApiClient;
  const injuryCases = async () => {
    const res = await owner.get('/api/ohs/statistics', { query: { from: 2022, to: 2022, by: 'group' } });
    expect(res.status).toBe(200);
    return res.body.rows[0].injuryCases as number;
  };

  beforeAll(async () => {
    t = await createTestApp({ kind: 'postgres', seed: false });
    await loadDemoDataset(t.database, { scale: 1, clock: demoClock() });
    owner = await t.signIn('ohs.owner@steward.demo', DEMO_PASSWORD);
  }, 300_000);
  afterAll(async () => t?.close());

  it('reports 127 occupational injury cases in 2022', async () => {
    expect(await injuryCases()).toBe(OHS_SEED.injuryCases);
  });

  it('reports 51,895 people screened in 2022 for NT$8.83 million', async () => {
    const res = await owner.get('/api/ohs/health/summary', { query: { year: 2022 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ peopleScreened: 51_895, costMinor: 883_000_000, currency: 'TWD' });
  });

  it('lists the 18 ISO 45001 certificates of the seed with their dates among the history', async () => {
    const res = await owner.get('/api/certifications', {
      query: { standard: 'ISO 45001', includeSuperseded: 'true', pageSize: 200 },
    });
    expect(res.status).toBe(200);
    const listed = res.body.items.map((c: any) => JSON.stringify([c.siteName, c.issuedOn, c.validUntil]));
    for (const c of OHS_SEED.certificates) expect(listed).toContain(JSON.stringify(c));
    expect(res.body.items.filter((c: any) => c.previousId === null)).toHaveLength(18);
  });

  it('shows the wellbeing figures of the seed in 2022', async () => {
    const summary = await owner.get('/api/ohs/wellbeing/summary', { query: { year: 2022 } });
    const k = Object.fromEntries(summary.body.kinds.map((x: any) => [x.kind, x]));
    expect([k.gym.programs, k.club.programs, k.group_course.participations]).toEqual([5, 24, 1_500]);
    const programs = (await owner.get('/api/ohs/wellbeing/programs')).body.items;
    expect(programs.find((p: any) => p.kind === 'counsellor_training')?.people).toBe(95);
  });

  it('counts GRI 403-9 high-consequence injuries apart from fatalities, never more than recordable ones, for every site and year, as the Board report does', async () => {
    const year = Number(demoClock().slice(0, 4));
    const totals = await checkGriInvariants(t.db, owner, { from: year - HISTORY_YEARS + 1, to: year });
    expect(totals.recordable).toBeGreaterThan(1000);
    expect(totals.fatalities).toBe(1);
    // Most injuries recover fully: high-consequence ones are a small share of the serious ones.
    expect(totals.highConsequence).toBeGreaterThan(0);
    expect(totals.highConsequence).toBeLessThan(totals.recordable * 0.1);
  }, 300_000);

  it('reports 126 once one 2022 injury is deleted', async () => {
    const j = await sql<{
      id: string;
    }>`select j.id from ohs_injuries j join ohs_incidents i on i.id = j.incident_id
      where j.injury_date between '2022-01-01' and '2022-12-31' and not i.commuting and j.classification <> 'first_aid'
      order by j.id limit 1`.execute(t.db);
    expect((await owner.delete(`/api/ohs/injuries/${j.rows[0].id}`)).status).toBe(200);
    expect(await injuryCases()).toBe(OHS_SEED.injuryCases - 1);
  });
});
