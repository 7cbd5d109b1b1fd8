// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES, USERS } from '../support/fixture.ts';

describe.each(databases())('security memberships and agreements (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let officer: ApiClient;
  let spil: ApiClient;
  beforeAll(async () => {
    t = await createTestApp({ kind });
    admin = await t.signInAs('groupAdmin');
    officer = await t.signInAs('k7Officer');
    spil = await t.signInAs('spilOfficer');
  });
  afterAll(async () => t?.close());

  const renewal = (id: string) =>
    t.db
      .selectFrom('obligations')
      .select(['due_date', 'state', 'owner_id', 'site_id'])
      .where('kind', '=', 'infosec.membership_renewal')
      .where('source_id', '=', id)
      .executeTakeFirst();

  it('records a group membership whose renewal falls due ahead of the renewal date, and moves it with the date', async () => {
    const first = await admin.post('/api/infosec/memberships', {
      organisation: 'FIRST',
      kind: 'membership',
      since: '2019-03-01',
      renewalOn: '2027-03-01',
      renewalLeadDays: 30,
      ownerId: USERS.groupAdmin.id,
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ siteId: null, renewalDueOn: '2027-01-30', documents: 0 });
    expect(await renewal(first.body.id)).toEqual({
      due_date: '2027-01-30',
      state: 'open',
      owner_id: USERS.groupAdmin.id,
      site_id: null,
    });
    const moved = await admin.patch(`/api/infosec/memberships/${first.body.id}`, {
      renewalOn: '2028-03-01',
      version: first.body.version,
    });
    expect(moved.status).toBe(200);
    expect((await renewal(first.body.id))?.due_date).toBe('2028-01-31');
    const stale = await admin.patch(`/api/infosec/memberships/${first.body.id}`, {
      note: 'late',
      version: first.body.version,
    });
    expect(stale.status).toBe(409);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', first.body.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['infosec.membership.created', 'infosec.membership.updated']);
  });

  it('lets a site officer record the site’s MOU but not a group-wide membership', async () => {
    const group = await officer.post('/api/infosec/memberships', {
      organisation: 'TWCERT/CC',
      kind: 'membership',
      since: '2020-01-01',
    });
    expect(group.status).toBe(403);
    const mou = await officer.post('/api/infosec/memberships', {
      siteId: SITES.K7.id,
      organisation: 'MJIB Kaohsiung',
      kind: 'mou',
      since: '2023-06-01',
      renewalOn: '2026-05-31',
    });
    expect(mou.status).toBe(201);
    expect(mou.body.siteCode).toBe('K7');
    // Another subsidiary's officer does not learn it exists.
    expect((await spil.get(`/api/infosec/memberships/${mou.body.id}`)).status).toBe(404);
    const seen = await spil.get('/api/infosec/memberships');
    expect(seen.body.items.map((m: any) => m.organisation)).toContain('FIRST');
    expect(seen.body.items.map((m: any) => m.organisation)).not.toContain('MJIB Kaohsiung');
  });

  it('filters by kind and by renewals due, sorts and exports', async () => {
    const mous = await admin.get('/api/infosec/memberships', { query: { kind: 'mou' } });
    expect(mous.body.items.map((m: any) => m.organisation)).toEqual(['MJIB Kaohsiung']);
    const due = await admin.get('/api/infosec/memberships', { query: { dueBy: '2026-06-01' } });
    expect(due.body.items.map((m: any) => m.organisation)).toEqual(['MJIB Kaohsiung']);
    const sorted = await admin.get('/api/infosec/memberships', {
      query: { sort: 'organisation', order: 'desc' },
    });
    expect(sorted.body.items.map((m: any) => m.organisation)).toEqual(['MJIB Kaohsiung', 'FIRST']);
    const csv = await admin.get('/api/infosec/memberships/export.csv', { query: { kind: 'mou' } });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('MJIB Kaohsiung');
    expect(csv.text).toContain('MOU');
  });

  it('refuses a renewal before the start, naming the field', async () => {
    const r = await admin.post('/api/infosec/memberships', {
      organisation: 'SEMI',
      kind: 'membership',
      since: '2024-01-01',
      renewalOn: '2023-01-01',
    });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('renewalOn');
  });

  it('cancels the renewal when the agreement is removed; read-only roles change nothing', async () => {
    const list = await admin.get('/api/infosec/memberships', { query: { kind: 'mou' } });
    const mou = list.body.items[0];
    const auditor = await t.signInAs('auditor');
    expect(
      (
        await auditor.delete(`/api/infosec/memberships/${mou.id}`, {
          query: { version: String(mou.version) },
        })
      ).status,
    ).toBe(403);
    const gone = await officer.delete(`/api/infosec/memberships/${mou.id}`, {
      query: { version: String(mou.version) },
    });
    expect(gone.status).toBe(204);
    expect((await renewal(mou.id))?.state).toBe('cancelled');
    expect((await admin.get(`/api/infosec/memberships/${mou.id}`)).status).toBe(404);
  });
});
