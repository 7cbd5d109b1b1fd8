// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are whatever the API sent; tests assert on them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../server/platform/notify/mailer.ts';
import { createReminderEngine } from '../../server/platform/notify/reminders.ts';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { EMPLOYEES, SITES, USERS } from '../support/fixture.ts';

const KIND = 'ohs.health_followup';
const NOW = new Date('2026-06-15T02:00:00Z');
/** The figures of the obligation summary (none in a refusal). */
const counts = (b: any) => [b.overdue, b.dueSoon, b.upcoming, b.doneThisYear];
const OTHERS = ['ohsOwner', 'k7Officer', 'auditor', 'board', 'groupAdmin', 'employee'] as const;

/**
 * A health record's follow-up is itself health information: only medical staff see it, act on it and are
 * reminded of it. To everyone else it does not exist, in any list, count, feed or export.
 */
describe.each(databases())('health follow-ups are for medical staff only (%s)', (kind) => {
  let t: TestApp;
  let obligationId: string;
  const before = new Map<string, unknown>();

  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => NOW });
    // Another obligation of K7, so that the calendars are not empty.
    await t.db
      .insertInto('obligations')
      .values({
        kind: 'action.due',
        source_type: 'action',
        source_id: '00000000-0000-4000-8000-00000000a001',
        site_id: SITES.K7.id,
        program: 'ohs',
        owner_id: null,
        title: 'Guard the press brake',
        due_date: '2026-07-01',
      })
      .execute();
    // What the others see before the follow-up exists: it must not change once it does.
    for (const user of OTHERS) {
      const client = await t.signInAs(user);
      before.set(user, {
        summary: counts((await client.get('/api/obligations/summary')).body),
        home: (await client.get('/api/home')).body.attention,
        scope: (await client.get('/api/obligations', { query: { view: 'scope', pageSize: 200 } })).body.total,
      });
    }
    const doctor = await t.signInAs('medical');
    const res = await doctor.post('/api/ohs/health/screenings', {
      siteId: SITES.K7.id,
      personType: 'employee',
      personId: EMPLOYEES['K7-0003'].id,
      kind: 'general',
      screenedOn: '2026-06-01',
      abnormal: true,
      findings: 'Raised blood pressure',
    });
    expect(res.status).toBe(201);
    const row = await t.db
      .selectFrom('obligations')
      .select(['id', 'title', 'title_key', 'title_params', 'owner_id'])
      .where('kind', '=', KIND)
      .executeTakeFirstOrThrow();
    // A message, not a sentence: it names no health detail in any language.
    expect(row).toMatchObject({
      title: null,
      title_key: 'ohs.obligation.healthReview',
      title_params: {},
      owner_id: USERS.medical.id,
    });
    obligationId = row.id;
  });
  afterAll(async () => t?.close());

  it('lists it to nobody without the medical permission, and answers 404 to reading, marking done or handing it on', async () => {
    for (const user of OTHERS) {
      const client = await t.signInAs(user);
      const seen = before.get(user) as any;
      // Everyone here but the employee reads the calendar of their sites (the employee gets 403 there).
      const reads = user !== 'employee';
      const scope = await client.get('/api/obligations', { query: { view: 'scope', pageSize: 200 } });
      expect(scope.status, user).toBe(reads ? 200 : 403);
      const csv = await client.get('/api/obligations/export.csv', { query: { view: 'scope' } });
      expect(csv.status, user).toBe(reads ? 200 : 403);
      const summary = await client.get('/api/obligations/summary');
      expect(summary.status, user).toBe(reads ? 200 : 403);
      expect(scope.body.total, user).toBe(seen.scope);
      expect(scope.body.items?.map((o: any) => o.kind) ?? [], user).not.toContain(KIND);
      expect(csv.text, user).not.toContain('Health record review');
      expect(counts(summary.body), user).toEqual(seen.summary);
      const filtered = await client.get('/api/obligations', { query: { view: 'mine', kind: KIND } });
      expect(filtered.body.items, user).toEqual([]);
      expect((await client.get('/api/home')).body.attention, user).toEqual(seen.home);
      expect((await client.get(`/api/obligations/${obligationId}`)).status, user).toBe(404);
      expect(
        (await client.post(`/api/obligations/${obligationId}/complete`, { version: 1 })).status,
        user,
      ).toBe(404);
      expect(
        (
          await client.post(`/api/obligations/${obligationId}/delegate`, {
            version: 1,
            delegateId: USERS.ohsOwner.id,
          })
        ).status,
        user,
      ).toBe(404);
    }
    const state = await t.db
      .selectFrom('obligations')
      .select(['state', 'version', 'delegate_id'])
      .where('id', '=', obligationId)
      .executeTakeFirstOrThrow();
    expect(state).toEqual({ state: 'open', version: 1, delegate_id: null });
  });

  it('keeps it out of the home page, the calendar and the feed of a non-medical user even if they own it', async () => {
    await t.db
      .updateTable('obligations')
      .set({ owner_id: USERS.ohsOwner.id })
      .where('id', '=', obligationId)
      .execute();
    try {
      const owner = await t.signInAs('ohsOwner');
      expect(
        (await owner.get('/api/obligations', { query: { view: 'mine', kind: KIND } })).body.items,
      ).toEqual([]);
      expect((await owner.get('/api/home')).body.attention).toEqual((before.get('ohsOwner') as any).home);
      expect((await owner.post(`/api/obligations/${obligationId}/complete`, { version: 1 })).status).toBe(
        404,
      );
      const feed = await owner.post('/api/obligations/calendar-feed');
      const ics = await t.anonymous().get(new URL(feed.body.url).pathname);
      expect(ics.status).toBe(200);
      expect(ics.text).toContain('BEGIN:VCALENDAR');
      expect(ics.text).not.toContain('Health record review');
    } finally {
      await t.db.updateTable('obligations').set({ owner_id: null }).where('id', '=', obligationId).execute();
    }
  });

  it('reminds the medical staff of the site, never the site officers nor an owner who is not medical', async () => {
    const scanOn = (day: string) =>
      createReminderEngine(
        t.db,
        createMailer(undefined, 'Steward <steward@test>'),
        'http://x',
        () => new Date(`${day}T02:00:00Z`),
      ).scan();
    const recipients = async () =>
      (
        await t.db
          .selectFrom('notification_outbox')
          .select('recipient_id')
          .distinct()
          .where('obligation_id', '=', obligationId)
          .execute()
      ).map((o) => o.recipient_id);
    // Nobody owns it: the site's physician, not the K7 officer.
    expect((await scanOn('2026-06-24')).queued).toBeGreaterThan(0);
    expect(await recipients()).toEqual([USERS.medical.id]);
    // Owned by the OHS owner (who may not see it): still the physician.
    await t.db
      .updateTable('obligations')
      .set({ owner_id: USERS.ohsOwner.id })
      .where('id', '=', obligationId)
      .execute();
    try {
      expect((await scanOn('2026-06-30')).queued).toBeGreaterThan(0);
      expect(await recipients()).toEqual([USERS.medical.id]);
    } finally {
      await t.db.updateTable('obligations').set({ owner_id: null }).where('id', '=', obligationId).execute();
    }
  });

  it('shows it to the medical staff of the site, who hand it only to someone medical and mark it done', async () => {
    const doctor = await t.signInAs('medical');
    const mine = await doctor.get('/api/obligations', { query: { view: 'mine', kind: KIND } });
    expect(mine.body.items.map((o: any) => [o.id, o.title])).toEqual([
      [obligationId, 'Health record review'],
    ]);
    const one = await doctor.get(`/api/obligations/${obligationId}`);
    expect(one.status).toBe(200);
    const refused = await doctor.post(`/api/obligations/${obligationId}/delegate`, {
      version: one.body.version,
      delegateId: USERS.ohsOwner.id,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: any) => e.path)).toEqual(['delegateId']);
    const done = await doctor.post(`/api/obligations/${obligationId}/complete`, {
      version: one.body.version,
    });
    expect(done.status).toBe(200);
    expect(done.body.state).toBe('done');
    // Its audit event says what was done to which record, by whom and when: nothing else.
    const event = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', obligationId)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      action: 'health.record.updated',
      entity_type: 'health_record',
      actor_id: USERS.medical.id,
      summary: null,
      before: null,
      after: null,
    });
  });
});
