// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent; tests assert on them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

describe.each(databases())('Industry–academia internship cooperation placements (%s)', (kind) => {
  let t: TestApp;
  let partnerId: string;
  beforeAll(async () => {
    t = await createTestApp({ kind });
    const admin = await t.signInAs('groupAdmin');
    const partner = await admin.post('/api/academia/partners', {
      name: 'National Chi Nan University',
      country: 'TW',
      kind: 'university',
    });
    expect(partner.status).toBe(201);
    partnerId = partner.body.id;
  });
  afterAll(async () => t?.close());

  const placement = (o: Record<string, unknown> = {}) => ({
    siteId: SITES.TC.id,
    partnerId,
    term: '2022 Summer – Dept. of Electrical Engineering',
    startsOn: '2022-07-04',
    endsOn: '2022-08-26',
    students: 30,
    participationHours: 2_400,
    ...o,
  });

  it('records placements, lists, filters, sorts and exports them, counts the year, and audits each change', async () => {
    const spil = await t.signInAs('spilOfficer');
    const created = await spil.post('/api/academia/placements', placement());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      siteCode: 'TC',
      partnerName: 'National Chi Nan University',
      students: 30,
      participationHours: 2_400,
      version: 1,
    });
    const winter = await spil.post(
      '/api/academia/placements',
      placement({ term: '2023 Winter break', startsOn: '2023-01-16', endsOn: '2023-02-10', students: 12 }),
    );
    expect(winter.status).toBe(201);

    const sorted = await spil.get('/api/academia/placements', { query: { sort: 'students', order: 'desc' } });
    expect(sorted.body.items.map((p: any) => p.students)).toEqual([30, 12]);
    const of2022 = await spil.get('/api/academia/placements', { query: { year: '2022' } });
    expect(of2022.body.items.map((p: any) => p.id)).toEqual([created.body.id]);
    const csv = await spil.get('/api/academia/placements/export.csv', { query: { year: '2023' } });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('2023 Winter break');
    expect(csv.text).not.toContain('Electrical Engineering');

    const figures = await spil.get('/api/academia/placements/figures', { query: { year: '2022' } });
    expect(figures.body).toEqual({
      placements: 1,
      students: 30,
      participationHours: 2_400,
      bySubsidiary: [{ subsidiaryCode: 'SPIL', placements: 1, students: 30, participationHours: 2_400 }],
    });

    const patched = await spil.patch(`/api/academia/placements/${created.body.id}`, {
      version: 1,
      students: 32,
      participationHours: 2_560,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ students: 32, participationHours: 2_560, version: 2 });
    const stale = await spil.patch(`/api/academia/placements/${created.body.id}`, {
      version: 1,
      students: 1,
    });
    expect(stale.status).toBe(409);
    const contribution = await spil.get('/api/academia/contribution', { query: { year: '2022' } });
    expect(contribution.body.internshipCooperation).toMatchObject({
      students: 32,
      participationHours: 2_560,
    });

    const removed = await spil.delete(`/api/academia/placements/${winter.body.id}`, {
      query: { version: '1' },
    });
    expect(removed.status).toBe(204);
    expect((await spil.get(`/api/academia/placements/${winter.body.id}`)).status).toBe(404);

    const auditor = await t.signInAs('auditor');
    const events = await auditor.get('/api/audit/events', {
      query: { entityType: 'academia_placement', order: 'asc' },
    });
    expect(events.body.items.map((e: any) => e.action)).toEqual([
      'academia_placement.recorded',
      'academia_placement.recorded',
      'academia_placement.updated',
      'academia_placement.deleted',
    ]);
  });

  it('refuses bad input naming the field', async () => {
    const spil = await t.signInAs('spilOfficer');
    const backwards = await spil.post('/api/academia/placements', placement({ endsOn: '2022-07-01' }));
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors[0].path).toBe('endsOn');
    // 30 students over 54 days at most 12 hours a day: 19,440 hours.
    const typo = await spil.post('/api/academia/placements', placement({ participationHours: 24_000 }));
    expect(typo.status).toBe(422);
    expect(typo.body.errors[0].path).toBe('participationHours');
    const none = await spil.post('/api/academia/placements', placement({ students: 0 }));
    expect(none.status).toBe(400);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect(none.body.errors[0].path).toBe('body.students');
    const unknown = await spil.post(
      '/api/academia/placements',
      placement({ partnerId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe('partnerId');
    // An edit that would make the hours implausible is refused too, on the row as stored.
    const ok = await spil.post(
      '/api/academia/placements',
      placement({ students: 2, participationHours: 100 }),
    );
    const shrunk = await spil.patch(`/api/academia/placements/${ok.body.id}`, {
      version: 1,
      endsOn: '2022-07-04',
    });
    expect(shrunk.status).toBe(422);
    expect(shrunk.body.errors[0].path).toBe('participationHours');
  });

  it('hides another site’s placement (404) and lets the auditor change nothing (403)', async () => {
    const spil = await t.signInAs('spilOfficer');
    const created = await spil.post('/api/academia/placements', placement({ term: 'Hidden' }));
    const k7 = await t.signInAs('k7Officer');
    expect((await k7.get(`/api/academia/placements/${created.body.id}`)).status).toBe(404);
    expect((await k7.get('/api/academia/placements', { query: { q: 'Hidden' } })).body.total).toBe(0);
    const auditor = await t.signInAs('auditor');
    expect((await auditor.get(`/api/academia/placements/${created.body.id}`)).status).toBe(200);
    expect((await auditor.post('/api/academia/placements', placement())).status).toBe(403);
  });
});
