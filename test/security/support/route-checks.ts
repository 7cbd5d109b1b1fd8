// biome-ignore-all lint/suspicious/noExplicitAny: list rows are whatever the API sent.
import { programModules } from '../../../server/modules/index.ts';
import type { AnyProgramModule } from '../../../server/platform/modules/manifest.ts';
import { CONTRACTOR_COMPANY, SITES, SUBSIDIARIES, USERS } from '../../support/fixture.ts';
import type { Program, SiteCode } from './policy.ts';
import { EMPLOYEE_AT, isoDay, multipart } from './resources.ts';
import {
  type Body,
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

export type { Check, Ctx, RouteSpec } from './route-kit.ts';

const OHS: Program = 'ohs';

/** The platform's routes. A route missing from the table fails the suite, with a message saying what to add. */
const PLATFORM_ROUTE_CHECKS: Record<string, RouteSpec> = {
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

  // ---- obligations and notifications
  'GET /api/obligations': {
    access: 'signed-in',
    checks: [
      { kind: 'self', ok: [200] },
      {
        kind: 'list',
        permission: 'obligations.read',
        query: { view: 'scope' },
        groupRows: 'group-wide',
        family: 'obligation',
      },
    ],
  },
  'GET /api/obligations/summary': { access: 'obligations.read', checks: [figures('obligations.read')] },
  'GET /api/obligations/:id': {
    access: 'signed-in',
    checks: [
      {
        kind: 'record',
        family: 'obligation',
        permission: 'obligations.read',
        group: 'group-wide',
        ok: [200],
      },
    ],
  },
  'POST /api/obligations/:id/complete': {
    access: 'signed-in',
    checks: [
      {
        kind: 'record',
        family: 'obligation',
        permission: 'obligations.manage',
        program: OHS,
        group: 'group-wide',
        body: stale,
        ok: [409],
      },
    ],
  },
  'POST /api/obligations/:id/delegate': {
    access: 'signed-in',
    checks: [
      {
        kind: 'record',
        family: 'obligation',
        permission: 'obligations.manage',
        program: OHS,
        group: 'group-wide',
        body: () => ({ version: STALE, delegateId: null }),
        ok: [409],
      },
    ],
  },
  'POST /api/obligations/calendar-feed': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },
  // A made-up feed token is not found for anyone; the feed itself is tested in test/api/obligations.test.ts.
  'GET /api/obligations/feed/:token': {
    access: 'public',
    checks: [
      { kind: 'public', ok: [404], path: '/api/obligations/feed/abcdefghijklmnopqrstuvwxyz012345.ics' },
    ],
  },
  'GET /api/obligations/export.csv': {
    access: 'signed-in',
    checks: [
      { kind: 'self', ok: [200] },
      csvExport('obligations.read', 'Site', { query: { view: 'scope' }, groupRows: 'group-wide' }),
    ],
  },
  'GET /api/obligations/export.xlsx': {
    access: 'signed-in',
    checks: [{ kind: 'self', ok: [200] }, binary('obligations.read', { query: { view: 'scope' } })],
  },
  'GET /api/notifications': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },
  'GET /api/notifications/unread-count': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },
  'POST /api/notifications/:id/read': {
    access: 'signed-in',
    checks: [{ kind: 'personal', family: 'notification' }],
  },
  'POST /api/notifications/read-all': { access: 'signed-in', checks: [{ kind: 'self', ok: [200, 204] }] },
  'GET /api/notifications/preferences': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },
  'PUT /api/notifications/preferences': {
    access: 'signed-in',
    checks: [{ kind: 'self', ok: [200], body: () => ({ digest: false }) }],
  },

  // ---- certifications
  'GET /api/certifications': {
    access: 'certifications.read',
    checks: [
      {
        kind: 'list',
        permission: 'certifications.read',
        query: { pageSize: '500' },
        family: 'certification',
      },
    ],
  },
  'GET /api/certifications/standards': {
    access: 'certifications.read',
    checks: [figures('certifications.read')],
  },
  'GET /api/certifications/matrix': {
    access: 'certifications.read',
    checks: [
      {
        kind: 'list',
        permission: 'certifications.read',
        rows: (b) =>
          b.rows.filter((r: any) => r.level === 'site').map((r: any) => ({ siteCode: r.holderCode })),
      },
    ],
  },
  'GET /api/certifications/:id': {
    access: 'certifications.read',
    checks: [
      {
        kind: 'record',
        family: 'certification',
        permission: 'certifications.read',
        subsidiary: 'any',
        ok: [200],
      },
    ],
  },
  'GET /api/certifications/:id/history': {
    access: 'certifications.read',
    checks: [
      {
        kind: 'record',
        family: 'certification',
        permission: 'certifications.read',
        subsidiary: 'any',
        ok: [200],
      },
    ],
  },
  'POST /api/certifications': {
    access: 'certifications.manage',
    checks: [
      {
        kind: 'create',
        locations: ['K7', 'PG', 'TC', 'ASE'],
        permission: 'certifications.manage',
        program: OHS,
        subsidiary: 'all',
        body: ({ loc, n }) => ({
          standard: 'ISO 45001',
          ...(loc === 'ASE' ? { subsidiaryId: SUBSIDIARIES.ASE.id } : { siteId: site(loc) }),
          certificateNo: `MXC-${n}`,
          issuedOn: isoDay(-10),
          validUntil: isoDay(900),
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/certifications/:id': {
    access: 'certifications.manage',
    checks: [
      {
        kind: 'record',
        family: 'certification',
        permission: 'certifications.manage',
        program: OHS,
        subsidiary: 'all',
        body: stale,
        ok: [409],
      },
    ],
  },
  'GET /api/certifications/export.csv': {
    access: 'certifications.read',
    checks: [csvExport('certifications.read', 'Site', { family: 'certification' })],
  },
  'GET /api/certifications/export.xlsx': {
    access: 'certifications.read',
    checks: [binary('certifications.read')],
  },

  // ---- actions
  'GET /api/actions': {
    access: 'signed-in',
    checks: [
      {
        kind: 'list',
        permission: 'actions.read',
        query: { pageSize: '500' },
        groupRows: 'group-wide',
        family: 'action',
      },
      { kind: 'self', ok: [200], query: () => ({ mine: 'true' }) },
    ],
  },
  'GET /api/actions/:id': {
    access: 'signed-in',
    checks: [
      { kind: 'record', family: 'action', permission: 'actions.read', group: 'group-wide', ok: [200] },
    ],
  },
  'GET /api/sources/:type/:id': {
    access: 'signed-in',
    checks: [
      {
        kind: 'record',
        family: 'action',
        path: { type: 'action' },
        permission: 'actions.read',
        group: 'group-wide',
        ok: [200],
      },
    ],
  },
  'POST /api/actions': {
    access: 'actions.manage',
    checks: [
      {
        kind: 'create',
        locations: sitesAndGroup,
        permission: 'actions.manage',
        program: OHS,
        body: ({ loc, n }) => ({
          siteId: site(loc),
          program: 'ohs',
          kind: 'preventive',
          title: `Matrix created action ${n}`,
          dueDate: isoDay(20),
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/actions/:id': {
    access: 'actions.manage',
    checks: [
      {
        kind: 'record',
        family: 'action',
        permission: 'actions.manage',
        program: OHS,
        group: 'group-wide',
        body: stale,
        ok: [409],
      },
    ],
  },
  'POST /api/actions/:id/transition': {
    access: 'signed-in',
    checks: [
      {
        kind: 'record',
        family: 'action',
        permission: 'actions.manage',
        program: OHS,
        group: 'group-wide',
        body: () => ({ transition: 'start', version: STALE }),
        ok: [409],
      },
    ],
  },
  'GET /api/actions/export.csv': {
    access: 'signed-in',
    checks: [
      csvExport('actions.read', 'Site', { groupRows: 'group-wide' }),
      { kind: 'self', ok: [200], query: () => ({ mine: 'true' }) },
    ],
  },
  'GET /api/actions/export.xlsx': {
    access: 'signed-in',
    checks: [binary('actions.read'), { kind: 'self', ok: [200], query: () => ({ mine: 'true' }) }],
  },

  // ---- committees and meetings
  'GET /api/committees': {
    access: 'signed-in',
    checks: [
      {
        kind: 'list',
        permission: 'meetings.read',
        query: { pageSize: '500' },
        groupRows: 'anywhere',
        family: 'committee',
      },
      { kind: 'self', ok: [200], query: () => ({ mine: 'true' }) },
    ],
  },
  'GET /api/committees/:id': {
    access: 'signed-in',
    checks: [{ kind: 'record', family: 'committee', permission: 'meetings.read', ok: [200] }],
  },
  'POST /api/committees': {
    access: 'meetings.manage',
    checks: [
      {
        kind: 'create',
        locations: sitesAndGroup,
        permission: (loc) => (loc === 'group' ? 'meetings.group.manage' : 'meetings.manage'),
        program: OHS,
        body: ({ loc, n }) =>
          loc === 'group'
            ? { name: `Matrix group committee ${n}`, program: 'ohs', level: 'group' }
            : { name: `Matrix committee ${n}`, program: 'ohs', level: 'site', siteId: site(loc) },
        ok: [201],
      },
    ],
  },
  'PATCH /api/committees/:id': {
    access: 'meetings.manage',
    checks: [
      {
        kind: 'record',
        family: 'committee',
        permission: (l) => (l === 'group' ? 'meetings.group.manage' : 'meetings.manage'),
        program: OHS,
        body: stale,
        ok: [409],
      },
    ],
  },
  'POST /api/committees/:id/members': {
    access: 'meetings.manage',
    checks: [
      {
        kind: 'record',
        family: 'committee',
        permission: (l) => (l === 'group' ? 'meetings.group.manage' : 'meetings.manage'),
        program: OHS,
        // The Board member is added once; later allowed attempts find them already on the committee.
        body: () => ({ userId: USERS.board.id, role: 'member' }),
        ok: [201, 409],
      },
    ],
  },
  'DELETE /api/committee-members/:id': {
    access: 'meetings.manage',
    checks: [
      {
        kind: 'record',
        family: 'committeeMember',
        permission: (l) => (l === 'group' ? 'meetings.group.manage' : 'meetings.manage'),
        program: OHS,
        fresh: true,
        ok: [200, 204],
      },
    ],
  },
  'GET /api/meetings': {
    access: 'signed-in',
    checks: [
      {
        kind: 'list',
        permission: 'meetings.read',
        query: { pageSize: '500' },
        groupRows: 'anywhere',
        family: 'meeting',
      },
      { kind: 'self', ok: [200], query: () => ({ mine: 'true' }) },
    ],
  },
  'GET /api/meetings/:id': {
    access: 'signed-in',
    checks: [{ kind: 'record', family: 'meeting', permission: 'meetings.read', ok: [200] }],
  },
  'POST /api/meetings': {
    access: 'signed-in',
    checks: [
      {
        kind: 'create',
        locations: sitesAndGroup,
        permission: (loc) => (loc === 'group' ? 'meetings.group.manage' : 'meetings.manage'),
        program: OHS,
        body: async ({ res, loc, n }) => ({
          committeeId: await res.id('committee', loc),
          title: `Matrix created meeting ${n}`,
          location: 'Room 1',
          scheduledAt: new Date(Date.now() + 40 * 86_400_000).toISOString(),
        }),
        ok: [201],
      },
    ],
  },
  ...Object.fromEntries(
    (
      [
        ['PATCH /api/meetings/:id', stale],
        [
          'POST /api/meetings/:id/transition',
          () => ({ transition: 'cancel', reason: 'matrix', version: STALE }),
        ],
        ['PUT /api/meetings/:id/agenda', () => ({ items: [], version: STALE })],
        [
          'PUT /api/meetings/:id/attendance',
          () => ({ entries: [{ userId: USERS.board.id, status: 'present' }], version: STALE }),
        ],
        ['POST /api/meetings/:id/decisions', () => ({ text: 'Matrix decision', version: STALE })],
      ] as [string, Body][]
    ).map(([route, body]): [string, RouteSpec] => [
      route,
      {
        access: 'signed-in',
        checks: [
          {
            kind: 'record',
            family: 'meeting',
            permission: (l) => (l === 'group' ? 'meetings.group.manage' : 'meetings.manage'),
            program: OHS,
            body,
            ok: [409],
          },
        ],
      },
    ]),
  ),

  // ---- documents and imports
  'GET /api/documents': {
    access: 'signed-in',
    checks: [
      {
        kind: 'record',
        family: 'action',
        permission: 'actions.read',
        program: OHS,
        group: 'group-wide',
        query: async ({ res, loc }) => ({ entityType: 'action', entityId: await res.id('action', loc) }),
        ok: [200],
      },
    ],
  },
  'POST /api/documents': {
    access: 'signed-in',
    checks: [
      {
        kind: 'record',
        family: 'action',
        permission: 'actions.manage',
        program: OHS,
        group: 'group-wide',
        multipart: true,
        query: async ({ res, loc }) => ({ entityType: 'action', entityId: await res.id('action', loc) }),
        ok: [201],
      },
    ],
  },
  'GET /api/documents/:id/download': {
    access: 'signed-in',
    checks: [
      {
        kind: 'record',
        family: 'document',
        permission: 'actions.read',
        program: OHS,
        group: 'group-wide',
        ok: [200],
      },
    ],
  },
  'DELETE /api/documents/:id': {
    access: 'signed-in',
    checks: [
      {
        kind: 'record',
        family: 'document',
        permission: 'actions.manage',
        program: OHS,
        group: 'group-wide',
        fresh: true,
        ok: [204],
      },
    ],
  },
  'GET /api/imports': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },
  'POST /api/imports': {
    access: 'signed-in',
    checks: [
      {
        kind: 'create',
        locations: ['group'],
        permission: 'training.manage',
        query: () => ({ kind: 'training_completions' }),
        body: async () =>
          multipart('completions.csv', 'employee_no,course_code,completed_on\nK7-0001,MX-1,2026-01-05\n'),
        contentType: 'multipart',
        ok: [201],
      },
    ],
  },
  'GET /api/imports/:id': { access: 'signed-in', checks: [{ kind: 'personal', family: 'import' }] },
  'PUT /api/imports/:id/mapping': {
    access: 'signed-in',
    checks: [{ kind: 'personal', family: 'import', body: () => ({ version: 1, mapping: {} }) }],
  },
  'POST /api/imports/:id/validate': {
    access: 'signed-in',
    checks: [{ kind: 'personal', family: 'import', body: () => ({ version: 1 }) }],
  },
  'POST /api/imports/:id/commit': {
    access: 'signed-in',
    checks: [{ kind: 'personal', family: 'import', body: () => ({ version: 1 }) }],
  },

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

/**
 * The route table of an app built with `modules`: the platform's rows and each module's, which its manifest
 * loads (`securityChecks`). A route that two of them describe is a mistake, found here.
 */
export async function routeChecks(
  modules: readonly AnyProgramModule[] = programModules,
): Promise<Record<string, RouteSpec>> {
  const table: Record<string, RouteSpec> = { ...PLATFORM_ROUTE_CHECKS };
  for (const module of modules) {
    const rows = (await module.securityChecks?.()) as Record<string, RouteSpec> | undefined;
    for (const [key, spec] of Object.entries(rows ?? {})) {
      if (table[key]) throw new Error(`${key} has two rows in the security route table (${module.key})`);
      table[key] = spec;
    }
  }
  return table;
}

/** The route table of the app with the default module list. */
export const ROUTE_CHECKS = await routeChecks();
