import type { Program } from '../../../../test/security/support/policy.ts';
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
} from '../../../../test/security/support/route-kit.ts';

const INFOSEC: Program = 'infosec';

/** Governance's rows of the security suite's route table. Test code, joined into the module's (../security.ts). */
export const governanceRouteChecks: Record<string, RouteSpec> = {
  'GET /api/infosec/memberships': {
    access: 'infosec.read',
    checks: [
      {
        kind: 'list',
        permission: 'infosec.read',
        program: INFOSEC,
        query: { pageSize: '500' },
        groupRows: 'anywhere',
        family: 'securityMembership',
      },
    ],
  },
  'GET /api/infosec/memberships/export.csv': {
    access: 'infosec.read',
    checks: [
      csvExport('infosec.read', 'Site', {
        program: INFOSEC,
        groupRows: 'anywhere',
        family: 'securityMembership',
      }),
    ],
  },
  'GET /api/infosec/memberships/export.xlsx': {
    access: 'infosec.read',
    checks: [binary('infosec.read', { program: INFOSEC })],
  },
  'GET /api/infosec/memberships/:id': {
    access: 'infosec.read',
    checks: [
      {
        kind: 'record',
        family: 'securityMembership',
        permission: 'infosec.read',
        program: INFOSEC,
        ok: [200],
      },
    ],
  },
  'POST /api/infosec/memberships': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'create',
        locations: sitesAndGroup,
        permission: 'infosec.manage',
        program: INFOSEC,
        group: 'group-wide',
        body: ({ loc, n }) => ({
          siteId: site(loc),
          organisation: `Matrix new organisation ${n}`,
          kind: 'membership',
          since: '2025-01-01',
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/infosec/memberships/:id': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityMembership',
        permission: 'infosec.manage',
        program: INFOSEC,
        group: 'group-wide',
        body: stale,
        ok: [409],
      },
    ],
  },
  'DELETE /api/infosec/memberships/:id': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityMembership',
        permission: 'infosec.manage',
        program: INFOSEC,
        group: 'group-wide',
        query: () => ({ version: String(STALE) }),
        ok: [409],
      },
    ],
  },
  'GET /api/infosec/risks': {
    access: 'infosec.read',
    checks: [
      {
        kind: 'list',
        permission: 'infosec.read',
        program: INFOSEC,
        query: { pageSize: '500' },
        family: 'securityRisk',
      },
    ],
  },
  'GET /api/infosec/risks/export.csv': {
    access: 'infosec.read',
    checks: [csvExport('infosec.read', 'Site', { program: INFOSEC, family: 'securityRisk' })],
  },
  'GET /api/infosec/risks/export.xlsx': {
    access: 'infosec.read',
    checks: [binary('infosec.read', { program: INFOSEC })],
  },
  'GET /api/infosec/risks/heatmap': {
    access: 'infosec.read',
    checks: [figures('infosec.read', { program: INFOSEC })],
  },
  'GET /api/infosec/risk-matrix': {
    access: 'infosec.read',
    checks: [figures('infosec.read', { program: INFOSEC })],
  },
  'PUT /api/infosec/risk-matrix': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: async ({ res }) => (await res.admin.get('/api/infosec/risk-matrix')).body,
        ok: [200],
      },
    ],
  },
  'GET /api/infosec/risks/:id': {
    access: 'infosec.read',
    checks: [
      { kind: 'record', family: 'securityRisk', permission: 'infosec.read', program: INFOSEC, ok: [200] },
    ],
  },
  'POST /api/infosec/risks': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'infosec.manage',
        program: INFOSEC,
        body: ({ loc, n }) => ({
          siteId: site(loc),
          title: `Matrix new risk ${n}`,
          likelihood: 2,
          impact: 3,
          treatment: 'mitigate',
          reviewOn: '2027-01-01',
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/infosec/risks/:id': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityRisk',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: stale,
        ok: [409],
      },
    ],
  },
  'DELETE /api/infosec/risks/:id': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityRisk',
        permission: 'infosec.manage',
        program: INFOSEC,
        query: () => ({ version: String(STALE) }),
        ok: [409],
      },
    ],
  },
  'GET /api/infosec/goals': {
    access: 'infosec.read',
    checks: [
      {
        kind: 'list',
        permission: 'infosec.read',
        program: INFOSEC,
        query: { pageSize: '500' },
        groupRows: 'anywhere',
        family: 'securityGoal',
      },
    ],
  },
  'GET /api/infosec/goals/export.csv': {
    access: 'infosec.read',
    checks: [
      csvExport('infosec.read', 'Site', { program: INFOSEC, groupRows: 'anywhere', family: 'securityGoal' }),
    ],
  },
  'GET /api/infosec/goals/export.xlsx': {
    access: 'infosec.read',
    checks: [binary('infosec.read', { program: INFOSEC })],
  },
  'GET /api/infosec/goals/count': {
    access: 'infosec.read',
    checks: [figures('infosec.read', { program: INFOSEC, query: { year: '2026' } })],
  },
  'GET /api/infosec/site-kpis': {
    access: 'infosec.read',
    checks: [{ kind: 'list', permission: 'infosec.read', program: INFOSEC, query: { pageSize: '500' } }],
  },
  'GET /api/infosec/site-kpis/export.csv': {
    access: 'infosec.read',
    checks: [csvExport('infosec.read', 'Site', { program: INFOSEC })],
  },
  'GET /api/infosec/site-kpis/export.xlsx': {
    access: 'infosec.read',
    checks: [binary('infosec.read', { program: INFOSEC })],
  },
  'GET /api/infosec/goals/:id': {
    access: 'infosec.read',
    checks: [
      { kind: 'record', family: 'securityGoal', permission: 'infosec.read', program: INFOSEC, ok: [200] },
    ],
  },
  'POST /api/infosec/goals': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'create',
        locations: sitesAndGroup,
        permission: 'infosec.manage',
        program: INFOSEC,
        group: 'group-wide',
        body: ({ loc, n }) => ({
          siteId: site(loc),
          year: 2026,
          title: `Matrix new goal ${n}`,
          kpis: [{ metric: 'training_completion', comparison: 'at_least', target: 95 }],
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/infosec/goals/:id': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityGoal',
        permission: 'infosec.manage',
        program: INFOSEC,
        group: 'group-wide',
        body: stale,
        ok: [409],
      },
    ],
  },
  'DELETE /api/infosec/goals/:id': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityGoal',
        permission: 'infosec.manage',
        program: INFOSEC,
        group: 'group-wide',
        query: () => ({ version: String(STALE) }),
        ok: [409],
      },
    ],
  },
};
