import type { Program } from '../../../test/security/support/policy.ts';
import { binary, type RouteSpec, stale } from '../../../test/security/support/route-kit.ts';
import { USERS } from '../../../test/support/fixture.ts';

const ACADEMIA: Program = 'academia';

/** The rows of the programs (group records): read by the program's staff, edited group-wide. Test code. */
export const programRouteChecks: Record<string, RouteSpec> = {
  'GET /api/academia/programs': {
    access: 'academia.read',
    checks: [
      {
        kind: 'list',
        permission: 'academia.read',
        program: ACADEMIA,
        family: 'academiaProgram',
        query: { pageSize: '500' },
      },
    ],
  },
  'GET /api/academia/programs/export.csv': {
    access: 'academia.read',
    checks: [{ kind: 'list', permission: 'academia.read', program: ACADEMIA, format: 'csv' }],
  },
  'GET /api/academia/programs/export.xlsx': {
    access: 'academia.read',
    checks: [binary('academia.read', { program: ACADEMIA })],
  },
  'GET /api/academia/programs/:id': {
    access: 'academia.read',
    checks: [
      {
        kind: 'record',
        family: 'academiaProgram',
        permission: 'academia.read',
        program: ACADEMIA,
        ok: [200],
      },
    ],
  },
  'POST /api/academia/programs': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'create',
        locations: ['group'],
        permission: 'academia.manage',
        program: ACADEMIA,
        group: 'group-wide',
        body: ({ n }) => ({
          code: `matrix_created_${n}`,
          name: `Matrix created program ${n}`,
          nameZh: `矩陣計畫 ${n}`,
          kind: 'education',
          ownerIds: [USERS.groupAdmin.id],
          siteIds: [],
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/academia/programs/:id': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'record',
        family: 'academiaProgram',
        permission: 'academia.manage',
        program: ACADEMIA,
        group: 'group-wide',
        body: stale,
        ok: [409],
      },
    ],
  },
};
