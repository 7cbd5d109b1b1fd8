import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES, USERS } from '../support/fixture.ts';

/** The app's clock: 15 January 2025 in Taiwan. */
const NOW = new Date('2025-01-15T02:00:00Z');

const measure = (state: 'yes' | 'partial' | 'no', note: string | null = null) => ({ state, note });
const secret = (title: string, siteId = SITES.K7.id) => ({
  siteId,
  title,
  category: 'technology',
  ownerId: USERS.employee.id,
  accessUserIds: [USERS.k7Officer.id, USERS.employee.id],
  checklist: {
    access_control: measure('yes', 'Badge-controlled recipe server'),
    marking: measure('partial', 'Drawings marked; recipes not yet'),
    confidentiality_agreements: measure('yes'),
    training: measure('no'),
    infosec_controls: measure('yes'),
  },
  lastReviewDate: '2024-02-29',
});

describe.each(databases())('IP trade secrets register (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => NOW });
  });
  afterAll(async () => t?.close());

  it('registers a trade secret with its measures score and its yearly review in the owner’s obligations', async () => {
    const officer = await t.signInAs('k7Officer');
    const created = await officer.post(
      '/api/ip/trade-secrets',
      secret('Wire-bond recipe for fine-pitch copper'),
    );
    expect(created.status, created.text).toBe(201);
    // Three measures in place (60), one partly (10), one not: 70. A leap-day review is due on 28 February.
    expect(created.body).toMatchObject({
      siteCode: 'K7',
      category: 'technology',
      ownerName: 'Chen Wei-Ling',
      score: 70,
      nextReviewDue: '2025-02-28',
      access: [
        { userId: USERS.k7Officer.id, name: 'Kai Officer' },
        { userId: USERS.employee.id, name: 'Chen Wei-Ling' },
      ],
    });
    expect(created.body.working.map((w: { points: number }) => w.points)).toEqual([20, 10, 20, 0, 20]);

    const owner = await t.signInAs('employee');
    const mine = await owner.get('/api/obligations', { query: { view: 'mine' } });
    const reviews = mine.body.items.filter((o: { kind: string }) => o.kind === 'ip.trade_secret_review');
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ dueDate: '2025-02-28', siteId: SITES.K7.id });
    expect(reviews[0].title).toContain('Wire-bond recipe for fine-pitch copper');

    // The yearly review recorded: a better checklist, and the obligation moves a year on.
    const reviewed = await officer.patch(`/api/ip/trade-secrets/${created.body.id}`, {
      version: created.body.version,
      lastReviewDate: '2025-01-10',
      checklist: { ...secret('x').checklist, training: measure('yes'), marking: measure('yes') },
    });
    expect(reviewed.status, reviewed.text).toBe(200);
    expect(reviewed.body).toMatchObject({ score: 100, nextReviewDue: '2026-01-10' });
    const after = await owner.get('/api/obligations', { query: { view: 'mine' } });
    expect(
      after.body.items
        .filter((o: { kind: string }) => o.kind === 'ip.trade_secret_review')
        .map((o: { dueDate: string }) => o.dueDate),
    ).toEqual(['2026-01-10']);

    const stale = await officer.patch(`/api/ip/trade-secrets/${created.body.id}`, {
      version: created.body.version,
      title: 'Renamed',
    });
    expect(stale.status).toBe(409);
  });

  it('keeps each site’s trade secrets to those who work on it (404 outside) and filters the list', async () => {
    const admin = await t.signInAs('groupAdmin');
    const tc = await admin.post('/api/ip/trade-secrets', {
      ...secret('Molding compound supplier terms', SITES.TC.id),
      category: 'cost_advantage',
      ownerId: USERS.spilOfficer.id,
      accessUserIds: [],
      lastReviewDate: '2024-03-01',
    });
    expect(tc.status, tc.text).toBe(201);
    const k7 = await t.signInAs('k7Officer');
    expect((await k7.get(`/api/ip/trade-secrets/${tc.body.id}`)).status).toBe(404);
    expect(
      (await k7.patch(`/api/ip/trade-secrets/${tc.body.id}`, { version: 1, title: 'Mine now' })).status,
    ).toBe(404);
    const k7List = await k7.get('/api/ip/trade-secrets');
    expect(k7List.body.items.map((s: { siteCode: string }) => s.siteCode)).toEqual(['K7']);
    const employee = await t.signInAs('employee');
    expect((await employee.get('/api/ip/trade-secrets')).status).toBe(403);

    const all = await admin.get('/api/ip/trade-secrets', { query: { sort: 'nextReviewDue' } });
    expect(all.body.items.map((s: { nextReviewDue: string }) => s.nextReviewDue)).toEqual([
      '2025-03-01',
      '2026-01-10',
    ]);
    const due = await admin.get('/api/ip/trade-secrets', { query: { dueBy: '2025-06-30' } });
    expect(due.body.items.map((s: { title: string }) => s.title)).toEqual([
      'Molding compound supplier terms',
    ]);
    const category = await admin.get('/api/ip/trade-secrets', {
      query: { category: 'technology', q: 'wire' },
    });
    expect(category.body.items.map((s: { title: string }) => s.title)).toEqual([
      'Wire-bond recipe for fine-pitch copper',
    ]);
    const csv = await admin.get('/api/ip/trade-secrets/export.csv', {
      query: { sort: 'score', order: 'asc' },
    });
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('What is protected');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('cost advantage');
  });

  it('refuses bad input naming the field', async () => {
    const officer = await t.signInAs('k7Officer');
    const future = await officer.post('/api/ip/trade-secrets', {
      ...secret('Future review'),
      lastReviewDate: '2025-01-16',
    });
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual([{ path: 'lastReviewDate', message: 'After today' }]);
    const unknownOwner = await officer.post('/api/ip/trade-secrets', {
      ...secret('Unknown owner'),
      ownerId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownOwner.status).toBe(422);
    expect(unknownOwner.body.errors).toEqual([{ path: 'ownerId', message: 'Unknown or inactive user' }]);
    const badState = await officer.post('/api/ip/trade-secrets', {
      ...secret('Bad state'),
      checklist: { ...secret('x').checklist, training: { state: 'maybe', note: null } },
    });
    expect(badState.status).toBe(400);
    expect(badState.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'body.checklist.training.state',
    ]);
    const missing = await officer.post('/api/ip/trade-secrets', {
      ...secret('No category'),
      category: undefined,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.category']);
  });
});
