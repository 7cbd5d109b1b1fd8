import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkInsert } from '../../server/db/bulk.ts';
import { COUNT_CAP } from '../../server/db/paging.ts';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { SITES } from '../support/fixture.ts';

describe.each(databases())('counting long lists (%s)', (kind) => {
  let t: TestApp;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp({ kind });
    admin = await t.signInAs('groupAdmin');
    // One more employee than the count cap, at a site of their own department.
    const rows = Array.from({ length: COUNT_CAP + 1 }, (_, i) => ({
      site_id: SITES.PG.id,
      employee_no: `CAP-${String(i).padStart(5, '0')}`,
      full_name: `Cap Test ${i}`,
      department: i < 7 ? 'Cap seven' : 'Cap rest',
      hire_date: '2020-01-01',
    }));
    await bulkInsert(t.db, 'employees', rows);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stops counting past the cap and says there are more; pages still reach their rows', async () => {
    const res = await admin.get('/api/people/employees', {
      query: { siteId: SITES.PG.id, sort: 'employeeNo', pageSize: 50, page: 3 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: COUNT_CAP, totalCapped: true, page: 3 });
    expect(res.body.items[0].employeeNo).toMatch(/^CAP-001\d\d$/);
  });

  it('counts exactly when a filter brings the list under the cap', async () => {
    const res = await admin.get('/api/people/employees', {
      query: { siteId: SITES.PG.id, department: 'Cap seven' },
    });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(7);
    expect(res.body.totalCapped).toBeUndefined();
  });
});
