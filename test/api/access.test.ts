import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestApp, databases, type TestApp } from '../support/app.ts';
import {
  AREAS,
  CONTRACTOR_COMPANY,
  CONTRACTOR_WORKERS,
  COUNTS,
  EMPLOYEES,
  EXTERNAL_PERSONS,
  type FixtureUser,
  SITES,
  USERS,
} from '../support/fixture.ts';

const codes = (items: { siteCode: string | null }[]) => [...new Set(items.map((i) => i.siteCode))].sort();

describe.each(databases())('scoped access (%s)', (kind) => {
  let t: TestApp;
  const clients = {} as Record<FixtureUser, ApiClient>;

  beforeAll(async () => {
    t = await createTestApp({ kind });
    for (const user of Object.keys(USERS) as FixtureUser[]) clients[user] = await t.signInAs(user);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('lists are filtered by scope in SQL', () => {
    it('shows a site officer of K7 the employees of K7 only', async () => {
      const res = await clients.k7Officer.get('/api/people/employees', {
        query: { status: 'all', pageSize: 500 },
      });
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(COUNTS.employeesAt('K7'));
      expect(codes(res.body.items)).toEqual(['K7']);
      const active = await clients.k7Officer.get('/api/people/employees');
      expect(active.body.total).toBe(COUNTS.employeesAt('K7', 'active'));
      const left = await clients.k7Officer.get('/api/people/employees', { query: { status: 'left' } });
      expect(left.body.items.map((e: { employeeNo: string }) => e.employeeNo).sort()).toEqual([
        'K7-0006',
        'K7-0008',
      ]);
    });

    it('shows a subsidiary-scoped officer every site of the subsidiary, and no other', async () => {
      const res = await clients.spilOfficer.get('/api/people/employees', { query: { status: 'all' } });
      expect(res.body.total).toBe(COUNTS.employeesAt('TC') + COUNTS.employeesAt('SZ'));
      expect(codes(res.body.items)).toEqual(['SZ', 'TC']);
    });

    it('shows group-scoped readers every site', async () => {
      for (const user of ['groupAdmin', 'ohsOwner', 'auditor'] as const) {
        const res = await clients[user].get('/api/people/employees', { query: { status: 'all' } });
        expect(res.status, user).toBe(200);
        expect(res.body.total, user).toBe(COUNTS.employees);
      }
    });

    it('answers 404 when a list, an export, the statistics or the health summary is asked for a site outside the scope', async () => {
      const officer = clients.k7Officer;
      const asked = [
        ['/api/people/employees', {}],
        ['/api/people/employees/export.csv', {}],
        ['/api/ohs/incidents', {}],
        ['/api/ohs/incidents/export.xlsx', {}],
        ['/api/ohs/statistics', { from: 2024, to: 2024 }],
        ['/api/ohs/health/summary', { year: 2024 }],
      ] as const;
      for (const [path, query] of asked) {
        const elsewhere = await officer.get(path, { query: { ...query, siteId: SITES.TC.id } });
        expect(elsewhere.status, path).toBe(404);
        expect(elsewhere.headers['content-type'], path).toContain('application/problem+json');
        expect(elsewhere.body.errors, path).toEqual([
          { path: 'querystring.siteId', message: expect.stringContaining('outside your scope') },
        ]);
        // The same request for the officer's own site is answered.
        expect((await officer.get(path, { query: { ...query, siteId: SITES.K7.id } })).status, path).toBe(
          200,
        );
      }
      // A site that does not exist is not found either, even for the whole group in scope.
      const unknown = await clients.groupAdmin.get('/api/ohs/health/summary', {
        query: { year: 2024, siteId: '00000000-0000-4000-8000-000000000000' },
      });
      expect(unknown.status).toBe(404);
      // Without a site filter, the list holds the rows in scope, and a search finds nobody elsewhere.
      const search = await officer.get('/api/people/employees', { query: { q: 'Chang Hsin' } });
      expect(search.status).toBe(200);
      expect(search.body.total).toBe(0);
    });

    it("answers 403 when the filter names a site in scope where the list's permission is not held", async () => {
      const admin = clients.groupAdmin;
      const created = await admin.post('/api/users', {
        email: 'two.hats@steward.test',
        displayName: 'Two Hats',
        password: 'Officer-And-Worker-1',
        assignments: [
          { role: 'site_officer', scopeKind: 'sites', siteIds: [SITES.K7.id] },
          { role: 'employee', scopeKind: 'sites', siteIds: [SITES.PG.id] },
        ],
      });
      expect(created.status, created.text).toBe(201);
      const twoHats = await t.signIn('two.hats@steward.test', 'Officer-And-Worker-1');
      const pg = await twoHats.get('/api/people/employees', { query: { siteId: SITES.PG.id } });
      expect(pg.status).toBe(403);
      expect(pg.body.permission).toBe('people.read');
      const k7 = await twoHats.get('/api/people/employees', { query: { siteId: SITES.K7.id } });
      expect(k7.status).toBe(200);
      expect(k7.body.total).toBeGreaterThan(0);
    });

    it('exports as CSV only the rows in scope', async () => {
      const res = await clients.k7Officer.get('/api/people/employees/export.csv', {
        query: { status: 'all' },
      });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      const lines = res.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(lines[0]).toBe(
        'employee_no,full_name,site_code,department,hire_date,leave_date,email,job_title',
      );
      expect(lines.length - 1).toBe(COUNTS.employeesAt('K7'));
      expect(lines.slice(1).every((l) => l.split(',')[2] === 'K7')).toBe(true);
    });

    it('filters sites, contractor workers and the organisation tree', async () => {
      const sites = await clients.k7Officer.get('/api/org/sites');
      expect(sites.body.items.map((s: { code: string }) => s.code)).toEqual(['K7']);
      const spilSites = await clients.spilOfficer.get('/api/org/sites');
      expect(spilSites.body.items.map((s: { code: string }) => s.code).sort()).toEqual(['SZ', 'TC']);
      const allSites = await clients.board.get('/api/org/sites');
      expect(allSites.body.total).toBe(4);

      const workers = await clients.k7Officer.get('/api/people/contractor-workers');
      expect(workers.body.items.map((w: { workerNo: string }) => w.workerNo).sort()).toEqual([
        'KS-001',
        'KS-002',
      ]);
      const spilWorkers = await clients.spilOfficer.get('/api/people/contractor-workers');
      expect(spilWorkers.body.items.map((w: { workerNo: string }) => w.workerNo)).toEqual(['KS-003']);

      const tree = await clients.k7Officer.get('/api/org/tree');
      expect(tree.body.subsidiaries.map((s: { code: string }) => s.code)).toEqual(['ASE']);
      expect(tree.body.subsidiaries[0].sites.map((s: { code: string }) => s.code)).toEqual(['K7']);
    });

    it('shows group records (no site) to everyone who may read people, and site records in scope only', async () => {
      const k7 = await clients.k7Officer.get('/api/people/externals');
      expect(k7.body.items.map((x: { id: string }) => x.id).sort()).toEqual(
        [EXTERNAL_PERSONS.STUDENT.id, EXTERNAL_PERSONS.SUPPLIER.id].sort(),
      );
      const spil = await clients.spilOfficer.get('/api/people/externals');
      expect(spil.body.items.map((x: { id: string }) => x.id)).toEqual([EXTERNAL_PERSONS.SUPPLIER.id]);
      const companies = await clients.spilOfficer.get('/api/people/contractor-companies');
      expect(companies.body.items[0]).toMatchObject({ id: CONTRACTOR_COMPANY.id, workerCount: 3 });
    });

    it('shows each user their own sites on the home page', async () => {
      const expectations: [FixtureUser, string[]][] = [
        ['k7Officer', ['K7']],
        ['spilOfficer', ['SZ', 'TC']],
        ['employee', ['K7']],
        ['contractor', ['TC']],
        ['medical', ['K7']],
        ['board', ['K7', 'PG', 'SZ', 'TC']],
      ];
      for (const [user, sites] of expectations) {
        const res = await clients[user].get('/api/home');
        expect(res.status, user).toBe(200);
        expect(res.body.sites.map((s: { code: string }) => s.code).sort(), user).toEqual(sites);
      }
    });

    it('refuses a list to a role without the permission anywhere with 403', async () => {
      for (const [user, url] of [
        ['employee', '/api/people/employees'],
        ['board', '/api/people/employees'],
        ['contractor', '/api/people/contractor-workers'],
        ['k7Officer', '/api/users'],
        ['k7Officer', '/api/audit/events'],
        ['ohsOwner', '/api/audit/verify'],
      ] as const) {
        const res = await clients[user].get(url);
        expect(res.status, `${user} ${url}`).toBe(403);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    });
  });

  describe('reads and writes by id: 404 outside the scope, 403 inside it without the permission', () => {
    const other = EMPLOYEES['TC-0001'];
    const own = EMPLOYEES['K7-0002'];

    it('answers a site officer asking for a person of another site with 404, revealing nothing', async () => {
      const res = await clients.k7Officer.get(`/api/people/employees/${other.id}`);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.text).not.toContain(other.fullName);
      // The same answer as for an id that does not exist at all.
      const missing = await clients.k7Officer.get(
        '/api/people/employees/6f0e2b7c-1d3a-4e5f-9a8b-7c6d5e4f3a2b',
      );
      expect(missing.status).toBe(404);
      expect(missing.body.detail).toBe(res.body.detail);
      expect(missing.body.title).toBe(res.body.title);
    });

    it('lets the officer read a person of their own site', async () => {
      const res = await clients.k7Officer.get(`/api/people/employees/${own.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: own.id,
        employeeNo: own.employeeNo,
        siteCode: 'K7',
        fullName: own.fullName,
      });
    });

    it('answers an employee asking for a person of their own site with 403', async () => {
      const res = await clients.employee.get(`/api/people/employees/${own.id}`);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 403, permission: 'people.read' });
      // ...and for a person of another site with 404.
      expect((await clients.employee.get(`/api/people/employees/${other.id}`)).status).toBe(404);
    });

    it('answers a signed-out request with 401 before anything else', async () => {
      for (const url of [
        `/api/people/employees/${own.id}`,
        `/api/people/employees/${other.id}`,
        '/api/org/sites',
      ]) {
        const res = await t.anonymous().get(url);
        expect(res.status, url).toBe(401);
      }
    });

    it('applies the same rules to sites, areas, contractor workers and external persons', async () => {
      const cases: [FixtureUser, string, number][] = [
        ['k7Officer', `/api/org/sites/${SITES.TC.id}`, 404],
        ['k7Officer', `/api/org/sites/${SITES.K7.id}`, 200],
        ['k7Officer', `/api/org/sites/${SITES.TC.id}/areas`, 404],
        ['k7Officer', `/api/org/sites/${SITES.K7.id}/areas`, 200],
        ['spilOfficer', `/api/org/sites/${SITES.TC.id}`, 200],
        ['spilOfficer', `/api/org/sites/${SITES.PG.id}`, 404],
        ['k7Officer', `/api/people/contractor-workers/${CONTRACTOR_WORKERS.KS_003.id}`, 404],
        ['k7Officer', `/api/people/contractor-workers/${CONTRACTOR_WORKERS.KS_001.id}`, 200],
        ['employee', `/api/people/contractor-workers/${CONTRACTOR_WORKERS.KS_001.id}`, 403],
        ['spilOfficer', `/api/people/externals/${EXTERNAL_PERSONS.STUDENT.id}`, 404],
        ['spilOfficer', `/api/people/externals/${EXTERNAL_PERSONS.SUPPLIER.id}`, 200],
        ['employee', `/api/people/externals/${EXTERNAL_PERSONS.SUPPLIER.id}`, 403],
        ['medical', `/api/people/employees/${own.id}`, 200],
        ['medical', `/api/people/employees/${other.id}`, 404],
        ['board', `/api/people/employees/${own.id}`, 403],
        ['contractor', `/api/people/employees/${other.id}`, 403],
        ['employee', `/api/people/contractor-companies/${CONTRACTOR_COMPANY.id}`, 403],
        ['k7Officer', `/api/people/contractor-companies/${CONTRACTOR_COMPANY.id}`, 200],
        ['k7Officer', `/api/users/${USERS.employee.id}`, 403],
        ['auditor', `/api/users/${USERS.employee.id}`, 200],
      ];
      for (const [user, url, status] of cases) {
        const res = await clients[user].get(url);
        expect(res.status, `${user} GET ${url}`).toBe(status);
      }
    });

    it('refuses writes outside the scope with 404 and without the permission with 403, changing nothing', async () => {
      const current = await clients.groupAdmin.get(`/api/people/employees/${other.id}`);
      const patch = { department: 'Moved', version: current.body.version };
      expect((await clients.k7Officer.patch(`/api/people/employees/${other.id}`, patch)).status).toBe(404);
      expect((await clients.auditor.patch(`/api/people/employees/${other.id}`, patch)).status).toBe(403);
      expect((await clients.board.patch(`/api/people/employees/${other.id}`, patch)).status).toBe(403);
      const after = await clients.groupAdmin.get(`/api/people/employees/${other.id}`);
      expect(after.body).toEqual(current.body);

      // Creating at a site outside the scope, or moving a person there.
      const input = {
        siteId: SITES.TC.id,
        employeeNo: 'TC-9999',
        fullName: 'Not Allowed',
        department: 'Test',
        hireDate: '2025-02-03',
      };
      expect((await clients.k7Officer.post('/api/people/employees', input)).status).toBe(404);
      const mine = await clients.k7Officer.get(`/api/people/employees/${own.id}`);
      const move = await clients.k7Officer.patch(`/api/people/employees/${own.id}`, {
        siteId: SITES.TC.id,
        version: mine.body.version,
      });
      expect(move.status).toBe(404);
      expect((await clients.k7Officer.get(`/api/people/employees/${own.id}`)).body.siteCode).toBe('K7');
      expect(
        await t.db.selectFrom('employees').selectAll().where('employee_no', '=', 'TC-9999').execute(),
      ).toEqual([]);

      // The SPIL officer may manage TC people.
      const created = await clients.spilOfficer.post('/api/people/employees', input);
      expect(created.status).toBe(201);
      expect(created.body.siteCode).toBe('TC');
    });

    it('lets a program owner edit group records and a site officer only read them', async () => {
      const company = await clients.k7Officer.get(
        `/api/people/contractor-companies/${CONTRACTOR_COMPANY.id}`,
      );
      const patch = { contactPhone: '+886 7 555 0100', version: company.body.version };
      const refused = await clients.k7Officer.patch(
        `/api/people/contractor-companies/${CONTRACTOR_COMPANY.id}`,
        patch,
      );
      expect(refused.status).toBe(403);
      const ok = await clients.ohsOwner.patch(
        `/api/people/contractor-companies/${CONTRACTOR_COMPANY.id}`,
        patch,
      );
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ contactPhone: '+886 7 555 0100', version: company.body.version + 1 });
    });

    it('lets a site officer manage areas of their site only', async () => {
      const area = {
        siteId: SITES.K7.id,
        parentId: AREAS.K7_B1.id,
        kind: 'floor',
        code: 'B1-F4',
        name: 'Floor 4',
      };
      const created = await clients.k7Officer.post('/api/org/areas', area);
      expect(created.status).toBe(201);
      const elsewhere = await clients.k7Officer.post('/api/org/areas', {
        ...area,
        siteId: SITES.TC.id,
        parentId: null,
      });
      expect(elsewhere.status).toBe(404);
      const tcArea = await clients.k7Officer.patch(`/api/org/areas/${AREAS.TC_FAB.id}`, {
        name: 'Renamed',
        version: 1,
      });
      expect(tcArea.status).toBe(404);
      // Site records themselves are the administrator's.
      const site = await clients.k7Officer.patch(`/api/org/sites/${SITES.K7.id}`, {
        name: 'K7 renamed',
        version: 1,
      });
      expect(site.status).toBe(403);
    });
  });
});
