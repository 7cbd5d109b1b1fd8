import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../server/platform/auth/tokens.ts';
import { ApiClient, createTestApp, databases, SESSION_COOKIE, type TestApp } from '../support/app.ts';
import { EMPLOYEES, SITES, USERS } from '../support/fixture.ts';

const MAX_FAILURES = 3;

function setCookieHeader(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const all = Array.isArray(raw) ? raw : [String(raw ?? '')];
  return all.find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? '';
}

describe.each(databases())('sign-in, sessions, CSRF and API tokens (%s)', (kind) => {
  let t: TestApp;
  /** The app's clock runs this far ahead of the real one (session expiry). */
  let clockOffsetMs = 0;

  beforeAll(async () => {
    t = await createTestApp({
      kind,
      env: {
        SIGNIN_MAX_FAILURES: String(MAX_FAILURES),
        SIGNIN_LOCK_MINUTES: '15',
        SESSION_IDLE_MINUTES: '30',
      },
      now: () => new Date(Date.now() + clockOffsetMs),
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('sign-in and sign-out', () => {
    it('signs in with the right password and sets an httpOnly SameSite session cookie', async () => {
      const client = new ApiClient(t.app);
      const res = await client.post('/api/auth/sign-in', {
        email: USERS.k7Officer.email,
        password: USERS.k7Officer.password,
      });
      expect(res.status).toBe(200);
      const cookie = setCookieHeader(res);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=(Lax|Strict)/i);
      expect(cookie).toMatch(/Path=\//);
      expect(res.body.user).toMatchObject({ id: USERS.k7Officer.id, email: USERS.k7Officer.email });
      expect(res.body.csrfToken).toMatch(/^[\w-]{20,}$/);
      expect(res.body.assignments).toEqual([
        { role: 'site_officer', program: null, scopeKind: 'sites', scopeLabel: 'K7' },
      ]);
      expect(res.body.permissions).toContain('people.manage');
      expect(res.body.permissions).not.toContain('users.manage');
      // The cookie authenticates the next request.
      const session = await client.get('/api/auth/session');
      expect(session.status).toBe(200);
      expect(session.body.user.id).toBe(USERS.k7Officer.id);
      expect(session.body.csrfToken).toBe(res.body.csrfToken);
    });

    it('accepts the email in any letter case', async () => {
      const client = await t.signIn(USERS.auditor.email.toUpperCase(), USERS.auditor.password);
      expect(client.session.user.id).toBe(USERS.auditor.id);
    });

    it('stores only a hash of the session token', async () => {
      const client = await t.signInAs('board');
      const token = client.sessionToken as string;
      const rows = await t.db.selectFrom('sessions').select(['id', 'csrf_token']).execute();
      expect(rows.some((r) => r.id === token)).toBe(false);
      expect(rows.some((r) => r.id === sha256Hex(token))).toBe(true);
    });

    it('issues a new session id at every sign-in and drops the one the browser held', async () => {
      const first = await t.signInAs('ohsOwner');
      const firstToken = first.sessionToken as string;
      const firstCsrf = first.csrfToken;
      // Sign in again from the same browser (carrying the first cookie).
      const res = await first.post('/api/auth/sign-in', {
        email: USERS.ohsOwner.email,
        password: USERS.ohsOwner.password,
      });
      expect(res.status).toBe(200);
      expect(first.sessionToken).toBeTruthy();
      expect(first.sessionToken).not.toBe(firstToken);
      expect(res.body.csrfToken).not.toBe(firstCsrf);
      const stale = new ApiClient(t.app, { sessionToken: firstToken });
      expect((await stale.get('/api/auth/session')).status).toBe(401);
      expect((await first.get('/api/auth/session')).status).toBe(200);
      // A sign-in from another browser is a separate session: both stay valid.
      const other = await t.signInAs('ohsOwner');
      expect(other.sessionToken).not.toBe(first.sessionToken);
      expect((await first.get('/api/auth/session')).status).toBe(200);
      expect((await other.get('/api/auth/session')).status).toBe(200);
    });

    it('signs out: the cookie is cleared and the session is gone from the database', async () => {
      const client = await t.signInAs('medical');
      const token = client.sessionToken as string;
      const res = await client.post('/api/auth/sign-out');
      expect(res.status).toBe(204);
      const cookie = setCookieHeader(res);
      expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
      expect(cookie).toMatch(/Expires=Thu, 01 Jan 1970/);
      expect(client.sessionToken).toBeUndefined();
      const row = await t.db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', sha256Hex(token))
        .executeTakeFirst();
      expect(row).toBeUndefined();
      // Replaying the old cookie does not work.
      const replay = new ApiClient(t.app, { sessionToken: token });
      const after = await replay.get('/api/people/employees');
      expect(after.status).toBe(401);
    });

    it('answers a wrong password with 401 problem+json, the same as an unknown email', async () => {
      const wrong = await t.anonymous().post('/api/auth/sign-in', {
        email: USERS.board.email,
        password: 'not-the-password',
      });
      expect(wrong.status).toBe(401);
      expect(wrong.headers['content-type']).toContain('application/problem+json');
      expect(wrong.body).toMatchObject({
        status: 401,
        title: 'Not signed in',
        type: expect.stringMatching(/unauthenticated$/),
        instance: '/api/auth/sign-in',
      });
      expect(wrong.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
      const unknown = await t.anonymous().post('/api/auth/sign-in', {
        email: 'nobody@steward.test',
        password: 'not-the-password',
      });
      expect(unknown.status).toBe(401);
      expect(unknown.body.detail).toBe(wrong.body.detail);
      // Reset the failure counter of the board user for the other tests.
      await t.signInAs('board');
    });

    it('refuses a deactivated user', async () => {
      const admin = await t.signInAs('groupAdmin');
      const user = await admin.post('/api/users', {
        email: 'leaving.soon@steward.test',
        displayName: 'Leaving Soon',
        password: 'Correct-Horse-Battery-9',
        assignments: [{ role: 'employee', scopeKind: 'sites', siteIds: [SITES.PG.id] }],
      });
      expect(user.status).toBe(201);
      const session = await t.signIn('leaving.soon@steward.test', 'Correct-Horse-Battery-9');
      expect((await session.get('/api/home')).status).toBe(200);
      const off = await admin.patch(`/api/users/${user.body.id}`, {
        active: false,
        version: user.body.version,
      });
      expect(off.status).toBe(200);
      expect(off.body.active).toBe(false);
      // The open session ends at once, and a new sign-in is refused.
      expect((await session.get('/api/home')).status).toBe(401);
      const again = await t.anonymous().post('/api/auth/sign-in', {
        email: 'leaving.soon@steward.test',
        password: 'Correct-Horse-Battery-9',
      });
      expect(again.status).toBe(401);
    });

    it('expires a session that stays idle longer than SESSION_IDLE_MINUTES', async () => {
      const client = await t.signInAs('auditor');
      clockOffsetMs = 20 * 60_000;
      try {
        // Used within the idle window: still valid, and the window slides.
        expect((await client.get('/api/auth/session')).status).toBe(200);
        clockOffsetMs = 45 * 60_000;
        expect((await client.get('/api/auth/session')).status).toBe(200);
        clockOffsetMs = 80 * 60_000;
        const res = await client.get('/api/auth/session');
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toContain('application/problem+json');
      } finally {
        clockOffsetMs = 0;
      }
    });

    it('answers 401 to a signed-out request and to a made-up cookie', async () => {
      for (const client of [t.anonymous(), new ApiClient(t.app, { sessionToken: 'made-up-session-token' })]) {
        const res = await client.get('/api/people/employees');
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body.type).toMatch(/unauthenticated$/);
      }
    });
  });

  describe('lockout', () => {
    const signInAsEmployee = (password: string) =>
      t.anonymous().post('/api/auth/sign-in', { email: USERS.employee.email, password });

    it(`locks the account after ${MAX_FAILURES} failed sign-ins, refusing even the right password`, async () => {
      for (let i = 1; i <= MAX_FAILURES; i++) {
        const res = await signInAsEmployee(`wrong-password-${i}`);
        expect(res.status, `attempt ${i}`).toBe(401);
      }
      const locked = await signInAsEmployee(USERS.employee.password);
      expect(locked.status).toBe(429);
      expect(locked.headers['content-type']).toContain('application/problem+json');
      const retryAfter = Number(locked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(locked.body).toMatchObject({ status: 429, retryAfterSeconds: retryAfter });
      expect(locked.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();

      // The lock is recorded in the audit log and shown to the administrator.
      const auditor = await t.signInAs('auditor');
      const events = await auditor.get('/api/audit/events', {
        query: { action: 'user.locked', entityId: USERS.employee.id },
      });
      expect(events.body.total).toBe(1);
      expect(events.body.items[0].actorLabel).toBe('Sign-in throttle');
      const admin = await t.signInAs('groupAdmin');
      const user = await admin.get(`/api/users/${USERS.employee.id}`);
      expect(user.body.locked).toBe(true);
      const home = await admin.get('/api/home');
      expect(home.body.attention).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'locked-users', count: 1 })]),
      );
    });

    it('lets the lock run out after SIGNIN_LOCK_MINUTES', async () => {
      clockOffsetMs = 16 * 60_000;
      try {
        const res = await signInAsEmployee(USERS.employee.password);
        expect(res.status).toBe(200);
      } finally {
        clockOffsetMs = 0;
      }
    });

    it('is lifted by an administrator with PATCH /api/users/:id {unlock: true}', async () => {
      for (let i = 1; i <= MAX_FAILURES; i++) await signInAsEmployee('wrong-again');
      expect((await signInAsEmployee(USERS.employee.password)).status).toBe(429);

      const admin = await t.signInAs('groupAdmin');
      const user = await admin.get(`/api/users/${USERS.employee.id}`);
      expect(user.body.locked).toBe(true);
      // Only an administrator may unlock.
      const officer = await t.signInAs('k7Officer');
      const refused = await officer.patch(`/api/users/${USERS.employee.id}`, {
        unlock: true,
        version: user.body.version,
      });
      expect(refused.status).toBe(403);

      const unlocked = await admin.patch(`/api/users/${USERS.employee.id}`, {
        unlock: true,
        version: user.body.version,
      });
      expect(unlocked.status).toBe(200);
      expect(unlocked.body.locked).toBe(false);
      const res = await signInAsEmployee(USERS.employee.password);
      expect(res.status).toBe(200);
    });

    it('counts failures in a row only: a successful sign-in resets the count', async () => {
      for (let i = 1; i < MAX_FAILURES; i++) expect((await signInAsEmployee('nope-nope')).status).toBe(401);
      expect((await signInAsEmployee(USERS.employee.password)).status).toBe(200);
      for (let i = 1; i < MAX_FAILURES; i++) expect((await signInAsEmployee('nope-nope')).status).toBe(401);
      expect((await signInAsEmployee(USERS.employee.password)).status).toBe(200);
    });
  });

  describe('CSRF', () => {
    const employee = EMPLOYEES['K7-0003'];

    it('refuses a cookie-authenticated POST without the CSRF token and writes nothing', async () => {
      const officer = await t.signInAs('k7Officer');
      const before = await officer.get('/api/people/employees', { query: { status: 'all' } });
      const input = {
        siteId: SITES.K7.id,
        employeeNo: 'K7-CSRF-1',
        fullName: 'Forged Request',
        department: 'Assembly',
        hireDate: '2025-01-02',
      };
      const auditBefore = await t.db.selectFrom('audit_events').select('id').execute();
      const forged = await officer.post('/api/people/employees', input, { csrf: false });
      expect(forged.status).toBe(403);
      expect(forged.headers['content-type']).toContain('application/problem+json');
      expect(forged.body.type).toMatch(/csrf$/);
      const wrong = await officer.post('/api/people/employees', input, {
        csrf: false,
        headers: { 'x-csrf-token': 'guessed-token' },
      });
      expect(wrong.status).toBe(403);
      // Another session's token does not do either.
      const otherSession = await t.signInAs('spilOfficer');
      const crossed = await officer.post('/api/people/employees', input, {
        csrf: false,
        headers: { 'x-csrf-token': otherSession.csrfToken as string },
      });
      expect(crossed.status).toBe(403);

      const after = await officer.get('/api/people/employees', { query: { status: 'all' } });
      expect(after.body.total).toBe(before.body.total);
      expect(
        await t.db.selectFrom('employees').where('employee_no', '=', 'K7-CSRF-1').selectAll().execute(),
      ).toEqual([]);
      expect((await t.db.selectFrom('audit_events').select('id').execute()).length).toBe(auditBefore.length);

      const ok = await officer.post('/api/people/employees', input);
      expect(ok.status).toBe(201);
      expect(ok.body.employeeNo).toBe('K7-CSRF-1');
    });

    it('refuses a PATCH without the CSRF token, leaving the record and its version unchanged', async () => {
      const officer = await t.signInAs('k7Officer');
      const current = await officer.get(`/api/people/employees/${employee.id}`);
      const forged = await officer.patch(
        `/api/people/employees/${employee.id}`,
        { department: 'Forged', version: current.body.version },
        { csrf: false },
      );
      expect(forged.status).toBe(403);
      const unchanged = await officer.get(`/api/people/employees/${employee.id}`);
      expect(unchanged.body).toEqual(current.body);

      const ok = await officer.patch(`/api/people/employees/${employee.id}`, {
        department: 'Final Test',
        version: current.body.version,
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ department: 'Final Test', version: current.body.version + 1 });
    });

    it('does not ask for the token on reads', async () => {
      const officer = await t.signInAs('k7Officer');
      const res = await officer.get('/api/people/employees', { csrf: false });
      expect(res.status).toBe(200);
    });
  });

  describe('personal API tokens', () => {
    it('creates a token shown once, used with Authorization: Bearer without CSRF, until revoked', async () => {
      const officer = await t.signInAs('k7Officer');
      const created = await officer.post('/api/auth/tokens', { name: 'nightly sync', expiresInDays: 30 });
      expect(created.status).toBe(201);
      const token: string = created.body.token;
      expect(token).toMatch(/^stw_/);
      expect(created.body.prefix).toBe(token.slice(0, created.body.prefix.length));
      // Only its hash is stored, and the list never shows the token again.
      const stored = await t.db
        .selectFrom('api_tokens')
        .selectAll()
        .where('id', '=', created.body.id)
        .executeTakeFirst();
      expect(stored?.token_hash).toBe(sha256Hex(token));
      const listed = await officer.get('/api/auth/tokens');
      expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(created.body.id);
      expect(listed.text).not.toContain(token);

      const script = t.withToken(token);
      const read = await script.get('/api/people/employees');
      expect(read.status).toBe(200);
      expect(read.body.items.every((e: { siteCode: string }) => e.siteCode === 'K7')).toBe(true);
      // A write with the token needs no CSRF token (no cookie is involved).
      const current = await script.get(`/api/people/employees/${EMPLOYEES['K7-0004'].id}`);
      const write = await script.patch(`/api/people/employees/${EMPLOYEES['K7-0004'].id}`, {
        jobTitle: 'Facilities lead',
        version: current.body.version,
      });
      expect(write.status).toBe(200);
      expect(write.body.jobTitle).toBe('Facilities lead');
      // The token carries its user's scope.
      expect((await script.get(`/api/people/employees/${EMPLOYEES['TC-0001'].id}`)).status).toBe(404);
      const used = await t.db
        .selectFrom('api_tokens')
        .select('last_used_at')
        .where('id', '=', created.body.id)
        .executeTakeFirst();
      expect(used?.last_used_at).toBeInstanceOf(Date);

      const revoked = await officer.delete(`/api/auth/tokens/${created.body.id}`);
      expect(revoked.status).toBe(204);
      const after = await script.get('/api/people/employees');
      expect(after.status).toBe(401);
      expect(after.headers['content-type']).toContain('application/problem+json');
      expect(
        (await officer.get('/api/auth/tokens')).body.items.map((i: { id: string }) => i.id),
      ).not.toContain(created.body.id);
      // Revoking twice, or someone else's token, is "not found".
      expect((await officer.delete(`/api/auth/tokens/${created.body.id}`)).status).toBe(404);
    });

    it("cannot revoke another user's token", async () => {
      const auditor = await t.signInAs('auditor');
      const created = await auditor.post('/api/auth/tokens', { name: 'reports' });
      expect(created.status).toBe(201);
      const officer = await t.signInAs('k7Officer');
      expect((await officer.delete(`/api/auth/tokens/${created.body.id}`)).status).toBe(404);
      expect((await t.withToken(created.body.token).get('/api/audit/events')).status).toBe(200);
    });

    it('refuses a made-up, malformed or expired token with 401', async () => {
      for (const token of ['stw_made-up', 'not-a-token', '']) {
        const res = await t.app.inject({
          method: 'GET',
          url: '/api/people/employees',
          headers: { authorization: `Bearer ${token}` },
        });
        expect(res.statusCode, token).toBe(401);
      }
      const officer = await t.signInAs('k7Officer');
      const created = await officer.post('/api/auth/tokens', { name: 'short-lived', expiresInDays: 1 });
      expect((await t.withToken(created.body.token).get('/api/home')).status).toBe(200);
      clockOffsetMs = 2 * 86_400_000;
      try {
        expect((await t.withToken(created.body.token).get('/api/home')).status).toBe(401);
      } finally {
        clockOffsetMs = 0;
      }
    });

    it('never writes a token or its hash into the audit log', async () => {
      const tokens = await t.db.selectFrom('api_tokens').select(['token_hash']).execute();
      const events = await t.db.selectFrom('audit_events').selectAll().execute();
      const text = JSON.stringify(events);
      expect(events.some((e) => e.action === 'api_token.created')).toBe(true);
      for (const tk of tokens) expect(text).not.toContain(tk.token_hash);
    });
  });
});

describe('sign-in rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { SIGNIN_RATE_PER_MINUTE: '3' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 429 with retry-after once an address makes too many sign-in attempts in a minute', async () => {
    const attempt = () =>
      t.anonymous().post('/api/auth/sign-in', { email: USERS.board.email, password: 'wrong-password' });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    // Other endpoints are not limited by it.
    expect((await t.anonymous().get('/api/health')).status).toBe(200);
  });
});
