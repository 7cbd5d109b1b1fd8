import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

/** The app's clock: 15 January 2025. */
const NOW = new Date('2025-01-15T02:00:00Z');

type Item = { id: string; matterId: string; siteCode: string; verdict: string | null; version: number };

async function patent(
  client: ApiClient,
  siteId: string,
  reference: string,
  office: 'TW' | 'US',
  status: 'granted' | 'under_examination' | 'draft',
) {
  const f = await client.post('/api/ip/families', {
    siteId,
    reference,
    title: `Review family ${reference}`,
    technology: 'sip',
  });
  expect(f.status, f.text).toBe(201);
  const m = await client.post('/api/ip/matters', {
    familyId: f.body.id,
    office,
    kind: 'invention',
    applicationNo: `${reference}-${office}`,
    filingDate: '2019-03-04',
    ...(status === 'granted' ? { grantDate: '2021-06-01', patentNo: `RV${reference.slice(-3)}` } : {}),
    status,
  });
  expect(m.status, m.text).toBe(201);
  return m.body.id as string;
}

describe.each(databases())('IP portfolio review campaigns (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let k7: ApiClient;
  let spil: ApiClient;
  let auditor: ApiClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => NOW });
    admin = await t.signInAs('groupAdmin');
    k7 = await t.signInAs('k7Officer');
    spil = await t.signInAs('spilOfficer');
    auditor = await t.signInAs('auditor');
    ids.k7Granted = await patent(admin, SITES.K7.id, 'RV-K7-001', 'TW', 'granted');
    ids.k7Pending = await patent(admin, SITES.K7.id, 'RV-K7-002', 'TW', 'under_examination');
    ids.k7Us = await patent(admin, SITES.K7.id, 'RV-K7-003', 'US', 'granted');
    ids.tcGranted = await patent(admin, SITES.TC.id, 'RV-TC-001', 'TW', 'granted');
    ids.k7Draft = await patent(admin, SITES.K7.id, 'RV-K7-004', 'TW', 'draft');
  });
  afterAll(async () => t?.close());

  const items = async (client: ApiClient, query: Record<string, string>) => {
    const r = await client.get('/api/ip/review-items', { query: { pageSize: '500', ...query } });
    expect(r.status, r.text).toBe(200);
    return r.body.items as Item[];
  };
  const liveGrantedTw = async () =>
    (
      await admin.get('/api/ip/matters', {
        query: { office: 'TW', status: 'granted', pageSize: '500', count: 'true' },
      })
    ).body;

  it('launches a review of every live granted TW patent, each scored, and asks each site for its verdicts', async () => {
    const refused = await k7.post('/api/ip/review-campaigns', {
      name: 'TW review 2025',
      dueDate: '2025-03-31',
      selection: { office: 'TW' },
    });
    expect(refused.status).toBe(403);
    const past = await admin.post('/api/ip/review-campaigns', {
      name: 'TW review 2025',
      dueDate: '2025-01-14',
      selection: { office: 'TW' },
    });
    expect(past.status).toBe(422);
    expect(past.body.errors).toEqual([{ path: 'dueDate', message: 'A day from today on' }]);
    const none = await admin.post('/api/ip/review-campaigns', {
      name: 'Nothing',
      dueDate: '2025-03-31',
      selection: { office: 'KR' },
    });
    expect(none.status).toBe(422);
    expect(none.body.errors[0].path).toBe('selection');

    const launched = await admin.post('/api/ip/review-campaigns', {
      name: 'TW review 2025',
      dueDate: '2025-03-31',
      selection: { office: 'TW' },
    });
    expect(launched.status, launched.text).toBe(201);
    ids.campaign = launched.body.id;
    // Every live granted TW matter of the group, and nothing else: the pending one and the US one stay out.
    const granted = await liveGrantedTw();
    expect(launched.body.progress).toMatchObject({ total: granted.total, reviewed: 0 });
    expect(granted.total).toBeGreaterThanOrEqual(2);
    const all = await items(admin, { campaignId: ids.campaign });
    expect(all.map((i) => i.matterId).sort()).toEqual(granted.items.map((m: { id: string }) => m.id).sort());
    expect(all.map((i) => i.matterId)).not.toContain(ids.k7Pending);
    expect(all.map((i) => i.matterId)).not.toContain(ids.k7Us);
    const mine = all.find((i) => i.matterId === ids.k7Granted) as Item & {
      assessment: { overall: number };
      score: number;
    };
    expect(mine.score).toBe(mine.assessment.overall);

    // The K7 officer is asked for the K7 items only, by the due date.
    const dues = await k7.get('/api/obligations', {
      query: { kind: 'ip.review_campaign', view: 'scope', state: 'all' },
    });
    expect(dues.body.items).toHaveLength(1);
    expect(dues.body.items[0]).toMatchObject({ dueDate: '2025-03-31', state: 'open', siteId: SITES.K7.id });
  });

  it('shows each site its own items and progress, and lets only its officers judge them', async () => {
    const k7Items = await items(k7, { campaignId: ids.campaign });
    expect(k7Items.length).toBeGreaterThan(0);
    expect(new Set(k7Items.map((i) => i.siteCode))).toEqual(new Set(['K7']));
    const spilItems = await items(spil, { campaignId: ids.campaign });
    expect(spilItems.map((i) => i.matterId)).toContain(ids.tcGranted);
    expect(spilItems.some((i) => i.siteCode === 'K7')).toBe(false);
    // The campaign's progress counts the reader's items: a part never exceeds the whole.
    const k7View = (await k7.get(`/api/ip/review-campaigns/${ids.campaign}`)).body;
    const adminView = (await admin.get(`/api/ip/review-campaigns/${ids.campaign}`)).body;
    expect(k7View.progress.total).toBe(k7Items.length);
    expect(k7View.progress.total).toBeLessThan(adminView.progress.total);

    const tc = spilItems.find((i) => i.matterId === ids.tcGranted) as Item;
    const outside = await k7.post(`/api/ip/review-items/${tc.id}/verdict`, {
      verdict: 'keep',
      version: tc.version,
    });
    expect(outside.status).toBe(404);
    const readOnly = await auditor.post(`/api/ip/review-items/${tc.id}/verdict`, {
      verdict: 'keep',
      version: tc.version,
    });
    expect(readOnly.status).toBe(403);
    const noReason = await spil.post(`/api/ip/review-items/${tc.id}/verdict`, {
      verdict: 'sell',
      version: tc.version,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.note']);
    const stale = await spil.post(`/api/ip/review-items/${tc.id}/verdict`, {
      verdict: 'keep',
      version: tc.version + 3,
    });
    expect(stale.status).toBe(409);
    const sold = await spil.post(`/api/ip/review-items/${tc.id}/verdict`, {
      verdict: 'sell',
      note: 'Outside the roadmap; a buyer asked',
      version: tc.version,
    });
    expect(sold.status, sold.text).toBe(200);
    expect(sold.body).toMatchObject({
      verdict: 'sell',
      reviewedOn: '2025-01-15',
      note: 'Outside the roadmap; a buyer asked',
    });
    expect(sold.body.reviewedByName).toBeTruthy();

    // The decider of the next annuity sees the site's verdict; a matter no review judged shows none.
    const decision = await spil.get(`/api/ip/keep-or-drop/${ids.tcGranted}`);
    expect(decision.status, decision.text).toBe(200);
    expect(decision.body.review).toMatchObject({
      campaignId: ids.campaign,
      campaignName: 'TW review 2025',
      verdict: 'sell',
      note: 'Outside the roadmap; a buyer asked',
      reviewedOn: '2025-01-15',
    });
    expect((await admin.get(`/api/ip/keep-or-drop/${ids.k7Us}`)).body.review).toBeNull();

    // The revitalisation candidates: sold or licensed, nothing else.
    const candidates = await items(admin, { campaignId: ids.campaign, state: 'revitalise' });
    expect(candidates.map((i) => i.matterId)).toEqual([ids.tcGranted]);
    const events = await auditor.get('/api/audit/events', {
      query: { entityType: 'ip_review_item', entityId: tc.id },
    });
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual(['ip.review_item.judged']);
  });

  it('marks a site done when its last item is judged, and counts every verdict in the progress', async () => {
    for (const item of await items(k7, { campaignId: ids.campaign, state: 'pending' })) {
      const r = await k7.post(`/api/ip/review-items/${item.id}/verdict`, {
        verdict: 'keep',
        version: item.version,
      });
      expect(r.status, r.text).toBe(200);
    }
    const dues = await k7.get('/api/obligations', {
      query: { kind: 'ip.review_campaign', view: 'scope', state: 'all' },
    });
    expect(dues.body.items.map((o: { state: string }) => o.state)).toEqual(['done']);
    const view = (await admin.get(`/api/ip/review-campaigns/${ids.campaign}`)).body;
    const p = view.progress;
    expect(p.keep + p.drop + p.sell + p.license).toBe(p.reviewed);
    expect(p.reviewed).toBeLessThanOrEqual(p.total);
    expect(p.sell).toBe(1);
    const reviewed = await items(admin, { campaignId: ids.campaign, state: 'reviewed' });
    expect(reviewed).toHaveLength(p.reviewed);
    // The Board report counts the year's verdicts from the same rows; the year before has none.
    const board = async (year: string) => {
      const r = await admin.get('/api/ip/board/figures', { query: { year } });
      expect(r.status, r.text).toBe(200);
      const section = r.body.sections.find((x: { key: string }) => x.key === 'reviews');
      return Object.fromEntries(section.figures.map((f: { key: string; value: number }) => [f.key, f.value]));
    };
    expect(await board('2025')).toEqual({ keep: p.keep, drop: p.drop, sell: p.sell, license: p.license });
    expect(await board('2024')).toEqual({ keep: 0, drop: 0, sell: 0, license: 0 });
  });

  it('closes the campaign: no verdict changes after, and sites left unfinished have their request cancelled', async () => {
    const view = (await admin.get(`/api/ip/review-campaigns/${ids.campaign}`)).body;
    expect(
      (await k7.post(`/api/ip/review-campaigns/${ids.campaign}/close`, { version: view.version })).status,
    ).toBe(403);
    const stale = await admin.post(`/api/ip/review-campaigns/${ids.campaign}/close`, {
      version: view.version + 1,
    });
    expect(stale.status).toBe(409);
    const closed = await admin.post(`/api/ip/review-campaigns/${ids.campaign}/close`, {
      version: view.version,
    });
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body.closedOn).toBe('2025-01-15');
    const k7Item = (await items(k7, { campaignId: ids.campaign }))[0] as Item;
    const late = await k7.post(`/api/ip/review-items/${k7Item.id}/verdict`, {
      verdict: 'drop',
      note: 'Changed our mind',
      version: k7Item.version,
    });
    expect(late.status).toBe(409);
    const requests = await admin.get('/api/obligations', {
      query: { kind: 'ip.review_campaign', view: 'scope', state: 'all', pageSize: '500' },
    });
    const states = new Map(
      requests.body.items.map((o: { siteId: string; state: string }) => [o.siteId, o.state]),
    );
    expect(states.get(SITES.K7.id)).toBe('done');
    expect([...states.values()].every((s) => s === 'done' || s === 'cancelled')).toBe(true);
    const open = await admin.get('/api/ip/review-campaigns', { query: { state: 'open' } });
    expect(open.body.items.map((c: { id: string }) => c.id)).not.toContain(ids.campaign);
    const csv = await admin.get('/api/ip/review-items/export.csv', { query: { campaignId: ids.campaign } });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('RV-TC-001-TW');
    expect(csv.text).toContain('Outside the roadmap; a buyer asked');
  });

  it('reviews pending applications too when asked, never drafts, and counts a patent judged twice once', async () => {
    const launched = await admin.post('/api/ip/review-campaigns', {
      name: 'TW review with pending',
      dueDate: '2025-02-28',
      selection: { office: 'TW', grantedOnly: false },
    });
    expect(launched.status, launched.text).toBe(201);
    const all = await items(admin, { campaignId: launched.body.id });
    expect(all.map((i) => i.matterId)).toContain(ids.k7Pending);
    expect(all.map((i) => i.matterId)).toContain(ids.k7Granted);
    expect(all.map((i) => i.matterId)).not.toContain(ids.k7Draft);

    // Sold in the first campaign, kept in this one the same day: the year's figure counts it once, as kept.
    const before = await admin.get('/api/ip/board/figures', { query: { year: '2025' } });
    const tc = all.find((i) => i.matterId === ids.tcGranted) as Item;
    const kept = await spil.post(`/api/ip/review-items/${tc.id}/verdict`, {
      verdict: 'keep',
      version: tc.version,
    });
    expect(kept.status, kept.text).toBe(200);
    const after = await admin.get('/api/ip/board/figures', { query: { year: '2025' } });
    const figures = (body: { sections: { key: string; figures: { key: string; value: number }[] }[] }) =>
      Object.fromEntries(
        (body.sections.find((x) => x.key === 'reviews')?.figures ?? []).map((f) => [f.key, f.value]),
      );
    expect(figures(after.body)).toEqual({
      ...figures(before.body),
      sell: figures(before.body).sell - 1,
      keep: figures(before.body).keep + 1,
    });
  });
});
