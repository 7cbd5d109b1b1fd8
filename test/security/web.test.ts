// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, SESSION_COOKIE, type TestApp } from '../support/app.ts';
import { EMPLOYEES, SITES, USERS } from '../support/fixture.ts';
import { prepareDatabase } from './support/databases.ts';
import { multipart, PNG } from './support/family-kit.ts';
import { HttpClient, startSteward } from './support/processes.ts';

/**
 * Web security beyond what test/api/auth.test.ts already covers (cookie flags, session rotation at sign-in,
 * idle expiry, lockout, the per-address sign-in limit, CSRF on two routes): headers on every kind of
 * answer, CSRF on every write of the route table, no CORS, the absolute session lifetime, sessions ending
 * when a password changes, lockout under concurrent guessing, the limit not fooled by X-Forwarded-For, the
 * password policy, uploads, and the log of a real server run holding no secret and no health detail.
 */

const kind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

function cookieOf(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  return (
    (Array.isArray(raw) ? raw : [String(raw ?? '')]).find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? ''
  );
}

describe(`security headers (${kind})`, () => {
  let plain: TestApp;
  let tls: TestApp;
  beforeAll(async () => {
    plain = await createTestApp({ kind });
    tls = await createTestApp({ kind, env: { COOKIE_SECURE: '1', TRUST_PROXY: '1' } });
  });
  afterAll(async () => {
    await plain?.close();
    await tls?.close();
  });

  it('sends CSP with frame-ancestors none, no framing, no sniffing, a same-origin referrer policy and no-store on every API answer', async () => {
    const admin = await plain.signInAs('groupAdmin');
    const answers = [
      await plain.anonymous().get('/api/health'),
      await admin.get('/api/people/employees'),
      await plain.anonymous().get('/api/people/employees'), // 401
      await admin.get('/api/people/employees/not-a-uuid'), // 400
      await admin.get('/api/no-such-route'), // 404
      await admin.get('/api/people/employees/export.csv'),
    ];
    for (const res of answers) {
      const h = res.headers;
      const csp = String(h['content-security-policy']);
      expect(csp, res.text.slice(0, 100)).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'self'");
      expect(csp).toContain("form-action 'self'");
      expect(h['x-frame-options']).toMatch(/DENY|SAMEORIGIN/);
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['referrer-policy']).toBe('same-origin');
      expect(h['cross-origin-opener-policy']).toBe('same-origin');
      expect(h['cache-control']).toBe('no-store');
      expect(h['x-powered-by']).toBeUndefined();
      expect(h['strict-transport-security'], 'HSTS without TLS').toBeUndefined();
      expect(h['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('adds HSTS and marks the session cookie Secure behind TLS (COOKIE_SECURE=1)', async () => {
    const res = await tls
      .anonymous()
      .post(
        '/api/auth/sign-in',
        { email: USERS.board.email, password: USERS.board.password },
        { headers: { 'x-forwarded-proto': 'https' } },
      );
    expect(res.status).toBe(200);
    const hsts = String(res.headers['strict-transport-security']);
    expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31_536_000);
    expect(hsts).toContain('includeSubDomains');
    const cookie = cookieOf(res);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Domain=/i);
    // Without COOKIE_SECURE the cookie is not Secure (it would not be sent over plain HTTP).
    const plainRes = await plain
      .anonymous()
      .post('/api/auth/sign-in', { email: USERS.board.email, password: USERS.board.password });
    expect(cookieOf(plainRes)).not.toMatch(/;\s*Secure/i);
  });

  it('grants no cross-origin access: no CORS headers for another origin, and its preflight is refused', async () => {
    const admin = await plain.signInAs('groupAdmin');
    const res = await admin.get('/api/people/employees', { headers: { origin: 'https://evil.example' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await plain.app.inject({
      method: 'OPTIONS',
      url: '/api/people/employees',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'PATCH' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.statusCode).toBeGreaterThanOrEqual(400);
  });
});

describe(`CSRF on every write (${kind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind });
  });
  afterAll(async () => t?.close());

  it('refuses every cookie-authenticated write of the route table without the session CSRF token, before anything else', async () => {
    const writes = t.app.routeTable.filter((r) => r.method !== 'GET' && r.access !== 'public');
    expect(writes.length).toBeGreaterThan(70);
    const officer = await t.signInAs('groupAdmin');
    const other = await t.signInAs('auditor');
    const auditBefore = await t.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    for (const route of writes) {
      const url = route.url.replace(/:(\w+)/g, '6f0e2b7c-1d3a-4e5f-9a8b-7c6d5e4f3a2b');
      for (const [label, headers] of [
        ['no token', {}],
        ['a guessed token', { 'x-csrf-token': 'guessed' }],
        ["another session's token", { 'x-csrf-token': other.csrfToken as string }],
        ['the token in a form field name', { 'content-type': 'application/x-www-form-urlencoded' }],
      ] as [string, Record<string, string>][]) {
        const res = await officer.request(
          route.method as 'POST',
          url,
          headers['content-type'] ? 'x-csrf-token=' : {},
          {
            csrf: false,
            headers,
            contentType: headers['content-type'],
          },
        );
        expect(res.status, `${route.method} ${route.url} with ${label}`).toBe(403);
        expect(res.body.type, `${route.method} ${route.url} with ${label}`).toMatch(/csrf$/);
      }
    }
    const auditAfter = await t.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n));
  });

  it('asks no CSRF token of an API token (no cookie involved) and of reads', async () => {
    const officer = await t.signInAs('k7Officer');
    const created = await officer.post('/api/auth/tokens', { name: 'script' });
    const script = t.withToken(created.body.token);
    const res = await script.put('/api/notifications/preferences', { digest: true });
    expect(res.status).toBe(200);
    expect((await officer.get('/api/people/employees', { csrf: false })).status).toBe(200);
  });
});

describe(`sessions (${kind})`, () => {
  let t: TestApp;
  let offsetMs = 0;
  beforeAll(async () => {
    t = await createTestApp({
      kind,
      env: { SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '2' },
      now: () => new Date(Date.now() + offsetMs),
    });
  });
  afterAll(async () => t?.close());

  it('issues long random session and CSRF tokens, never the same twice', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const c = await t.signInAs('board');
      for (const token of [c.sessionToken as string, c.csrfToken as string]) {
        expect(token).toMatch(/^[\w-]{32,}$/);
        expect(seen.has(token)).toBe(false);
        seen.add(token);
      }
    }
  });

  it('ends a session at SESSION_MAX_HOURS however active it stays', async () => {
    const client = await t.signInAs('auditor');
    try {
      for (const minutes of [25, 50, 75, 100, 115]) {
        offsetMs = minutes * 60_000;
        expect((await client.get('/api/auth/session')).status, `${minutes} minutes in`).toBe(200);
      }
      offsetMs = 121 * 60_000;
      const res = await client.get('/api/auth/session');
      expect(res.status).toBe(401);
    } finally {
      offsetMs = 0;
    }
  });

  it('ends every session of a user whose password an administrator changes, and refuses the old password', async () => {
    const admin = await t.signInAs('groupAdmin');
    const created = await admin.post('/api/users', {
      email: 'rotating.password@steward.test',
      displayName: 'Rotating Password',
      password: 'First-Password-Long-1',
      assignments: [{ role: 'employee', scopeKind: 'sites', siteIds: [SITES.K7.id] }],
    });
    expect(created.status).toBe(201);
    const phone = await t.signIn('rotating.password@steward.test', 'First-Password-Long-1');
    const laptop = await t.signIn('rotating.password@steward.test', 'First-Password-Long-1');
    const changed = await admin.patch(`/api/users/${created.body.id}`, {
      password: 'Second-Password-Long-2',
      version: created.body.version,
    });
    expect(changed.status).toBe(200);
    expect((await phone.get('/api/home')).status).toBe(401);
    expect((await laptop.get('/api/home')).status).toBe(401);
    const old = await t.anonymous().post('/api/auth/sign-in', {
      email: 'rotating.password@steward.test',
      password: 'First-Password-Long-1',
    });
    expect(old.status).toBe(401);
    await t.signIn('rotating.password@steward.test', 'Second-Password-Long-2');
  });

  it("refuses a deactivated user's API token", async () => {
    const admin = await t.signInAs('groupAdmin');
    const created = await admin.post('/api/users', {
      email: 'leaving.script@steward.test',
      displayName: 'Leaving Script',
      password: 'Leaving-Script-Pass-1',
      assignments: [{ role: 'site_officer', scopeKind: 'sites', siteIds: [SITES.K7.id] }],
    });
    const user = await t.signIn('leaving.script@steward.test', 'Leaving-Script-Pass-1');
    const token = (await user.post('/api/auth/tokens', { name: 'nightly' })).body.token;
    expect((await t.withToken(token).get('/api/people/employees')).status).toBe(200);
    const off = await admin.patch(`/api/users/${created.body.id}`, {
      active: false,
      version: created.body.version,
    });
    expect(off.status).toBe(200);
    expect((await t.withToken(token).get('/api/people/employees')).status).toBe(401);
  });
});

describe(`sign-in throttling (${kind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind, env: { SIGNIN_MAX_FAILURES: '5', SIGNIN_LOCK_MINUTES: '15' } });
  });
  afterAll(async () => t?.close());

  it('locks an account guessed at concurrently: twenty wrong passwords at once count as twenty', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.anonymous().post('/api/auth/sign-in', { email: USERS.medical.email, password: `wrong-guess-${i}` }),
      ),
    );
    expect(attempts.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    const right = await t
      .anonymous()
      .post('/api/auth/sign-in', { email: USERS.medical.email, password: USERS.medical.password });
    expect(right.status, 'the right password after twenty concurrent failures').toBe(429);
  });

  it('answers an unknown account like a wrong password, in about the same time', async () => {
    const time = async (email: string) => {
      const start = performance.now();
      const res = await t.anonymous().post('/api/auth/sign-in', { email, password: 'Not-The-Password-1' });
      return { res, ms: performance.now() - start };
    };
    await time(USERS.board.email); // warm the decoy hash
    const known = await time(USERS.board.email);
    const unknown = await time('nobody.here@steward.test');
    expect(unknown.res.status).toBe(401);
    expect(unknown.res.body.detail).toBe(known.res.body.detail);
    // Both verify an argon2 hash: neither answers in a fraction of the other's time.
    expect(unknown.ms).toBeGreaterThan(known.ms / 4);
    await t.signInAs('board');
  });
});

describe(`sign-in rate limit behind a spoofed X-Forwarded-For (${kind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind, env: { SIGNIN_RATE_PER_MINUTE: '3' } });
  });
  afterAll(async () => t?.close());

  it('counts attempts by the connection, not by a header the client chooses (TRUST_PROXY off)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await t
        .anonymous()
        .post(
          '/api/auth/sign-in',
          { email: USERS.board.email, password: 'wrong-password' },
          { headers: { 'x-forwarded-for': `203.0.113.${i + 1}`, 'x-real-ip': `198.51.100.${i + 1}` } },
        );
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429, 429]);
  });
});

describe(`password policy (${kind})`, () => {
  let t: TestApp;
  let admin: ApiClient;
  beforeAll(async () => {
    t = await createTestApp({ kind });
    admin = await t.signInAs('groupAdmin');
  });
  afterAll(async () => t?.close());

  const create = (email: string, password: string) =>
    admin.post('/api/users', {
      email,
      displayName: 'Policy Test',
      password,
      assignments: [{ role: 'employee', scopeKind: 'sites', siteIds: [SITES.PG.id] }],
    });

  it('refuses short, repetitive and self-naming passwords, on create and on change', async () => {
    const refused: [string, string, RegExp][] = [
      ['short@steward.test', 'Short-Pass1', /at least 12 characters/],
      ['repeat@steward.test', 'aaaaaaaaaaaaaaaaaaaa', /at least 5 different characters/],
      ['abab@steward.test', 'abcdabcdabcdabcd', /at least 5 different characters/],
      ['jonathan.smith@steward.test', 'Jonathan.Smith-2026!', /not containing your email name/],
    ];
    for (const [email, password, reason] of refused) {
      const res = await create(email, password);
      expect(res.status, `${email} / ${password}`).toBe(422);
      expect(res.body.errors[0].path).toBe('password');
      expect(res.body.detail).toMatch(reason);
      expect(res.text).not.toContain(password);
    }
    const tooLong = await create('long@steward.test', 'x'.repeat(300));
    expect([400, 422]).toContain(tooLong.status);
    const ok = await create('passphrase@steward.test', 'correct horse battery staple 職安');
    expect(ok.status).toBe(201);
    const change = await admin.patch(`/api/users/${ok.body.id}`, {
      password: 'too-short',
      version: ok.body.version,
    });
    expect(change.status).toBe(422);
  });

  it('stores argon2id hashes only, and writes no password or hash into the audit log or an answer', async () => {
    const res = await create('hash.only@steward.test', 'Hash-Only-Password-77');
    expect(res.status).toBe(201);
    expect(res.text).not.toContain('Hash-Only-Password-77');
    expect(res.text).not.toMatch(/argon2/);
    const row = await t.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', 'hash.only@steward.test')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await admin.patch(`/api/users/${res.body.id}`, {
      password: 'Hash-Only-Password-88',
      version: res.body.version,
    });
    const audit = JSON.stringify(await t.db.selectFrom('audit_events').selectAll().execute());
    expect(audit).not.toContain('Hash-Only-Password');
    expect(audit).not.toContain('$argon2');
    const user = await admin.get(`/api/users/${res.body.id}`);
    expect(user.text).not.toMatch(/argon2|password_hash|passwordHash/);
  });
});

describe(`uploads (${kind})`, () => {
  let t: TestApp;
  let filesDir: string;
  let actionId: string;
  let officer: ApiClient;
  beforeAll(async () => {
    filesDir = await mkdtemp(path.join(tmpdir(), 'steward-uploads-'));
    t = await createTestApp({ kind, config: { filesDir }, env: { STEWARD_MAX_UPLOAD_MB: '1' } });
    officer = await t.signInAs('k7Officer');
    const action = await officer.post('/api/actions', {
      siteId: SITES.K7.id,
      program: 'ohs',
      kind: 'corrective',
      title: 'Upload target',
      dueDate: '2030-01-01',
    });
    actionId = action.body.id;
  });
  afterAll(async () => {
    await t?.close();
    await rm(filesDir, { recursive: true, force: true });
  });

  const upload = async (name: string, bytes: Buffer | string) => {
    const { body, contentType } = await multipart(name, bytes);
    return officer.post('/api/documents', body, {
      contentType,
      query: { entityType: 'action', entityId: actionId },
    });
  };
  const storedFiles = async () =>
    (await readdir(filesDir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));

  it('keeps every stored file inside the files folder whatever its name, and names it safely', async () => {
    const names = [
      '../../../../tmp/escaped.png',
      '..\\..\\escaped.png',
      '/etc/passwd.png',
      'a/../../b.png',
      '\u0000nul.png',
      '.hidden.png',
      'quote"s.png',
      `${'long'.repeat(100)}.png`,
      'CON.png',
    ];
    for (const name of names) {
      const res = await upload(name, PNG);
      expect(res.status, name).toBe(201);
      const shown: string = res.body.filename;
      // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may reach a header.
      expect(shown, name).not.toMatch(/[\\/"\u0000-\u001f]/);
      expect(shown.startsWith('.'), name).toBe(false);
      expect(shown.length, name).toBeLessThanOrEqual(200);
      const download = await officer.get(`/api/documents/${res.body.id}/download`);
      const disposition = String(download.headers['content-disposition']);
      expect(disposition).toMatch(/^attachment; filename\*=UTF-8''/);
      expect(disposition).not.toMatch(/[\r\n"]/);
    }
    const files = await storedFiles();
    expect(files).toHaveLength(names.length);
    for (const f of files) expect(path.resolve(f).startsWith(path.resolve(filesDir) + path.sep)).toBe(true);
  });

  it('recognises types by content: an executable, a script or an empty file is refused; HTML and SVG are kept as inert text', async () => {
    const before = (await storedFiles()).length;
    const refused: [string, Buffer][] = [
      ['invoice.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 0x90)])],
      ['photo.png', Buffer.from('#!/bin/sh\nrm -rf /\n\u0000')],
      ['empty.png', Buffer.alloc(0)],
      ['archive.zip', Buffer.from('504b0304140000000800', 'hex')],
    ];
    for (const [name, bytes] of refused) {
      const res = await upload(name, bytes);
      expect(res.status, name).toBe(415);
    }
    expect((await storedFiles()).length).toBe(before);
    for (const [name, text] of [
      ['page.html', '<html><script>alert(document.cookie)</script></html>'],
      ['drawing.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    ]) {
      const res = await upload(name, text);
      expect(res.status, name).toBe(201);
      expect(res.body.contentType).toBe('text/plain');
      const download = await officer.get(`/api/documents/${res.body.id}/download`);
      expect(String(download.headers['content-type'])).toMatch(/^text\/plain/);
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(String(download.headers['content-disposition'])).toMatch(/^attachment/);
      expect(String(download.headers['content-security-policy'])).toContain("default-src 'self'");
    }
  });

  it('refuses a file over the limit with 413 and keeps nothing of it, and refuses more than one file', async () => {
    const before = (await storedFiles()).length;
    const big = await upload('big.txt', Buffer.alloc(1024 * 1024 + 1, 0x61));
    expect(big.status).toBe(413);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG)]), 'one.png');
    form.append('file', new Blob([new Uint8Array(PNG)]), 'two.png');
    const request = new Request('http://local/', { method: 'POST', body: form });
    const two = await officer.post('/api/documents', Buffer.from(await request.arrayBuffer()), {
      contentType: request.headers.get('content-type') as string,
      query: { entityType: 'action', entityId: actionId },
    });
    expect(two.status).toBeLessThan(500);
    if (two.status === 201) expect((await storedFiles()).length).toBe(before + 1);
    else expect((await storedFiles()).length).toBe(before);
  });

  it('applies the same checks to imports: content type, size and the file name', async () => {
    const upload = async (name: string, bytes: Buffer | string) => {
      const { body, contentType } = await multipart(name, bytes);
      return officer.post('/api/imports', body, { contentType, query: { kind: 'training_completions' } });
    };
    expect(
      (await upload('completions.csv', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 0x90)]))).status,
    ).toBe(415);
    expect((await upload('completions.csv', PNG)).status).toBe(415);
    const ok = await upload(
      '../../../etc/completions.csv',
      'employee_no,course_code,completed_on\nK7-0001,C-1,2026-01-05\n',
    );
    expect(ok.status).toBe(201);
    expect(ok.body.filename).toBe('completions.csv');
  });
});

describe(`logs of a real server run (${kind})`, () => {
  it('hold no password, session, CSRF, API or calendar token, database password and no health detail', async () => {
    const prepared = await prepareDatabase(kind);
    const env: Record<string, string> = {
      ...prepared.env,
      LOG_LEVEL: 'debug',
      SMTP_URL: 'smtp://mailer:Smtp-Secret-Pass-9@127.0.0.1:1',
    };
    if (env.DATABASE_URL) {
      const url = new URL(env.DATABASE_URL);
      url.password = 'Db-Secret-Pass-7';
      env.DATABASE_URL = url.toString();
    }
    const server = await startSteward(env, { role: kind === 'postgres' ? 'all' : 'web' });
    const secrets: string[] = [
      USERS.groupAdmin.password,
      USERS.medical.password,
      'Db-Secret-Pass-7',
      'Smtp-Secret-Pass-9',
    ];
    try {
      const admin = await new HttpClient(server.url).signIn(
        USERS.groupAdmin.email,
        USERS.groupAdmin.password,
      );
      secrets.push((admin.cookie as string).split('=')[1], admin.csrf as string);
      // A wrong password, a new user with a password, a password change.
      await new HttpClient(server.url).post('/api/auth/sign-in', {
        email: USERS.board.email,
        password: 'Wrong-Board-Guess-1',
      });
      secrets.push('Wrong-Board-Guess-1', 'Created-User-Pass-3', 'Changed-User-Pass-4');
      const user = await admin.post('/api/users', {
        email: 'log.check@steward.test',
        displayName: 'Log Check',
        password: 'Created-User-Pass-3',
        assignments: [{ role: 'employee', scopeKind: 'sites', siteIds: [SITES.K7.id] }],
      });
      expect(user.status).toBe(201);
      await admin.patch(`/api/users/${user.body.id}`, {
        password: 'Changed-User-Pass-4',
        version: user.body.version,
      });
      // An API token, used.
      const token = (await admin.post('/api/auth/tokens', { name: 'log check' })).body.token as string;
      secrets.push(token);
      const script = new HttpClient(server.url);
      script.bearer = token;
      expect((await script.get('/api/people/employees')).status).toBe(200);
      expect((await script.get('/api/people/employees?q=Chen')).status).toBe(200);
      // A calendar feed, fetched by its private URL (the URL is the credential).
      const feed = (await admin.post('/api/obligations/calendar-feed')).body.url as string;
      const feedToken = /feed\/([\w-]+)\.ics$/.exec(feed)?.[1] as string;
      secrets.push(feedToken);
      expect((await fetch(`${server.url}/api/obligations/feed/${feedToken}.ics`)).status).toBe(200);
      // Health data, written and read by the doctor.
      const finding = 'Noise-induced hearing loss 4 kHz notch LOGCHECK';
      secrets.push(finding, 'Audiology referral LOGCHECK');
      const doctor = await new HttpClient(server.url).signIn(USERS.medical.email, USERS.medical.password);
      secrets.push((doctor.cookie as string).split('=')[1]);
      const screening = await doctor.post('/api/ohs/health/screenings', {
        siteId: SITES.K7.id,
        personType: 'employee',
        personId: EMPLOYEES['K7-0003'].id,
        kind: 'special',
        specialHazard: 'noise',
        screenedOn: '2026-01-05',
        managementLevel: 3,
        abnormal: true,
        findings: finding,
        recommendation: 'Audiology referral LOGCHECK',
      });
      expect(screening.status).toBe(201);
      expect((await doctor.get(`/api/ohs/health/screenings/${screening.body.id}`)).status).toBe(200);
      // Refusals: a bad body echoing a password, a forged write.
      await admin.post('/api/users', { email: 'x', password: 'Created-User-Pass-3', assignments: 'no' });
      await fetch(`${server.url}/api/people/employees`, {
        method: 'POST',
        headers: { cookie: admin.cookie as string, 'content-type': 'application/json' },
        body: '{}',
      });
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      await server.stop();
      await prepared.dispose();
    }
    const log = server.output.join('');
    expect(log).toContain('"msg":"incoming request"');
    expect(log).toContain('"url":"/api/obligations/feed/[redacted]"');
    expect(log.split('\n').filter(Boolean).length).toBeGreaterThan(20);
    for (const secret of secrets) {
      const line = log.split('\n').find((l) => l.includes(secret));
      expect(line, `the log holds ${secret.slice(0, 12)}…`).toBeUndefined();
    }
    // Not even in another encoding.
    for (const secret of secrets) expect(log).not.toContain(encodeURIComponent(secret));
  }, 180_000);
});
