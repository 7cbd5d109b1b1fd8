import type { Program } from '../../../../test/security/support/policy.ts';
import { binary, figures, type RouteSpec } from '../../../../test/security/support/route-kit.ts';

const INFOSEC: Program = 'infosec';

/**
 * The security suite's rows for material-incident decisions, cyber insurance and the Board report (test code,
 * spread into the module's route table in ../security.ts).
 */
export const materialRouteChecks: Record<string, RouteSpec> = {
  'GET /api/infosec/incidents/:id/material-decisions': {
    access: 'infosec.read',
    checks: [
      { kind: 'record', family: 'securityIncident', permission: 'infosec.read', program: INFOSEC, ok: [200] },
    ],
  },
  'POST /api/infosec/incidents/:id/material-decisions': {
    access: 'infosec.disclose',
    checks: [
      {
        kind: 'record',
        family: 'securityIncident',
        permission: 'infosec.disclose',
        program: INFOSEC,
        body: ({ n }) => ({ material: false, reason: `Matrix decision ${n}` }),
        ok: [201],
      },
    ],
  },
  'GET /api/infosec/board/figures': {
    access: 'infosec.read',
    checks: [figures('infosec.read', { program: INFOSEC, query: { year: '2023' } })],
  },
  'GET /api/infosec/board/report.pdf': {
    access: 'infosec.read',
    checks: [binary('infosec.read', { program: INFOSEC, query: { year: '2023' } })],
  },
  'GET /api/infosec/board/report.xlsx': {
    access: 'infosec.read',
    checks: [binary('infosec.read', { program: INFOSEC, query: { year: '2023' } })],
  },
  'PUT /api/infosec/board/presentation': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: () => ({ year: 2023, presentedOn: '2023-11-20' }),
        ok: [200],
      },
    ],
  },
  'GET /api/infosec/insurance/policies': {
    access: 'infosec.read',
    checks: [figures('infosec.read', { program: INFOSEC })],
  },
  'GET /api/infosec/insurance/policies/export.csv': {
    access: 'infosec.read',
    checks: [binary('infosec.read', { program: INFOSEC })],
  },
  'GET /api/infosec/insurance/policies/export.xlsx': {
    access: 'infosec.read',
    checks: [binary('infosec.read', { program: INFOSEC })],
  },
  'POST /api/infosec/insurance/policies': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: ({ n }) => ({
          insurer: 'Matrix Mutual',
          policyNumber: `MX-${n}`,
          covers: ['incident_response'],
          limitMinor: 100_000_000,
          currency: 'USD',
          noticeHours: 72,
          startsOn: '2026-01-01',
          endsOn: '2026-12-31',
        }),
        ok: [201, 409],
      },
    ],
  },
  'GET /api/infosec/insurance/policies/:id': {
    access: 'infosec.read',
    checks: [
      { kind: 'record', family: 'insurancePolicy', permission: 'infosec.read', program: INFOSEC, ok: [200] },
    ],
  },
  'PATCH /api/infosec/insurance/policies/:id': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'insurancePolicy',
        permission: 'infosec.manage',
        program: INFOSEC,
        group: 'group-wide',
        body: () => ({ noticeHours: 48, version: 999_999 }),
        ok: [409],
      },
    ],
  },
  'GET /api/infosec/incidents/:id/insurance': {
    access: 'infosec.read',
    checks: [
      { kind: 'record', family: 'securityIncident', permission: 'infosec.read', program: INFOSEC, ok: [200] },
    ],
  },
  'POST /api/infosec/incidents/:id/insurer-notices': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityIncident',
        permission: 'infosec.manage',
        program: INFOSEC,
        // No policy of this id: permitted writers reach the check of the policy (422 naming policyId).
        body: () => ({
          policyId: '00000000-0000-4000-8000-0000000015c1',
          notifiedAt: new Date().toISOString(),
        }),
        ok: [422],
      },
    ],
  },
};
