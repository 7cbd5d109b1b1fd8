import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { allMigrations, migrateToLatest, migrateUpTo, pendingMigrations } from '../../server/db/migrate.ts';
import type { Db } from '../../server/db/types.ts';
import { systemActor } from '../../server/platform/access/actor.ts';
import { GROUP_CHAIN } from '../../server/platform/audit/chain.ts';
import { recordAudit, verifyAuditChains } from '../../server/platform/audit/service.ts';
import { databases, openTestDatabase } from '../support/app.ts';
import { EMPLOYEES, SITES, seedFixture, USERS } from '../support/fixture.ts';

const migrations = allMigrations();

describe.each(databases())('migrations (%s)', (kind) => {
  let scratch: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    scratch = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await scratch?.close();
  });

  it('reports not ready, with the pending migrations, before they are applied', async () => {
    const app = await buildApp({
      database: scratch.database,
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      serveWeb: false,
      logger: false,
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({
        ready: false,
        database: kind,
        pendingMigrations: Object.keys(migrations),
        files: 'ok',
      });
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('applies every migration in order on an empty database, then nothing on a second run', async () => {
    expect(await migrateToLatest(scratch.database.db)).toEqual(Object.keys(migrations));
    expect(await pendingMigrations(scratch.database.db)).toEqual([]);
    expect(await migrateToLatest(scratch.database.db)).toEqual([]);
  });

  it('reports ready once they are', async () => {
    const app = await buildApp({
      database: scratch.database,
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      serveWeb: false,
      logger: false,
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ ready: true, pendingMigrations: [] });
    } finally {
      await app.close();
    }
  });
});

describe.each(databases())('migration 0015_redact_health_audit (%s)', (kind) => {
  let scratch: Awaited<ReturnType<typeof openTestDatabase>>;
  const K7 = SITES.K7.id;
  const screeningId = randomUUID();
  const followupId = randomUUID();
  const obligationId = randomUUID();
  const person = EMPLOYEES['K7-0001'].id;
  const hashed = (v: unknown) => ({
    redacted: true,
    sha256: createHash('sha256').update(JSON.stringify(v)).digest('hex'),
  });
  const medical = {
    ...systemActor(),
    kind: 'user' as const,
    userId: USERS.medical.id,
    label: 'Dr. Mei Medical',
  };

  beforeAll(async () => {
    scratch = await openTestDatabase(kind);
    const names = Object.keys(migrations);
    await migrateUpTo(scratch.database.db, names[names.indexOf('0015_redact_health_audit') - 1]);
    await seedFixture(scratch.database.db);
  });
  afterAll(async () => {
    await scratch?.close();
  });

  const events = (db: Db, chain: string) =>
    db.selectFrom('audit_events').selectAll().where('chain_key', '=', chain).orderBy('seq').execute();

  it('removes every health detail from the stored events, hashes the chain again and records the redaction; verify passes', async () => {
    const db = scratch.database.db;
    // The chain of K7 as the earlier versions wrote it: details in clear, findings as unsalted hashes, an
    // obligation that tells the result was abnormal, and a read that names the person.
    await db.transaction().execute(async (trx) => {
      await recordAudit(trx, systemActor(), {
        action: 'employee.updated',
        entityType: 'employee',
        entityId: person,
        siteId: K7,
        before: { department: 'Assembly' },
        after: { department: 'Test' },
      });
      await recordAudit(trx, medical, {
        action: 'health.screening.recorded',
        entityType: 'health_screening',
        entityId: screeningId,
        siteId: K7,
        after: {
          id: screeningId,
          person_id: person,
          kind: 'special',
          screened_on: '2025-05-02',
          provider: 'Kaohsiung Medical University Hospital',
          cost_minor: '180000',
          abnormal: hashed(true),
          management_level: hashed(3),
          special_hazard: hashed('noise'),
        },
      });
      await recordAudit(trx, medical, {
        action: 'obligation.created',
        entityType: 'obligation',
        entityId: obligationId,
        siteId: K7,
        after: {
          id: obligationId,
          kind: 'ohs.health_followup',
          title: 'Follow-up consultation after a health screening',
        },
      });
      await recordAudit(trx, medical, {
        action: 'health.followup.consulted',
        entityType: 'health_followup',
        entityId: followupId,
        siteId: K7,
        before: { id: followupId, screening_id: screeningId, notes: null },
        after: { id: followupId, screening_id: screeningId, notes: hashed('Referred to ENT') },
      });
      await recordAudit(trx, medical, {
        action: 'health.records.read',
        entityType: 'health_screening',
        entityId: screeningId,
        siteId: K7,
        summary: 'Opened the record of K7-0001',
        after: { screenings: [screeningId], persons: [person] },
      });
      await recordAudit(trx, systemActor(), {
        action: 'employee.updated',
        entityType: 'employee',
        entityId: person,
        siteId: K7,
        before: { department: 'Test' },
        after: { department: 'Assembly' },
      });
      await recordAudit(trx, systemActor(), {
        action: 'org.updated',
        entityType: 'organisation',
        entityId: null,
        siteId: null,
        after: { name: 'Group' },
      });
    });
    // The follow-up's obligation, with the old title, reminded to the K7 officer (it had no owner) and to
    // the physician.
    const OLD = 'Follow-up consultation after a health screening';
    await db
      .insertInto('obligations')
      .values({
        id: obligationId,
        kind: 'ohs.health_followup',
        source_type: 'health_followup',
        source_id: followupId,
        site_id: K7,
        program: 'ohs',
        title: OLD,
        due_date: '2025-06-01',
      })
      .execute();
    await db
      .insertInto('notifications')
      .values(
        [USERS.k7Officer.id, USERS.medical.id].map((user_id) => ({
          user_id,
          kind: 'reminder' as const,
          title: `Due in 7 days: ${OLD}`,
          body: `${OLD} (K7) is due on 2025-06-01.`,
          link: `/obligations/${obligationId}`,
          obligation_id: obligationId,
          site_id: K7,
        })),
      )
      .execute();
    expect((await verifyAuditChains(db)).breaks).toEqual([]);
    const earlier = await events(db, K7);
    const group = await events(db, GROUP_CHAIN);

    expect(await migrateToLatest(db)).toContain('0015_redact_health_audit');

    const report = await verifyAuditChains(db);
    expect(report.breaks).toEqual([]);
    expect(report.redactions).toEqual([
      {
        chainKey: K7,
        seq: 7,
        occurredAt: expect.any(String),
        summary: 'Health details removed from 4 event(s); the chain was hashed again from event 2',
      },
    ]);
    const after = await events(db, K7);
    expect(after.map((e) => [e.seq, e.action, e.entity_type, e.entity_id])).toEqual([
      [1, 'employee.updated', 'employee', person],
      [2, 'health.record.created', 'health_record', screeningId],
      [3, 'health.record.updated', 'health_record', obligationId],
      [4, 'health.record.updated', 'health_record', screeningId],
      [5, 'health.records.read', 'health_record', screeningId],
      [6, 'employee.updated', 'employee', person],
      [7, 'audit.redacted', 'audit_chain', K7],
    ]);
    for (const e of after.slice(1, 5)) expect([e.summary, e.before, e.after]).toEqual([null, null, null]);
    // The event before the first health event keeps its hash; the later one its content, with a new hash.
    expect(after[0].hash).toBe(earlier[0].hash);
    expect(after[5].after).toEqual(earlier[5].after);
    expect(after[5].hash).not.toBe(earlier[5].hash);
    expect(after[6].after).toEqual({ fromSeq: 2, events: 4, previousHead: earlier[5].hash });
    const text = JSON.stringify(after.slice(0, 6));
    for (const detail of [
      'Kaohsiung',
      'sha256',
      'special',
      'Follow-up consultation',
      'K7-0001',
      '2025-05-02',
    ])
      expect(text).not.toContain(detail);
    // The obligation is neutral; the officer's reminder of it is gone, the physician's is neutral too.
    // Renamed by 0015, then kept as a message key by 0019 (shown in the reader's language).
    expect(
      await db
        .selectFrom('obligations')
        .select(['title', 'title_key'])
        .where('id', '=', obligationId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ title: null, title_key: 'ohs.obligation.healthReview' });
    const inbox = await db.selectFrom('notifications').select(['user_id', 'title', 'body']).execute();
    expect(inbox).toEqual([
      {
        user_id: USERS.medical.id,
        title: 'Due in 7 days: Health record review',
        body: 'Health record review (K7) is due on 2025-06-01.',
      },
    ]);
    // The group chain held no health event: untouched (migration 0029 then gave every event the columns of a
    // summary's message, empty on those already stored).
    expect(await events(db, GROUP_CHAIN)).toEqual(
      group.map((e) => ({ ...e, summary_key: null, summary_params: null })),
    );
    // The append-only trigger is on again.
    await expect(
      db.updateTable('audit_events').set({ summary: 'x' }).where('chain_key', '=', K7).execute(),
    ).rejects.toThrow(/append-only/);
  });

  if (kind === 'postgres')
    it('is reported by `steward audit verify`, which passes', async () => {
      const out = await promisify(execFile)(
        process.execPath,
        [path.join(import.meta.dirname, '../../cli/steward.ts'), 'audit', 'verify'],
        {
          cwd: path.resolve(import.meta.dirname, '../..'),
          env: { ...process.env, DATABASE_URL: scratch.url, LOG_LEVEL: 'silent' },
        },
      );
      expect(out.stdout).toContain(`REDACTED ${K7} at event 7`);
      expect(out.stdout).toContain('Health details removed from 4 event(s)');
      expect(out.stdout).toMatch(/\d+ chain\(s\), \d+ event\(s\) verified, 0 broken\./);
    });

  it('stops, naming the chain, when a chain holding a health event is already broken: rehashing it would hide the break', async () => {
    const broken = await openTestDatabase(kind);
    try {
      const db = broken.database.db;
      const names = Object.keys(migrations);
      await migrateUpTo(db, names[names.indexOf('0015_redact_health_audit') - 1]);
      await seedFixture(db);
      await db.transaction().execute(async (trx) => {
        for (const n of [1, 2])
          await recordAudit(trx, medical, {
            action: 'health.screening.recorded',
            entityType: 'health_screening',
            entityId: randomUUID(),
            siteId: K7,
            after: { provider: `Clinic ${n}` },
          });
      });
      await sql`alter table audit_events disable trigger audit_events_no_update`.execute(db);
      await db.updateTable('audit_events').set({ summary: 'edited' }).where('seq', '=', 1).execute();
      await sql`alter table audit_events enable trigger audit_events_no_update`.execute(db);
      const stored = await events(db, K7);
      await expect(migrateToLatest(db)).rejects.toThrow(
        new RegExp(`0015_redact_health_audit.*audit chain ${K7} is broken before the health redaction`),
      );
      expect(await pendingMigrations(db)).toContain('0015_redact_health_audit');
      expect(await events(db, K7)).toEqual(stored);
    } finally {
      await broken.close();
    }
  });
});
