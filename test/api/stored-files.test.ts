import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../server/platform/backup/backup.ts';
import { BackupError } from '../../server/platform/backup/format.ts';
import { restoreDatabase } from '../../server/platform/backup/restore.ts';
import { verifyStoredFiles } from '../../server/platform/documents/verify.ts';
import { type ApiClient, createTestApp, openTestDatabase, type TestApp } from '../support/app.ts';
import { SITES, USERS } from '../support/fixture.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

async function upload(client: ApiClient, actionId: string, filename: string, bytes: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), filename);
  const request = new Request('http://local/', { method: 'POST', body: form });
  return client.post('/api/documents', Buffer.from(await request.arrayBuffer()), {
    contentType: request.headers.get('content-type') as string,
    query: { entityType: 'action', entityId: actionId },
  });
}

/** Stored files checked against their documents; sessions and sign-in counters kept out of backups. */
describe('stored files and what a backup leaves out (pglite)', () => {
  let t: TestApp;
  let work: string;
  let filesDir: string;
  const docs: { id: string; key: string }[] = [];

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'steward-stored-'));
    filesDir = path.join(work, 'files');
    t = await createTestApp({ config: { filesDir } });
    const officer = await t.signInAs('k7Officer');
    const action = await officer.post('/api/actions', {
      siteId: SITES.K7.id,
      program: 'ohs',
      kind: 'corrective',
      title: 'Guard the press brake',
      sourceType: 'incident',
      sourceId: 'INC-1',
      ownerId: USERS.employee.id,
      dueDate: '2030-01-31',
    });
    expect(action.status).toBe(201);
    for (const name of ['a.png', 'b.png', 'c.png']) {
      const res = await upload(officer, action.body.id, name, PNG);
      expect(res.status).toBe(201);
      const row = await t.db
        .selectFrom('documents')
        .select('storage_key')
        .where('id', '=', res.body.id)
        .executeTakeFirstOrThrow();
      docs.push({ id: res.body.id, key: row.storage_key });
    }
  });
  afterAll(async () => {
    await t?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('finds nothing wrong with intact files, then names each missing, resized or altered one', async () => {
    expect(await verifyStoredFiles(t.db, filesDir)).toEqual({ checked: 3, problems: [] });
    await rm(path.join(filesDir, docs[0].key));
    await writeFile(path.join(filesDir, docs[1].key), Buffer.concat([PNG, Buffer.from('x')]));
    const altered = Buffer.from(PNG);
    altered[altered.length - 1] ^= 0xff;
    await writeFile(path.join(filesDir, docs[2].key), altered);
    const report = await verifyStoredFiles(t.db, filesDir, { batchSize: 2 });
    expect(report.checked).toBe(3);
    const byId = new Map(report.problems.map((p) => [p.documentId, p]));
    expect(byId.get(docs[0].id)).toMatchObject({ problem: 'missing', filename: 'a.png' });
    expect(byId.get(docs[1].id)).toMatchObject({
      problem: 'size',
      expected: String(PNG.length),
      actual: String(PNG.length + 1),
    });
    expect(byId.get(docs[2].id)).toMatchObject({ problem: 'hash', filename: 'c.png' });
    // Without reading the files, only presence and size are checked.
    const quick = await verifyStoredFiles(t.db, filesDir, { hash: false });
    expect(quick.problems.map((p) => p.problem).sort()).toEqual(['missing', 'size']);
  });

  it('answers a download of a missing file with the named problem', async () => {
    const officer = await t.signInAs('k7Officer');
    const res = await officer.get(`/api/documents/${docs[0].id}/download`);
    expect(res.status).toBe(500);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    expect(res.body).toMatchObject({ title: 'Stored file missing', documentId: docs[0].id });
    expect(res.body.detail).toContain('"a.png" is missing');
  });

  it('reports on /api/ready a files folder that is incomplete, unreadable or missing', async () => {
    const ready = async () => {
      const res = await t.anonymous().get('/api/ready');
      return { status: res.status, files: res.body.files, ready: res.body.ready };
    };
    // /api/ready samples one document (through the primary key): with every file gone, it finds one missing.
    for (const d of docs) await rm(path.join(filesDir, d.key), { force: true });
    expect(await ready()).toEqual({ status: 503, files: 'incomplete', ready: false });
    // A file where the folder should be (or a folder this process may not read and write).
    const moved = `${filesDir}.moved`;
    await rename(filesDir, moved);
    await writeFile(filesDir, 'not a folder');
    expect(await ready()).toEqual({ status: 503, files: 'unreadable', ready: false });
    await rm(filesDir);
    await rename(moved, filesDir);
    await rm(filesDir, { recursive: true });
    expect(await ready()).toEqual({ status: 503, files: 'missing', ready: false });
    // Put the files back as they were uploaded: ready again.
    for (const d of docs) {
      await mkdir(path.dirname(path.join(filesDir, d.key)), { recursive: true });
      await writeFile(path.join(filesDir, d.key), PNG);
    }
    expect(await ready()).toEqual({ status: 200, files: 'ok', ready: true });
  });

  it('refuses to back up from a folder without any of the documents files, naming the setting', async () => {
    const empty = path.join(work, 'empty-files');
    const attempt = backupDatabase(t.database, { file: path.join(work, 'x.tar.gz'), filesDir: empty });
    await expect(attempt).rejects.toBeInstanceOf(BackupError);
    await expect(attempt).rejects.toThrow(/None of the 3 documents' stored files .*STEWARD_FILES_DIR/);
  });

  it('leaves sessions and sign-in failure counters out: the restored system starts signed out', async () => {
    expect(
      Number(
        (
          await t.db
            .selectFrom('sessions')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBeGreaterThan(0);
    await t.db
      .updateTable('users')
      .set({ failed_signins: 3, locked_until: new Date(Date.now() + 3_600_000) })
      .where('id', '=', USERS.employee.id)
      .execute();
    const file = path.join(work, 'no-sessions.tar.gz');
    const made = await backupDatabase(t.database, { file, filesDir });
    expect(made.manifest.tables.map((x) => x.name)).not.toContain('sessions');
    expect(made.manifest.files.count).toBe(3);

    const target = await openTestDatabase('pglite');
    const targetFiles = path.join(work, 'restored-files');
    try {
      // A shared database without a chosen files folder is refused before anything is written.
      await expect(
        restoreDatabase(target.database, { file, filesDir: targetFiles, filesDirUnset: true }),
      ).rejects.toThrow(/holds 3 stored files, and STEWARD_FILES_DIR is not set/);
      const report = await restoreDatabase(target.database, { file, filesDir: targetFiles });
      expect(report).toMatchObject({ files: 3, filesMissing: 0 });
      const sessions = await target.database.db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(sessions.n)).toBe(0);
      const employee = await target.database.db
        .selectFrom('users')
        .select(['failed_signins', 'locked_until', 'email'])
        .where('id', '=', USERS.employee.id)
        .executeTakeFirstOrThrow();
      expect(employee).toEqual({ failed_signins: 0, locked_until: null, email: USERS.employee.email });
      expect(await readFile(path.join(targetFiles, docs[0].key))).toEqual(PNG);
    } finally {
      await target.close();
    }
  });
});
