import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

/** The app's clock: 15 January 2025 in Taiwan. */
const NOW = new Date('2025-01-15T02:00:00Z');

async function familyWithMatter(client: ApiClient, siteId: string, reference: string) {
  const f = await client.post('/api/ip/families', {
    siteId,
    reference,
    title: `Family ${reference}`,
    technology: 'sip',
  });
  expect(f.status, f.text).toBe(201);
  const m = await client.post('/api/ip/matters', {
    familyId: f.body.id,
    office: 'US',
    kind: 'invention',
    applicationNo: `${reference}-US`,
    filingDate: '2019-03-04',
    grantDate: '2021-06-01',
    status: 'granted',
  });
  expect(m.status, m.text).toBe(201);
  return { familyId: f.body.id as string, matterId: m.body.id as string };
}

const outLicence = (over: Record<string, unknown> = {}) => ({
  siteId: SITES.K7.id,
  reference: 'LIC-2024-001',
  direction: 'out',
  counterparty: 'Nordic Sensor AB',
  subject: 'MEMS microphone package with a stepped cavity',
  territory: ['EP', 'US'],
  fieldOfUse: 'Consumer audio',
  startsOn: '2024-07-01',
  endsOn: '2029-06-30',
  exclusivity: 'non_exclusive',
  royaltyBasis: 'rate',
  royaltyRate: 2.5,
  currency: 'USD',
  reportingPeriod: 'quarterly',
  reportDueDays: 45,
  ...over,
});

describe.each(databases())('IP licences and freedom to operate (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => NOW });
  });
  afterAll(async () => t?.close());

  it('registers an out-licence whose next royalty report is an obligation that moves when a report is recorded', async () => {
    const officer = await t.signInAs('k7Officer');
    const { familyId, matterId } = await familyWithMatter(officer, SITES.K7.id, 'LIC-FAM-1');
    const created = await officer.post('/api/ip/licences', outLicence({ matterIds: [matterId] }));
    expect(created.status, created.text).toBe(201);
    // Nothing reported yet: the first quarter (July to September 2024) is chased, due 45 days after it ended.
    expect(created.body).toMatchObject({
      siteCode: 'K7',
      subsidiaryName: 'ASE Inc.',
      royaltyRate: 2.5,
      matters: [{ id: matterId, office: 'US', applicationNo: 'LIC-FAM-1-US' }],
      nextReport: { start: '2024-07-01', end: '2024-09-30', dueDate: '2024-11-14' },
    });
    const dues = async () =>
      (
        await officer.get('/api/obligations', { query: { kind: 'ip.royalty_report', view: 'scope' } })
      ).body.items.map((o: { dueDate: string; state: string; title: string }) => [o.dueDate, o.state]);
    expect(await dues()).toEqual([['2024-11-14', 'open']]);

    const reported = await officer.post(`/api/ip/licences/${created.body.id}/royalty-reports`, {
      periodEnd: '2024-09-30',
      reportedOn: '2024-11-10',
      amount: '182400.00',
      currency: 'USD',
    });
    expect(reported.status, reported.text).toBe(201);
    expect(reported.body.nextReport).toEqual({
      start: '2024-10-01',
      end: '2024-12-31',
      dueDate: '2025-02-14',
    });
    expect(reported.body.reports).toMatchObject([{ periodStart: '2024-07-01', amount: '182400.00' }]);
    expect(await dues()).toEqual([['2025-02-14', 'open']]);

    const twice = await officer.post(`/api/ip/licences/${created.body.id}/royalty-reports`, {
      periodEnd: '2024-09-30',
      reportedOn: '2024-11-10',
      amount: '1.00',
      currency: 'USD',
    });
    expect(twice.status).toBe(409);
    const notAPeriod = await officer.post(`/api/ip/licences/${created.body.id}/royalty-reports`, {
      periodEnd: '2024-11-30',
      reportedOn: '2024-12-10',
      amount: '1.00',
      currency: 'USD',
    });
    expect(notAPeriod.status).toBe(422);
    expect(notAPeriod.body.errors.map((e: { path: string }) => e.path)).toEqual(['periodEnd']);

    // The matter's page lists the licence, through the matter or through its family.
    const family = await officer.post('/api/ip/licences', {
      ...outLicence({ reference: 'LIC-2024-002', direction: 'cross', royaltyBasis: 'none' }),
      familyIds: [familyId],
    });
    expect(family.status, family.text).toBe(201);
    expect(family.body.nextReport).toBeNull();
    const onMatter = await officer.get(`/api/ip/matters/${matterId}/licences`);
    expect(onMatter.body.items.map((l: { reference: string }) => l.reference).sort()).toEqual([
      'LIC-2024-001',
      'LIC-2024-002',
    ]);

    // Dropping the royalties cancels the report obligation.
    const free = await officer.patch(`/api/ip/licences/${created.body.id}`, {
      royaltyBasis: 'none',
      version: reported.body.version,
    });
    expect(free.status, free.text).toBe(200);
    expect(free.body).toMatchObject({ royaltyRate: null, currency: null, nextReport: null });
    expect(await dues()).toEqual([['2025-02-14', 'cancelled']]);
    const stale = await officer.patch(`/api/ip/licences/${created.body.id}`, {
      subject: 'Renamed',
      version: reported.body.version,
    });
    expect(stale.status).toBe(409);

    const auditor = await t.signInAs('auditor');
    const events = await auditor.get('/api/audit/events', {
      query: { entityType: 'ip_licence', entityId: created.body.id, order: 'asc' },
    });
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual([
      'ip.licence.created',
      'ip.royalty_report.recorded',
      'ip.licence.updated',
    ]);
  });

  it('refuses royalties without their terms, and coverage or records outside the reader’s sites', async () => {
    const officer = await t.signInAs('k7Officer');
    const noRate = await officer.post(
      '/api/ip/licences',
      outLicence({ reference: 'LIC-X-1', royaltyRate: null }),
    );
    expect(noRate.status).toBe(422);
    expect(noRate.body.errors.map((e: { path: string }) => e.path)).toEqual(['royaltyRate']);
    const badCurrency = await officer.post(
      '/api/ip/licences',
      outLicence({ reference: 'LIC-X-2', currency: 'usd' }),
    );
    expect(badCurrency.status).toBe(400);
    expect(badCurrency.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.currency']);

    const spil = await t.signInAs('spilOfficer');
    const theirs = await familyWithMatter(spil, SITES.TC.id, 'LIC-FAM-TC');
    const foreign = await officer.post(
      '/api/ip/licences',
      outLicence({ reference: 'LIC-X-3', familyIds: [theirs.familyId] }),
    );
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors.map((e: { path: string }) => e.path)).toEqual(['familyIds']);

    const mine = await officer.get('/api/ip/licences', { query: { sort: 'reference', order: 'asc' } });
    expect(mine.body.items.length).toBeGreaterThan(0);
    const other = await spil.get(`/api/ip/licences/${mine.body.items[0].id}`);
    expect(other.status).toBe(404);
    expect((await spil.get('/api/ip/licences')).body.items).toEqual([]);
    const auditor = await t.signInAs('auditor');
    expect((await auditor.post('/api/ip/licences', outLicence({ reference: 'LIC-X-4' }))).status).toBe(403);
  });

  it('keeps freedom-to-operate opinions that filter, sort and export', async () => {
    const officer = await t.signInAs('k7Officer');
    const { familyId } = await familyWithMatter(officer, SITES.K7.id, 'FTO-FAM-1');
    const a = await officer.post('/api/ip/fto', {
      siteId: SITES.K7.id,
      subject: 'Fan-out panel-level package for RF front ends',
      technology: 'fan_out',
      conclusion: 'design_around',
      counsel: 'Lee and Li, Attorneys-at-Law',
      opinionDate: '2024-11-20',
      patentsConsidered: ['US 10,510,634 B2', 'TW I653021'],
      familyIds: [familyId],
    });
    expect(a.status, a.text).toBe(201);
    expect(a.body.families).toEqual([{ id: familyId, reference: 'FTO-FAM-1', title: 'Family FTO-FAM-1' }]);
    const b = await officer.post('/api/ip/fto', {
      siteId: SITES.K7.id,
      subject: 'SiP module for wearables',
      conclusion: 'clear',
      counsel: 'In-house IP counsel',
      opinionDate: '2024-05-02',
    });
    expect(b.status, b.text).toBe(201);
    const future = await officer.post('/api/ip/fto', {
      siteId: SITES.K7.id,
      subject: 'Later',
      conclusion: 'clear',
      counsel: 'Counsel',
      opinionDate: '2025-03-01',
    });
    expect(future.status).toBe(422);
    const filtered = await officer.get('/api/ip/fto', { query: { conclusion: 'design_around' } });
    expect(filtered.body.items.map((o: { subject: string }) => o.subject)).toEqual([
      'Fan-out panel-level package for RF front ends',
    ]);
    const csv = await officer.get('/api/ip/fto/export.csv', { query: { sort: 'opinionDate', order: 'asc' } });
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('Product or technology');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('SiP module for wearables');
    expect(lines[2]).toContain('design around needed');
  });
});
