import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import { CONTRACTOR_COMPANY, CONTRACTOR_WORKERS, COUNTS, EMPLOYEES, SITES } from '../support/fixture.ts';

describe.each(databases())('people and optimistic locking (%s)', (kind) => {
  let t: TestApp;
  let officer: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp({ kind });
    officer = await t.signInAs('k7Officer');
    admin = await t.signInAs('groupAdmin');
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('optimistic locking', () => {
    it('refuses the second of two PATCHes based on the same version with 409 and the current version', async () => {
      const id = EMPLOYEES['K7-0005'].id;
      const read = await officer.get(`/api/people/employees/${id}`);
      const version = read.body.version;
      const first = await officer.patch(`/api/people/employees/${id}`, { jobTitle: 'EHS engineer', version });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ jobTitle: 'EHS engineer', version: version + 1 });

      const second = await admin.patch(`/api/people/employees/${id}`, { department: 'Overwritten', version });
      expect(second.status).toBe(409);
      expect(second.headers['content-type']).toContain('application/problem+json');
      expect(second.body).toMatchObject({ status: 409, currentVersion: version + 1 });
      expect(second.body.detail).toMatch(/changed by someone else/);

      // Nothing was lost or overwritten.
      const after = await officer.get(`/api/people/employees/${id}`);
      expect(after.body).toMatchObject({ jobTitle: 'EHS engineer', department: 'EHS', version: version + 1 });

      // Retrying on the current version works.
      const retry = await admin.patch(`/api/people/employees/${id}`, {
        department: 'Safety',
        version: version + 1,
      });
      expect(retry.status).toBe(200);
      expect(retry.body).toMatchObject({
        jobTitle: 'EHS engineer',
        department: 'Safety',
        version: version + 2,
      });
    });

    it('lets exactly one of two concurrent PATCHes on the same version win', async () => {
      const id = EMPLOYEES['K7-0007'].id;
      const { version } = (await officer.get(`/api/people/employees/${id}`)).body;
      const results = await Promise.all([
        officer.patch(`/api/people/employees/${id}`, { jobTitle: 'Operator A', version }),
        admin.patch(`/api/people/employees/${id}`, { jobTitle: 'Operator B', version }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = results.find((r) => r.status === 200);
      const after = await officer.get(`/api/people/employees/${id}`);
      expect(after.body.jobTitle).toBe(winner?.body.jobTitle);
      expect(after.body.version).toBe(version + 1);
    });

    it('applies to every versioned record: contractor companies, sites, users', async () => {
      const company = await admin.get(`/api/people/contractor-companies/${CONTRACTOR_COMPANY.id}`);
      const v = company.body.version;
      expect(
        (
          await admin.patch(`/api/people/contractor-companies/${CONTRACTOR_COMPANY.id}`, {
            contactName: 'A',
            version: v,
          })
        ).status,
      ).toBe(200);
      const stale = await admin.patch(`/api/people/contractor-companies/${CONTRACTOR_COMPANY.id}`, {
        contactName: 'B',
        version: v,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.currentVersion).toBe(v + 1);

      const site = await admin.get(`/api/org/sites/${SITES.SZ.id}`);
      expect(
        (
          await admin.patch(`/api/org/sites/${SITES.SZ.id}`, {
            nameZh: '矽品蘇州',
            version: site.body.version,
          })
        ).status,
      ).toBe(200);
      const staleSite = await admin.patch(`/api/org/sites/${SITES.SZ.id}`, {
        nameZh: '蘇州',
        version: site.body.version,
      });
      expect(staleSite.status).toBe(409);
      expect(staleSite.body.currentVersion).toBe(site.body.version + 1);
      expect((await admin.get(`/api/org/sites/${SITES.SZ.id}`)).body.nameZh).toBe('矽品蘇州');
    });

    it('answers a PATCH of a record that does not exist with 404, not 409', async () => {
      const res = await admin.patch('/api/people/employees/1b2c3d4e-5f60-4a1b-8c2d-3e4f5a6b7c8d', {
        jobTitle: 'x',
        version: 1,
      });
      expect(res.status).toBe(404);
    });
  });

  describe('employees', () => {
    it('creates an employee with the creator recorded, and refuses a duplicate number with 409', async () => {
      const input = {
        siteId: SITES.K7.id,
        employeeNo: 'K7-0100',
        fullName: 'Kao Shih-Chieh',
        email: 'k7-0100@staff.steward.test',
        department: 'Assembly',
        jobTitle: 'Operator',
        hireDate: '2026-01-05',
      };
      const res = await officer.post('/api/people/employees', input);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ ...input, siteCode: 'K7', leaveDate: null, version: 1 });
      const row = await t.db
        .selectFrom('employees')
        .selectAll()
        .where('id', '=', res.body.id)
        .executeTakeFirstOrThrow();
      expect(row.created_by).toBe(t.fixture.users.k7Officer.id);
      expect(row.hire_date).toBe('2026-01-05');

      const dup = await officer.post('/api/people/employees', { ...input, fullName: 'Someone Else' });
      expect(dup.status).toBe(409);
      expect(dup.headers['content-type']).toContain('application/problem+json');
    });

    it('refuses a leave date before the hire date, on create and on patch', async () => {
      const bad = await officer.post('/api/people/employees', {
        siteId: SITES.K7.id,
        employeeNo: 'K7-0101',
        fullName: 'Backwards Dates',
        department: 'Assembly',
        hireDate: '2025-05-05',
        leaveDate: '2025-05-04',
      });
      expect(bad.status).toBe(400);
      const id = EMPLOYEES['K7-0002'].id;
      const current = await officer.get(`/api/people/employees/${id}`);
      const patch = await officer.patch(`/api/people/employees/${id}`, {
        leaveDate: '2010-01-01',
        version: current.body.version,
      });
      expect(patch.status).toBe(422);
      expect(patch.body.errors[0].path).toBe('leaveDate');
    });

    it('records a leaver: they leave the active list and appear under left', async () => {
      const id = EMPLOYEES['K7-0003'].id;
      const current = await officer.get(`/api/people/employees/${id}`);
      const res = await officer.patch(`/api/people/employees/${id}`, {
        leaveDate: '2025-03-31',
        version: current.body.version,
      });
      expect(res.status).toBe(200);
      const active = await officer.get('/api/people/employees', { query: { pageSize: 500 } });
      expect(active.body.items.map((e: { id: string }) => e.id)).not.toContain(id);
      const left = await officer.get('/api/people/employees', { query: { status: 'left' } });
      expect(left.body.items.map((e: { id: string }) => e.id)).toContain(id);
    });

    it('pages and sorts without overlap', async () => {
      const all = await admin.get('/api/people/employees', {
        query: { status: 'all', sort: 'employeeNo', pageSize: 500 },
      });
      const seen: string[] = [];
      for (let page = 1; page <= Math.ceil(all.body.total / 7); page++) {
        const res = await admin.get('/api/people/employees', {
          query: { status: 'all', sort: 'employeeNo', pageSize: 7, page },
        });
        expect(res.body.page).toBe(page);
        seen.push(...res.body.items.map((e: { employeeNo: string }) => e.employeeNo));
      }
      expect(seen).toEqual(all.body.items.map((e: { employeeNo: string }) => e.employeeNo));
      expect(new Set(seen).size).toBe(all.body.total);
      expect(all.body.total).toBeGreaterThanOrEqual(COUNTS.employees);
      const desc = await admin.get('/api/people/employees', {
        query: { status: 'all', sort: 'employeeNo', order: 'desc', pageSize: 500 },
      });
      expect(desc.body.items.map((e: { employeeNo: string }) => e.employeeNo)).toEqual([...seen].reverse());
    });

    it('gives an officer of two sites their employees by department, site by site merged, as the group list has them', async () => {
      const spil = await t.signInAs('spilOfficer');
      const ids = (items: { id: string }[]) => items.map((e) => e.id);
      for (const order of ['asc', 'desc']) {
        const group = await admin.get('/api/people/employees', {
          query: { status: 'all', sort: 'department', order, pageSize: 500 },
        });
        const spilSites = new Set([SITES.TC.id, SITES.SZ.id]);
        const expected = ids(group.body.items.filter((e: { siteId: string }) => spilSites.has(e.siteId)));
        expect(expected.length).toBeGreaterThan(5);
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const res = await spil.get('/api/people/employees', {
            query: { status: 'all', sort: 'department', order, pageSize: 5, ...(cursor ? { cursor } : {}) },
          });
          expect(res.status).toBe(200);
          seen.push(...ids(res.body.items));
          cursor = res.body.nextCursor ?? undefined;
        } while (cursor);
        expect(seen).toEqual(expected);
      }
    });

    it('treats search text literally (% and _ are not wildcards)', async () => {
      const res = await admin.get('/api/people/employees', { query: { q: '%', status: 'all' } });
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(0);
      const name = await admin.get('/api/people/employees', { query: { q: 'wei-ling', status: 'all' } });
      expect(name.body.items.map((e: { employeeNo: string }) => e.employeeNo)).toEqual(['K7-0001']);
    });

    it('finds people by any part of their name, number or e-mail, in any case and in Chinese', async () => {
      const created = await officer.post('/api/people/employees', {
        siteId: SITES.K7.id,
        employeeNo: 'K7-0777',
        fullName: '林志偉',
        email: 'Chih-Wei.Lin@staff.steward.test',
        department: 'Assembly',
        jobTitle: 'Operator',
        hireDate: '2026-02-02',
      });
      expect(created.status).toBe(201);
      const found = async (q: string) =>
        (await admin.get('/api/people/employees', { query: { q, status: 'all' } })).body.items.map(
          (e: { employeeNo: string }) => e.employeeNo,
        );
      for (const q of ['志偉', '林志偉', '偉', 'k7-0777', '0777', 'chih-wei.LIN', 'WEI.LIN@STAFF'])
        expect(await found(q), q).toContain('K7-0777');
      // Every character pair of the text is present, but not in this order: no match.
      expect(await found('偉志')).not.toContain('K7-0777');
      expect(await found('林偉')).not.toContain('K7-0777');
      const renamed = await officer.patch(`/api/people/employees/${created.body.id}`, {
        fullName: '林建宏',
        version: created.body.version,
      });
      expect(renamed.status).toBe(200);
      expect(await found('志偉')).not.toContain('K7-0777');
      expect(await found('建宏')).toContain('K7-0777');
    });
  });

  describe('contractors and external persons', () => {
    it('lets a site officer add a contractor worker at their site', async () => {
      const res = await officer.post('/api/people/contractor-workers', {
        companyId: CONTRACTOR_COMPANY.id,
        siteId: SITES.K7.id,
        workerNo: 'KS-010',
        fullName: 'Chou Tzu-Yang',
        trade: 'Electrician',
        startDate: '2026-02-02',
        endDate: '2026-06-30',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        companyName: CONTRACTOR_COMPANY.name,
        siteCode: 'K7',
        workerNo: 'KS-010',
      });
      const unknownCompany = await officer.post('/api/people/contractor-workers', {
        companyId: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
        siteId: SITES.K7.id,
        workerNo: 'KS-011',
        fullName: 'Nobody',
      });
      expect(unknownCompany.status).toBe(422);
    });

    it('moves a contractor worker between sites only within the scope', async () => {
      const id = CONTRACTOR_WORKERS.KS_002.id;
      const current = await officer.get(`/api/people/contractor-workers/${id}`);
      const res = await officer.patch(`/api/people/contractor-workers/${id}`, {
        siteId: SITES.TC.id,
        version: current.body.version,
      });
      expect(res.status).toBe(404);
      const ok = await admin.patch(`/api/people/contractor-workers/${id}`, {
        siteId: SITES.TC.id,
        version: current.body.version,
      });
      expect(ok.status).toBe(200);
      expect(ok.body.siteCode).toBe('TC');
      // Now outside the K7 officer's scope.
      expect((await officer.get(`/api/people/contractor-workers/${id}`)).status).toBe(404);
    });

    it('adds external persons at a site, and as group records (no site)', async () => {
      const atSite = await officer.post('/api/people/externals', {
        siteId: SITES.K7.id,
        kind: 'visitor',
        fullName: 'Anna Becker',
        organisation: 'TÜV Rheinland',
      });
      expect(atSite.status).toBe(201);
      const group = { kind: 'researcher', fullName: 'Prof. Lee', organisation: 'NTHU' };
      const byAdmin = await admin.post('/api/people/externals', group);
      expect(byAdmin.status).toBe(201);
      expect(byAdmin.body).toMatchObject({ siteId: null, siteCode: null });
    });
  });
});

describe('group records among external persons', () => {
  it('are changed only by people managers of the whole group', async () => {
    const t = await createTestApp();
    try {
      const officer = await t.signInAs('k7Officer');
      const refused = await officer.post('/api/people/externals', {
        kind: 'researcher',
        fullName: 'Dr. Lin',
        organisation: 'NSYSU',
      });
      expect(refused.status).toBe(403);
      const admin = await t.signInAs('groupAdmin');
      const created = await admin.post('/api/people/externals', {
        kind: 'researcher',
        fullName: 'Dr. Lin',
        organisation: 'NSYSU',
      });
      expect(created.status).toBe(201);
      const edit = await officer.patch(`/api/people/externals/${created.body.id}`, {
        version: created.body.version,
        organisation: 'NTU',
      });
      expect(edit.status).toBe(403);
    } finally {
      await t.close();
    }
  });
});
