import type { Program } from '../../../../test/security/support/policy.ts';
import {
  binary,
  csvExport,
  figures,
  type RouteSpec,
  STALE,
  site,
  siteRegister,
} from '../../../../test/security/support/route-kit.ts';

const INFOSEC: Program = 'infosec';

/** Governance's rows of the security suite's route table. Test code, joined into the module's (../security.ts). */
export const governanceRouteChecks: Record<string, RouteSpec> = {
  ...siteRegister({
    path: '/api/infosec/memberships',
    family: 'securityMembership',
    program: INFOSEC,
    read: 'infosec.read',
    manage: 'infosec.manage',
    listQuery: { pageSize: '500' },
    groupRecords: true,
    create: ({ loc, n }) => ({
      siteId: site(loc),
      organisation: `Matrix new organisation ${n}`,
      kind: 'membership',
      since: '2025-01-01',
    }),
  }),
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
  ...siteRegister({
    path: '/api/infosec/risks',
    family: 'securityRisk',
    program: INFOSEC,
    read: 'infosec.read',
    manage: 'infosec.manage',
    listQuery: { pageSize: '500' },
    create: ({ loc, n }) => ({
      siteId: site(loc),
      title: `Matrix new risk ${n}`,
      likelihood: 2,
      impact: 3,
      treatment: 'mitigate',
      reviewOn: '2027-01-01',
    }),
  }),
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
        body: async ({ res }) => {
          const { mayChange: _, ...matrix } = (await res.admin.get('/api/infosec/risk-matrix')).body;
          return matrix;
        },
        ok: [200],
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
  ...siteRegister({
    path: '/api/infosec/goals',
    family: 'securityGoal',
    program: INFOSEC,
    read: 'infosec.read',
    manage: 'infosec.manage',
    listQuery: { pageSize: '500' },
    groupRecords: true,
    create: ({ loc, n }) => ({
      siteId: site(loc),
      year: 2026,
      title: `Matrix new goal ${n}`,
      kpis: [{ metric: 'training_completion', comparison: 'at_least', target: 95 }],
    }),
  }),
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
  ...siteRegister({
    path: '/api/infosec/policies',
    family: 'securityPolicy',
    program: INFOSEC,
    read: 'infosec.read',
    manage: 'infosec.manage',
    listQuery: { pageSize: '500' },
    groupRecords: true,
    create: ({ loc, n }) => ({ siteId: site(loc), code: `MX-NEW-${n}`, title: `Matrix new policy ${n}` }),
  }),
  'POST /api/infosec/policies/:id/versions': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityPolicy',
        permission: 'infosec.manage',
        program: INFOSEC,
        group: 'group-wide',
        body: ({ n }) => ({ label: `9.${n}`, effectiveOn: '2026-01-01' }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/infosec/policy-versions/:id': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityPolicyVersion',
        permission: 'infosec.manage',
        program: INFOSEC,
        group: 'group-wide',
        body: () => ({ summary: 'Matrix change', version: STALE }),
        ok: [409],
      },
    ],
  },
  'DELETE /api/infosec/policy-versions/:id': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityPolicyVersion',
        permission: 'infosec.manage',
        program: INFOSEC,
        group: 'group-wide',
        query: () => ({ version: String(STALE) }),
        ok: [409],
      },
    ],
  },
  'POST /api/infosec/policy-versions/:id/campaigns': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityPolicyVersion',
        permission: 'infosec.manage',
        program: INFOSEC,
        group: 'group-wide',
        body: () => ({ openedOn: '2026-01-05', dueOn: '2026-02-05' }),
        ok: [201],
      },
    ],
  },
  'GET /api/infosec/policy-campaigns/:id': {
    access: 'infosec.read',
    checks: [
      {
        kind: 'record',
        family: 'securityPolicyCampaign',
        permission: 'infosec.read',
        program: INFOSEC,
        ok: [200],
      },
    ],
  },
  'GET /api/infosec/my/policy-campaigns': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },
  // A campaign of TC asks TC's employees: none of the matrix users, for whom it is not found.
  'POST /api/infosec/my/policy-campaigns/:id/acknowledge': {
    access: 'signed-in',
    checks: [{ kind: 'personal', family: 'securityPolicyCampaign', location: 'TC' }],
  },
  'DELETE /api/infosec/my/policy-campaigns/:id/acknowledge': {
    access: 'signed-in',
    checks: [{ kind: 'personal', family: 'securityPolicyCampaign', location: 'TC' }],
  },
};
