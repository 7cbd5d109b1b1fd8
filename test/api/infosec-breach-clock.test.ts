// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

const AWARE = new Date('2026-11-30T01:00:00Z');

describe.each(databases())('the personal-data breach notification clock (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let clock = new Date(AWARE.getTime() + 30 * 60_000);

  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => clock });
    admin = await t.signInAs('groupAdmin');
  });
  afterAll(async () => t?.close());

  const report = async (siteId: string) => {
    const res = await admin.post('/api/infosec/incidents', {
      siteId,
      title: 'Payroll export mailed to an outside address',
      description: 'A spreadsheet of salaries went to a personal mailbox.',
      awareAt: AWARE.toISOString(),
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const classifyAsPrivacy = async (incident: any) => {
    const res = await admin.put(`/api/infosec/incidents/${incident.id}/classification`, {
      impact: {
        confidentiality: { kind: 'general', severity: 'minor' },
        integrity: null,
        availability: null,
      },
      informationImpact: 'privacy',
      version: incident.version,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const breachClock = (view: any) => view.clocks.find((c: any) => c.clock === 'breach_notification');

  it('runs 72 hours from awareness at a Malaysian site once personal data is involved, and stops at the notice', async () => {
    const incident = await report(SITES.PG.id);
    expect(breachClock(incident)).toBeUndefined();
    const classified = await classifyAsPrivacy(incident);
    expect(breachClock(classified)).toMatchObject({
      startEvent: 'awareness',
      dueAt: new Date(AWARE.getTime() + 72 * 3_600_000).toISOString(),
    });
    const obligation = await t.db
      .selectFrom('obligations')
      .select(['due_at', 'state'])
      .where('kind', '=', 'infosec.breach_notification_clock')
      .where('source_id', '=', incident.id)
      .executeTakeFirstOrThrow();
    expect(obligation).toMatchObject({ state: 'open', due_at: new Date(AWARE.getTime() + 72 * 3_600_000) });
    clock = new Date(AWARE.getTime() + 2 * 3_600_000);
    const notified = await admin.post(`/api/infosec/incidents/${incident.id}/events`, {
      event: 'authority_notified',
      version: classified.version,
    });
    expect(notified.status).toBe(200);
    expect(breachClock(notified.body).doneAt).toBe(clock.toISOString());
    const after = await t.db
      .selectFrom('obligations')
      .select('state')
      .where('kind', '=', 'infosec.breach_notification_clock')
      .where('source_id', '=', incident.id)
      .executeTakeFirstOrThrow();
    expect(after.state).toBe('done');
  });

  it('has no clock where the country sets no period until the group adds one, which then applies', async () => {
    clock = new Date(AWARE.getTime() + 30 * 60_000);
    const classified = await classifyAsPrivacy(await report(SITES.K7.id));
    expect(breachClock(classified)).toBeUndefined();
    // The events of the clock are refused on an incident without personal data.
    const other = await report(SITES.K7.id);
    const refused = await admin.post(`/api/infosec/incidents/${other.id}/events`, {
      event: 'breach_assessed',
      version: other.version,
    });
    expect(refused.status).toBe(409);

    const rules = (await admin.get('/api/infosec/clock-rules')).body;
    expect(rules.breachNotification.map((r: any) => r.country)).toEqual(['KR', 'MY', 'SG', 'JP']);
    const bad = await admin.put('/api/infosec/clock-rules', {
      ...rules,
      breachNotification: [...rules.breachNotification, { ...rules.breachNotification[0] }],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('breachNotification');
    const set = await admin.put('/api/infosec/clock-rules', {
      ...rules,
      breachNotification: [
        ...rules.breachNotification,
        { country: 'TW', authority: 'PDPC', period: 3, unit: 'calendar_days', from: 'breach_assessed' },
      ],
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const waiting = breachClock((await admin.get(`/api/infosec/incidents/${classified.id}`)).body);
    expect(waiting).toMatchObject({ startEvent: 'breach_assessed', startAt: null, state: 'waiting' });
    // Assessed on Monday 30 November at 10:00 in Taipei: due by the end of Thursday 3 December there.
    clock = new Date('2026-11-30T03:00:00Z');
    const assessed = await admin.post(`/api/infosec/incidents/${classified.id}/events`, {
      event: 'breach_assessed',
      at: '2026-11-30T02:00:00.000Z',
      version: classified.version,
    });
    expect(assessed.status, JSON.stringify(assessed.body)).toBe(200);
    expect(breachClock(assessed.body).dueAt).toBe('2026-12-03T15:59:59.999Z');
  });

  it('lists a privacy incident with the notice as its next deadline once the other clocks have stopped', async () => {
    clock = new Date(AWARE.getTime() + 3 * 3_600_000);
    let incident = await classifyAsPrivacy(await report(SITES.PG.id));
    for (const event of ['ciso_reported', 'level_reviewed', 'recovered']) {
      const res = await admin.post(`/api/infosec/incidents/${incident.id}/events`, {
        event,
        version: incident.version,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      incident = res.body;
    }
    const list = await admin.get('/api/infosec/incidents', {
      query: { siteId: SITES.PG.id, pageSize: '100' },
    });
    expect(list.status).toBe(200);
    const row = list.body.items.find((i: any) => i.id === incident.id);
    expect(row).toMatchObject({
      nextDueAt: new Date(AWARE.getTime() + 72 * 3_600_000).toISOString(),
      overdue: false,
    });
    expect(row.nextDueAt).toBe(breachClock(incident).dueAt);
  });
});
