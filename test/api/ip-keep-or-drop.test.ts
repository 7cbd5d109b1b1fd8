import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

/** The app's clock: 15 January 2025 in Taiwan. */
const NOW = new Date('2025-01-15T02:00:00Z');

async function grantedTwPatent(client: ApiClient, reference: string) {
  const f = await client.post('/api/ip/families', {
    siteId: SITES.K7.id,
    reference,
    title: `Family ${reference}`,
    technology: 'fan_out',
  });
  expect(f.status, f.text).toBe(201);
  const tw = await client.post('/api/ip/matters', {
    familyId: f.body.id,
    office: 'TW',
    kind: 'invention',
    applicationNo: `${reference}-TW`,
    filingDate: '2019-03-04',
    grantDate: '2021-06-01',
    patentNo: `I7${reference.length}0001`,
    status: 'granted',
  });
  expect(tw.status, tw.text).toBe(201);
  // A second application of the family, not granted yet: no fee of its own, but the family has two matters.
  const us = await client.post('/api/ip/matters', {
    familyId: f.body.id,
    office: 'US',
    kind: 'invention',
    applicationNo: `${reference}-US`,
    filingDate: '2020-02-20',
    status: 'under_examination',
  });
  expect(us.status, us.text).toBe(201);
  return { familyId: f.body.id as string, matterId: tw.body.id as string };
}

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

describe.each(databases())('IP keep or drop before each annuity (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => NOW });
  });
  afterAll(async () => t?.close());

  it('lists the fees ahead with the re-assessment, and records a decision as its obligation asks', async () => {
    const officer = await t.signInAs('k7Officer');
    const { matterId } = await grantedTwPatent(officer, 'KD-FAM-1');
    const matter = await officer.get(`/api/ip/matters/${matterId}`);
    const fee = matter.body.deadlines.find(
      (d: { kind: string; actBy: string; atGrant: boolean }) =>
        d.kind === 'annuity' && !d.atGrant && d.actBy >= '2025-01-15',
    );
    expect(fee).toMatchObject({ year: 5, dueDate: '2025-05-31' });

    const list = await officer.get('/api/ip/keep-or-drop', { query: { months: '12' } });
    expect(list.status, list.text).toBe(200);
    const item = list.body.items.find((i: { matterId: string }) => i.matterId === matterId);
    expect(item).toMatchObject({
      siteCode: 'K7',
      office: 'TW',
      feeYear: 5,
      feeDueDate: '2025-05-31',
      feeCurrency: 'TWD',
      feeAmountMinor: 500_000,
      entitySize: null,
      decideBy: addDays('2025-05-31', -60),
      decision: null,
    });
    // Nothing entered yet: the family's two matters and the remaining life carry the quantity goal alone.
    const working = Object.fromEntries(
      item.assessment.working.map((w: { indicator: string }) => [w.indicator, w]),
    );
    expect(working.familySize).toMatchObject({ raw: 2, normalised: 33.3, weight: 60, contribution: 20 });
    expect(working.claims).toMatchObject({ raw: null, contribution: 0 });
    expect(item.assessment.goals.quality).toBe(0);
    expect(item.assessment.recommendation).toBe('consider_drop');
    // Not a fee within one month.
    const soon = await officer.get('/api/ip/keep-or-drop', { query: { months: '1' } });
    expect(soon.body.items.map((i: { matterId: string }) => i.matterId)).not.toContain(matterId);

    const dues = async () =>
      (
        await officer.get('/api/obligations', {
          query: { kind: 'ip.keep_drop', view: 'scope', state: 'all' },
        })
      ).body.items.map((o: { dueDate: string; state: string }) => [o.dueDate, o.state]);
    expect(await dues()).toEqual([[addDays('2025-05-31', -60), 'open']]);

    const stale = await officer.post(`/api/ip/keep-or-drop/${matterId}/decision`, {
      decision: 'drop',
      reason: 'No product uses it',
      version: item.version + 5,
    });
    expect(stale.status).toBe(409);

    const decided = await officer.post(`/api/ip/keep-or-drop/${matterId}/decision`, {
      decision: 'drop',
      reason: 'No product uses it and nobody licenses it',
      claims: 12,
      forwardCitations: 2,
      technologyFit: 2,
      usedInProducts: false,
      version: item.version,
    });
    expect(decided.status, decided.text).toBe(201);
    expect(decided.body.claims).toBe(12);
    expect(decided.body.decision).toMatchObject({
      decision: 'drop',
      feeDueDate: '2025-05-31',
      lapsesOn: fee.actBy,
      decidedOn: '2025-01-15',
      decidedByName: 'Kai Officer',
    });
    // The snapshot is the re-assessment with the entered facts.
    expect(decided.body.decision.assessment.working).toContainEqual(
      expect.objectContaining({ indicator: 'claims', raw: 12, normalised: 40 }),
    );
    // Recorded to lapse at the fee's deadline; the status is not changed before then.
    expect((await officer.get(`/api/ip/matters/${matterId}`)).body.status).toBe('granted');
    expect(await dues()).toEqual([[addDays('2025-05-31', -60), 'done']]);
    const open = await officer.get('/api/ip/keep-or-drop', { query: { state: 'open' } });
    expect(open.body.items.map((i: { matterId: string }) => i.matterId)).not.toContain(matterId);

    const auditor = await t.signInAs('auditor');
    const events = await auditor.get('/api/audit/events', {
      query: { entityType: 'ip_matter', entityId: matterId, order: 'asc' },
    });
    expect(events.body.items.map((e: { action: string }) => e.action)).toContain('ip.keep_drop.decided');

    const csv = await officer.get('/api/ip/keep-or-drop/export.csv');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('KD-FAM-1-TW');
  });

  it('hides another subsidiary’s matters and refuses a read-only role', async () => {
    const officer = await t.signInAs('k7Officer');
    const { matterId } = await grantedTwPatent(officer, 'KD-FAM-2');
    const item = (await officer.get(`/api/ip/keep-or-drop/${matterId}`)).body;
    const spil = await t.signInAs('spilOfficer');
    expect((await spil.get(`/api/ip/keep-or-drop/${matterId}`)).status).toBe(404);
    expect(
      (
        await spil.post(`/api/ip/keep-or-drop/${matterId}/decision`, {
          decision: 'keep',
          reason: 'x',
          version: item.version,
        })
      ).status,
    ).toBe(404);
    const spilList = await spil.get('/api/ip/keep-or-drop');
    expect(spilList.body.items.map((i: { matterId: string }) => i.matterId)).not.toContain(matterId);
    const auditor = await t.signInAs('auditor');
    expect((await auditor.get(`/api/ip/keep-or-drop/${matterId}`)).status).toBe(200);
    expect(
      (
        await auditor.post(`/api/ip/keep-or-drop/${matterId}/decision`, {
          decision: 'keep',
          reason: 'x',
          version: item.version,
        })
      ).status,
    ).toBe(403);
  });

  it('lets only group-wide IP managers tune the model, refusing weights that do not add up', async () => {
    const officer = await t.signInAs('k7Officer');
    const { matterId } = await grantedTwPatent(officer, 'KD-FAM-3');
    const model = (await officer.get('/api/ip/scoring-model')).body;
    expect(model.goalWeights).toEqual({ quantity: 1, quality: 1, value: 1 });
    expect((await officer.put('/api/ip/scoring-model', model)).status).toBe(403);

    const admin = await t.signInAs('groupAdmin');
    const off = await admin.put('/api/ip/scoring-model', {
      ...model,
      weights: { ...model.weights, quantity: { familySize: 60, remainingLife: 30 } },
    });
    expect(off.status).toBe(400);
    expect(off.body.errors.map((e: { path: string }) => e.path)).toContain('body.weights.quantity');
    const zero = await admin.put('/api/ip/scoring-model', {
      ...model,
      goalWeights: { quantity: 0, quality: 0, value: 0 },
    });
    expect(zero.status).toBe(400);
    expect(zero.body.errors.map((e: { path: string }) => e.path)).toContain('body.goalWeights');

    const before = (await officer.get(`/api/ip/keep-or-drop/${matterId}`)).body;
    const tuned = await admin.put('/api/ip/scoring-model', {
      ...model,
      goalWeights: { quantity: 1, quality: 0, value: 0 },
      leadDays: 30,
    });
    expect(tuned.status, tuned.text).toBe(200);
    const after = (await officer.get(`/api/ip/keep-or-drop/${matterId}`)).body;
    // Quantity alone now: the overall score is the quantity goal's.
    expect(after.assessment.overall).toBe(after.assessment.goals.quantity);
    expect(after.assessment.overall).toBeGreaterThan(before.assessment.overall);
    expect(after.decideBy).toBe(addDays('2025-05-31', -30));
    // The open decision obligations follow the new lead time.
    const obligations = await officer.get('/api/obligations', {
      query: { kind: 'ip.keep_drop', view: 'scope', state: 'open' },
    });
    expect(obligations.body.items.map((o: { dueDate: string }) => o.dueDate)).toContain(
      addDays('2025-05-31', -30),
    );
  });

  it('puts the cost of keeping a US patent at its owner’s entity size', async () => {
    // Granted 2022-03-01: the 3.5-year fee is due 2025-09-01; 37 CFR 1.20(e) from 2025-01-19: 2,150 US$,
    // 860 for a small entity (40%).
    const officer = await t.signInAs('k7Officer');
    const f = await officer.post('/api/ip/families', {
      siteId: SITES.K7.id,
      reference: 'KD-US-SMALL',
      title: 'Family KD-US-SMALL',
      technology: 'mems_sensor',
    });
    const us = await officer.post('/api/ip/matters', {
      familyId: f.body.id,
      office: 'US',
      kind: 'invention',
      applicationNo: '16/900001',
      filingDate: '2020-02-20',
      grantDate: '2022-03-01',
      patentNo: '11000003',
      status: 'granted',
      entitySize: 'small',
    });
    expect(us.status, us.text).toBe(201);
    const item = async () =>
      (await officer.get('/api/ip/keep-or-drop', { query: { months: '12', office: 'US' } })).body.items.find(
        (i: { matterId: string }) => i.matterId === us.body.id,
      );
    expect(await item()).toMatchObject({
      feeYear: 4,
      feeDueDate: '2025-09-01',
      entitySize: 'small',
      feeCurrency: 'USD',
      feeAmountMinor: 86_000,
    });
    const large = await officer.patch(`/api/ip/matters/${us.body.id}`, {
      entitySize: 'large',
      version: us.body.version,
    });
    expect(large.status, large.text).toBe(200);
    expect(await item()).toMatchObject({ entitySize: 'large', feeAmountMinor: 215_000 });
  });
});
