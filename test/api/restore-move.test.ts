import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/connect.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { verifyStoredFiles } from '../../server/platform/documents/verify.ts';
import { ApiClient } from '../support/app.ts';
import { SITES, seedFixture, USERS } from '../support/fixture.ts';

/**
 * The move an operator makes, with the README's own commands (its blocks are read from README.md and run in a
 * shell, the host, names and paths swapped for the test's): the small fixture and one attached document from
 * PGlite to a new PostgreSQL role and database, served by two web processes, and back to PGlite while they serve.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const SERVER_URL = process.env.TEST_DATABASE_URL;
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const BASE_ENV = { LOG_LEVEL: 'info', STEWARD_DEMO: '0', SIGNIN_RATE_PER_MINUTE: '1000' };

/** The shell lines of the README's block after `<!-- marker -->`. */
function readmeBlock(marker: string): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf(`<!-- ${marker} -->`);
  if (at === -1) throw new Error(`README.md has no <!-- ${marker} --> block`);
  const block = /```sh\n([\s\S]*?)\n\s*```/.exec(readme.slice(at));
  if (!block) throw new Error(`no sh block after <!-- ${marker} -->`);
  return block[1]
    .split('\n')
    .map((l) => l.trim())
    .join('\n');
}

type Run = { code: number; out: string };

/** Runs a script in sh -e from the Steward folder, as an operator pastes it. */
function shell(script: string, env: Record<string, string | undefined>): Promise<Run> {
  return new Promise((resolve) => {
    const fullEnv: NodeJS.ProcessEnv = { ...process.env, ...BASE_ENV };
    delete fullEnv.DATABASE_URL;
    delete fullEnv.STEWARD_FILES_DIR;
    delete fullEnv.STEWARD_DATA_DIR;
    for (const [k, v] of Object.entries(env)) if (v !== undefined) fullEnv[k] = v;
    const child = spawn('sh', ['-ec', script], { cwd: ROOT, env: fullEnv });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

const swap = (script: string, pairs: [string, string][]) =>
  pairs.reduce((s, [from, to]) => s.replaceAll(from, to), script);

type Web = { child: ChildProcess; base: string; log: () => string };

function startWeb(env: Record<string, string>): Web {
  const port = 32_000 + Math.floor(Math.random() * 2000);
  const child = spawn(process.execPath, ['cli/steward.ts', 'start'], {
    cwd: ROOT,
    env: { ...process.env, ...BASE_ENV, STEWARD_ROLE: 'web', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  return { child, base: `http://127.0.0.1:${port}`, log: () => log };
}

async function waitReady(web: Web) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${web.base}/api/ready`).catch(() => null);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${web.base} did not become ready:\n${web.log().slice(-2000)}`);
}

async function signIn(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  const cookie = /steward_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

const download = (base: string, id: string, session: string) =>
  fetch(`${base}/api/documents/${id}/download`, { headers: { cookie: `steward_session=${session}` } });

async function stop(web: Web | undefined) {
  if (!web || web.child.exitCode !== null) return;
  const exited = new Promise((r) => web.child.once('exit', r));
  web.child.kill('SIGTERM');
  await exited;
}

describe.skipIf(!SERVER_URL)('moving a group with the README commands (PGlite → PostgreSQL → PGlite)', () => {
  const name = `steward_move_${randomBytes(4).toString('hex')}`;
  const server = new URL(SERVER_URL ?? 'postgres://localhost');
  const groupUrl = `postgres://${name}:change-me@${server.hostname}:${server.port || '5432'}/${name}`;
  let work: string;
  let sourceData: string;
  let groupFiles: string;
  let documentId: string;
  let oldSession: string;
  const webs: Web[] = [];

  /** The README's names and paths, as this test has them. */
  const pairs = (): [string, string][] => [
    ['postgres://steward:change-me@db.internal:5432/steward', groupUrl],
    ['-h db.internal -U postgres', `-h ${server.hostname} -p ${server.port || '5432'} -U ${server.username}`],
    ['create role steward ', `create role ${name} `],
    ['create database steward owner steward', `create database ${name} owner ${name}`],
    ['/srv/steward/files', groupFiles],
    ['steward-group.tar.gz', path.join(work, 'steward-group.tar.gz')],
    ['steward.tar.gz', path.join(work, 'steward.tar.gz')],
    ['data-restored', path.join(work, 'data-restored')],
  ];

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'steward-move-'));
    sourceData = path.join(work, 'source-data');
    groupFiles = path.join(work, 'shared-files');
    // The single server on PGlite: the fixture, an action and one attached document, a signed-in user.
    const database = await openDatabase({ dataDir: sourceData });
    try {
      await migrateToLatest(database.db);
      await seedFixture(database.db);
      const config = loadConfig({ ...BASE_ENV, LOG_LEVEL: 'silent', STEWARD_DATA_DIR: sourceData });
      const app = await buildApp({ database, config, logger: false });
      await app.ready();
      const officer = new ApiClient(app);
      const signedIn = await officer.post('/api/auth/sign-in', {
        email: USERS.k7Officer.email,
        password: USERS.k7Officer.password,
      });
      expect(signedIn.status).toBe(200);
      officer.csrfToken = signedIn.body.csrfToken;
      const action = await officer.post('/api/actions', {
        siteId: SITES.K7.id,
        program: 'ohs',
        kind: 'corrective',
        title: 'Guard the press brake on line 3',
        sourceType: 'incident',
        sourceId: 'INC-2026-0042',
        ownerId: USERS.employee.id,
        dueDate: '2030-01-31',
      });
      expect(action.status).toBe(201);
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(PNG)]), 'guard.png');
      const request = new Request('http://local/', { method: 'POST', body: form });
      const uploaded = await officer.post('/api/documents', Buffer.from(await request.arrayBuffer()), {
        contentType: request.headers.get('content-type') as string,
        query: { entityType: 'action', entityId: action.body.id },
      });
      expect(uploaded.status).toBe(201);
      documentId = uploaded.body.id;
      oldSession = officer.sessionToken as string;
      await app.close();
    } finally {
      await database.close();
    }
  }, 120_000);

  afterAll(async () => {
    for (const web of webs) await stop(web);
    const admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    try {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`drop role if exists ${name}`);
    } finally {
      await admin.end();
    }
    if (work) await rm(work, { recursive: true, force: true });
  }, 60_000);

  it('backs up PGlite, creates the role and database, and restores into it with the shared files folder', async () => {
    const backup = await shell(swap(readmeBlock('move:backup'), pairs()), { STEWARD_DATA_DIR: sourceData });
    expect(backup.out).toMatch(/Backup written to .*1 files/);
    expect(backup.code).toBe(0);
    // Sessions are not in the archive.
    const list = await shell(`tar -tzf ${path.join(work, 'steward.tar.gz')}`, {});
    expect(list.out).toMatch(/tables\/\d+_users\.jsonl/);
    expect(list.out).not.toMatch(/\/\d+_sessions\.jsonl/);
    expect(list.out).toMatch(/\/\d+_training_sessions\.jsonl/);

    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const psqlLines = readme.split('\n').filter((l) => l.trim().startsWith('psql -h db.internal'));
    expect(psqlLines).toHaveLength(2);
    const created = await shell(swap(psqlLines.map((l) => l.trim()).join('\n'), pairs()), {});
    expect(created.code, created.out).toBe(0);

    // Without STEWARD_FILES_DIR the files would land where no web process looks: refused, nothing written.
    const refused = await shell('npm run steward -- restore "$ARCHIVE"', {
      DATABASE_URL: groupUrl,
      ARCHIVE: path.join(work, 'steward.tar.gz'),
    });
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/holds 1 stored files, and STEWARD_FILES_DIR is not set/);
    const probe = new pg.Client({ connectionString: groupUrl });
    await probe.connect();
    try {
      const tables = await probe.query(
        `select count(*)::int as n from pg_tables where schemaname = 'public'`,
      );
      expect(tables.rows[0].n).toBe(0);
    } finally {
      await probe.end();
    }

    const restored = await shell(swap(readmeBlock('move:restore'), pairs()), {});
    expect(restored.out).toContain(`1 stored files written to ${groupFiles}`);
    expect(restored.out).toMatch(/0 broken/);
    expect(restored.code).toBe(0);
    expect(await readFile(path.join(groupFiles, await storageKey(groupUrl, documentId)))).toEqual(PNG);
  }, 180_000);

  it('serves the document from two web processes; a sign-in of the old server is not valid', async () => {
    const env = { DATABASE_URL: groupUrl, STEWARD_FILES_DIR: groupFiles };
    webs.push(startWeb(env), startWeb(env));
    await Promise.all(webs.map(waitReady));
    for (const web of webs) {
      const ready = await (await fetch(`${web.base}/api/ready`)).json();
      expect(ready).toMatchObject({ ready: true, database: 'postgres', files: 'ok' });
      expect((await download(web.base, documentId, oldSession)).status).toBe(401);
    }
    const session = await signIn(webs[0].base, USERS.k7Officer.email, USERS.k7Officer.password);
    for (const web of webs) {
      const res = await download(web.base, documentId, session);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
    }
  }, 180_000);

  it('names a missing stored file in the answer, the log, /api/ready and steward files verify', async () => {
    const file = path.join(groupFiles, await storageKey(groupUrl, documentId));
    const kept = path.join(work, 'kept.png');
    await copyFile(file, kept);
    await rm(file);
    const session = await signIn(webs[1].base, USERS.k7Officer.email, USERS.k7Officer.password);
    const res = await download(webs[1].base, documentId, session);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await res.json();
    expect(problem).toMatchObject({ title: 'Stored file missing', documentId });
    expect(problem.type).toMatch(/\/stored-file-missing$/);
    expect(problem.detail).toContain('"guard.png" is missing from the files folder');
    await new Promise((r) => setTimeout(r, 200));
    expect(webs[1].log()).toMatch(/"documentId":"[^"]+".*the stored file of a document is missing/);
    expect(webs[1].log()).toContain(file);

    const ready = await fetch(`${webs[0].base}/api/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, files: 'incomplete' });

    const env = { DATABASE_URL: groupUrl, STEWARD_FILES_DIR: groupFiles };
    const verify = await shell('npm run steward -- files verify', env);
    expect(verify.code).toBe(1);
    expect(verify.out).toContain(`MISSING document ${documentId} "guard.png"`);
    expect(verify.out).toContain('1 document(s) checked');

    await copyFile(kept, file);
    const fixed = await shell('npm run steward -- files verify', env);
    expect(fixed.out).toContain('0 with a missing or different file');
    expect(fixed.code).toBe(0);
    expect((await fetch(`${webs[0].base}/api/ready`)).status).toBe(200);
  }, 120_000);

  it('moves back to PGlite while the group serves; the restored system has no session of the group', async () => {
    const groupSession = await signIn(webs[0].base, USERS.k7Officer.email, USERS.k7Officer.password);
    expect((await download(webs[0].base, documentId, groupSession)).status).toBe(200);
    const back = await shell(swap(readmeBlock('move:back'), pairs()), {
      DATABASE_URL: groupUrl,
      STEWARD_FILES_DIR: groupFiles,
    });
    expect(back.out).toMatch(/Restore complete: .* 1 files/);
    expect(back.code).toBe(0);

    const restoredDir = path.join(work, 'data-restored');
    const database = await openDatabase({ dataDir: restoredDir });
    try {
      const sessions = await database.db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(sessions.n)).toBe(0);
      const report = await verifyStoredFiles(database.db, path.join(restoredDir, 'files'));
      expect(report).toEqual({ checked: 1, problems: [] });
    } finally {
      await database.close();
    }

    const single = startWeb({ STEWARD_ROLE: 'all', STEWARD_DATA_DIR: restoredDir });
    webs.push(single);
    await waitReady(single);
    expect((await download(single.base, documentId, groupSession)).status).toBe(401);
    const session = await signIn(single.base, USERS.k7Officer.email, USERS.k7Officer.password);
    const res = await download(single.base, documentId, session);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
  }, 180_000);
});

async function storageKey(url: string, id: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const row = await client.query('select storage_key from documents where id = $1', [id]);
    return row.rows[0].storage_key;
  } finally {
    await client.end();
  }
}
