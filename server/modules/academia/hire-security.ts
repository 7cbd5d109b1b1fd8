import type { Program } from '../../../test/security/support/policy.ts';
import {
  binary,
  csvExport,
  figures,
  type RouteSpec,
  site,
  sites3,
  stale,
} from '../../../test/security/support/route-kit.ts';

const ACADEMIA: Program = 'academia';

/** The rows of the former interns' hires (proposed matches, the conversion report). Test code. */
export const hireRouteChecks: Record<string, RouteSpec> = {
  'GET /api/academia/hire-matches': {
    access: 'academia.read',
    checks: [
      {
        kind: 'list',
        permission: 'academia.read',
        program: ACADEMIA,
        family: 'academiaHireMatch',
        query: { pageSize: '500' },
      },
    ],
  },
  'GET /api/academia/hire-matches/export.csv': {
    access: 'academia.read',
    checks: [csvExport('academia.read', 'Site', { program: ACADEMIA, family: 'academiaHireMatch' })],
  },
  'GET /api/academia/hire-matches/export.xlsx': {
    access: 'academia.read',
    checks: [binary('academia.read', { program: ACADEMIA })],
  },
  'POST /api/academia/hire-matches/scan': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'academia.manage',
        program: ACADEMIA,
        body: ({ loc }) => ({ siteId: site(loc) }),
        ok: [200],
      },
    ],
  },
  'POST /api/academia/hire-matches/:id/confirm': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'record',
        family: 'academiaHireMatch',
        permission: 'academia.manage',
        program: ACADEMIA,
        body: stale,
        ok: [409],
      },
    ],
  },
  'POST /api/academia/hire-matches/:id/dismiss': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'record',
        family: 'academiaHireMatch',
        permission: 'academia.manage',
        program: ACADEMIA,
        body: stale,
        ok: [409],
      },
    ],
  },
  'GET /api/academia/conversion': {
    access: 'academia.read',
    checks: [figures('academia.read', { program: ACADEMIA, query: { fromYear: '2020', toYear: '2026' } })],
  },
  'GET /api/academia/retention-settings': {
    access: 'academia.read',
    checks: [figures('academia.read', { program: ACADEMIA })],
  },
  'PUT /api/academia/retention-settings': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'academia.manage',
        program: ACADEMIA,
        body: () => ({ anonymiseAfterYears: 10 }),
        ok: [200],
      },
    ],
  },
};
