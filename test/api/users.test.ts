import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Program } from '#shared/platform/access/programs.ts';
import { systemActor } from '../../server/platform/access/actor.ts';
import { passwordProblems } from '../../server/platform/auth/passwords.ts';
import { createOrgService } from '../../server/platform/org/service.ts';
import { createUsersService } from '../../server/platform/users/service.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { EMPLOYEES, SITES, SUBSIDIARIES, USERS } from '../support/fixture.ts';

describe.each(databases())('users and roles (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp({ kind });
    admin = await t.signInAs('groupAdmin');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives every fixture user a password that meets the password policy', () => {
    for (const u of Object.values(USERS))
      expect(passwordProblems(u.password, { email: u.email }), u.email).toEqual([]);
  });

  it('refuses a role for a program of no module, on the API and in the service the command line calls', async () => {
    const body = {
      email: 'ghost.owner@steward.test',
      displayName: 'Ghost Owner',
      password: 'Ghost-Owner-Pass-1',
      assignments: [
        { role: 'program_owner' as const, program: 'ghost' as Program, scopeKind: 'group' as const },
      ],
    };
    const res = await admin.post('/api/users', body);
    expect(res.status).toBe(400);
    const users = createUsersService(t.db, createOrgService(t.db));
    await expect(users.create(systemActor('test'), body)).rejects.toMatchObject({ status: 422 });
    const found = await t.db.selectFrom('users').select('id').where('email', '=', body.email).execute();
    expect(found).toEqual([]);
  });

  it('lists users with their roles, filtered by role and searched by name', async () => {
    const all = await admin.get('/api/users', { query: { pageSize: 100 } });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(Object.keys(USERS).length);
    const officers = await admin.get('/api/users', { query: { role: 'site_officer' } });
    expect(officers.body.items.map((u: { email: string }) => u.email).sort()).toEqual(
      [USERS.k7Officer.email, USERS.spilOfficer.email].sort(),
    );
    const spil = officers.body.items.find((u: { id: string }) => u.id === USERS.spilOfficer.id);
    expect(spil.assignments).toEqual([
      {
        role: 'site_officer',
        program: null,
        scopeKind: 'subsidiary',
        subsidiaryId: SUBSIDIARIES.SPIL.id,
        siteIds: [],
      },
    ]);
    const search = await admin.get('/api/users', { query: { q: 'auditor' } });
    expect(search.body.items.map((u: { id: string }) => u.id)).toEqual([USERS.auditor.id]);
    // The list never carries a password hash.
    expect(all.text).not.toContain('argon2');
    expect(all.text).not.toMatch(/password/i);
  });

  it('creates a user who can then sign in with the scope given', async () => {
    const res = await admin.post('/api/users', {
      email: 'pg.officer@steward.test',
      displayName: 'Penang Officer',
      locale: 'zh-TW',
      password: 'Penang-Officer-Pass-1',
      assignments: [{ role: 'site_officer', program: 'ohs', scopeKind: 'sites', siteIds: [SITES.PG.id] }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: 'pg.officer@steward.test',
      locale: 'zh-TW',
      active: true,
      locked: false,
      version: 1,
    });
    const officer = await t.signIn('pg.officer@steward.test', 'Penang-Officer-Pass-1');
    expect(officer.session.user.locale).toBe('zh-TW');
    expect(officer.session.assignments).toEqual([
      { role: 'site_officer', program: 'ohs', scopeKind: 'sites', scopeLabel: 'PG' },
    ]);
    const employees = await officer.get('/api/people/employees', { query: { status: 'all' } });
    expect(new Set(employees.body.items.map((e: { siteCode: string }) => e.siteCode))).toEqual(
      new Set(['PG']),
    );
    // A duplicate email, in any letter case, is a conflict.
    const dup = await admin.post('/api/users', {
      email: 'PG.Officer@steward.test',
      displayName: 'Again',
      password: 'Penang-Officer-Pass-2',
      assignments: [],
    });
    expect(dup.status).toBe(409);
  });

  it('ends the sessions of a user whose roles change, so the new scope applies at once', async () => {
    const officer = await t.signInAs('k7Officer');
    expect((await officer.get(`/api/people/employees/${EMPLOYEES['TC-0001'].id}`)).status).toBe(404);
    const current = await admin.get(`/api/users/${USERS.k7Officer.id}`);
    const res = await admin.patch(`/api/users/${USERS.k7Officer.id}`, {
      assignments: [{ role: 'site_officer', scopeKind: 'sites', siteIds: [SITES.K7.id, SITES.TC.id] }],
      version: current.body.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.assignments[0].siteIds).toEqual([SITES.K7.id, SITES.TC.id]);
    expect((await officer.get('/api/home')).status).toBe(401);
    const again = await t.signInAs('k7Officer');
    expect((await again.get(`/api/people/employees/${EMPLOYEES['TC-0001'].id}`)).status).toBe(200);
    expect(again.session.assignments[0].scopeLabel).toBe('K7, TC');
  });

  it('changes a password: the old one stops working and open sessions end', async () => {
    const board = await t.signInAs('board');
    const current = await admin.get(`/api/users/${USERS.board.id}`);
    const res = await admin.patch(`/api/users/${USERS.board.id}`, {
      password: 'A-Brand-New-Secret-77',
      version: current.body.version,
    });
    expect(res.status).toBe(200);
    expect((await board.get('/api/home')).status).toBe(401);
    const old = await t
      .anonymous()
      .post('/api/auth/sign-in', { email: USERS.board.email, password: USERS.board.password });
    expect(old.status).toBe(401);
    await t.signIn(USERS.board.email, 'A-Brand-New-Secret-77');
    const stored = await t.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', USERS.board.id)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('lets a signed-in user set their own language', async () => {
    const employee = await t.signInAs('employee');
    expect((await employee.put('/api/auth/preferences', { locale: 'zh-TW' })).status).toBe(204);
    expect((await employee.get('/api/auth/session')).body.user.locale).toBe('zh-TW');
  });

  it('keeps user administration to administrators; auditors read only', async () => {
    const auditor = await t.signInAs('auditor');
    expect((await auditor.get('/api/users')).status).toBe(200);
    expect(
      (await auditor.patch(`/api/users/${USERS.employee.id}`, { active: false, version: 1 })).status,
    ).toBe(403);
    const owner = await t.signInAs('ohsOwner');
    expect((await owner.get('/api/users')).status).toBe(403);
    expect(
      (
        await owner.post('/api/users', {
          email: 'self.made@steward.test',
          displayName: 'Self Made',
          password: 'Self-Made-Admin-Pass',
          assignments: [{ role: 'group_admin', scopeKind: 'group' }],
        })
      ).status,
    ).toBe(403);
  });
  it('lets a signed-in user search the directory of the users who hold a role at a site they see, or over the group (name and email only)', async () => {
    const officer = await t.signInAs('k7Officer');
    const found = await officer.get('/api/users/directory', { query: { q: 'chen' } });
    expect(found.status).toBe(200);
    expect(found.body.items).toEqual([
      { id: USERS.employee.id, displayName: USERS.employee.displayName, email: USERS.employee.email },
    ]);
    const listed = async (who: 'employee' | 'contractor') => {
      const res = await (await t.signInAs(who)).get('/api/users/directory', { query: { limit: 50 } });
      expect(res.status).toBe(200);
      for (const item of res.body.items)
        expect(Object.keys(item).sort()).toEqual(['displayName', 'email', 'id']);
      return (res.body.items as { id: string }[]).map((i) => i.id).sort();
    };
    const groupWide = [USERS.groupAdmin, USERS.ohsOwner, USERS.auditor, USERS.board].map((u) => u.id);
    // An employee of K7: the people with a role at K7 and the group's staff, not the SPIL officer or the TC worker.
    expect(await listed('employee')).toEqual(
      [...groupWide, USERS.k7Officer.id, USERS.employee.id, USERS.medical.id].sort(),
    );
    // A contractor worker at TC: the SPIL officer (TC is one of SPIL's sites) and the K7 officer, who was
    // given TC as well above; not the K7 employee or the K7 physician.
    expect(await listed('contractor')).toEqual(
      [...groupWide, USERS.spilOfficer.id, USERS.k7Officer.id, USERS.contractor.id].sort(),
    );
    const worker = await t.signInAs('contractor');
    expect((await worker.get('/api/users/directory', { query: { q: 'Mei' } })).body.items).toEqual([]);
    expect((await worker.get('/api/users/directory', { query: { q: 'Sandy' } })).body.items).toHaveLength(1);
    expect((await t.anonymous().get('/api/users/directory')).status).toBe(401);
  });
});
