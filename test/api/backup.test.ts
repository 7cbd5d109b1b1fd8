import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../server/db/connect.ts';
import { allMigrations, migrateToLatest, migrateUpTo } from '../../server/db/migrate.ts';
import type { DB } from '../../server/db/schema.ts';
import { systemActor } from '../../server/platform/access/actor.ts';
import { recordAudit, verifyAuditChains } from '../../server/platform/audit/service.ts';
import { backupDatabase } from '../../server/platform/backup/backup.ts';
import {
  appliedMigrations,
  EPHEMERAL_TABLES,
  quoteIdent,
  readCatalog,
  readSequences,
} from '../../server/platform/backup/catalog.ts';
import { BackupError } from '../../server/platform/backup/format.ts';
import { restoreDatabase } from '../../server/platform/backup/restore.ts';
import { createTestApp, openTestDatabase, type TestApp } from '../support/app.ts';
import { AREAS, EMPLOYEES, SITES, seedFixture } from '../support/fixture.ts';

const migrations = allMigrations();

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const HAS_POSTGRES = !!process.env.TEST_DATABASE_URL;
const NEEDS_POSTGRES = HAS_POSTGRES
  ? ''
  : ' (skipped: set TEST_DATABASE_URL to a PostgreSQL server to run it)';

function withoutDatabaseUrl(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, ...env } = process.env;
  return env;
}

/**
 * Every row of every table, as PostgreSQL's own JSON text in UTC, sorted: what "the same data" means. Sign-in
 * sessions are not data: they are left out of backups (a restored system has none, asserted apart).
 */
async function snapshot(db: Kysely<DB>): Promise<Record<string, string[]>> {
  const tables = (await readCatalog(db)).tables.filter((t) => !EPHEMERAL_TABLES.has(t.name));
  return db.transaction().execute(async (trx) => {
    await sql`set local timezone = 'UTC'`.execute(trx);
    const out: Record<string, string[]> = {};
    for (const t of tables) {
      const columns = t.columns.map((c) => quoteIdent(c.name)).join(', ');
      const rows = await sql
        .raw<{ j: string }>(
          `select row_to_json(x)::text as j from (select ${columns} from ${quoteIdent(t.name)}) x`,
        )
        .execute(trx);
      out[t.name] = rows.rows.map((r) => r.j).sort();
    }
    return out;
  });
}

function expectSameData(actual: Record<string, string[]>, expected: Record<string, string[]>) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const table of Object.keys(expected)) {
    expect(actual[table].length, `rows of ${table}`).toBe(expected[table].length);
    // Row by row, byte for byte, with a readable first difference.
    const first = expected[table].findIndex((row, i) => actual[table][i] !== row);
    expect(first === -1 ? null : { table, actual: actual[table][first] }).toEqual(
      first === -1 ? null : { table, actual: expected[table][first] },
    );
  }
}

/** A restored database must keep working: the audit chain goes on from its head and ids do not collide. */
async function expectWritable(db: Kysely<DB>) {
  const before = await verifyAuditChains(db);
  await db.transaction().execute(async (trx) => {
    await recordAudit(trx, systemActor('backup test'), {
      action: 'test.after-restore',
      entityType: 'test',
      entityId: null,
      siteId: SITES.K7.id,
      after: { ok: true },
    });
  });
  const after = await verifyAuditChains(db);
  expect(after.breaks).toEqual([]);
  expect(after.events).toBe(before.events + 1);
}

describe('backup and restore', () => {
  let source: TestApp;
  let work: string;
  let sourceFiles: string;
  let archive: string;
  let expected: Record<string, string[]>;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'steward-backup-test-'));
    source = await createTestApp({ kind: 'pglite' });
    // Writes through the API, so the audit log has chains for sites and for the group.
    const admin = await source.signInAs('groupAdmin');
    const officer = await source.signInAs('k7Officer');
    const created = await officer.post('/api/people/employees', {
      siteId: SITES.K7.id,
      employeeNo: 'K7-0777',
      fullName: 'Ōshima "Ken" \\ 大島 🚧',
      department: 'Assembly',
      hireDate: '2026-02-02',
    });
    expect(created.status).toBe(201);
    const area = await admin.post('/api/org/areas', {
      siteId: SITES.K7.id,
      parentId: AREAS.K7_B1_F3.id,
      kind: 'line',
      code: 'B1-F3-L9',
      name: 'Flip chip line 9',
    });
    expect(area.status).toBe(201);
    const site = await admin.get(`/api/org/sites/${SITES.SZ.id}`);
    expect(
      (
        await admin.patch(`/api/org/sites/${SITES.SZ.id}`, {
          nameZh: '矽品蘇州廠',
          version: site.body.version,
        })
      ).status,
    ).toBe(200);
    expect((await admin.post('/api/auth/tokens', { name: 'nightly export' })).status).toBe(201);
    // Values whose text must survive exactly: microseconds, big and decimal numbers, nested jsonb, unicode.
    await source.exec(
      `insert into app_settings (key, value, updated_at) values ('backup-test', '{"b": 1.50, "a": [1, "x\\ny", null, true], "big": 123456789012345678901234567890, "u": "日月光 ASE"}', '2026-03-04 05:06:07.123456+08')`,
    );
    // Injuries, one settled and one still off work: the restored injury summary must be the source's.
    await source.exec(
      `with i as (insert into ohs_incidents (site_id, reference, kind, occurred_at, occurred_on, title, description)
         values ('${SITES.K7.id}', 'BACKUP-1', 'injury', '2026-01-05T02:00:00Z', '2026-01-05', 'Press', 'Hand caught')
         returning id)
       insert into ohs_injuries (incident_id, site_id, person_type, person_id, injury_type, body_part,
         classification, injury_date, return_date)
       select i.id, '${SITES.K7.id}', 'employee', '${EMPLOYEES['K7-0001'].id}', 'crush', 'hand', c, '2026-01-05', r
       from i, (values ('temporary_total_disability', '2026-01-20'::date),
                       ('temporary_total_disability', null)) v(c, r)`,
    );
    sourceFiles = path.join(work, 'source-files');
    await mkdir(path.join(sourceFiles, 'ab'), { recursive: true });
    await writeFile(
      path.join(sourceFiles, 'ab', 'ab12-report.pdf'),
      Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 255]),
    );
    await writeFile(path.join(sourceFiles, 'ab', 'upload.partial'), 'an upload in progress');
    expected = await snapshot(source.db);
    expect((await verifyAuditChains(source.db)).events).toBeGreaterThan(2);

    archive = path.join(work, 'steward.tar.gz');
    const report = await backupDatabase(source.database, { file: archive, filesDir: sourceFiles });
    expect(report.manifest.files).toEqual({ count: 1, bytes: 8 });
    expect(report.manifest.migrations).toEqual(await appliedMigrations(source.db));
  });

  afterAll(async () => {
    await source?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('writes a manifest, one JSON-lines file per table in foreign-key order, and the stored files', async () => {
    const list = await run('tar', ['-tzf', archive]);
    const entries = list.stdout.trim().split('\n');
    expect(entries[0]).toBe('manifest.json');
    expect(entries).toContain('files/ab/ab12-report.pdf');
    expect(entries.some((e) => e.endsWith('.partial'))).toBe(false);
    await run('tar', ['-xzf', archive, '-C', work, 'manifest.json']);
    const manifest = JSON.parse(await readFile(path.join(work, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      format: 'steward-backup',
      formatVersion: 1,
      source: { kind: 'pglite' },
    });
    const order = manifest.tables.map((t: { name: string }) => t.name);
    for (const [child, parent] of [
      ['sites', 'subsidiaries'],
      ['employees', 'sites'],
      ['contractor_workers', 'contractor_companies'],
      ['role_assignments', 'users'],
    ])
      expect(order.indexOf(child), `${child} after ${parent}`).toBeGreaterThan(order.indexOf(parent));
    const employees = manifest.tables.find((t: { name: string }) => t.name === 'employees');
    expect(employees.rows).toBe(expected.employees.length);
    expect(manifest.tables.find((t: { name: string }) => t.name === 'audit_events').rows).toBe(
      expected.audit_events.length,
    );
  });

  it(`moves everything from PGlite to a PostgreSQL server and back, row by row, audit chains intact${NEEDS_POSTGRES}`, async (ctx) => {
    if (!HAS_POSTGRES) ctx.skip();
    const server = await openTestDatabase('postgres');
    const back = await openTestDatabase('pglite');
    try {
      const serverFiles = path.join(work, 'server-files');
      const restored = await restoreDatabase(server.database, { file: archive, filesDir: serverFiles });
      expect(restored.audit.breaks).toEqual([]);
      expectSameData(await snapshot(server.database.db), expected);
      expect(await appliedMigrations(server.database.db)).toEqual(await appliedMigrations(source.db));
      expect(await readSequences(server.database.db)).toEqual(await readSequences(source.db));
      expect(await readFile(path.join(serverFiles, 'ab', 'ab12-report.pdf'))).toEqual(
        await readFile(path.join(sourceFiles, 'ab', 'ab12-report.pdf')),
      );

      // And back: PostgreSQL → PGlite.
      const second = path.join(work, 'from-postgres.tar.gz');
      const report = await backupDatabase(server.database, { file: second, filesDir: serverFiles });
      expect(report.manifest.source.kind).toBe('postgres');
      const backFiles = path.join(work, 'back-files');
      const again = await restoreDatabase(back.database, { file: second, filesDir: backFiles });
      expect(again.audit.breaks).toEqual([]);
      expectSameData(await snapshot(back.database.db), expected);
      expect(await readFile(path.join(backFiles, 'ab', 'ab12-report.pdf'))).toHaveLength(8);

      await expectWritable(server.database.db);
      await expectWritable(back.database.db);
    } finally {
      await server.close();
      await back.close();
    }
  });

  it('restores into a fresh PGlite database with the same rows, sequences and verifying audit chains', async () => {
    const target = await openTestDatabase('pglite');
    try {
      const report = await restoreDatabase(target.database, { file: archive });
      expect(report.audit).toMatchObject({ breaks: [], events: expected.audit_events.length });
      expectSameData(await snapshot(target.database.db), expected);
      expect(expected.ohs_injury_months).toHaveLength(1);
      expect(await readSequences(target.database.db)).toEqual(await readSequences(source.db));
      await expectWritable(target.database.db);
    } finally {
      await target.close();
    }
  });

  it('refuses a target that holds data and changes nothing; --force replaces its content', async () => {
    const target = await createTestApp({ kind: HAS_POSTGRES ? 'postgres' : 'pglite' });
    try {
      await target.exec(`insert into app_settings (key, value) values ('only-in-target', '1')`);
      const before = await snapshot(target.db);
      const refused = restoreDatabase(target.database, { file: archive });
      await expect(refused).rejects.toBeInstanceOf(BackupError);
      await expect(refused).rejects.toThrow(/already holds data .*--force/);
      expectSameData(await snapshot(target.db), before);

      const forced = await restoreDatabase(target.database, { file: archive, force: true });
      expect(forced.audit.breaks).toEqual([]);
      expectSameData(await snapshot(target.db), expected);
    } finally {
      await target.close();
    }
  });

  it('refuses a file that is not a backup, or a damaged one, before touching the target', async () => {
    const target = await openTestDatabase('pglite');
    try {
      const bogus = path.join(work, 'not-a-backup.tar.gz');
      await writeFile(bogus, 'hello');
      await expect(restoreDatabase(target.database, { file: bogus })).rejects.toThrow(
        /not a readable Steward backup/,
      );
      await expect(
        restoreDatabase(target.database, { file: path.join(work, 'missing.tar.gz') }),
      ).rejects.toThrow(/No backup at/);

      // Damage one table file inside an otherwise valid archive.
      const unpacked = path.join(work, 'damaged');
      await mkdir(unpacked, { recursive: true });
      await run('tar', ['-xzf', archive, '-C', unpacked]);
      const manifest = JSON.parse(await readFile(path.join(unpacked, 'manifest.json'), 'utf8'));
      const employees = manifest.tables.find((t: { name: string }) => t.name === 'employees');
      const file = path.join(unpacked, employees.file);
      await writeFile(file, (await readFile(file, 'utf8')).replace('Assembly', 'Assembly!'));
      const damaged = path.join(work, 'damaged.tar.gz');
      await run('tar', ['-czf', damaged, '-C', unpacked, '.']);
      await expect(restoreDatabase(target.database, { file: damaged })).rejects.toThrow(
        /damaged: .*employees/,
      );
      expect(await appliedMigrations(target.database.db)).toEqual([]);
    } finally {
      await target.close();
    }
  });

  it('restores a backup of an older Steward at its own schema point, then migrates it to the latest', async () => {
    const old = await openTestDatabase('pglite');
    const target = await openTestDatabase('pglite');
    try {
      const first = Object.keys(migrations)[0];
      await migrateUpTo(old.database.db, first);
      await seedFixture(old.database.db);
      const file = path.join(work, 'older.tar.gz');
      const made = await backupDatabase(old.database, { file });
      expect(made.manifest.migrations).toEqual([first]);
      const report = await restoreDatabase(target.database, { file });
      expect(report.migrated).toEqual(Object.keys(migrations).slice(1));
      expect(await appliedMigrations(target.database.db)).toEqual(Object.keys(migrations));
      const employees = await target.database.db.selectFrom('employees').select('employee_no').execute();
      expect(employees.map((e) => e.employee_no).sort()).toEqual(Object.keys(EMPLOYEES).sort());
    } finally {
      await old.close();
      await target.close();
    }
  });

  describe('a PGlite data folder held by a running server', () => {
    let folder: string;
    let holder: Database;

    beforeAll(async () => {
      folder = path.join(work, 'held-data');
      holder = await openDatabase({ dataDir: folder });
      await migrateToLatest(holder.db);
    });
    afterAll(async () => {
      await holder?.close();
    });

    for (const args of [
      ['backup', 'out.tar.gz'],
      ['restore', 'in.tar.gz'],
    ]) {
      it(`makes steward ${args[0]} refuse with a clear message`, async () => {
        const error = await run(
          process.execPath,
          [
            path.join(ROOT, 'cli/steward.ts'),
            ...args.map((a) => (a.endsWith('.gz') ? path.join(work, a) : a)),
          ],
          {
            cwd: ROOT,
            env: { ...withoutDatabaseUrl(), STEWARD_DATA_DIR: folder, LOG_LEVEL: 'silent' },
          },
        ).then(
          () => null,
          (e: { code: number; stderr: string }) => e,
        );
        expect(error?.code).toBe(1);
        expect(error?.stderr).toMatch(/data folder .* is in use by another Steward process \(pid \d+\)/);
        expect(error?.stderr).toMatch(/stop the server first/);
      });
    }
  });
});
