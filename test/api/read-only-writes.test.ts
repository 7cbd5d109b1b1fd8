import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databases, type TestApp } from '../support/app.ts';
import { FIXTURE } from '../support/fixture.ts';

/**
 * Auditors and Board members change nothing, also where a write needs only a sign-in and the service allows
 * the record's owner: made owner of an action, an auditor still cannot move it. Their own settings they change.
 */
describe.each(databases())('read-only roles on owner writes (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ kind });
  });
  afterAll(() => t?.close());

  it('refuses an auditor and a Board member the transition of an action they own, and changes nothing', async () => {
    const admin = await t.signInAs('groupAdmin');
    for (const who of ['auditor', 'board'] as const) {
      const action = await admin.post('/api/actions', {
        siteId: FIXTURE.sites.K7.id,
        kind: 'corrective',
        title: `Owned by the ${who}`,
        ownerId: FIXTURE.users[who].id,
        dueDate: '2027-01-31',
      });
      expect(action.status).toBe(201);
      const client = await t.signInAs(who);
      const moved = await client.post(`/api/actions/${action.body.id}/transition`, {
        transition: 'start',
        version: action.body.version,
      });
      expect(moved.status).toBe(403);
      expect(moved.body).toMatchObject({ status: 403, permission: 'read-only' });
      expect((await admin.get(`/api/actions/${action.body.id}`)).body.status).toBe('open');
    }
  });

  it('lets them change their own settings: language, notifications read', async () => {
    const auditor = await t.signInAs('auditor');
    expect((await auditor.put('/api/auth/preferences', { locale: 'zh-TW' })).status).toBeLessThan(300);
    expect((await auditor.post('/api/notifications/read-all', {})).status).toBeLessThan(300);
  });

  it('leaves the owner writes of other roles as they were', async () => {
    const admin = await t.signInAs('groupAdmin');
    const action = await admin.post('/api/actions', {
      siteId: FIXTURE.sites.K7.id,
      kind: 'corrective',
      title: 'Owned by the employee',
      ownerId: FIXTURE.users.employee.id,
      dueDate: '2027-01-31',
    });
    const employee = await t.signInAs('employee');
    const moved = await employee.post(`/api/actions/${action.body.id}/transition`, {
      transition: 'start',
      version: action.body.version,
    });
    expect(moved.status).toBe(200);
  });
});
