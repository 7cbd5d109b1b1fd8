import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES, USERS } from '../support/fixture.ts';

const START = new Date();
const TODAY = localDate(START, 'Asia/Taipei');
const now = () => START;

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
/** The start of a Windows executable. */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

async function multipart(filename: string, bytes: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), filename);
  const request = new Request('http://local/', { method: 'POST', body: form });
  return {
    body: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') as string,
  };
}

async function upload(client: ApiClient, actionId: string, filename: string, bytes: Buffer) {
  const { body, contentType } = await multipart(filename, bytes);
  return client.post('/api/documents', body, {
    contentType,
    query: { entityType: 'action', entityId: actionId },
  });
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

describe.each(databases())('actions and documents (%s)', (kind) => {
  let t: TestApp;
  let filesDir: string;
  let actionId: string;

  beforeAll(async () => {
    filesDir = await mkdtemp(path.join(tmpdir(), 'steward-files-'));
    t = await createTestApp({ kind, now, env: { STEWARD_MAX_UPLOAD_MB: '1' }, config: { filesDir } });
  });
  afterAll(async () => {
    await t?.close();
    await rm(filesDir, { recursive: true, force: true });
  });

  it('opens an action with an owner and a due date, which becomes the owner obligation', async () => {
    const officer = await t.signInAs('k7Officer');
    const res = await officer.post('/api/actions', {
      siteId: SITES.K7.id,
      program: 'ohs',
      kind: 'corrective',
      title: 'Guard the press brake on line 3',
      sourceType: 'incident',
      sourceId: 'INC-2026-0042',
      ownerId: USERS.employee.id,
      dueDate: addDays(TODAY, 14),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'open',
      overdue: false,
      ownerName: USERS.employee.displayName,
      siteCode: 'K7',
      evidenceCount: 0,
    });
    actionId = res.body.id;

    const employee = await t.signInAs('employee');
    const mine = await employee.get('/api/obligations', { query: { view: 'mine' } });
    expect(mine.body.items.map((o: { sourceId: string; kind: string }) => [o.kind, o.sourceId])).toEqual([
      ['action.due', actionId],
    ]);
    expect((await employee.get('/api/actions', { query: { mine: 'true' } })).body.total).toBe(1);
  });

  it('hides the action from another site officer (404)', async () => {
    const spil = await t.signInAs('spilOfficer');
    expect((await spil.get(`/api/actions/${actionId}`)).status).toBe(404);
    expect((await spil.get('/api/actions')).body.items).toHaveLength(0);
  });

  it('stores evidence recognised by its content, and refuses what is not an accepted type', async () => {
    const employee = await t.signInAs('employee');
    const photo = await upload(employee, actionId, '../../photo of guard.txt', PNG);
    expect(photo.status).toBe(201);
    expect(photo.body).toMatchObject({
      contentType: 'image/png',
      filename: 'photo of guard.txt',
      sizeBytes: PNG.length,
      sha256: createHash('sha256').update(PNG).digest('hex'),
    });

    const disguised = await upload(employee, actionId, 'report.pdf', EXE);
    expect(disguised.status).toBe(415);
    expect(String(disguised.headers['content-type'])).toContain('application/problem+json');

    const large = await upload(employee, actionId, 'big.txt', Buffer.alloc(1024 * 1024 + 10, 0x61));
    expect(large.status).toBe(413);

    // Only the accepted file is on disk and in the database.
    expect(await filesUnder(filesDir)).toHaveLength(1);
    const list = await employee.get('/api/documents', {
      query: { entityType: 'action', entityId: actionId },
    });
    expect(list.body.items).toHaveLength(1);
    expect((await employee.get(`/api/actions/${actionId}`)).body.evidenceCount).toBe(1);
  });

  it('downloads through access control only', async () => {
    const officer = await t.signInAs('k7Officer');
    const list = await officer.get('/api/documents', { query: { entityType: 'action', entityId: actionId } });
    const doc = list.body.items[0];
    const download = await officer.get(`/api/documents/${doc.id}/download`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.raw.equals(PNG)).toBe(true);
    const spil = await t.signInAs('spilOfficer');
    expect((await spil.get(`/api/documents/${doc.id}/download`)).status).toBe(404);
    expect(
      (await spil.get('/api/documents', { query: { entityType: 'action', entityId: actionId } })).status,
    ).toBe(404);
    expect((await t.anonymous().get(`/api/documents/${doc.id}/download`)).status).toBe(401);
  });

  it('lets the owner start and complete it, but not verify it; a manager verifies with a note', async () => {
    const employee = await t.signInAs('employee');
    let a = (await employee.get(`/api/actions/${actionId}`)).body;
    const started = await employee.post(`/api/actions/${actionId}/transition`, {
      transition: 'start',
      version: a.version,
    });
    expect(started.body.status).toBe('in_progress');
    const done = await employee.post(`/api/actions/${actionId}/transition`, {
      transition: 'complete',
      version: started.body.version,
    });
    expect(done.body.status).toBe('done');
    expect(
      (await employee.get('/api/obligations', { query: { view: 'mine', calendarState: 'done' } })).body.total,
    ).toBe(1);

    const ownVerify = await employee.post(`/api/actions/${actionId}/transition`, {
      transition: 'verify',
      note: 'looks fine',
      version: done.body.version,
    });
    expect(ownVerify.status).toBe(403);

    const officer = await t.signInAs('k7Officer');
    a = (await officer.get(`/api/actions/${actionId}`)).body;
    expect(
      (
        await officer.post(`/api/actions/${actionId}/transition`, {
          transition: 'verify',
          version: a.version,
        })
      ).status,
    ).toBe(422);
    const stale = await officer.post(`/api/actions/${actionId}/transition`, {
      transition: 'verify',
      note: 'x',
      version: a.version - 1,
    });
    expect(stale.status).toBe(409);
    const verified = await officer.post(`/api/actions/${actionId}/transition`, {
      transition: 'verify',
      note: 'Guard inspected on the line; no bypass in 30 days.',
      version: a.version,
    });
    expect(verified.body).toMatchObject({
      status: 'verified',
      verifiedByName: USERS.k7Officer.displayName,
      effectivenessNote: 'Guard inspected on the line; no bypass in 30 days.',
    });
    const again = await officer.post(`/api/actions/${actionId}/transition`, {
      transition: 'complete',
      version: verified.body.version,
    });
    expect(again.status).toBe(409);
  });

  it('reopens an action and its obligation', async () => {
    const officer = await t.signInAs('k7Officer');
    const a = (await officer.get(`/api/actions/${actionId}`)).body;
    const reopened = await officer.post(`/api/actions/${actionId}/transition`, {
      transition: 'reopen',
      note: 'Bypass found',
      version: a.version,
    });
    expect(reopened.body.status).toBe('open');
    const employee = await t.signInAs('employee');
    const open = await employee.get('/api/obligations', { query: { view: 'mine' } });
    expect(open.body.items[0].state).toBe('open');
  });

  it('audits every change and removes a document softly', async () => {
    const officer = await t.signInAs('k7Officer');
    const list = await officer.get('/api/documents', { query: { entityType: 'action', entityId: actionId } });
    expect((await officer.delete(`/api/documents/${list.body.items[0].id}`)).status).toBe(204);
    expect(
      (await officer.get('/api/documents', { query: { entityType: 'action', entityId: actionId } })).body
        .items,
    ).toHaveLength(0);
    const auditor = await t.signInAs('auditor');
    const events = await auditor.get('/api/audit/events', {
      query: { entityType: 'action', entityId: actionId, order: 'asc' },
    });
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual([
      'action.created',
      'action.start',
      'action.complete',
      'action.verify',
      'action.reopen',
    ]);
    const docs = await auditor.get('/api/audit/events', { query: { entityType: 'document', order: 'asc' } });
    expect(docs.body.items.map((e: { action: string }) => e.action)).toEqual([
      'document.uploaded',
      'document.removed',
    ]);
  });
});
