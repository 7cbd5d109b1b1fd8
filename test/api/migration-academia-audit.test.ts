import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allMigrations, migrateToLatest, migrateUpTo } from '../../server/db/migrate.ts';
import type { Db } from '../../server/db/types.ts';
import { systemActor } from '../../server/platform/access/actor.ts';
import { recordAudit, verifyAuditChains } from '../../server/platform/audit/service.ts';
import { databases, openTestDatabase } from '../support/app.ts';
import { SITES, seedFixture } from '../support/fixture.ts';

const migrations = allMigrations();
const MIGRATION = '0060_academia_audit_personal_data';

describe.each(databases())(`migration ${MIGRATION} (%s)`, (kind) => {
  let scratch: Awaited<ReturnType<typeof openTestDatabase>>;
  const K7 = SITES.K7.id;
  const TC = SITES.TC.id;
  const internId = randomUUID();
  const awardId = randomUUID();
  const officer = {
    ...systemActor(),
    kind: 'user' as const,
    userId: randomUUID(),
    label: 'Kaohsiung officer',
  };

  beforeAll(async () => {
    scratch = await openTestDatabase(kind);
    const names = Object.keys(migrations).sort();
    await migrateUpTo(scratch.database.db, names[names.indexOf(MIGRATION) - 1]);
    await seedFixture(scratch.database.db);
  });
  afterAll(async () => {
    await scratch?.close();
  });

  const events = (db: Db, chain: string) =>
    db.selectFrom('audit_events').selectAll().where('chain_key', '=', chain).orderBy('seq').execute();

  it('takes the students’ names, e-mail and dates of birth out of old events; the chains still verify', async () => {
    const db = scratch.database.db;
    const intern = {
      id: internId,
      site_id: K7,
      full_name: 'Lin Mei-Ling',
      email: 'mei-ling.lin@student.nsysu.edu.tw',
      date_of_birth: '2001-04-17',
      program: 'cooperative_education',
      started_on: '2022-07-01',
      hours: 320,
      version: 1,
    };
    // K7's chain as the earlier versions wrote it: an unrelated event, the intern recorded and hired with the
    // whole record, a scholarship award with its recipient, and a later event of another kind.
    await db.transaction().execute(async (trx) => {
      await recordAudit(trx, officer, {
        action: 'academia_partner.created',
        entityType: 'academia_partner',
        entityId: randomUUID(),
        siteId: K7,
        after: { name: 'National Sun Yat-sen University' },
      });
      await recordAudit(trx, officer, {
        action: 'academia_intern.created',
        entityType: 'academia_intern',
        entityId: internId,
        siteId: K7,
        after: intern,
      });
      await recordAudit(trx, officer, {
        action: 'academia_intern.hired',
        entityType: 'academia_intern',
        entityId: internId,
        siteId: K7,
        before: intern,
        after: { ...intern, hired_on: '2023-08-01', version: 2 },
      });
      await recordAudit(trx, officer, {
        action: 'academia_scholarship.awarded',
        entityType: 'academia_scholarship',
        entityId: awardId,
        siteId: K7,
        after: { id: awardId, recipient_name: 'Chen Yu-Ting', amount_minor: '3300000', currency: 'USD' },
      });
      // Written after the change: already without the name, as the log keeps interns now.
      await recordAudit(trx, officer, {
        action: 'academia_intern.updated',
        entityType: 'academia_intern',
        entityId: internId,
        siteId: K7,
        before: { id: internId, hours: 320, personal_data: ['full_name'] },
        after: { id: internId, hours: 330, personal_data: ['full_name'] },
      });
      // Another program's event that happens to hold a field of the same name stays as it was.
      await recordAudit(trx, officer, {
        action: 'employee.updated',
        entityType: 'employee',
        entityId: randomUUID(),
        siteId: TC,
        before: { full_name: 'Wang Da-Wei' },
        after: { full_name: 'Wang Ta-Wei' },
      });
    });
    expect((await verifyAuditChains(db)).breaks).toEqual([]);
    const earlier = await events(db, K7);
    const tcBefore = await events(db, TC);

    expect(await migrateToLatest(db)).toContain(MIGRATION);

    const report = await verifyAuditChains(db);
    expect(report.breaks).toEqual([]);
    expect(report.redactions).toEqual([
      {
        chainKey: K7,
        seq: 6,
        occurredAt: expect.any(String),
        summary: 'Personal data removed from 3 event(s); the chain was hashed again from event 2',
      },
    ]);
    const after = await events(db, K7);
    expect(after.map((e) => [e.seq, e.action])).toEqual([
      [1, 'academia_partner.created'],
      [2, 'academia_intern.created'],
      [3, 'academia_intern.hired'],
      [4, 'academia_scholarship.awarded'],
      [5, 'academia_intern.updated'],
      [6, 'audit.redacted'],
    ]);
    const text = JSON.stringify(after);
    for (const personal of ['Lin Mei-Ling', 'mei-ling.lin', '2001-04-17', 'Chen Yu-Ting'])
      expect(text).not.toContain(personal);
    // The rest of the record stays, with the names of the fields it held.
    expect(after[1].after).toEqual({
      id: internId,
      site_id: K7,
      program: 'cooperative_education',
      started_on: '2022-07-01',
      hours: 320,
      version: 1,
      personal_data: ['full_name', 'email', 'date_of_birth'],
    });
    expect(after[2].after).toMatchObject({ hired_on: '2023-08-01', version: 2 });
    expect(after[3].after).toEqual({
      id: awardId,
      amount_minor: '3300000',
      currency: 'USD',
      personal_data: ['recipient_name'],
    });
    // The event before the first rewritten one keeps its hash; the later one its content, with a new hash.
    expect(after[0].hash).toBe(earlier[0].hash);
    expect(after[4].after).toEqual(earlier[4].after);
    expect(after[4].hash).not.toBe(earlier[4].hash);
    expect(after[5].after).toEqual({ fromSeq: 2, events: 3, previousHead: earlier[4].hash });
    // Another chain, and another program's event in it, are untouched.
    expect(await events(db, TC)).toEqual(tcBefore);
  });
});
