import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { systemActor } from '../../server/platform/access/actor.ts';
import { platformMessage } from '../../server/platform/i18n/index.ts';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES, USERS } from '../support/fixture.ts';

const START = new Date();
const TODAY = localDate(START, 'Asia/Taipei');

type Obligation = { id: string; sourceId: string; title: string; kind: string };

describe.each(databases())('text the server writes, in the reader language (%s)', (kind) => {
  let t: TestApp;
  let certId: string;
  let actionId: string;

  beforeAll(async () => {
    t = await createTestApp({ kind, now: () => START });
    // The K7 officer reads Traditional Chinese; the SPIL officer and the OHS owner English.
    await t.db.updateTable('users').set({ locale: 'zh-TW' }).where('id', '=', USERS.k7Officer.id).execute();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps an obligation title as a message key and parameters, not a sentence', async () => {
    const officer = await t.signInAs('k7Officer');
    const res = await officer.post('/api/certifications', {
      standard: 'ISO 45001',
      siteId: SITES.K7.id,
      certificateNo: 'TW-45001-0042',
      issuer: 'SGS',
      issuedOn: '2023-12-22',
      validUntil: addDays(TODAY, 30),
      ownerId: USERS.k7Officer.id,
    });
    expect(res.status).toBe(201);
    certId = res.body.id;
    const row = await t.db
      .selectFrom('obligations')
      .select(['title', 'title_key', 'title_params'])
      .where('source_id', '=', certId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      title: null,
      title_key: 'platform.certification.renew',
      title_params: { standard: 'ISO 45001', holder: 'K7' },
    });
  });

  it('renders the title in each reader language in the calendar and its export', async () => {
    const zh = await t.signInAs('k7Officer');
    const en = await t.signInAs('ohsOwner');
    const find = async (client: typeof zh) => {
      const list = await client.get('/api/obligations', { query: { view: 'scope' } });
      expect(list.status).toBe(200);
      return list.body.items.find((o: Obligation) => o.sourceId === certId) as Obligation;
    };
    expect((await find(zh)).title).toBe('更新 K7 的 ISO 45001 證書');
    const english = await find(en);
    expect(english.title).toBe('Renew ISO 45001 certificate of K7');
    expect((await zh.get(`/api/obligations/${english.id}`)).body.title).toBe('更新 K7 的 ISO 45001 證書');

    const csv = await zh.get('/api/obligations/export.csv', { query: { view: 'scope' } });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('更新 K7 的 ISO 45001 證書');
    expect(csv.text).not.toContain('Renew');
  });

  it("finds a title by its words in the reader's language and by a parameter", async () => {
    const zh = await t.signInAs('k7Officer');
    const en = await t.signInAs('ohsOwner');
    const ids = async (client: typeof zh, q: string) =>
      (await client.get('/api/obligations', { query: { view: 'scope', q } })).body.items.map(
        (o: Obligation) => o.sourceId,
      );
    expect(await ids(zh, '證書')).toContain(certId);
    expect(await ids(en, 'renew')).toContain(certId);
    expect(await ids(en, '45001')).toContain(certId);
    expect(await ids(en, '證書')).not.toContain(certId);
    expect(await ids(en, 'nothing like this')).toEqual([]);
    const sorted = await en.get('/api/obligations', { query: { view: 'scope', sort: 'title' } });
    expect(sorted.status).toBe(200);
    expect(sorted.body.total).toBeGreaterThan(0);
  });

  it('writes the iCalendar feed in the language of the feed owner', async () => {
    const zh = await t.signInAs('k7Officer');
    const feed = await zh.post('/api/obligations/calendar-feed');
    const ics = await t.anonymous().get(new URL(feed.body.url).pathname);
    expect(ics.status).toBe(200);
    expect(ics.text).toContain('SUMMARY:[K7] 更新 K7 的 ISO 45001 證書');
    expect(ics.text).toContain(`DESCRIPTION:到期日 ${addDays(TODAY, 30)}`);
  });

  it("keeps a typed action title as typed, and its obligation's title as a message around it", async () => {
    const officer = await t.signInAs('k7Officer');
    const res = await officer.post('/api/actions', {
      siteId: SITES.K7.id,
      program: 'ohs',
      kind: 'corrective',
      title: 'Replace the guard on press 4',
      ownerId: USERS.k7Officer.id,
      dueDate: addDays(TODAY, 14),
    });
    expect(res.status).toBe(201);
    actionId = res.body.id;
    const row = await t.db
      .selectFrom('actions')
      .select(['title', 'title_key'])
      .where('id', '=', actionId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ title: 'Replace the guard on press 4', title_key: null });
    const list = await officer.get('/api/obligations', { query: { view: 'mine' } });
    const due = list.body.items.find((o: Obligation) => o.sourceId === actionId);
    expect(due.title).toBe('改善措施：Replace the guard on press 4');
    const en = await t.signInAs('ohsOwner');
    expect((await en.get(`/api/obligations/${due.id}`)).body.title).toBe(
      'Action: Replace the guard on press 4',
    );
  });

  it('renders an action description the server wrote in the reader language; a typed edit replaces it', async () => {
    const view = await t.app.services.actions.create(systemActor('test'), {
      siteId: SITES.K7.id,
      program: 'ohs',
      kind: 'improvement',
      title: 'Add a second exit to the store',
      description: platformMessage('platform.action.fromDecision', {
        seq: 3,
        committee: 'K7 OHS committee',
        meeting: 'Q3 meeting',
        date: '2026-09-15',
        text: 'Add a second exit',
      }),
      ownerId: USERS.k7Officer.id,
      dueDate: addDays(TODAY, 20),
    });
    const zh = await t.signInAs('k7Officer');
    const en = await t.signInAs('ohsOwner');
    expect((await zh.get(`/api/actions/${view.id}`)).body.description).toBe(
      'K7 OHS committee「Q3 meeting」（2026-09-15）第 3 號決議：Add a second exit',
    );
    const english = (await en.get(`/api/actions/${view.id}`)).body;
    expect(english.description).toBe(
      'Decision 3 of K7 OHS committee, Q3 meeting (2026-09-15): Add a second exit',
    );
    const found = await zh.get('/api/actions', { query: { q: '決議' } });
    expect(found.body.items.map((a: { id: string }) => a.id)).toEqual([view.id]);

    const edited = await en.patch(`/api/actions/${view.id}`, {
      version: english.version,
      description: 'Typed by the owner',
    });
    expect(edited.status).toBe(200);
    expect((await zh.get(`/api/actions/${view.id}`)).body.description).toBe('Typed by the owner');
    const row = await t.db
      .selectFrom('actions')
      .select(['description', 'description_key', 'description_params'])
      .where('id', '=', view.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      description: 'Typed by the owner',
      description_key: null,
      description_params: null,
    });
  });
});
