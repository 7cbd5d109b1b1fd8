// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClock } from '../../reference/demo/clock.ts';
import { DEMO_PASSWORD } from '../../reference/demo/users.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

/**
 * The demo's security policies: Kaohsiung's officer sees the policies and the 2023 campaign's progress with
 * Kaohsiung's people in it; the employee is asked by the open campaign and acknowledges it once.
 */
describe('demo security policies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind: 'pglite', demo: { scale: 0.01, clock: demoClock({}) } });
  });
  afterAll(async () => t?.close());

  it('shows the policies and the 2023 campaign with Kaohsiung’s rows to its officer', async () => {
    const officer = await t.signIn('officer.kh@steward.demo', DEMO_PASSWORD);
    const list = await officer.get('/api/infosec/policies', { query: { sort: 'code' } });
    expect(list.body.items.map((p: any) => [p.code, p.currentVersion])).toEqual([
      ['AUP-01', '2.0'],
      ['ISP-01', '2.0'],
      ['SUP-01', '1.1'],
    ]);
    const isp = list.body.items.find((p: any) => p.code === 'ISP-01');
    const detail = await officer.get(`/api/infosec/policies/${isp.id}`);
    const [c2023] = detail.body.campaigns;
    expect(c2023.openedOn).toBe('2023-03-01');
    const campaign = await officer.get(`/api/infosec/policy-campaigns/${c2023.id}`);
    // The officer's scope is Kaohsiung: its figures only, all acknowledged.
    expect(campaign.body.sites.map((s: any) => s.siteCode)).toEqual(['ASE-KH']);
    const kh = campaign.body.sites[0];
    expect(kh.asked).toBeGreaterThan(3);
    expect(kh).toMatchObject({ acknowledged: kh.asked, rate: 100 });
    expect(campaign.body.overdue).toEqual([]);
    // The CISO office sees the group: SPIL's officer is overdue, and sites with nobody asked say so.
    const owner = await t.signIn('infosec.owner@steward.demo', DEMO_PASSWORD);
    const all = await owner.get(`/api/infosec/policy-campaigns/${c2023.id}`);
    expect(all.body.overdue.map((p: any) => p.siteCode)).toEqual(['SPIL-ZK']);
    expect(all.body.sites.some((s: any) => s.asked === 0 && s.rate === null)).toBe(true);
  });

  it('asks the employee to acknowledge the Acceptable Use Policy 2.0, once', async () => {
    const employee = await t.signIn('employee@steward.demo', DEMO_PASSWORD);
    const mine = await employee.get('/api/infosec/my/policy-campaigns');
    const open = mine.body.items.find((c: any) => c.acknowledgedAt === null);
    expect(open).toMatchObject({ policyCode: 'AUP-01', versionLabel: '2.0' });
    expect(mine.body.items.find((c: any) => c.policyCode === 'ISP-01')?.acknowledgedAt).toEqual(
      expect.any(String),
    );
    expect((await employee.post(`/api/infosec/my/policy-campaigns/${open.id}/acknowledge`)).status).toBe(200);
    expect((await employee.post(`/api/infosec/my/policy-campaigns/${open.id}/acknowledge`)).status).toBe(409);
  });
});
