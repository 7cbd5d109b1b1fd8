import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programModules } from '../../server/modules/index.ts';
import { systemActor } from '../../server/platform/access/actor.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { FIXTURE } from '../support/fixture.ts';
import { notesModule } from './module-kit/notes-module.ts';

const EXTERNAL = { email: 'assessor@consulting.example', password: 'Quarterly-Review-2027x' };

/**
 * The external role: a person outside the company holds no role at any site and is granted named records of a
 * module; they see those records and nothing else.
 */
describe.each(databases())('the external role (%s)', (kind) => {
  let t: TestApp;
  let external: ApiClient;
  let granted: string;
  let other: string;
  let externalId: string;
  beforeAll(async () => {
    t = await createTestApp({ kind, modules: [...programModules, notesModule] });
    const rows = await sql<{ id: string; body: string }>`
      insert into notes_entries (site_id, body)
      values (${FIXTURE.sites.K7.id}, 'Assessment of K7'), (${FIXTURE.sites.K7.id}, 'Internal memo')
      returning id, body`.execute(t.db);
    granted = rows.rows.find((r) => r.body === 'Assessment of K7')?.id as string;
    other = rows.rows.find((r) => r.body === 'Internal memo')?.id as string;
    const admin = await t.signInAs('groupAdmin');
    const created = await admin.post('/api/users', {
      email: EXTERNAL.email,
      displayName: 'Olivia Assessor',
      password: EXTERNAL.password,
      assignments: [],
    });
    expect(created.status).toBe(201);
    externalId = created.body.id;
    await t.db.transaction().execute((trx) =>
      t.app.services.grants.grant(trx, systemActor('test'), {
        userId: externalId,
        recordType: 'notes_entry',
        recordId: granted,
        siteId: FIXTURE.sites.K7.id,
      }),
    );
    external = await t.signIn(EXTERNAL.email, EXTERNAL.password);
  });
  afterAll(() => t?.close());

  it('reads the record granted by name, and no other record of the same site', async () => {
    const res = await external.get(`/api/notes/${granted}`);
    expect(res.status).toBe(200);
    expect(res.body.body).toBe('Assessment of K7');
    expect((await external.get(`/api/notes/${other}`)).status).toBe(404);
  });

  it('holds no permission and sees no site: lists, people, organisation and reports are refused', async () => {
    const session = await external.get('/api/auth/session');
    expect(session.body.permissions).toEqual([]);
    expect(session.body.assignments).toEqual([]);
    for (const url of [
      '/api/notes',
      '/api/people/employees',
      '/api/org/sites',
      '/api/ohs/hazards',
      '/api/ohs/goals',
    ])
      expect([403, 404], url).toContain((await external.get(url)).status);
    expect((await external.get('/api/users/directory', { query: { q: 'a' } })).body.items).toEqual([]);
    expect((await external.get(`/api/org/sites/${FIXTURE.sites.K7.id}`)).status).toBe(404);
    const home = await external.get('/api/home');
    expect(home.body.sites).toEqual([]);
  });

  it('loses the record when the grant is revoked, and the grant and its revocation are audited', async () => {
    await t.db.transaction().execute((trx) =>
      t.app.services.grants.revoke(trx, systemActor('test'), {
        userId: externalId,
        recordType: 'notes_entry',
        recordId: granted,
      }),
    );
    const again = await t.signIn(EXTERNAL.email, EXTERNAL.password);
    expect((await again.get(`/api/notes/${granted}`)).status).toBe(404);
    const events = (await t.exec(
      `select action from audit_events where entity_type = 'notes_entry' order by id`,
    )) as { action: string }[];
    expect(events.map((e) => e.action)).toEqual(['record.granted', 'record.grant_revoked']);
  });

  it('is refused for a person who works for the group: they see records through their site roles', async () => {
    await expect(
      t.db.transaction().execute((trx) =>
        t.app.services.grants.grant(trx, systemActor('test'), {
          userId: FIXTURE.users.k7Officer.id,
          recordType: 'notes_entry',
          recordId: other,
          siteId: FIXTURE.sites.K7.id,
        }),
      ),
    ).rejects.toMatchObject({ status: 422, extra: { errors: [{ path: 'userId' }] } });
  });
});
