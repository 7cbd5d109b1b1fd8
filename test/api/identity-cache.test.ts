import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programModules } from '../../server/modules/index.ts';
import { systemActor } from '../../server/platform/access/actor.ts';
import { sha256Hex } from '../../server/platform/auth/tokens.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { FIXTURE } from '../support/fixture.ts';
import { notesModule } from './module-kit/notes-module.ts';

const { sites: SITES, subsidiaries: SUBSIDIARIES } = FIXTURE;
const PASSWORD = 'Identity-Cache-Pass-77';

type Assignment = { role: string; scopeKind: string; siteIds?: string[]; subsidiaryId?: string };

/**
 * A signed-in request's identity comes from memory after the first request, and every change that ends or
 * narrows it takes effect on the next request: sign-out, expiry, a disabled or deleted user, a role change, a
 * password change, a revoked API token, a record granted or taken back, a site added to a subsidiary, and a
 * change made in SQL by another tool.
 */
describe.each(databases())('the identity of a signed-in request (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let clock = Date.parse('2026-06-01T08:00:00Z');
  let serial = 0;

  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => new Date(clock), modules: [...programModules, notesModule] });
    admin = await t.signInAs('groupAdmin');
  });
  afterAll(() => t?.close());

  const stats = () => ({ ...t.app.services.identity.stats });

  async function newUser(assignments: Assignment[]) {
    const email = `identity.${++serial}@steward.test`;
    const created = await admin.post('/api/users', {
      email,
      displayName: `Identity ${serial}`,
      password: PASSWORD,
      assignments,
    });
    expect(created.status).toBe(201);
    const session = await t.signIn(email, PASSWORD);
    const issued = await session.post('/api/auth/tokens', { name: 'sync' });
    expect(issued.status).toBe(201);
    return { id: created.body.id as string, email, session, token: t.withToken(issued.body.token), issued };
  }

  const k7Officer = () => newUser([{ role: 'site_officer', scopeKind: 'sites', siteIds: [SITES.K7.id] }]);

  async function patchUser(id: string, patch: Record<string, unknown>) {
    const current = await admin.get(`/api/users/${id}`);
    const res = await admin.patch(`/api/users/${id}`, { ...patch, version: current.body.version });
    expect(res.status).toBe(200);
  }

  it('answers repeated requests from memory: one lookup for the first request, none after', async () => {
    const user = await k7Officer();
    expect((await user.session.get('/api/home')).status).toBe(200);
    expect((await user.token.get('/api/home')).status).toBe(200);
    const before = stats();
    for (let i = 0; i < 5; i++) {
      expect((await user.session.get(`/api/org/sites/${SITES.K7.id}`)).status).toBe(200);
      expect((await user.token.get(`/api/org/sites/${SITES.K7.id}`)).status).toBe(200);
    }
    const after = stats();
    expect(after.lookups - before.lookups).toBe(0);
    expect(after.hits - before.hits).toBe(10);
    // The cached actor is the user's: the scope still holds (K7 only).
    expect((await user.session.get(`/api/org/sites/${SITES.TC.id}`)).status).toBe(404);
  });

  it('refuses a signed-out session on the next request', async () => {
    const user = await k7Officer();
    const stolen = t.anonymous();
    stolen.sessionToken = user.session.sessionToken;
    expect((await stolen.get('/api/home')).status).toBe(200);
    expect((await user.session.post('/api/auth/sign-out')).status).toBe(204);
    expect((await stolen.get('/api/home')).status).toBe(401);
  });

  it('refuses an expired session although it is in memory, and slides the idle expiry at most once a minute', async () => {
    const user = await k7Officer();
    const sessionId = sha256Hex(user.session.sessionToken as string);
    const seen = async () =>
      (
        await t.db
          .selectFrom('sessions')
          .select(['last_seen_at', 'expires_at'])
          .where('id', '=', sessionId)
          .executeTakeFirstOrThrow()
      ).last_seen_at.getTime();
    expect((await user.session.get('/api/home')).status).toBe(200);
    const signedInAt = await seen();
    clock += 30_000;
    expect((await user.session.get('/api/home')).status).toBe(200);
    expect(await seen()).toBe(signedInAt);
    clock += 31_000;
    expect((await user.session.get('/api/home')).status).toBe(200);
    expect(await seen()).toBe(clock);
    // Past the idle limit from the last sighting: refused, with the entry still in memory.
    const before = clock;
    clock += t.config.session.idleMinutes * 60_000 + 1_000;
    try {
      expect((await user.session.get('/api/home')).status).toBe(401);
    } finally {
      clock = before;
    }
  });

  it('refuses a disabled user on the next request, by session and by API token', async () => {
    const user = await k7Officer();
    expect((await user.session.get('/api/home')).status).toBe(200);
    expect((await user.token.get('/api/home')).status).toBe(200);
    await patchUser(user.id, { active: false });
    expect((await user.session.get('/api/home')).status).toBe(401);
    expect((await user.token.get('/api/home')).status).toBe(401);
  });

  it('refuses a deleted user on the next request', async () => {
    const user = await k7Officer();
    expect((await user.token.get('/api/home')).status).toBe(200);
    await t.db.deleteFrom('users').where('id', '=', user.id).execute();
    expect((await user.token.get('/api/home')).status).toBe(401);
  });

  it('applies a role change on the next request: the API token loses the site, the session ends', async () => {
    const user = await k7Officer();
    const k7 = `/api/org/sites/${SITES.K7.id}`;
    expect((await user.token.get(k7)).status).toBe(200);
    expect((await user.session.get(k7)).status).toBe(200);
    await patchUser(user.id, {
      assignments: [{ role: 'site_officer', scopeKind: 'sites', siteIds: [SITES.PG.id] }],
    });
    expect((await user.token.get(k7)).status).toBe(404);
    expect((await user.token.get(`/api/org/sites/${SITES.PG.id}`)).status).toBe(200);
    expect((await user.session.get(k7)).status).toBe(401);
  });

  it('ends the sessions of a user whose password changes, on the next request', async () => {
    const user = await k7Officer();
    expect((await user.session.get('/api/home')).status).toBe(200);
    await patchUser(user.id, { password: 'Another-Identity-Pass-88' });
    expect((await user.session.get('/api/home')).status).toBe(401);
  });

  it('refuses a revoked API token on the next request', async () => {
    const user = await k7Officer();
    expect((await user.token.get('/api/home')).status).toBe(200);
    expect((await user.session.delete(`/api/auth/tokens/${user.issued.body.id}`)).status).toBe(204);
    expect((await user.token.get('/api/home')).status).toBe(401);
  });

  it('shows a record granted to a person outside the company on the next request, and hides it once taken back', async () => {
    const user = await newUser([]);
    const note = (await t.db
      .insertInto('notes_entries' as never)
      .values({ site_id: SITES.K7.id, body: 'Supplier assessment' } as never)
      .returning('id' as never)
      .executeTakeFirstOrThrow()) as { id: string };
    const url = `/api/notes/${note.id}`;
    const grant = { userId: user.id, recordType: 'notes_entry', recordId: note.id };
    expect((await user.token.get(url)).status).toBe(404);
    await t.db
      .transaction()
      .execute((trx) =>
        t.app.services.grants.grant(trx, systemActor('test'), { ...grant, siteId: SITES.K7.id }),
      );
    expect((await user.token.get(url)).status).toBe(200);
    expect((await user.session.get(url)).status).toBe(200);
    await t.db.transaction().execute((trx) => t.app.services.grants.revoke(trx, systemActor('test'), grant));
    expect((await user.token.get(url)).status).toBe(404);
    expect((await user.session.get(url)).status).toBe(404);
  });

  it('gives a subsidiary-wide role the site added to the subsidiary, on the next request', async () => {
    const user = await newUser([
      { role: 'site_officer', scopeKind: 'subsidiary', subsidiaryId: SUBSIDIARIES.ASE.id },
    ]);
    expect((await user.token.get(`/api/org/sites/${SITES.K7.id}`)).status).toBe(200);
    const site = await admin.post('/api/org/sites', {
      subsidiaryId: SUBSIDIARIES.ASE.id,
      code: `ID${serial}`,
      name: 'ASE Identity Plant',
      country: 'TW',
      timeZone: 'Asia/Taipei',
      kind: 'manufacturing',
    });
    expect(site.status).toBe(201);
    expect((await user.token.get(`/api/org/sites/${site.body.id}`)).status).toBe(200);
  });

  it('applies a role taken away in SQL by another tool, not through the API, on the next request', async () => {
    const user = await k7Officer();
    const k7 = `/api/org/sites/${SITES.K7.id}`;
    expect((await user.token.get(k7)).status).toBe(200);
    expect((await user.token.get(k7)).status).toBe(200);
    await t.exec(`delete from role_assignments where user_id = '${user.id}'`);
    expect((await user.token.get(k7)).status).toBe(404);
  });
});
