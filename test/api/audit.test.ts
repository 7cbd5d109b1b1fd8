import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUP_CHAIN } from '../../server/platform/audit/chain.ts';
import { verifyAuditChains } from '../../server/platform/audit/service.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { AREAS, CONTRACTOR_COMPANY, EMPLOYEES, SITES, USERS } from '../support/fixture.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

describe.each(databases())('audit log (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;
  let officer: ApiClient;
  let spil: ApiClient;
  let auditor: ApiClient;

  const allEvents = () => t.db.selectFrom('audit_events').selectAll().orderBy('id').execute();
  const lastEvent = async () =>
    (await auditor.get('/api/audit/events', { query: { pageSize: 1 } })).body.items[0];

  /** Runs a write and checks that it added exactly one audit event; returns that event as the API shows it. */
  async function audited(write: () => Promise<{ status: number }>, expectedStatus: number) {
    const before = (await allEvents()).length;
    const res = await write();
    expect(res.status).toBe(expectedStatus);
    const events = await allEvents();
    expect(events.length).toBe(before + 1);
    return lastEvent();
  }

  beforeAll(async () => {
    t = await createTestApp({ kind });
    admin = await t.signInAs('groupAdmin');
    officer = await t.signInAs('k7Officer');
    spil = await t.signInAs('spilOfficer');
    auditor = await t.signInAs('auditor');
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('every write adds an audit event with before and after', () => {
    it('records an employee created and changed, in the chain of its site', async () => {
      const created = await audited(
        () =>
          officer.post('/api/people/employees', {
            siteId: SITES.K7.id,
            employeeNo: 'K7-0900',
            fullName: 'Audit Trail',
            department: 'Assembly',
            hireDate: '2026-01-12',
          }),
        201,
      );
      expect(created).toMatchObject({
        action: 'employee.created',
        entityType: 'employee',
        siteId: SITES.K7.id,
        chainKey: SITES.K7.id,
        seq: 1,
        actorId: USERS.k7Officer.id,
        actorLabel: expect.stringContaining(USERS.k7Officer.email),
        before: null,
        after: expect.objectContaining({ employee_no: 'K7-0900', full_name: 'Audit Trail', version: 1 }),
      });
      expect(created.requestId).toBeTruthy();

      const id = created.entityId;
      const changed = await audited(
        () => officer.patch(`/api/people/employees/${id}`, { department: 'Test', version: 1 }),
        200,
      );
      expect(changed).toMatchObject({
        action: 'employee.updated',
        entityId: id,
        chainKey: SITES.K7.id,
        seq: 2,
        before: expect.objectContaining({ department: 'Assembly', version: 1 }),
        after: expect.objectContaining({ department: 'Test', version: 2 }),
      });
      await audited(
        () =>
          officer.patch(`/api/people/employees/${EMPLOYEES['K7-0001'].id}`, {
            jobTitle: 'Team lead',
            version: 1,
          }),
        200,
      );
    });

    it('records writes at another site in that site’s own chain', async () => {
      const area = await audited(
        () =>
          spil.post('/api/org/areas', {
            siteId: SITES.TC.id,
            parentId: AREAS.TC_FAB.id,
            kind: 'floor',
            code: 'FAB-F1',
            name: 'Floor 1',
          }),
        201,
      );
      expect(area).toMatchObject({
        action: 'area.created',
        chainKey: SITES.TC.id,
        seq: 1,
        siteId: SITES.TC.id,
      });
      const renamed = await audited(
        () => spil.patch(`/api/org/areas/${area.entityId}`, { name: 'Ground floor', version: 1 }),
        200,
      );
      expect(renamed).toMatchObject({
        chainKey: SITES.TC.id,
        seq: 2,
        before: expect.objectContaining({ name: 'Floor 1' }),
        after: expect.objectContaining({ name: 'Ground floor' }),
      });
      const removed = await audited(
        () => spil.delete(`/api/org/areas/${area.entityId}`, { query: { version: 2 } }),
        204,
      );
      expect(removed).toMatchObject({
        chainKey: SITES.TC.id,
        seq: 3,
        before: expect.objectContaining({ name: 'Ground floor' }),
      });
    });

    it('records group records in the group chain', async () => {
      const company = await audited(
        () =>
          admin.patch(`/api/people/contractor-companies/${CONTRACTOR_COMPANY.id}`, {
            contactName: 'Lee K.',
            version: 1,
          }),
        200,
      );
      expect(company).toMatchObject({
        action: 'contractor_company.updated',
        chainKey: GROUP_CHAIN,
        siteId: null,
        before: expect.objectContaining({ contactName: 'Lee Kuo-Chiang' }),
        after: expect.objectContaining({ contact_name: 'Lee K.' }),
      });
      const token = await audited(() => officer.post('/api/auth/tokens', { name: 'audit me' }), 201);
      expect(token).toMatchObject({ action: 'api_token.created', chainKey: GROUP_CHAIN });
    });

    it('records users created and changed, without their password hash', async () => {
      const created = await audited(
        () =>
          admin.post('/api/users', {
            email: 'new.officer@steward.test',
            displayName: 'New Officer',
            password: 'Brand-New-Secret-42',
            assignments: [{ role: 'site_officer', scopeKind: 'sites', siteIds: [SITES.PG.id] }],
          }),
        201,
      );
      expect(created).toMatchObject({ action: 'user.created', chainKey: GROUP_CHAIN });
      expect(created.after.password_hash).toEqual({
        redacted: true,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(created.after.assignments).toEqual([
        expect.objectContaining({ role: 'site_officer', site_ids: [SITES.PG.id] }),
      ]);

      const user = await admin.get(`/api/users/${created.entityId}`);
      const changed = await audited(
        () =>
          admin.patch(`/api/users/${created.entityId}`, {
            password: 'Another-New-Secret-43',
            version: user.body.version,
          }),
        200,
      );
      expect(changed.after.password_hash).toEqual({
        redacted: true,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(changed.after.password_hash.sha256).not.toBe(created.after.password_hash.sha256);
    });

    it('never lets a password hash, session token or API token hash into any audit row', async () => {
      const secrets = [
        ...(await t.db.selectFrom('users').select('password_hash').execute()).map((u) => u.password_hash),
        ...(await t.db.selectFrom('sessions').select(['id', 'csrf_token']).execute()).flatMap((s) => [
          s.id,
          s.csrf_token,
        ]),
        ...(await t.db.selectFrom('api_tokens').select('token_hash').execute()).map((a) => a.token_hash),
      ].filter((s): s is string => !!s);
      expect(secrets.length).toBeGreaterThan(10);
      const rows = JSON.stringify(await allEvents());
      for (const secret of secrets) expect(rows).not.toContain(secret);
      expect(rows).not.toContain('$argon2');
      // Nor does the audit API show any.
      const page = await auditor.get('/api/audit/events', { query: { pageSize: 500 } });
      expect(page.text).not.toContain('$argon2');
      for (const u of Object.values(USERS)) expect(page.text).not.toContain(u.password);
    });

    it('writes no event for a refused or failed write', async () => {
      const before = (await allEvents()).length;
      await officer.patch(`/api/people/employees/${EMPLOYEES['TC-0001'].id}`, { jobTitle: 'x', version: 1 });
      await officer.patch(`/api/people/employees/${EMPLOYEES['K7-0001'].id}`, {
        jobTitle: 'stale',
        version: 1,
      });
      await officer.post('/api/people/employees', {
        siteId: SITES.K7.id,
        employeeNo: 'K7-0900',
        fullName: 'Duplicate',
        department: 'A',
        hireDate: '2026-01-01',
      });
      expect((await allEvents()).length).toBe(before);
    });
  });

  describe('reading the audit log', () => {
    it('filters by entity, action, actor and site', async () => {
      const byAction = await auditor.get('/api/audit/events', { query: { action: 'employee.updated' } });
      expect(byAction.body.total).toBe(2);
      const byActor = await auditor.get('/api/audit/events', { query: { actorId: USERS.spilOfficer.id } });
      expect(byActor.body.items.every((e: { actorId: string }) => e.actorId === USERS.spilOfficer.id)).toBe(
        true,
      );
      expect(byActor.body.total).toBe(3);
      const bySite = await auditor.get('/api/audit/events', { query: { siteId: SITES.TC.id, order: 'asc' } });
      expect(bySite.body.items.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3]);
      const byEntity = await auditor.get('/api/audit/events', {
        query: { entityType: 'employee', entityId: EMPLOYEES['K7-0001'].id },
      });
      expect(byEntity.body.total).toBe(1);
      // A day either side, so that a run across midnight (UTC) still finds every event.
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const inRange = await auditor.get('/api/audit/events', { query: { from: day(-1), to: day(1) } });
      expect(inRange.body.total).toBe((await allEvents()).length);
      const future = await auditor.get('/api/audit/events', { query: { from: '2999-01-01' } });
      expect(future.body.total).toBe(0);
    });

    it('is closed to roles without audit.read', async () => {
      for (const user of ['k7Officer', 'employee', 'board'] as const) {
        const client = await t.signInAs(user);
        expect((await client.get('/api/audit/events')).status, user).toBe(403);
        expect((await client.get('/api/audit/verify')).status, user).toBe(403);
      }
    });

    it('refuses to change or delete an audit row while the append-only trigger is on', async () => {
      await expect(t.exec(`update audit_events set summary = 'rewritten' where seq = 1`)).rejects.toThrow(
        /append-only/,
      );
      await expect(t.exec('delete from audit_events')).rejects.toThrow(/append-only/);
    });
  });

  describe('verification', () => {
    const verify = async () => {
      const res = await auditor.get('/api/audit/verify');
      expect(res.status).toBe(200);
      return res.body;
    };
    /** Tampering as the database superuser would: with the append-only trigger switched off. */
    const tamper = async (statement: string) => {
      await t.exec('alter table audit_events disable trigger audit_events_no_update');
      try {
        await t.exec(statement);
      } finally {
        await t.exec('alter table audit_events enable trigger audit_events_no_update');
      }
    };

    it('verifies every chain of an untouched log', async () => {
      const report = await verify();
      const events = await allEvents();
      expect(report).toEqual({ ok: true, chains: 3, events: events.length, breaks: [], redactions: [] });
      expect(await verifyAuditChains(t.db)).toEqual({
        chains: 3,
        events: events.length,
        breaks: [],
        redactions: [],
      });
    });

    it('names the chain, seq and reason of an edited row, and only that', async () => {
      const target = await t.db
        .selectFrom('audit_events')
        .select(['id', 'after'])
        .where('chain_key', '=', SITES.K7.id)
        .where('seq', '=', 2)
        .executeTakeFirstOrThrow();
      const original = JSON.stringify(target.after);
      await tamper(
        `update audit_events set after = jsonb_set(after, '{department}', '"Forged"') where id = ${target.id}`,
      );

      const report = await verify();
      expect(report.ok).toBe(false);
      expect(report.breaks).toEqual([
        {
          chainKey: SITES.K7.id,
          seq: 2,
          eventId: Number(target.id),
          reason: 'hash-mismatch',
          detail: expect.stringContaining('altered'),
        },
      ]);
      const direct = await verifyAuditChains(t.db);
      expect(direct.breaks).toEqual(report.breaks);

      // Putting the original content back makes the chain whole again.
      await tamper(
        `update audit_events set after = '${original.replaceAll("'", "''")}'::jsonb where id = ${target.id}`,
      );
      expect((await verify()).ok).toBe(true);
    });

    it('names a deleted row (a gap) and a deleted last row (the head disagrees), each in its chain', async () => {
      const tc = await t.db
        .selectFrom('audit_events')
        .select(['id', 'seq'])
        .where('chain_key', '=', SITES.TC.id)
        .orderBy('seq')
        .execute();
      expect(tc.map((e) => Number(e.seq))).toEqual([1, 2, 3]);
      await tamper(`delete from audit_events where id = ${tc[1].id}`);

      const group = await t.db
        .selectFrom('audit_events')
        .select(['id', 'seq'])
        .where('chain_key', '=', GROUP_CHAIN)
        .orderBy('seq', 'desc')
        .execute();
      const lastSeq = Number(group[0].seq);
      await tamper(`delete from audit_events where id = ${group[0].id}`);

      const report = await verify();
      expect(report.ok).toBe(false);
      const byChain = Object.fromEntries(report.breaks.map((b: { chainKey: string }) => [b.chainKey, b]));
      expect(Object.keys(byChain).sort()).toEqual([GROUP_CHAIN, SITES.TC.id].sort());
      expect(byChain[SITES.TC.id]).toMatchObject({ seq: 2, eventId: null, reason: 'missing-event' });
      expect(byChain[GROUP_CHAIN]).toMatchObject({ seq: lastSeq, reason: 'head-mismatch' });
      expect((await verifyAuditChains(t.db)).breaks).toEqual(report.breaks);
      // The untouched K7 chain still verifies.
      expect(byChain[SITES.K7.id]).toBeUndefined();
    });

    // The command opens the database itself: possible on a server, not on the in-memory PGlite of the test.
    if (kind === 'postgres')
      it('is reported by `steward audit verify`, which exits non-zero', async () => {
        const error = await run(process.execPath, [path.join(ROOT, 'cli/steward.ts'), 'audit', 'verify'], {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'silent' },
        }).then(
          () => null,
          (e: { code: number; stdout: string }) => e,
        );
        expect(error?.code).toBe(1);
        expect(error?.stdout).toContain(`BROKEN ${SITES.TC.id} at event 2`);
        expect(error?.stdout).toContain(`BROKEN ${GROUP_CHAIN} at event`);
        expect(error?.stdout).toMatch(/3 chain\(s\), \d+ event\(s\) verified, 2 broken\./);
      });
  });
});
