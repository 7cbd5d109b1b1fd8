import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { EMPLOYEES, USERS } from '../support/fixture.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ROWS = Number(process.env.STRESS_IMPORT_ROWS ?? 1_000_000);
const COURSES = 50;

/** Peak resident memory of a process, in MB (Linux). */
async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

function bar(label: string, percent: number) {
  const width = 40;
  const filled = Math.round((percent / 100) * width);
  process.stderr.write(
    `\r${label.padEnd(11)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)}%`,
  );
}

/**
 * A million training completions through the import pipeline into PostgreSQL, with the server's heap
 * capped at 256 MB: streamed validation and one all-or-nothing commit, with visible progress.
 */
describe('import of a million training completions (PostgreSQL, 256 MB heap)', () => {
  let t: TestApp;
  let dir: string;
  let server: ChildProcess;
  let base: string;

  beforeAll(async () => {
    process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
    t = await createTestApp({ kind: 'postgres' });
    dir = await mkdtemp(path.join(tmpdir(), 'steward-stress-'));
    await t.db
      .insertInto('training_courses')
      .values(
        Array.from({ length: COURSES }, (_, i) => ({
          code: `C-${String(i).padStart(3, '0')}`,
          title: `Course ${i}`,
          domain: i % 2 ? 'safety' : 'cybersecurity',
          audience: 'all_employees',
          hours: '1.50',
        })),
      )
      .execute();

    // Every (person, course, day) once: 20 people × 50 courses × as many days as it takes.
    const people = Object.keys(EMPLOYEES);
    const out = createWriteStream(path.join(dir, 'completions.csv'));
    out.write('employee_no,course_code,completed_on,hours,result\n');
    const start = Date.UTC(2015, 0, 1);
    for (let i = 0; i < ROWS; i++) {
      const person = people[i % people.length];
      const course = Math.floor(i / people.length) % COURSES;
      const day = Math.floor(i / (people.length * COURSES));
      const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
      if (!out.write(`${person},C-${String(course).padStart(3, '0')},${date},1.5,passed\n`))
        await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');

    const port = 20000 + Math.floor(Math.random() * 20000);
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['--max-old-space-size=256', 'cli/steward.ts', 'start'], {
      cwd: ROOT,
      env: {
        ...process.env,
        STEWARD_ROLE: 'web',
        DATABASE_URL: t.database.location,
        PORT: String(port),
        STEWARD_FILES_DIR: dir,
        STEWARD_DEMO: '0',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    for (let i = 0; i < 200; i++) {
      const ok = await fetch(`${base}/api/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('server did not start');
  });

  afterAll(async () => {
    server?.kill('SIGTERM');
    await t?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('validates and commits every row in bounded memory, with progress', async () => {
    const signIn = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: USERS.groupAdmin.email, password: USERS.groupAdmin.password }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken };
    const api = async (method: string, url: string, body?: unknown) => {
      const res = await fetch(`${base}${url}`, {
        method,
        headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
        body: body ? JSON.stringify(body) : undefined,
      });
      return (await res.json()) as Record<string, any>;
    };

    const form = new FormData();
    form.append('file', await openAsBlob(path.join(dir, 'completions.csv')), 'completions.csv');
    const uploaded = await fetch(`${base}/api/imports?kind=training_completions`, {
      method: 'POST',
      headers,
      body: form,
    });
    expect(uploaded.status).toBe(201);
    let job = (await uploaded.json()) as Record<string, any>;

    const follow = async (label: string) => {
      for (;;) {
        job = await api('GET', `/api/imports/${job.id}`);
        bar(label, job.progress);
        if (job.status !== 'validating' && job.status !== 'committing') break;
        await new Promise((r) => setTimeout(r, 500));
      }
      process.stderr.write('\n');
    };

    const began = Date.now();
    job = await api('POST', `/api/imports/${job.id}/validate`, { version: job.version });
    await follow('validating');
    expect(job.status).toBe('valid');
    const validated = Date.now();
    job = await api('POST', `/api/imports/${job.id}/commit`, { version: job.version });
    await follow('committing');
    const committed = Date.now();
    expect(job).toMatchObject({ status: 'done', rowsTotal: ROWS, rowsInserted: ROWS });

    const count = await t.db
      .selectFrom('training_completions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(ROWS);
    const rss = await peakRssMb(server.pid as number);
    console.log(
      `${ROWS} rows: validated in ${((validated - began) / 1000).toFixed(1)} s, committed in ${((committed - validated) / 1000).toFixed(1)} s ` +
        `(${Math.round(ROWS / ((committed - validated) / 1000))} rows/s); server peak RSS ${rss.toFixed(0)} MB with a 256 MB heap cap`,
    );
  });
});
