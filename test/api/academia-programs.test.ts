// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent; tests assert on them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES, USERS } from '../support/fixture.ts';

describe.each(databases())('Industry–academia programs as records (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let officer: ApiClient;
  let auditor: ApiClient;
  let partnerId: string;

  const program = (extra: Record<string, unknown> = {}) => ({
    code: 'usi_university',
    name: 'USI University',
    nameZh: '環旭大學',
    kind: 'university',
    description: 'Free courses on corporate experience, management and technology for college students.',
    activeFrom: 2006,
    ownerIds: [USERS.groupAdmin.id],
    siteIds: [SITES.K7.id, SITES.PG.id],
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp({ kind });
    admin = await t.signInAs('groupAdmin');
    officer = await t.signInAs('k7Officer');
    auditor = await t.signInAs('auditor');
    const partner = await admin.post('/api/academia/partners', {
      name: 'Program Test University',
      country: 'TW',
      kind: 'university',
    });
    expect(partner.status).toBe(201);
    partnerId = partner.body.id;
  });
  afterAll(async () => t?.close());

  it('ships the programs the interns already carry, and the interns link to them by code', async () => {
    const list = await officer.get('/api/academia/programs', { query: { sort: 'code', pageSize: '100' } });
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: any) => p.code)).toEqual([
      'career_development',
      'cooperative_education',
      'nsysu_college',
      'onsite_internship',
    ]);
    const coop = list.body.items.find((p: any) => p.code === 'cooperative_education');
    const before = (await officer.get(`/api/academia/programs/${coop.id}`)).body.counts.interns;
    const intern = await officer.post('/api/academia/interns', {
      siteId: SITES.K7.id,
      partnerId,
      fullName: 'Tsai Wen-Hsuan',
      program: 'cooperative_education',
      startedOn: '2025-07-01',
    });
    expect(intern.status).toBe(201);
    const detail = await officer.get(`/api/academia/programs/${coop.id}`);
    expect(detail.body).toMatchObject({ nameZh: '建教合作與實習', kind: 'internship' });
    expect(detail.body.counts.interns).toBe(before + 1);
    // Outside the reader's sites, the intern is not counted.
    const spil = await t.signInAs('spilOfficer');
    expect((await spil.get(`/api/academia/programs/${coop.id}`)).body.counts.interns).toBe(0);
    // A code no program has is refused by the database's link.
    await expect(
      t.db
        .updateTable('academia_interns')
        .set({ program: 'no_such_program' as any })
        .where('id', '=', intern.body.id)
        .execute(),
    ).rejects.toThrow();
  });

  it('creates a program with owners and sites, and counts the courses that carry its code', async () => {
    const created = await admin.post('/api/academia/programs', program());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      code: 'usi_university',
      nameZh: '環旭大學',
      activeFrom: 2006,
      activeTo: null,
      owners: [{ userId: USERS.groupAdmin.id }],
      sites: [{ siteCode: 'K7' }, { siteCode: 'PG' }],
      counts: { interns: 0, courses: 0, scholarships: 0, projects: 0 },
      version: 1,
    });
    const course = await officer.post('/api/academia/courses', {
      siteId: SITES.K7.id,
      partnerId,
      title: 'Corporate management basics',
      program: 'usi_university',
      subject: 'management',
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
      hours: 20,
      students: 30,
      lecturerEmployeeIds: [],
    });
    expect(course.status, JSON.stringify(course.body)).toBe(201);
    const detail = await officer.get(`/api/academia/programs/${created.body.id}`);
    expect(detail.body.counts.courses).toBe(1);

    // Search and filters.
    const found = await officer.get('/api/academia/programs', { query: { q: '環旭' } });
    expect(found.body.items.map((p: any) => p.code)).toEqual(['usi_university']);
    const atPg = await officer.get('/api/academia/programs', { query: { kind: 'university' } });
    expect(atPg.body.items.map((p: any) => p.code)).toEqual(['usi_university']);
    const bySite = await admin.get('/api/academia/programs', { query: { siteId: SITES.PG.id } });
    expect(bySite.body.items.map((p: any) => p.code)).toEqual(['usi_university']);
    const in2005 = await officer.get('/api/academia/programs', {
      query: { year: '2005', kind: 'university' },
    });
    expect(in2005.body.items).toEqual([]);
  });

  it('refuses bad input naming the field, a taken code, and a stale edit', async () => {
    const badCode = await admin.post('/api/academia/programs', program({ code: 'USI University' }));
    expect(badCode.status).toBe(400);
    expect(JSON.stringify(badCode.body)).toContain('code');
    const noOwner = await admin.post('/api/academia/programs', program({ code: 'x_program', ownerIds: [] }));
    expect(noOwner.status).toBe(400);
    expect(JSON.stringify(noOwner.body)).toContain('ownerIds');
    const taken = await admin.post('/api/academia/programs', program());
    expect(taken.status).toBe(422);
    expect(taken.body.errors).toEqual([expect.objectContaining({ path: 'code' })]);
    const years = await admin.post(
      '/api/academia/programs',
      program({ code: 'y_program', activeFrom: 2020, activeTo: 2019 }),
    );
    expect(years.status).toBe(422);
    expect(years.body.errors).toEqual([expect.objectContaining({ path: 'activeTo' })]);
    const owner = await admin.post(
      '/api/academia/programs',
      program({ code: 'z_program', ownerIds: ['00000000-0000-4000-8000-000000000000'] }),
    );
    expect(owner.status).toBe(422);
    expect(owner.body.errors).toEqual([expect.objectContaining({ path: 'ownerIds' })]);

    const [usi] = (await admin.get('/api/academia/programs', { query: { q: 'usi_university' } })).body.items;
    const edited = await admin.patch(`/api/academia/programs/${usi.id}`, {
      version: usi.version,
      nameZh: '環旭電子大學',
      siteIds: [SITES.PG.id],
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ nameZh: '環旭電子大學', sites: [{ siteCode: 'PG' }], version: 2 });
    const stale = await admin.patch(`/api/academia/programs/${usi.id}`, { version: usi.version, name: 'X' });
    expect(stale.status).toBe(409);
  });

  it('lets a program’s own owner edit it, nobody else below the group, and the auditor nothing', async () => {
    const created = await admin.post(
      '/api/academia/programs',
      program({ code: 'k7_mentors', name: 'K7 mentors', kind: 'mentorship', ownerIds: [USERS.k7Officer.id] }),
    );
    expect(created.status).toBe(201);
    const [usi] = (await admin.get('/api/academia/programs', { query: { q: 'usi_university' } })).body.items;
    expect(
      (await officer.patch(`/api/academia/programs/${usi.id}`, { version: usi.version, name: 'X' })).status,
    ).toBe(403);
    const own = await officer.patch(`/api/academia/programs/${created.body.id}`, {
      version: 1,
      description: 'Mentors of the K7 site for students of nearby universities.',
    });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect((await officer.post('/api/academia/programs', program({ code: 'k7_other' }))).status).toBe(403);
    expect((await auditor.get(`/api/academia/programs/${created.body.id}`)).status).toBe(200);
    expect(
      (await auditor.patch(`/api/academia/programs/${created.body.id}`, { version: 2, name: 'X' })).status,
    ).toBe(403);
    const events = await admin.get('/api/audit/events', {
      query: { entityId: created.body.id, pageSize: '50' },
    });
    expect(events.body.items.map((e: any) => e.action)).toEqual(
      expect.arrayContaining(['academia_program.created', 'academia_program.updated']),
    );
  });
});
