import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { createMailer } from '../../server/platform/notify/mailer.ts';
import { createReminderEngine } from '../../server/platform/notify/reminders.ts';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES, USERS } from '../support/fixture.ts';
import { startSmtpServer } from '../support/smtp.ts';

// The clock starts at the real time (session cookies are judged by it) and moves forward only.
const START = new Date();
const TODAY = localDate(START, 'Asia/Taipei');
let clock = START;
const now = () => clock;

describe.each(databases())('certifications, obligations and reminders (%s)', (kind) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let certId: string;

  beforeAll(async () => {
    clock = START;
    t = await createTestApp({ kind, now });
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const engine = () =>
    createReminderEngine(t.db, createMailer(smtp.url, 'Steward <steward@test>'), 'http://steward.test', now);

  it('registers a certificate and opens its renewal obligation', async () => {
    const officer = await t.signInAs('k7Officer');
    const res = await officer.post('/api/certifications', {
      standard: 'ISO 45001',
      siteId: SITES.K7.id,
      certificateNo: 'TW-45001-0042',
      issuer: 'SGS',
      issuedOn: '2023-12-22',
      validUntil: addDays(TODAY, 30),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      standard: 'ISO 45001',
      siteCode: 'K7',
      status: 'expiring',
      daysLeft: 30,
    });
    certId = res.body.id;

    const list = await officer.get('/api/obligations', { query: { view: 'scope' } });
    expect(list.status).toBe(200);
    const obligation = list.body.items.find((o: { sourceId: string }) => o.sourceId === certId);
    expect(obligation).toMatchObject({
      kind: 'certification.renewal',
      dueDate: addDays(TODAY, 30),
      calendarState: 'due-soon',
      siteCode: 'K7',
      state: 'open',
    });
  });

  it('refuses an invalid certificate with a problem document and stores nothing', async () => {
    const officer = await t.signInAs('k7Officer');
    const before = await officer.get('/api/certifications');
    const res = await officer.post('/api/certifications', {
      standard: 'ISO 45001',
      siteId: SITES.K7.id,
      issuedOn: '2024-02-30',
      validUntil: '2023-01-01',
    });
    expect(res.status).toBe(400);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    const after = await officer.get('/api/certifications');
    expect(after.body.total).toBe(before.body.total);
  });

  it('scopes certificates by site: another site officer gets 404, an employee of the site 403', async () => {
    const spil = await t.signInAs('spilOfficer');
    expect((await spil.get(`/api/certifications/${certId}`)).status).toBe(404);
    expect((await spil.get('/api/certifications')).body.items.map((c: { id: string }) => c.id)).not.toContain(
      certId,
    );
    const employee = await t.signInAs('employee');
    expect((await employee.get(`/api/certifications/${certId}`)).status).toBe(403);
  });

  it('shows another program’s owner every certificate it lists, and lets only the certificate’s program change it', async () => {
    const admin = await t.signInAs('groupAdmin');
    const created = await admin.post('/api/users', {
      email: 'ip.reader@steward.test',
      displayName: 'Ira Patent',
      password: 'Patent-Reader-Pass-2',
      assignments: [{ role: 'program_owner', program: 'ip', scopeKind: 'group' }],
    });
    expect(created.status, created.text).toBe(201);
    const ipOwner = await t.signIn('ip.reader@steward.test', 'Patent-Reader-Pass-2');
    const listed = await ipOwner.get('/api/certifications', { query: { pageSize: 500 } });
    expect(listed.status).toBe(200);
    const ids = listed.body.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(certId);
    // Every certificate of the list opens, with its history: one rule for the list and the record.
    for (const id of ids) {
      expect((await ipOwner.get(`/api/certifications/${id}`)).status, id).toBe(200);
      expect((await ipOwner.get(`/api/certifications/${id}/history`)).status, id).toBe(200);
    }
    // Changing the OHS certificate stays with the OHS program.
    const current = await ipOwner.get(`/api/certifications/${certId}`);
    const change = await ipOwner.patch(`/api/certifications/${certId}`, {
      issuer: 'Changed by IP',
      version: current.body.version,
    });
    expect(change.status).toBe(403);
    expect((await ipOwner.get(`/api/certifications/${certId}`)).body.issuer).toBe('SGS');
  });

  it('sends exactly one email and one inbox item to the site officer, however often the engine runs', async () => {
    const first = await engine().scan();
    expect(first.queued).toBe(2);
    await engine().deliver();
    await engine().scan();
    await engine().deliver();
    const toOfficer = smtp.mails.filter((m) => m.to.includes(USERS.k7Officer.email));
    expect(toOfficer).toHaveLength(1);
    expect(toOfficer[0].subject).toBe('Reminder: [K7] Renew ISO 45001 certificate of K7');
    expect(smtp.mails).toHaveLength(1);

    const officer = await t.signInAs('k7Officer');
    const inbox = await officer.get('/api/notifications');
    expect(inbox.body.items).toHaveLength(1);
    expect(inbox.body.items[0]).toMatchObject({
      title: 'Reminder: [K7] Renew ISO 45001 certificate of K7',
      readAt: null,
    });
    expect((await officer.get('/api/notifications/unread-count')).body).toEqual({ unread: 1 });
    expect((await officer.post(`/api/notifications/${inbox.body.items[0].id}/read`)).status).toBe(200);
    expect((await officer.get('/api/notifications/unread-count')).body).toEqual({ unread: 0 });
    // Nobody else was told.
    const spil = await t.signInAs('spilOfficer');
    expect((await spil.get('/api/notifications')).body.total).toBe(0);
  });

  it('writes reminders in the recipient language', async () => {
    await t.db.updateTable('users').set({ locale: 'zh-TW' }).where('id', '=', USERS.k7Officer.id).execute();
    clock = new Date(START.getTime() + 23 * 86_400_000);
    try {
      await engine().scan();
      await engine().deliver();
      const latest = smtp.mails.at(-1);
      // The obligation's title too: a message rendered in the recipient's language when sent.
      expect(latest?.subject).toBe('提醒：[K7] 更新 K7 的 ISO 45001 證書');
    } finally {
      clock = START;
      await t.db.updateTable('users').set({ locale: 'en' }).where('id', '=', USERS.k7Officer.id).execute();
    }
  });

  it('words an inbox reminder in the language of its reader when read, whatever it was sent in', async () => {
    // One reminder was sent while the officer read English, one while Chinese.
    const english = await t.signInAs('k7Officer');
    const inEnglish = (await english.get('/api/notifications', { query: { pageSize: 10 } })).body.items;
    expect(inEnglish).toHaveLength(2);
    expect(inEnglish.map((n: { title: string }) => n.title)).toEqual([
      'Reminder: [K7] Renew ISO 45001 certificate of K7',
      'Reminder: [K7] Renew ISO 45001 certificate of K7',
    ]);
    await t.db.updateTable('users').set({ locale: 'zh-TW' }).where('id', '=', USERS.k7Officer.id).execute();
    try {
      const chinese = await t.signInAs('k7Officer');
      const inChinese = (await chinese.get('/api/notifications', { query: { pageSize: 10 } })).body.items;
      expect(inChinese.map((n: { title: string }) => n.title)).toEqual([
        '提醒：[K7] 更新 K7 的 ISO 45001 證書',
        '提醒：[K7] 更新 K7 的 ISO 45001 證書',
      ]);
      expect(inChinese[0].body).toMatch(/^\[K7\] 更新 K7 的 ISO 45001 證書 將於 \d+ 天後到期/);
    } finally {
      await t.db.updateTable('users').set({ locale: 'en' }).where('id', '=', USERS.k7Officer.id).execute();
    }
  });

  it('renews a certificate: the old one is superseded and its obligation done, the new one opens its own', async () => {
    const officer = await t.signInAs('k7Officer');
    const renewal = await officer.post('/api/certifications', {
      standard: 'ISO 45001',
      siteId: SITES.K7.id,
      certificateNo: 'TW-45001-0099',
      issuedOn: addDays(TODAY, -5),
      validUntil: addDays(TODAY, 3 * 365),
      previousId: certId,
    });
    expect(renewal.status).toBe(201);
    expect(renewal.body.status).toBe('valid');
    const old = await officer.get(`/api/certifications/${certId}`);
    expect(old.body).toMatchObject({ status: 'superseded', supersededById: renewal.body.id });
    const history = await officer.get(`/api/certifications/${renewal.body.id}/history`);
    expect(history.body.items.map((c: { id: string }) => c.id)).toEqual([renewal.body.id, certId]);

    const obligations = (await officer.get('/api/obligations', { query: { view: 'scope', pageSize: 100 } }))
      .body.items;
    expect(obligations.find((o: { sourceId: string }) => o.sourceId === certId)?.state).toBe('done');
    expect(obligations.find((o: { sourceId: string }) => o.sourceId === renewal.body.id)?.state).toBe('open');

    const twice = await officer.post('/api/certifications', {
      standard: 'ISO 45001',
      siteId: SITES.K7.id,
      issuedOn: TODAY,
      validUntil: addDays(TODAY, 365),
      previousId: certId,
    });
    expect(twice.status).toBe(422);

    const matrix = await officer.get('/api/certifications/matrix');
    const k7 = matrix.body.rows.find((r: { holderCode: string }) => r.holderCode === 'K7');
    expect(k7.cells['ISO 45001']).toMatchObject({ id: renewal.body.id, status: 'valid' });
  });

  it('keeps the certificate file with the certificate: the officer attaches it, readers download it, others get 404', async () => {
    const officer = await t.signInAs('k7Officer');
    const form = new FormData();
    form.append('file', new Blob([new TextEncoder().encode('%PDF-1.4\n%certificate\n')]), 'ISO 45001 K7.pdf');
    const request = new Request('http://local/', { method: 'POST', body: form });
    const body = Buffer.from(await request.arrayBuffer());
    const contentType = request.headers.get('content-type') as string;
    const target = { entityType: 'certification', entityId: certId };
    const added = await officer.post('/api/documents', body, { contentType, query: target });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      entityType: 'certification',
      filename: 'ISO 45001 K7.pdf',
      contentType: 'application/pdf',
    });
    const auditor = await t.signInAs('auditor');
    expect((await auditor.get('/api/documents', { query: target })).body.items).toHaveLength(1);
    expect((await auditor.get(`/api/documents/${added.body.id}/download`)).status).toBe(200);
    expect((await auditor.post('/api/documents', body, { contentType, query: target })).status).toBe(403);
    const spil = await t.signInAs('spilOfficer');
    expect((await spil.get('/api/documents', { query: target })).status).toBe(404);
  });

  it('escalates an overdue obligation to the site officers once', async () => {
    const officer = await t.signInAs('k7Officer');
    const cert = await officer.post('/api/certifications', {
      standard: 'ISO 27001',
      siteId: SITES.K7.id,
      issuedOn: '2023-01-01',
      validUntil: addDays(TODAY, -3),
      ownerId: USERS.employee.id,
    });
    expect(cert.status).toBe(201);
    expect(cert.body.status).toBe('expired');
    const result = await engine().scan();
    expect(result.escalated).toBe(1);
    expect((await engine().scan()).escalated).toBe(0);
    await engine().deliver();
    const escalations = smtp.mails.filter((m) => m.subject.startsWith('Escalated:'));
    expect(escalations.map((m) => m.to)).toEqual([[USERS.k7Officer.email]]);
    const overdue = smtp.mails.filter((m) => m.subject.startsWith('Overdue:'));
    expect(overdue.map((m) => m.to)).toEqual([[USERS.employee.email]]);
  });

  it('lets the owner complete an obligation, refusing a stale version with 409', async () => {
    const employee = await t.signInAs('employee');
    const mine = await employee.get('/api/obligations', { query: { view: 'mine' } });
    expect(mine.body.items).toHaveLength(1);
    const o = mine.body.items[0];
    expect(o.calendarState).toBe('overdue');
    const done = await employee.post(`/api/obligations/${o.id}/complete`, { version: o.version });
    expect(done.status).toBe(200);
    expect(done.body.state).toBe('done');
    const stale = await employee.post(`/api/obligations/${o.id}/complete`, { version: o.version });
    expect(stale.status).toBe(409);
    // 'open' lists what is not done yet, whatever its calendar state; the done one has left it.
    const open = await employee.get('/api/obligations', { query: { view: 'mine', calendarState: 'open' } });
    expect(open.body.total).toBe(0);
    const doneList = await employee.get('/api/obligations', {
      query: { view: 'mine', calendarState: 'done' },
    });
    expect(doneList.body.items.map((x: { id: string }) => x.id)).toEqual([o.id]);
  });

  it('serves a private iCalendar feed of the user obligations', async () => {
    const officer = await t.signInAs('k7Officer');
    const certs = (await officer.get('/api/certifications')).body.items;
    const current = certs.find((c: { standard: string }) => c.standard === 'ISO 45001');
    const patched = await officer.patch(`/api/certifications/${current.id}`, {
      version: current.version,
      ownerId: USERS.k7Officer.id,
    });
    expect(patched.status).toBe(200);
    const feed = await officer.post('/api/obligations/calendar-feed');
    expect(feed.status).toBe(200);
    const path = new URL(feed.body.url).pathname;
    const ics = await t.anonymous().get(path);
    expect(ics.status).toBe(200);
    expect(String(ics.headers['content-type'])).toContain('text/calendar');
    expect(ics.text).toContain('BEGIN:VCALENDAR');
    expect(ics.text).toContain('SUMMARY:[K7] Renew');
    const replaced = await officer.post('/api/obligations/calendar-feed');
    expect(new URL(replaced.body.url).pathname).not.toBe(path);
    expect((await t.anonymous().get(path)).status).toBe(404);
  });
});
