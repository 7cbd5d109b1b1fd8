// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.

import { once } from 'node:events';
import { createWriteStream, openAsBlob } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { EMPLOYEES, SITES, USERS } from '../support/fixture.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { countCompletions, readProgress } from './support/crash.ts';
import { type PreparedDatabase, prepareDatabase } from './support/databases.ts';
import { HttpClient, type StewardProcess, startSteward } from './support/processes.ts';

/**
 * A group's deployment: two stateless web processes and workers on one PostgreSQL. One web process is
 * killed with SIGKILL under load: every session carries on through the other (sessions live in the
 * database), writes acknowledged by the dead one are there, an import it was committing is reported failed
 * by the survivor, and the scheduled reminder goes out once however many workers run.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('two web processes and workers on one PostgreSQL', () => {
  let prepared: PreparedDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const processes: StewardProcess[] = [];
  let webA: StewardProcess;
  let webB: StewardProcess;
  const report: Record<string, unknown> = {};

  beforeAll(async () => {
    prepared = await prepareDatabase('postgres');
    smtp = await startSmtpServer();
    // A course for the import below.
    const database = await prepared.open();
    try {
      await database.db
        .insertInto('training_courses')
        .values({
          code: 'C-000',
          title: 'Course',
          domain: 'safety',
          audience: 'all_employees',
          hours: '1.00',
        })
        .execute();
    } finally {
      await database.close();
    }
    webA = await startSteward({ ...prepared.env, LOG_LEVEL: 'info' }, { role: 'web' });
    webB = await startSteward({ ...prepared.env, LOG_LEVEL: 'info' }, { role: 'web' });
    processes.push(webA, webB);
  }, 300_000);
  afterAll(async () => {
    for (const p of processes) await p.kill();
    await smtp?.close();
    await prepared?.dispose();
  });

  it('carries every session on through the other web process when one is killed under load, losing no acknowledged write', async () => {
    // Ten users' sessions, opened on A; a load balancer sends each request to A or B.
    const sessions = await Promise.all(
      Array.from({ length: 10 }, () =>
        new HttpClient(webA.url).signIn(USERS.groupAdmin.email, USERS.groupAdmin.password),
      ),
    );
    const acknowledged = new Map<string, string>();
    const errors: string[] = [];
    let aliveA = true;
    let served = { A: 0, B: 0, failedOnA: 0 };
    let stop = false;
    let n = 0;
    const via = (s: HttpClient, base: string) =>
      Object.assign(new HttpClient(base), { cookie: s.cookie, csrf: s.csrf });
    const loop = async (i: number) => {
      const s = sessions[i % sessions.length];
      while (!stop) {
        const k = ++n;
        const useA = aliveA && k % 2 === 0;
        const client = via(s, useA ? webA.url : webB.url);
        try {
          const no = `LB-${i}-${k}`;
          const write = await client.post('/api/people/employees', {
            siteId: SITES.PG.id,
            employeeNo: no,
            fullName: `Balanced ${no}`,
            department: 'Load',
            hireDate: '2025-03-03',
          });
          if (write.status === 201) acknowledged.set(no, write.body.id);
          else errors.push(`${useA ? 'A' : 'B'} POST ${write.status} ${write.text.slice(0, 160)}`);
          const read = await client.get('/api/people/employees?department=Load&pageSize=5');
          if (read.status !== 200) errors.push(`${useA ? 'A' : 'B'} GET ${read.status}`);
          if (useA) served.A++;
          else served.B++;
        } catch (error) {
          // A connection refused or reset by the killed process: the balancer would retry on B.
          if (!useA) errors.push(`B failed: ${(error as Error).message}`);
          else served.failedOnA++;
        }
      }
    };
    const loops = Promise.all(Array.from({ length: 16 }, (_, i) => loop(i)));
    await new Promise((r) => setTimeout(r, 2500));
    const beforeKill = { ...served };
    await webA.kill();
    aliveA = false;
    await new Promise((r) => setTimeout(r, 2500));
    stop = true;
    await loops;
    const afterKill = { A: served.A - beforeKill.A, B: served.B - beforeKill.B };
    report.load = { beforeKill, afterKill, failedOnA: served.failedOnA, acknowledged: acknowledged.size };
    served = { ...served };

    expect(errors).toEqual([]);
    expect(beforeKill.A).toBeGreaterThan(5);
    expect(afterKill.B).toBeGreaterThan(5);
    // Every session opened on A works on B, reads and writes (its CSRF token too).
    for (const s of sessions) {
      const b = via(s, webB.url);
      expect((await b.get('/api/auth/session')).status).toBe(200);
      expect((await b.put('/api/notifications/preferences', { digest: false })).status).toBe(200);
    }
    // Every write acknowledged by either process is in the database once.
    const database = await prepared.open();
    try {
      const rows = await database.db
        .selectFrom('employees')
        .select('employee_no')
        .where('department', '=', 'Load')
        .execute();
      const present = new Set(rows.map((r) => r.employee_no));
      expect([...acknowledged.keys()].filter((no) => !present.has(no))).toEqual([]);
      expect(rows.length).toBe(present.size);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('reports an import that the killed process was committing as failed, through the survivor, with nothing imported', async () => {
    const a = await startSteward({ ...prepared.env, LOG_LEVEL: 'warn' }, { role: 'web' });
    processes.push(a);
    const admin = await new HttpClient(a.url).signIn(USERS.ohsOwner.email, USERS.ohsOwner.password);
    const file = path.join(prepared.dir, 'lb-completions.csv');
    const out = createWriteStream(file);
    out.write('employee_no,course_code,completed_on\n');
    const people = Object.keys(EMPLOYEES);
    for (let i = 0; i < 40_000; i++) {
      const day = new Date(Date.UTC(1990, 0, 1) + Math.floor(i / people.length) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      if (!out.write(`${people[i % people.length]},C-000,${day}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const form = new FormData();
    form.append('file', await openAsBlob(file), 'lb-completions.csv');
    const uploaded = await fetch(`${a.url}/api/imports?kind=training_completions`, {
      method: 'POST',
      headers: { cookie: admin.cookie as string, 'x-csrf-token': admin.csrf as string },
      body: form,
    });
    let job = (await uploaded.json()) as any;
    job = (await admin.post(`/api/imports/${job.id}/validate`, { version: job.version })).body;
    while (job.status === 'validating') job = (await admin.get(`/api/imports/${job.id}`)).body;
    expect(job.status).toBe('valid');
    const before = await countCompletions(admin);
    await admin.post(`/api/imports/${job.id}/commit`, { version: job.version });
    // While A commits, B sees it committing (A holds the run's lock).
    const b = Object.assign(new HttpClient(webB.url), { cookie: admin.cookie, csrf: admin.csrf });
    let read = 0;
    for (;;) {
      read = (await readProgress(a.child.pid as number, prepared.env.STEWARD_FILES_DIR)) ?? 0;
      if (read >= 25) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect((await b.get(`/api/imports/${job.id}`)).body.status).toBe('committing');
    await a.kill();
    let seen = (await b.get(`/api/imports/${job.id}`)).body;
    for (let i = 0; i < 200 && seen.status === 'committing'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      seen = (await b.get(`/api/imports/${job.id}`)).body;
    }
    report.import = { killedAt: `${read}%`, status: seen.status };
    expect(seen.status).toBe('failed');
    expect(seen.message).toMatch(/interrupted/);
    expect(await countCompletions(b)).toBe(before);
  }, 180_000);

  it('runs each scheduled job once across the workers, and never in a web process', async () => {
    const today = localDate(new Date(), SITES.K7.timeZone);
    const officer = await new HttpClient(webB.url).signIn(USERS.k7Officer.email, USERS.k7Officer.password);
    const cert = await officer.post('/api/certifications', {
      standard: 'ISO 45001',
      siteId: SITES.K7.id,
      issuedOn: '2023-12-01',
      validUntil: addDays(today, 30),
    });
    expect(cert.status).toBe(201);
    const env = { ...prepared.env, SMTP_URL: smtp.url, LOG_LEVEL: 'info' };
    const workers = [
      await startSteward(env, { role: 'worker' }),
      await startSteward(env, { role: 'worker' }),
    ];
    processes.push(...workers);
    const deadline = Date.now() + 60_000;
    while (smtp.mails.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    // Every chance for a duplicate.
    await new Promise((r) => setTimeout(r, 4000));
    expect(smtp.mails.map((m) => [m.to, m.subject])).toEqual([
      [[USERS.k7Officer.email], 'Reminder: [K7] Renew ISO 45001 certificate of K7'],
    ]);
    let completedRuns = 0;
    const database = await prepared.open();
    try {
      // One job per tick (the start-up run, and a cron tick if a quarter hour passed), each worked once.
      const ticks = await sql<{ tick: string; n: string; completed: string }>`
        select coalesce(singleton_key, '') || '@' || coalesce(singleton_on::text, created_on::text) as tick, count(*)::text as n,
               count(*) filter (where state = 'completed')::text as completed
        from pgboss.job where name = 'reminders-run' group by 1`.execute(database.db);
      expect(ticks.rows.length).toBeGreaterThanOrEqual(1);
      for (const t of ticks.rows) expect(Number(t.n), t.tick).toBe(1);
      completedRuns = ticks.rows.reduce((n, t) => n + Number(t.completed), 0);
      report.ticks = ticks.rows.map((t) => t.tick);
      const outbox = await database.db
        .selectFrom('notification_outbox')
        .select(['channel', 'status'])
        .orderBy('channel')
        .execute();
      expect(outbox).toEqual([
        { channel: 'email', status: 'sent' },
        { channel: 'inbox', status: 'sent' },
      ]);
    } finally {
      await database.close();
    }
    const doneBy = workers.map(
      (w) =>
        w.output
          .join('')
          .split('\n')
          .filter((l) => l.includes('"job":"reminders-run"')).length,
    );
    expect(doneBy.reduce((a, b) => a + b, 0)).toBe(completedRuns);
    for (const web of [webA, webB])
      expect(web.output.join('')).not.toMatch(/job runner started|"msg":"job done"/);
    report.jobs = { mails: smtp.mails.length, runsPerWorker: doneBy };
    console.log(`Several processes: ${JSON.stringify(report)}`);
  }, 180_000);
});
