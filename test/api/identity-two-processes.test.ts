import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type StewardApp } from '../../server/app.ts';
import { type Database, openDatabase } from '../../server/db/connect.ts';
import { ApiClient, createTestApp, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

type Identity = StewardApp['services']['identity'];

/** Resolves when `identity` has applied the change signal `payload` (an event, not a clock). */
function signalApplied(identity: Identity, payload: string): Promise<number> {
  return new Promise((resolve) => {
    const heard = (p: string) => {
      if (p !== payload) return;
      identity.events.off('signal', heard);
      resolve(performance.now());
    };
    identity.events.on('signal', heard);
  });
}

function liveBecomes(identity: Identity, live: boolean): Promise<void> {
  return new Promise((resolve) => {
    const changed = (state: boolean) => {
      if (state !== live) return;
      identity.events.off('live', changed);
      resolve();
    };
    identity.events.on('live', changed);
  });
}

/**
 * Two web processes on one PostgreSQL database, each with its own pool and listening connection (two apps
 * in this test process): a role revoked through one is refused by the other on its next request, as soon
 * as the change signal arrives there.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)(
  'identity changes across two web processes (postgres)',
  () => {
    let t: TestApp;
    let otherDatabase: Database;
    let other: StewardApp;
    let serial = 0;

    beforeAll(async () => {
      t = await createTestApp({ kind: 'postgres' });
      otherDatabase = await openDatabase({ databaseUrl: t.databaseUrl, poolSize: 4 });
      other = await buildApp({ database: otherDatabase, config: t.config, logger: false });
      await other.ready();
    });
    afterAll(async () => {
      await other?.close();
      await otherDatabase?.close();
      await t?.close();
    });

    /** A K7 officer created on the first process, with a session and an API token used on the second. */
    async function officerOnOther() {
      const admin = await t.signInAs('groupAdmin');
      const email = `two.processes.${++serial}@steward.test`;
      const password = 'Two-Processes-Pass-55';
      const created = await admin.post('/api/users', {
        email,
        displayName: `Two Processes ${serial}`,
        password,
        assignments: [{ role: 'site_officer', scopeKind: 'sites', siteIds: [SITES.K7.id] }],
      });
      expect(created.status).toBe(201);
      const signedIn = await t.signIn(email, password);
      const token = (await signedIn.post('/api/auth/tokens', { name: 'other process' })).body.token as string;
      return {
        admin,
        id: created.body.id as string,
        session: new ApiClient(other, { sessionToken: signedIn.sessionToken, csrfToken: signedIn.csrfToken }),
        token: new ApiClient(other, { bearer: token }),
      };
    }

    it('refuses, on the other process, the next request of a user whose role was revoked on the first', async () => {
      const user = await officerOnOther();
      const k7 = `/api/org/sites/${SITES.K7.id}`;
      const identity = other.services.identity;
      expect(identity.cache.trusted).toBe(true);
      expect((await user.token.get(k7)).status).toBe(200);
      expect((await user.session.get(k7)).status).toBe(200);
      const before = { ...identity.stats };
      expect((await user.token.get(k7)).status).toBe(200);
      expect((await user.session.get(k7)).status).toBe(200);
      // The second process answers from memory: without the signal it would go on answering 200.
      expect(identity.stats.hits - before.hits).toBe(2);
      expect(identity.stats.lookups).toBe(before.lookups);

      const heard = signalApplied(identity, `u:${user.id}`);
      const current = await user.admin.get(`/api/users/${user.id}`);
      const revokedAt = performance.now();
      const revoked = await user.admin.patch(`/api/users/${user.id}`, {
        assignments: [],
        version: current.body.version,
      });
      expect(revoked.status).toBe(200);
      const propagationMs = (await heard) - revokedAt;
      expect(propagationMs).toBeLessThan(1_000);

      expect((await user.token.get(k7)).status).toBe(404);
      // Revoking a role also ends the user's sessions.
      expect((await user.session.get(k7)).status).toBe(401);
    });

    it('stops trusting its cache when the listening connection is lost, and trusts it again once it listens again', async () => {
      const user = await officerOnOther();
      const identity = other.services.identity;
      expect((await user.token.get('/api/home')).status).toBe(200);
      expect(identity.cache.size).toBeGreaterThan(0);

      const lost = liveBecomes(identity, false);
      const back = liveBecomes(identity, true);
      let stateWhenLost: { trusted: boolean; size: number } | undefined;
      identity.events.once('live', () => {
        stateWhenLost = { trusted: identity.cache.trusted, size: identity.cache.size };
      });
      // Both processes' listening connections, as a failover or a network cut would end them.
      const ended = await t.exec(`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and application_name = 'steward listen steward_identity'`);
      expect(ended.length).toBe(2);
      await lost;
      expect(stateWhenLost).toEqual({ trusted: false, size: 0 });
      await back;
      expect(identity.cache.trusted).toBe(true);

      // Listening again: the next requests are answered from memory once more, and changes still arrive.
      expect((await user.token.get('/api/home')).status).toBe(200);
      const hits = identity.stats.hits;
      expect((await user.token.get('/api/home')).status).toBe(200);
      expect(identity.stats.hits).toBe(hits + 1);
      const heard = signalApplied(identity, `u:${user.id}`);
      await t.exec(`update users set active = false where id = '${user.id}'`);
      await heard;
      expect((await user.token.get('/api/home')).status).toBe(401);
    });
  },
);
