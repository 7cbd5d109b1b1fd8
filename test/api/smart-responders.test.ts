// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmartModule } from '../../server/modules/smart/module.ts';
import { startNoticeMail } from '../../server/platform/notify/notice-mail.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { AREAS, SITES, USERS } from '../support/fixture.ts';
import { startSmtpServer } from '../support/smtp.ts';

/** 03:00 UTC: 11:00 at K7 (Asia/Taipei), inside a day shift of 08:00–20:00 and outside a night shift. */
const START = Date.parse('2026-03-02T03:00:00Z');
const MINUTE = 60_000;

describe.each(databases())('alarm responders and escalation (%s)', (kind) => {
  let t: TestApp;
  let clock = START;
  let officer: ApiClient;
  let spil: ApiClient;
  let gateway: ApiClient;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let stopNoticeMail: () => Promise<void>;
  const sensors: Record<string, string> = {};
  const area = AREAS.K7_B1_F3_L2.id;

  const raise = async (tag: string) => {
    const res = await gateway.post('/api/smart/readings', [
      { sensorId: sensors[tag], at: new Date(clock - MINUTE).toISOString(), value: 60 },
    ]);
    expect(res.body.alarmsRaised).toBe(1);
    const list = await officer.get('/api/smart/alarms', { query: { sensorId: sensors[tag] } });
    return list.body.items[0] as any;
  };
  const inboxOf = async (userId: string) =>
    t.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).execute();

  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => new Date(clock) });
    officer = await t.signInAs('k7Officer');
    spil = await t.signInAs('spilOfficer');
    for (const tag of ['K7-T-01', 'K7-T-02', 'K7-T-03']) {
      const res = await officer.post('/api/smart/sensors', {
        siteId: SITES.K7.id,
        areaId: area,
        tag,
        name: `Oven ${tag}`,
        kind: 'temperature',
        unit: '°C',
        limitHH: 50,
      });
      expect(res.status).toBe(201);
      sensors[tag] = res.body.id;
    }
    const token = await officer.post('/api/auth/tokens', { name: 'K7 responders gateway' });
    gateway = t.withToken(token.body.token);
    smtp = await startSmtpServer();
    const log = { error: (facts: object) => console.error(facts) };
    stopNoticeMail = await startNoticeMail(
      t.db,
      t.app.services.signals,
      { smtpUrl: smtp.url, mailFrom: 'Steward <steward@test>', publicUrl: 'http://steward.test' },
      log,
    );
  });
  afterAll(async () => {
    await stopNoticeMail?.();
    await smtp?.close();
    await t?.close();
  });

  it("sets an area's responders with their shifts, audited, and lists them", async () => {
    const res = await officer.put(`/api/smart/areas/${area}/responders`, {
      responders: [
        { userId: USERS.employee.id, shiftStart: '08:00', shiftEnd: '20:00' },
        { userId: USERS.medical.id, shiftStart: '20:00', shiftEnd: '08:00' },
        { userId: USERS.auditor.id },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.timeZone).toBe('Asia/Taipei');
    const listed = await officer.get(`/api/smart/areas/${area}/responders`);
    expect(listed.status).toBe(200);
    expect(listed.body.responders.map((r: any) => [r.userId, r.shiftStart, r.shiftEnd]).sort()).toEqual(
      [
        [USERS.employee.id, '08:00', '20:00'],
        [USERS.medical.id, '20:00', '08:00'],
        [USERS.auditor.id, null, null],
      ].sort(),
    );
    expect(listed.body.responders.every((r: any) => r.name.length > 0)).toBe(true);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'site_id'])
      .where('action', '=', 'smart.responders.set')
      .where('entity_id', '=', area)
      .execute();
    expect(audit).toEqual([{ action: 'smart.responders.set', site_id: SITES.K7.id }]);
  });

  it('refuses a shift with one end, naming the field, and an unknown user', async () => {
    const half = await officer.put(`/api/smart/areas/${area}/responders`, {
      responders: [{ userId: USERS.employee.id, shiftStart: '08:00' }],
    });
    expect(half.status).toBe(400);
    expect(JSON.stringify(half.body)).toContain('shiftEnd');
    const unknown = await officer.put(`/api/smart/areas/${area}/responders`, {
      responders: [{ userId: '00000000-0000-4000-8000-00000000abcd' }],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe('responders');
  });

  it("keeps an area's responders to those who run the program at its site: 404 elsewhere", async () => {
    expect((await spil.get(`/api/smart/areas/${area}/responders`)).status).toBe(404);
    const put = await spil.put(`/api/smart/areas/${area}/responders`, { responders: [] });
    expect(put.status).toBe(404);
    const still = await officer.get(`/api/smart/areas/${area}/responders`);
    expect(still.body.responders).toHaveLength(3);
    const employee = await t.signInAs('employee');
    expect((await employee.get(`/api/smart/areas/${area}/responders`)).status).toBe(403);
  });

  it('notifies a raised alarm to the responders on shift only, in their language', async () => {
    await t.db.updateTable('users').set({ locale: 'zh-TW' }).where('id', '=', USERS.auditor.id).execute();
    const alarm = await raise('K7-T-01');
    const employeeInbox = await inboxOf(USERS.employee.id);
    expect(employeeInbox.map((n) => [n.kind, n.link])).toEqual([
      ['smart-alarm', `/smart/alarms/${alarm.id}`],
    ]);
    expect(await inboxOf(USERS.medical.id)).toEqual([]);
    expect(await inboxOf(USERS.auditor.id)).toHaveLength(1);

    const asEmployee = await t.signInAs('employee');
    const seen = await asEmployee.get('/api/notifications');
    expect(seen.body.items[0].title).toBe('Alarm at K7: High-high: K7-T-01 Oven K7-T-01 (60 °C)');
    const asAuditor = await t.signInAs('auditor');
    const seenZh = await asAuditor.get('/api/notifications');
    expect(seenZh.body.items[0].title).toBe('K7 警報：高高限：K7-T-01 Oven K7-T-01（60 °C）');

    // By email too, sent by the worker when the alarm's transaction commits (its signal, not a clock).
    await expect.poll(() => smtp.mails.length, { timeout: 20_000 }).toBe(2);
    const mailTo = (email: string) => smtp.mails.find((m) => m.to.includes(email));
    expect(mailTo(USERS.employee.email)?.subject).toBe(
      'Alarm at K7: High-high: K7-T-01 Oven K7-T-01 (60 °C)',
    );
    expect(mailTo(USERS.auditor.email)?.subject).toBe('K7 警報：高高限：K7-T-01 Oven K7-T-01（60 °C）');
    expect(mailTo(USERS.employee.email)?.raw).toContain(`http://steward.test/smart/alarms/${alarm.id}`);
    expect(mailTo(USERS.medical.email)).toBeUndefined();

    const detail = await officer.get(`/api/smart/alarms/${alarm.id}`);
    expect(detail.body.escalatedAt).toBeNull();
    expect(detail.body.notified.map((n: any) => [n.userId, n.reason]).sort()).toEqual(
      [
        [USERS.auditor.id, 'responder'],
        [USERS.employee.id, 'responder'],
      ].sort(),
    );
  });

  it('escalates an unacknowledged alarm once after its time, and not an acknowledged one', async () => {
    const waiting = (await officer.get('/api/smart/alarms', { query: { sensorId: sensors['K7-T-01'] } })).body
      .items[0];
    expect(waiting.priority).toBe('high');
    const answered = await raise('K7-T-02');
    const ack = await officer.post(`/api/smart/alarms/${answered.id}/acknowledge`, {
      version: answered.version,
    });
    expect(ack.status).toBe(200);
    const escalation = (t.app.services.modules.smart as SmartModule).responders;

    // The first alarm was raised by a reading a minute before START: a high alarm waits 15 minutes by default.
    clock += 10 * MINUTE;
    expect(await escalation.escalateDue()).toEqual({ escalated: 0 });
    clock += 5 * MINUTE;
    expect(await escalation.escalateDue()).toEqual({ escalated: 1 });
    clock += 30 * MINUTE;
    expect(await escalation.escalateDue()).toEqual({ escalated: 0 });

    const escalated = await officer.get(`/api/smart/alarms/${waiting.id}`);
    expect(escalated.body.escalatedAt).toBe(new Date(START + 15 * MINUTE).toISOString());
    expect(
      escalated.body.notified.filter((n: any) => n.reason === 'escalation').map((n: any) => n.userId),
    ).toEqual([USERS.k7Officer.id]);
    expect((await officer.get(`/api/smart/alarms/${answered.id}`)).body.escalatedAt).toBeNull();
    const officerInbox = await inboxOf(USERS.k7Officer.id);
    expect(officerInbox.map((n) => [n.kind, n.link])).toEqual([
      ['smart-alarm-escalation', `/smart/alarms/${waiting.id}`],
    ]);
    await expect
      .poll(() => smtp.mails.filter((m) => m.to.includes(USERS.k7Officer.email)).length, { timeout: 20_000 })
      .toBe(1);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['entity_id', 'site_id'])
      .where('action', '=', 'smart.alarm.escalated')
      .execute();
    expect(audit).toEqual([{ entity_id: waiting.id, site_id: SITES.K7.id }]);
  });

  it('takes the minutes before escalation from the group setting', async () => {
    const admin = await t.signInAs('groupAdmin');
    const set = await admin.put('/api/smart/escalation-settings', {
      urgent: 2,
      high: 3,
      medium: 10,
      low: 30,
    });
    expect(set.status).toBe(200);
    const alarm = await raise('K7-T-03');
    const escalation = (t.app.services.modules.smart as SmartModule).responders;
    // Raised by a reading a minute old: two minutes since then are short of three.
    clock += MINUTE;
    expect(await escalation.escalateDue()).toEqual({ escalated: 0 });
    clock += MINUTE;
    expect(await escalation.escalateDue()).toEqual({ escalated: 1 });
    expect((await officer.get(`/api/smart/alarms/${alarm.id}`)).body.escalatedAt).not.toBeNull();
    expect(
      (await officer.put('/api/smart/escalation-settings', { urgent: 5, high: 3, medium: 10, low: 30 }))
        .status,
    ).toBe(403);
  });
});
