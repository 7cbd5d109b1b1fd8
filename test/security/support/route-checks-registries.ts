// biome-ignore-all lint/suspicious/noExplicitAny: list rows are whatever the API sent.
import { SUBSIDIARIES, USERS } from '../../support/fixture.ts';
import { isoDay, multipart } from './family-kit.ts';
import {
  type Body,
  binary,
  csvExport,
  figures,
  type RegistrySample,
  type RouteSpec,
  STALE,
  site,
  sitesAndGroup,
  stale,
} from './route-kit.ts';

/**
 * The platform's routes of the shared registries whose records belong to a program: obligations (with
 * notifications), certificates, actions, committees and meetings, documents (with imports). The suite files
 * their records under the program that a module lends them (`registries`): its owners and officers may run
 * them, another program's may not.
 */
export function registryRouteChecks(registries: RegistrySample): Record<string, RouteSpec> {
  const { program } = registries;
  return {
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
          program,
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
          program,
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
          program,
          subsidiary: 'all',
          body: ({ loc, n }) => ({
            standard: registries.standard,
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
          program,
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
          program,
          body: ({ loc, n }) => ({
            siteId: site(loc),
            program,
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
          program,
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
          program,
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
          program,
          body: ({ loc, n }) =>
            loc === 'group'
              ? { name: `Matrix group committee ${n}`, program, level: 'group' }
              : { name: `Matrix committee ${n}`, program, level: 'site', siteId: site(loc) },
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
          program,
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
          program,
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
          program,
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
          program,
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
              program,
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
          program,
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
          program,
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
          program,
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
          program,
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
  };
}
