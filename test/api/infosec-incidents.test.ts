// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.

import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReminderEngine } from '../../server/platform/notify/reminders.ts';
import { multipart, PNG } from '../security/support/family-kit.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES, USERS } from '../support/fixture.ts';

const START = new Date('2026-03-02T01:00:00Z');
const minutes = (n: number) => new Date(START.getTime() + n * 60_000);

describe.each(databases())('security incidents and their clocks (%s)', (kind) => {
  let t: TestApp;
  let clock = START;
  let admin: ApiClient;
  let officer: ApiClient;
  let ciso: ApiClient;
  let employee: ApiClient;
  /** Sessions time out as the controlled clock moves on: each step signs in again. */
  const signInAll = async () => {
    admin = await t.signInAs('groupAdmin');
    officer = await t.signInAs('k7Officer');
    employee = await t.signInAs('employee');
    ciso = await t.signIn('ciso@steward.test', 'Chief-Security-Pass-1');
  };
  const obligation = async (incidentId: string, kindName: string) =>
    t.db
      .selectFrom('obligations')
      .selectAll()
      .where('source_type', '=', 'infosec_incident')
      .where('source_id', '=', incidentId)
      .where('kind', '=', kindName)
      .executeTakeFirst();

  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => clock });
    admin = await t.signInAs('groupAdmin');
    officer = await t.signInAs('k7Officer');
    employee = await t.signInAs('employee');
    const created = await admin.post('/api/users', {
      email: 'ciso@steward.test',
      displayName: 'Chiu CISO',
      password: 'Chief-Security-Pass-1',
      assignments: [{ role: 'program_owner', program: 'infosec', scopeKind: 'group' }],
    });
    expect(created.status).toBe(201);
    ciso = await t.signIn('ciso@steward.test', 'Chief-Security-Pass-1');
  });
  afterAll(async () => t?.close());

  let incidentId: string;
  it('takes a report from any employee and starts the 1-hour report clock at awareness', async () => {
    clock = START;
    const res = await employee.post('/api/infosec/incidents', {
      siteId: SITES.K7.id,
      title: 'Phishing e-mail opened, link clicked',
      description: 'A message from a look-alike supplier domain asked me to sign in.',
      awareAt: START.toISOString(),
    });
    expect(res.status).toBe(201);
    incidentId = res.body.id;
    expect(res.body.reference).toMatch(/^K7-SEC-2026-0001$/);
    const report = res.body.clocks.find((c: any) => c.clock === 'report');
    expect(report).toMatchObject({
      startEvent: 'awareness',
      dueAt: minutes(60).toISOString(),
      state: 'running',
    });
    const o = await obligation(incidentId, 'infosec.report_clock');
    expect(o?.due_at?.toISOString()).toBe(minutes(60).toISOString());
    expect(o?.state).toBe('open');
    const home = await officer.get('/api/home');
    const item = home.body.attention.find((a: any) => a.kind === 'infosec-unreported-incidents');
    expect(item).toMatchObject({ count: 1, link: '/infosec/incidents' });
  });

  it('escalates the report clock at 61 minutes, not at 60', async () => {
    const engine = createReminderEngine(t.db, null, 'http://localhost', () => clock);
    clock = minutes(60);
    await engine.scan();
    expect((await obligation(incidentId, 'infosec.report_clock'))?.escalated_at).toBeNull();
    clock = minutes(61);
    const scan = await engine.scan();
    expect(scan.escalated).toBeGreaterThanOrEqual(1);
    expect((await obligation(incidentId, 'infosec.report_clock'))?.escalated_at?.toISOString()).toBe(
      minutes(61).toISOString(),
    );
    const escalations = await t.db
      .selectFrom('notification_outbox')
      .select('recipient_id')
      .where('obligation_id', '=', (await obligation(incidentId, 'infosec.report_clock'))?.id as string)
      .where('step', '=', 'escalation')
      .execute();
    expect(escalations.map((e) => e.recipient_id)).toContain(USERS.k7Officer.id);
    // The calendar says overdue the same minute, not from the next day.
    const ciso61 = await t.signIn('ciso@steward.test', 'Chief-Security-Pass-1');
    const overdue = await ciso61.get('/api/obligations', {
      query: { view: 'scope', calendarState: 'overdue', kind: 'infosec.report_clock' },
    });
    expect(overdue.body.items.map((o: any) => o.sourceId)).toEqual([incidentId]);
    expect(overdue.body.items[0].calendarState).toBe('overdue');
    const summary = await ciso61.get('/api/obligations/summary');
    expect(summary.body.overdue).toBeGreaterThanOrEqual(1);
  });

  it('stops the report clock when the report to the CISO office is recorded, and starts the level review', async () => {
    clock = minutes(75);
    await signInAll();
    const before = (await officer.get(`/api/infosec/incidents/${incidentId}`)).body;
    const res = await officer.post(`/api/infosec/incidents/${incidentId}/events`, {
      event: 'ciso_reported',
      at: minutes(70).toISOString(),
      version: before.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.clocks.find((c: any) => c.clock === 'report').state).toBe('missed');
    expect((await obligation(incidentId, 'infosec.report_clock'))?.state).toBe('done');
    const review = await obligation(incidentId, 'infosec.level_review_clock');
    // Not yet classified: the strict hours of levels 3–4 (2 hours after the report).
    expect(review?.due_at?.toISOString()).toBe(minutes(70 + 120).toISOString());
  });

  it('classifies at level 2, then recomputes the clocks on a change to level 3 with its reason', async () => {
    clock = minutes(90);
    await signInAll();
    let view = (await officer.get(`/api/infosec/incidents/${incidentId}`)).body;
    const two = await officer.put(`/api/infosec/incidents/${incidentId}/classification`, {
      impact: {
        confidentiality: null,
        integrity: null,
        availability: { kind: 'core', withinTolerableOutage: true },
      },
      attackVector: 'email',
      functionalImpact: 'low',
      version: view.version,
    });
    expect(two.status).toBe(200);
    expect(two.body.level).toBe(2);
    expect(two.body.status).toBe('triaged');
    expect((await obligation(incidentId, 'infosec.recovery_clock'))?.due_at?.toISOString()).toBe(
      minutes(72 * 60).toISOString(),
    );
    expect((await obligation(incidentId, 'infosec.level_review_clock'))?.due_at?.toISOString()).toBe(
      minutes(70 + 8 * 60).toISOString(),
    );
    view = two.body;
    const three = {
      impact: {
        confidentiality: { kind: 'sensitive', severity: 'minor' },
        integrity: null,
        availability: { kind: 'core', withinTolerableOutage: true },
      },
      version: view.version,
    };
    const noReason = await officer.put(`/api/infosec/incidents/${incidentId}/classification`, three);
    expect(noReason.status).toBe(422);
    expect(JSON.stringify(noReason.body)).toContain('reason');
    const changed = await officer.put(`/api/infosec/incidents/${incidentId}/classification`, {
      ...three,
      reason: 'Customer drawings were in the mailbox that was opened',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.level).toBe(3);
    const recovery = changed.body.clocks.find((c: any) => c.clock === 'recovery');
    expect(recovery).toMatchObject({ startAt: START.toISOString(), dueAt: minutes(36 * 60).toISOString() });
    expect((await obligation(incidentId, 'infosec.recovery_clock'))?.due_at?.toISOString()).toBe(
      minutes(36 * 60).toISOString(),
    );
    expect((await obligation(incidentId, 'infosec.level_review_clock'))?.due_at?.toISOString()).toBe(
      minutes(70 + 120).toISOString(),
    );
    const entry = changed.body.timeline.find((e: any) => e.kind === 'level_changed');
    expect(entry.text).toBe('Customer drawings were in the mailbox that was opened');
    expect(entry.data).toMatchObject({ from: 2, to: 3 });
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'summary', 'summary_key', 'summary_params'])
      .where('entity_id', '=', incidentId)
      .where('action', '=', 'infosec.incident.level_changed')
      .execute();
    expect(audit).toHaveLength(1);
    // The facts of the change, its typed reason among them; the words come from the reader's language.
    expect(audit[0]).toMatchObject({
      summary: null,
      summary_key: 'infosec.audit.levelChanged',
      summary_params: { from: 2, to: 3, reason: 'Customer drawings were in the mailbox that was opened' },
    });
    const stale = await officer.put(`/api/infosec/incidents/${incidentId}/classification`, three);
    expect(stale.status).toBe(409);
  });

  it('escalates the level-3 recovery clock after 36 hours', async () => {
    const engine = createReminderEngine(t.db, null, 'http://localhost', () => clock);
    clock = minutes(36 * 60);
    await engine.scan();
    expect((await obligation(incidentId, 'infosec.recovery_clock'))?.escalated_at).toBeNull();
    clock = minutes(36 * 60 + 1);
    await engine.scan();
    expect((await obligation(incidentId, 'infosec.recovery_clock'))?.escalated_at).not.toBeNull();
  });

  it('keeps evidence files with their SHA-256 and tasks as platform actions linked to the incident', async () => {
    await signInAll();
    const { body, contentType } = await multipart('mail-headers.png', PNG);
    const up = await officer.post('/api/documents', body, {
      contentType,
      query: { entityType: 'infosec_incident', entityId: incidentId },
    });
    expect(up.status).toBe(201);
    expect(up.body.sha256).toBe(createHash('sha256').update(PNG).digest('hex'));
    const task = await officer.post('/api/actions', {
      siteId: SITES.K7.id,
      program: 'infosec',
      kind: 'corrective',
      title: 'Reset the password and revoke the sessions of the mailbox',
      sourceType: 'infosec_incident',
      sourceId: incidentId,
      ownerId: USERS.k7Officer.id,
      dueDate: '2026-03-03',
    });
    expect(task.status).toBe(201);
    const view = (await officer.get(`/api/infosec/incidents/${incidentId}`)).body;
    expect(view.evidenceCount).toBe(1);
    expect(view.actionIds).toEqual([task.body.id]);
    const spil = await t.signInAs('spilOfficer');
    expect(
      (await spil.get('/api/documents', { query: { entityType: 'infosec_incident', entityId: incidentId } }))
        .status,
    ).toBe(404);
  });

  it('hides an incident of one site from the security team of another (404) and lets the auditor change nothing', async () => {
    await signInAll();
    const spil = await t.signInAs('spilOfficer');
    expect((await spil.get(`/api/infosec/incidents/${incidentId}`)).status).toBe(404);
    const list = await spil.get('/api/infosec/incidents');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: any) => i.id)).not.toContain(incidentId);
    expect((await spil.get('/api/infosec/incidents', { query: { siteId: SITES.K7.id } })).status).toBe(404);
    const auditor = await t.signInAs('auditor');
    const seen = await auditor.get(`/api/infosec/incidents/${incidentId}`);
    expect(seen.status).toBe(200);
    const write = await auditor.post(`/api/infosec/incidents/${incidentId}/timeline`, { text: 'x' });
    expect(write.status).toBe(403);
    const report = await auditor.post('/api/infosec/incidents', {
      siteId: SITES.K7.id,
      title: 't',
      description: 'd',
      awareAt: minutes(0).toISOString(),
    });
    expect(report.status).toBe(403);
    const after = await officer.get(`/api/infosec/incidents/${incidentId}`);
    expect(after.body.version).toBe(seen.body.version);
  });

  it('shows a sensitive incident only to the people named on it and the program owner', async () => {
    clock = minutes(3000);
    await signInAll();
    const res = await employee.post('/api/infosec/incidents', {
      siteId: SITES.K7.id,
      title: 'Colleague copying design files to a USB stick',
      description: 'Seen twice this week after hours.',
      awareAt: minutes(2990).toISOString(),
      sensitive: true,
      sensitiveReason: 'insider',
    });
    expect(res.status).toBe(201);
    const id = res.body.id;
    expect((await officer.get(`/api/infosec/incidents/${id}`)).status).toBe(404);
    expect((await admin.get(`/api/infosec/incidents/${id}`)).status).toBe(404);
    expect((await (await t.signInAs('auditor')).get(`/api/infosec/incidents/${id}`)).status).toBe(404);
    const officerList = await officer.get('/api/infosec/incidents', { query: { pageSize: '500' } });
    const officerIds = officerList.body.items.map((i: any) => i.id);
    expect(officerIds).toContain(incidentId);
    expect(officerIds).not.toContain(id);
    expect((await ciso.get(`/api/infosec/incidents/${id}`)).status).toBe(200);
    const cisoList = await ciso.get('/api/infosec/incidents', { query: { pageSize: '500' } });
    expect(cisoList.body.items.map((i: any) => i.id)).toContain(id);
    expect((await employee.get(`/api/infosec/incidents/${id}`)).status).toBe(200);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['summary', 'summary_key', 'summary_params', 'after'])
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(audit.summary_key).toBe('infosec.audit.sensitiveIncidentReported');
    expect(JSON.stringify(audit)).not.toContain('USB stick');
  });

  it('keeps the clock rules as a setting that only group-wide managers change', async () => {
    await signInAll();
    const rules = (await officer.get('/api/infosec/clock-rules')).body;
    expect(rules.reportHours).toBe(1);
    // A site's security team reads them; only the CISO office, group-wide, may change them.
    expect(rules.mayChange).toBe(false);
    expect((await ciso.get('/api/infosec/clock-rules')).body.mayChange).toBe(true);
    expect((await officer.put('/api/infosec/clock-rules', rules)).status).toBe(403);
    const changed = await ciso.put('/api/infosec/clock-rules', { ...rules, reportHours: 2 });
    expect(changed.status).toBe(200);
    const bad = await ciso.put('/api/infosec/clock-rules', { ...rules, levels: rules.levels.slice(0, 3) });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('levels');
    clock = minutes(4000);
    await signInAll();
    const res = await employee.post('/api/infosec/incidents', {
      siteId: SITES.K7.id,
      title: 'Laptop stolen from a car',
      description: 'Encrypted disk, but the VPN certificate was on it.',
      awareAt: minutes(4000).toISOString(),
    });
    expect(res.body.clocks.find((c: any) => c.clock === 'report').dueAt).toBe(minutes(4120).toISOString());
    expect((await ciso.put('/api/infosec/clock-rules', rules)).status).toBe(200);
  });

  it('refuses a report noticed in the future, naming the field', async () => {
    await signInAll();
    const res = await employee.post('/api/infosec/incidents', {
      siteId: SITES.K7.id,
      title: 't',
      description: 'd',
      awareAt: new Date(clock.getTime() + 3_600_000).toISOString(),
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('awareAt');
  });
});
