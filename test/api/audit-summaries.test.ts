import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../server/platform/access/actor.ts';
import { recordAudit } from '../../server/platform/audit/service.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES, USERS } from '../support/fixture.ts';

/** A one-pixel PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

async function multipart(filename: string, bytes: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), filename);
  const request = new Request('http://local/', { method: 'POST', body: form });
  return {
    body: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') as string,
  };
}

type Event = {
  id: number;
  action: string;
  entityId: string | null;
  summary: string | null;
  actorLabel: string;
};

describe.each(databases())('audit summaries in the reader language (%s)', (kind) => {
  let t: TestApp;
  let auditor: ApiClient;
  let actionId: string;
  let incidentReference: string;

  const stored = (action: string) =>
    t.db
      .selectFrom('audit_events')
      .select(['id', 'summary', 'summary_key', 'summary_params'])
      .where('action', '=', action)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
  const events = async (client: ApiClient, query: Record<string, string> = {}) => {
    const res = await client.get('/api/audit/events', { query: { pageSize: '200', ...query } });
    expect(res.status).toBe(200);
    return res.body.items as Event[];
  };
  const summaryOf = async (client: ApiClient, action: string) =>
    (await events(client, { action }))[0]?.summary;
  const setLocale = async (client: ApiClient, locale: 'en' | 'zh-TW') =>
    expect((await client.put('/api/auth/preferences', { locale })).status).toBe(204);

  beforeAll(async () => {
    t = await createTestApp({ kind, env: { SIGNIN_MAX_FAILURES: '3' } });
    // The K7 officer, who writes the events below, reads Traditional Chinese; the auditor English.
    await t.db.updateTable('users').set({ locale: 'zh-TW' }).where('id', '=', USERS.k7Officer.id).execute();
    auditor = await t.signInAs('auditor');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores what the server says of an event as a message key and its facts, never a sentence', async () => {
    const officer = await t.signInAs('k7Officer');
    const action = await officer.post('/api/actions', {
      siteId: SITES.K7.id,
      program: 'ohs',
      kind: 'corrective',
      title: 'Guard the press brake on line 3',
      ownerId: USERS.k7Officer.id,
      dueDate: '2030-01-31',
    });
    expect(action.status).toBe(201);
    actionId = action.body.id;
    const { body, contentType } = await multipart('guard photo.png', PNG);
    const uploaded = await officer.post('/api/documents', body, {
      contentType,
      query: { entityType: 'action', entityId: actionId },
    });
    expect(uploaded.status).toBe(201);
    expect(await stored('document.uploaded')).toMatchObject({
      summary: null,
      summary_key: 'platform.audit.documentAttached',
      summary_params: { file: 'guard photo.png' },
    });

    // A module's summary: its key from the module's manifest, the incident's kind as a word.
    const incident = await officer.post('/api/ohs/incidents', {
      siteId: SITES.K7.id,
      kind: 'near_miss',
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      title: 'Forklift reversed without a spotter',
      description: 'Nearly hit a person at the dock.',
    });
    expect(incident.status).toBe(201);
    incidentReference = incident.body.reference;
    expect(await stored('ohs.incident.reported')).toMatchObject({
      summary: null,
      summary_key: 'ohs.audit.incidentReported',
      summary_params: {
        reference: incidentReference,
        kind: { key: 'ohs.incidentKind.near_miss' },
        title: 'Forklift reversed without a spotter',
      },
    });

    // A system event (the sign-in throttle) has no writer's language at all.
    for (let n = 0; n < 3; n++) {
      const wrong = await t
        .anonymous()
        .post('/api/auth/sign-in', { email: USERS.board.email, password: 'not the password' });
      expect(wrong.status).toBe(401);
    }
    expect(await stored('user.locked')).toMatchObject({
      summary: null,
      summary_key: 'platform.audit.signInLocked',
      summary_params: { minutes: expect.any(Number), failures: 3 },
    });
    const rows = JSON.stringify(await t.db.selectFrom('audit_events').select('summary').execute());
    for (const sentence of ['attached', 'failed sign-ins', 'near miss', '已附加', '虛驚'])
      expect(rows).not.toContain(sentence);
  });

  it('shows events written by a Chinese reader in English to an English reader, and in Chinese once they switch', async () => {
    expect(await summaryOf(auditor, 'document.uploaded')).toBe('guard photo.png attached');
    expect(await summaryOf(auditor, 'ohs.incident.reported')).toBe(
      `${incidentReference} near miss: Forklift reversed without a spotter`,
    );
    const minutes = (await stored('user.locked')).summary_params?.minutes;
    expect(await summaryOf(auditor, 'user.locked')).toBe(
      `Locked for ${minutes} minutes after 3 failed sign-ins`,
    );
    expect((await events(auditor, { action: 'user.locked' }))[0].actorLabel).toBe('Sign-in throttle');

    await setLocale(auditor, 'zh-TW');
    expect(await summaryOf(auditor, 'document.uploaded')).toBe('已附加檔案 guard photo.png');
    expect(await summaryOf(auditor, 'ohs.incident.reported')).toBe(
      `${incidentReference} 虛驚事件：Forklift reversed without a spotter`,
    );
    expect(await summaryOf(auditor, 'user.locked')).toBe(`登入失敗 3 次，鎖定 ${minutes} 分鐘`);
    // Steward itself is named in the reader's language too, and found by those words.
    const [locked] = await events(auditor, { action: 'user.locked' });
    expect(locked.actorLabel).toBe('登入失敗鎖定');
    expect((await events(auditor, { q: '登入失敗鎖定' })).map((e) => e.action)).toContain('user.locked');
    // The key and the facts travel with the event, for whoever checks its hash.
    const [uploaded] = await events(auditor, { action: 'document.uploaded' });
    expect(uploaded).toMatchObject({
      summaryKey: 'platform.audit.documentAttached',
      summaryParams: { file: 'guard photo.png' },
    });
    await setLocale(auditor, 'en');
  });

  it("writes the summaries of the CSV and XLSX exports in the reader's language", async () => {
    await setLocale(auditor, 'zh-TW');
    const csv = await auditor.get('/api/audit/events/export.csv', { query: { action: 'document.uploaded' } });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('摘要');
    expect(csv.text).toContain('已附加檔案 guard photo.png');
    expect(csv.text).not.toContain('attached');
    await setLocale(auditor, 'en');
    const xlsx = await auditor.get('/api/audit/events/export.xlsx', { query: { action: 'user.locked' } });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = header.indexOf('Summary') + 1;
    expect(column).toBeGreaterThan(0);
    expect(String(sheet.getRow(2).getCell(column).value)).toMatch(
      /^Locked for \d+ minutes after 3 failed sign-ins$/,
    );
  });

  it("finds an event by the words of its summary in the reader's language and by a fact", async () => {
    const ids = async (client: ApiClient, q: string) =>
      (await events(client, { q })).map((e) => e.action).filter((a) => a === 'document.uploaded');
    expect(await ids(auditor, 'attached')).toEqual(['document.uploaded']);
    expect(await ids(auditor, 'guard photo')).toEqual(['document.uploaded']);
    expect(await ids(auditor, '已附加')).toEqual([]);
    await setLocale(auditor, 'zh-TW');
    expect(await ids(auditor, '已附加')).toEqual(['document.uploaded']);
    expect(await ids(auditor, 'attached')).toEqual([]);
    await setLocale(auditor, 'en');
  });

  it('shows typed text, and a sentence stored before summaries were messages, as recorded in either language', async () => {
    await t.db.transaction().execute((trx) =>
      recordAudit(trx, systemActor('earlier version'), {
        action: 'meeting.attendance_recorded',
        entityType: 'meeting',
        entityId: null,
        siteId: null,
        summary: 'Quorum met',
      }),
    );
    expect(await stored('meeting.attendance_recorded')).toMatchObject({
      summary: 'Quorum met',
      summary_key: null,
      summary_params: null,
    });
    expect(await summaryOf(auditor, 'meeting.attendance_recorded')).toBe('Quorum met');
    await setLocale(auditor, 'zh-TW');
    expect(await summaryOf(auditor, 'meeting.attendance_recorded')).toBe('Quorum met');
    await setLocale(auditor, 'en');
  });

  it('verifies chains holding both kinds of event, and names an event whose facts were edited', async () => {
    const verify = async () => (await auditor.get('/api/audit/verify')).body;
    expect(await verify()).toMatchObject({ ok: true, breaks: [] });
    const target = await stored('document.uploaded');
    const tamper = async (statement: string) => {
      await t.exec('alter table audit_events disable trigger audit_events_no_update');
      try {
        await t.exec(statement);
      } finally {
        await t.exec('alter table audit_events enable trigger audit_events_no_update');
      }
    };
    await tamper(
      `update audit_events set summary_params = '{"file": "other.png"}'::jsonb where id = ${target.id}`,
    );
    const edited = await verify();
    expect(edited.ok).toBe(false);
    expect(edited.breaks).toEqual([
      expect.objectContaining({ chainKey: SITES.K7.id, eventId: Number(target.id), reason: 'hash-mismatch' }),
    ]);
    // Taking the key away (to pass the facts off as a stored sentence) breaks it too.
    await tamper(
      `update audit_events set summary_params = '{"file": "guard photo.png"}'::jsonb where id = ${target.id}`,
    );
    expect((await verify()).ok).toBe(true);
    await tamper(
      `update audit_events set summary = 'guard photo.png attached', summary_key = null, summary_params = null where id = ${target.id}`,
    );
    expect((await verify()).breaks).toEqual([expect.objectContaining({ eventId: Number(target.id) })]);
    await tamper(
      `update audit_events set summary = null, summary_key = 'platform.audit.documentAttached', summary_params = '{"file": "guard photo.png"}'::jsonb where id = ${target.id}`,
    );
    expect(await verify()).toMatchObject({ ok: true });
  });
});
