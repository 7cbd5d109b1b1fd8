import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { SITES, USERS } from '../support/fixture.ts';
import { startSmtpServer } from '../support/smtp.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Two worker processes against one PostgreSQL: each reminder goes out exactly once. */
describe.skipIf(!process.env.TEST_DATABASE_URL)('two worker processes on PostgreSQL', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const workers: { child: ChildProcess; output: string[] }[] = [];

  beforeAll(async () => {
    t = await createTestApp({ kind: 'postgres' });
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    for (const w of workers) w.child.kill('SIGKILL');
    await smtp?.close();
    await t?.close();
  });

  it('sends one email for a certificate expiring in 30 days, with two workers running', async () => {
    const officer = await t.signInAs('k7Officer');
    const today = localDate(new Date(), SITES.K7.timeZone);
    const cert = await officer.post('/api/certifications', {
      standard: 'ISO 45001',
      siteId: SITES.K7.id,
      issuedOn: '2023-12-01',
      validUntil: addDays(today, 30),
    });
    expect(cert.status).toBe(201);

    for (let i = 0; i < 2; i++) {
      const child = spawn(process.execPath, ['cli/steward.ts', 'start'], {
        cwd: ROOT,
        env: {
          ...process.env,
          STEWARD_ROLE: 'worker',
          DATABASE_URL: t.database.location,
          SMTP_URL: smtp.url,
          STEWARD_DEMO: '0',
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const output: string[] = [];
      child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
      child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
      workers.push({ child, output });
    }

    const deadline = Date.now() + 60_000;
    while (smtp.mails.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    // Give the second worker every chance to send a duplicate.
    await new Promise((r) => setTimeout(r, 4000));

    for (const w of workers) expect(w.output.join('')).toContain('job runner started');
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0].to).toEqual([USERS.k7Officer.email]);
    expect(smtp.mails[0].subject).toBe('Reminder: [K7] Renew ISO 45001 certificate of K7');

    const officerInbox = await officer.get('/api/notifications');
    expect(officerInbox.body.total).toBe(1);
    const outbox = await t.db
      .selectFrom('notification_outbox')
      .select(['channel', 'status'])
      .orderBy('channel')
      .execute();
    expect(outbox).toEqual([
      { channel: 'email', status: 'sent' },
      { channel: 'inbox', status: 'sent' },
    ]);
  }, 90_000);
});
