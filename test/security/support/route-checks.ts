// biome-ignore-all lint/suspicious/noExplicitAny: list rows are whatever the API sent.
import { CONTRACTOR_COMPANY, SITES, SUBSIDIARIES } from '../../support/fixture.ts';
import { EMPLOYEE_AT, isoDay } from './family-kit.ts';
import type { SiteCode } from './policy.ts';
import {
  binary,
  csvExport,
  figures,
  type RouteSpec,
  STALE,
  site,
  sites3,
  sitesAndGroup,
  stale,
} from './route-kit.ts';

/**
 * The platform's routes of operations, sign-in, the organisation, people, users, the audit log and training;
 * those of the registries whose records belong to a program are in route-checks-registries.ts. A route missing
 * from the table fails the suite, with a message saying what to add.
 */
export const PLATFORM_ROUTE_CHECKS: Record<string, RouteSpec> = {
  // ---- operations and sign-in
  'GET /api/openapi.json': { access: 'public', checks: [{ kind: 'public', ok: [200] }] },
  'GET /api/health': { access: 'public', checks: [{ kind: 'public', ok: [200] }] },
  'GET /api/ready': { access: 'public', checks: [{ kind: 'public', ok: [200] }] },
  'POST /api/auth/sign-in': {
    access: 'public',
    // An unknown account is refused the same way for everyone (sign-in itself is tested in test/api/auth.test.ts).
    checks: [
      {
        kind: 'public',
        ok: [401],
        body: () => ({ email: 'nobody.at.all@steward.test', password: 'not-the-password' }),
      },
    ],
  },
  // Sign-out is tested on its own (it would end the matrix actors' sessions).
  'POST /api/auth/sign-out': { access: 'public', checks: [] },
  'GET /api/auth/session': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },
  'PUT /api/auth/preferences': {
    access: 'signed-in',
    checks: [{ kind: 'self', ok: [200, 204], body: () => ({ locale: 'en' }) }],
  },
  'GET /api/auth/tokens': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },
  'POST /api/auth/tokens': {
    access: 'signed-in',
    checks: [{ kind: 'self', ok: [201], body: () => ({ name: 'matrix' }) }],
  },
  'DELETE /api/auth/tokens/:id': { access: 'signed-in', checks: [{ kind: 'personal', family: 'token' }] },
  'GET /api/home': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },

  // ---- organisation
  'GET /api/org/tree': {
    access: 'org.read',
    checks: [
      {
        kind: 'list',
        permission: 'org.read',
        rows: (b) => b.subsidiaries.flatMap((s: any) => s.sites),
        family: 'site',
      },
    ],
  },
  'GET /api/org/subsidiaries': {
    access: 'org.read',
    checks: [{ kind: 'list', permission: 'org.read', groupRows: 'anywhere' }],
  },
  'POST /api/org/subsidiaries': {
    access: 'org.manage',
    checks: [
      {
        kind: 'create',
        locations: ['group'],
        permission: 'org.manage',
        body: ({ n }) => ({ code: `MX${n}`, name: `Matrix ${n}` }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/org/subsidiaries/:id': {
    access: 'org.manage',
    checks: [{ kind: 'record', family: 'subsidiary', permission: 'org.manage', body: stale, ok: [409] }],
  },
  'GET /api/org/sites': {
    access: 'org.read',
    checks: [{ kind: 'list', permission: 'org.read', family: 'site' }],
  },
  'GET /api/org/sites/:id': {
    access: 'org.read',
    checks: [{ kind: 'record', family: 'site', permission: 'org.read', ok: [200] }],
  },
  'POST /api/org/sites': {
    access: 'org.manage',
    checks: [
      {
        kind: 'create',
        locations: ['group'],
        permission: 'org.manage',
        // In SPIL, where no matrix actor has a subsidiary scope (a new ASE site would join the ASE scope).
        body: ({ n }) => ({
          subsidiaryId: SUBSIDIARIES.SPIL.id,
          code: `MX${n}`,
          name: `Matrix site ${n}`,
          country: 'TW',
          timeZone: 'Asia/Taipei',
          kind: 'office',
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/org/sites/:id': {
    access: 'org.manage',
    checks: [{ kind: 'record', family: 'site', permission: 'org.manage', body: stale, ok: [409] }],
  },
  'GET /api/org/sites/:id/areas': {
    access: 'org.read',
    checks: [{ kind: 'record', family: 'site', permission: 'org.read', ok: [200] }],
  },
  'POST /api/org/areas': {
    access: 'org.areas.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'org.areas.manage',
        body: ({ loc, n }) => ({
          siteId: site(loc),
          parentId: null,
          kind: 'zone',
          code: `MZ${n}`,
          name: `Matrix zone ${n}`,
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/org/areas/:id': {
    access: 'org.areas.manage',
    checks: [{ kind: 'record', family: 'area', permission: 'org.areas.manage', body: stale, ok: [409] }],
  },
  'DELETE /api/org/areas/:id': {
    access: 'org.areas.manage',
    checks: [
      {
        kind: 'record',
        family: 'area',
        permission: 'org.areas.manage',
        query: () => ({ version: String(STALE) }),
        ok: [409],
      },
    ],
  },
  'GET /api/org/sites/export.csv': { access: 'org.read', checks: [csvExport('org.read', 'Code')] },
  'GET /api/org/sites/export.xlsx': { access: 'org.read', checks: [binary('org.read')] },
  // ---- sites' working calendars: countries' days are group rows, read by all who read sites
  'GET /api/org/calendar-days': {
    access: 'org.read',
    checks: [{ kind: 'list', permission: 'org.read', groupRows: 'anywhere', family: 'calendarDay' }],
  },
  'GET /api/org/calendar-days/coverage': { access: 'org.read', checks: [figures('org.read')] },
  'POST /api/org/calendar-days': {
    access: 'org.manage',
    checks: [
      {
        kind: 'create',
        locations: sitesAndGroup,
        permission: 'org.manage',
        group: 'group-wide',
        body: ({ loc, n }) => ({
          day: isoDay(2000 + n),
          ...(loc === 'group' ? { country: 'TW' } : { siteId: site(loc) }),
          kind: loc === 'group' ? 'public_holiday' : 'closure',
          name: `Matrix day ${n}`,
        }),
        ok: [201],
      },
    ],
  },
  'DELETE /api/org/calendar-days/:id': {
    access: 'org.manage',
    checks: [
      {
        kind: 'record',
        family: 'calendarDay',
        permission: 'org.manage',
        group: 'group-wide',
        query: () => ({ version: String(STALE) }),
        ok: [409],
      },
    ],
  },
  'GET /api/org/calendar-days/export.csv': {
    access: 'org.read',
    checks: [csvExport('org.read', 'Site', { groupRows: 'anywhere', family: 'calendarDay' })],
  },
  'GET /api/org/calendar-days/export.xlsx': { access: 'org.read', checks: [binary('org.read')] },
  'GET /api/reports/organisation.pdf': { access: 'org.read', checks: [binary('org.read')] },
  'GET /api/reports/organisation.xlsx': { access: 'org.read', checks: [binary('org.read')] },

  // ---- people
  'GET /api/people/departments': { access: 'people.read', checks: [figures('people.read')] },
  'GET /api/people/employees': {
    access: 'people.read',
    checks: [{ kind: 'list', permission: 'people.read', query: { status: 'all' }, family: 'employee' }],
  },
  'GET /api/people/employees/:id': {
    access: 'people.read',
    checks: [{ kind: 'record', family: 'employee', permission: 'people.read', ok: [200] }],
  },
  'POST /api/people/employees': {
    access: 'people.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'people.manage',
        body: ({ loc, n }) => ({
          siteId: site(loc),
          employeeNo: `MX-${n}`,
          fullName: `Matrix Person ${n}`,
          department: 'Test',
          hireDate: '2024-01-02',
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/people/employees/:id': {
    access: 'people.manage',
    checks: [{ kind: 'record', family: 'employee', permission: 'people.manage', body: stale, ok: [409] }],
  },
  'GET /api/people/employees/export.csv': {
    access: 'people.read',
    checks: [csvExport('people.read', 'site_code', { query: { status: 'all' }, family: 'employee' })],
  },
  'GET /api/people/employees/export.xlsx': { access: 'people.read', checks: [binary('people.read')] },
  'GET /api/people/contractor-workers/export.csv': {
    access: 'contractors.read',
    checks: [csvExport('contractors.read', 'site_code', { family: 'contractorWorker' })],
  },
  'GET /api/people/contractor-workers/export.xlsx': {
    access: 'contractors.read',
    checks: [binary('contractors.read')],
  },
  'GET /api/people/contractor-companies': {
    access: 'contractors.read',
    checks: [{ kind: 'list', permission: 'contractors.read' }],
  },
  'GET /api/people/contractor-companies/:id': {
    access: 'contractors.read',
    checks: [{ kind: 'record', family: 'contractorCompany', permission: 'contractors.read', ok: [200] }],
  },
  'POST /api/people/contractor-companies': {
    access: 'contractors.companies.manage',
    checks: [
      {
        kind: 'create',
        locations: ['group'],
        permission: 'contractors.companies.manage',
        body: ({ n }) => ({ name: `Matrix Co ${n}`, country: 'TW' }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/people/contractor-companies/:id': {
    access: 'contractors.companies.manage',
    checks: [
      {
        kind: 'record',
        family: 'contractorCompany',
        permission: 'contractors.companies.manage',
        body: stale,
        ok: [409],
      },
    ],
  },
  'GET /api/people/contractor-workers': {
    access: 'contractors.read',
    checks: [{ kind: 'list', permission: 'contractors.read', family: 'contractorWorker' }],
  },
  'GET /api/people/contractor-workers/:id': {
    access: 'contractors.read',
    checks: [{ kind: 'record', family: 'contractorWorker', permission: 'contractors.read', ok: [200] }],
  },
  'POST /api/people/contractor-workers': {
    access: 'contractors.workers.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'contractors.workers.manage',
        body: ({ loc, n }) => ({
          companyId: CONTRACTOR_COMPANY.id,
          siteId: site(loc),
          workerNo: `MXW-${n}`,
          fullName: `Matrix Worker ${n}`,
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/people/contractor-workers/:id': {
    access: 'contractors.workers.manage',
    checks: [
      {
        kind: 'record',
        family: 'contractorWorker',
        permission: 'contractors.workers.manage',
        body: stale,
        ok: [409],
      },
    ],
  },
  'GET /api/people/externals': {
    access: 'people.read',
    checks: [{ kind: 'list', permission: 'people.read', groupRows: 'anywhere', family: 'external' }],
  },
  'GET /api/people/externals/:id': {
    access: 'people.read',
    checks: [{ kind: 'record', family: 'external', permission: 'people.read', ok: [200] }],
  },
  'POST /api/people/externals': {
    access: 'people.manage',
    checks: [
      {
        kind: 'create',
        locations: sitesAndGroup,
        permission: 'people.manage',
        group: 'group-wide',
        body: ({ loc, n }) => ({
          siteId: site(loc),
          kind: 'visitor',
          fullName: `Matrix Visitor ${n}`,
          organisation: 'Matrix Ltd',
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/people/externals/:id': {
    access: 'people.manage',
    checks: [
      {
        kind: 'record',
        family: 'external',
        permission: 'people.manage',
        group: 'group-wide',
        body: stale,
        ok: [409],
      },
    ],
  },

  // ---- users and audit
  'GET /api/users': {
    access: 'users.read',
    checks: [{ kind: 'list', permission: 'users.read', rows: null }],
  },
  // Names and emails of active users, to pick an owner or a member: any signed-in user, who finds the users
  // with a role at a site they see, or over the whole group.
  'GET /api/users/directory': { access: 'signed-in', checks: [{ kind: 'directory' }] },
  'GET /api/users/:id': {
    access: 'users.read',
    checks: [{ kind: 'record', family: 'user', permission: 'users.read', ok: [200] }],
  },
  'POST /api/users': {
    access: 'users.manage',
    checks: [
      {
        kind: 'create',
        locations: ['group'],
        permission: 'users.manage',
        body: ({ n }) => ({
          email: `matrix.created.${n}@steward.test`,
          displayName: `Matrix Created ${n}`,
          password: 'Matrix-Created-Pass-1',
          assignments: [{ role: 'employee', scopeKind: 'sites', siteIds: [SITES.PG.id] }],
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/users/:id': {
    access: 'users.manage',
    checks: [{ kind: 'record', family: 'user', permission: 'users.manage', body: stale, ok: [409] }],
  },
  'GET /api/audit/events': {
    access: 'audit.read',
    checks: [{ kind: 'list', permission: 'audit.read', query: { pageSize: '500' }, groupRows: 'group-wide' }],
  },
  'GET /api/audit/verify': {
    access: 'audit.read',
    checks: [{ kind: 'group-wide', permission: 'audit.read', ok: [200] }],
  },
  'GET /api/audit/events/export.csv': { access: 'audit.read', checks: [csvExport('audit.read', '')] },
  'GET /api/audit/events/export.xlsx': { access: 'audit.read', checks: [binary('audit.read')] },

  // ---- training
  'GET /api/training/courses': {
    access: 'training.read',
    checks: [
      {
        kind: 'list',
        permission: 'training.read',
        query: { pageSize: '500' },
        groupRows: 'anywhere',
        family: 'course',
      },
    ],
  },
  'GET /api/training/courses/:id': {
    access: 'training.read',
    checks: [{ kind: 'record', family: 'course', permission: 'training.read', ok: [200] }],
  },
  'POST /api/training/courses': {
    access: 'training.manage',
    checks: [
      {
        kind: 'create',
        locations: sitesAndGroup,
        permission: 'training.manage',
        group: 'group-wide',
        // A site manager asking for a group-wide course is told to choose a site.
        groupDenied: 422,
        body: ({ loc, n }) => ({
          code: `MXN-${n}`,
          title: `Matrix new course ${n}`,
          domain: 'other',
          audience: 'selected',
          hours: '1',
          siteId: site(loc),
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/training/courses/:id': {
    access: 'training.manage',
    checks: [
      {
        kind: 'record',
        family: 'course',
        permission: 'training.manage',
        group: 'group-wide-or-admin',
        body: stale,
        ok: [409],
      },
    ],
  },
  'GET /api/training/courses/:id/campaign': {
    access: 'training.read',
    checks: [{ kind: 'record', family: 'course', permission: 'training.read', ok: [200] }],
  },
  'GET /api/training/mine': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },
  'GET /api/training/employees/:id': {
    access: 'training.read',
    checks: [{ kind: 'record', family: 'employee', permission: 'training.read', ok: [200] }],
  },
  'GET /api/training/completions': {
    access: 'training.read',
    checks: [{ kind: 'list', permission: 'training.read' }],
  },
  'POST /api/training/completions': {
    access: 'training.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'training.manage',
        body: async ({ res, loc, n }) => ({
          courseId: await res.id('course', 'group'),
          personType: 'employee',
          personId: EMPLOYEE_AT[loc as SiteCode],
          completedOn: isoDay(-n),
        }),
        ok: [201],
      },
    ],
  },
  'GET /api/training/figures': {
    access: 'training.read',
    checks: [figures('training.read', { query: { year: '2026' } })],
  },
  'GET /api/training/completions/export.csv': {
    access: 'training.read',
    checks: [csvExport('training.read', 'site_code')],
  },
  'GET /api/training/completions/export.xlsx': { access: 'training.read', checks: [binary('training.read')] },
};
