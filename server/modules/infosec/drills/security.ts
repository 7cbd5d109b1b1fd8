import type { Program } from '../../../../test/security/support/policy.ts';
import {
  binary,
  csvExport,
  figures,
  type RouteSpec,
  STALE,
  site,
  siteRegister,
  sites3,
  stale,
} from '../../../../test/security/support/route-kit.ts';
import { phishingCourse } from './security-fixture.ts';

const INFOSEC: Program = 'infosec';

/** The drills' rows of the security suite's route table. Test code, joined into the module's (../security.ts). */
export const drillRouteChecks: Record<string, RouteSpec> = {
  ...siteRegister({
    path: '/api/infosec/drills',
    family: 'securityDrill',
    program: INFOSEC,
    read: 'infosec.read',
    manage: 'infosec.manage',
    listQuery: { pageSize: '500' },
    create: ({ loc, n }) => ({
      siteId: site(loc),
      kind: 'incident_response',
      title: `Matrix new drill ${n}`,
      plannedOn: '2026-09-01',
      durationHours: 2,
      scope: 'tabletop',
      participants: [],
      systems: [],
      steps: [],
      resources: [],
      risks: [],
    }),
  }),
  'GET /api/infosec/drills/figures': {
    access: 'infosec.read',
    checks: [figures('infosec.read', { program: INFOSEC, query: { year: '2026' } })],
  },
  'POST /api/infosec/drills/:id/held': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityDrill',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: () => ({ heldOn: '2026-06-01', systems: [], version: STALE }),
        ok: [409],
      },
    ],
  },
  'POST /api/infosec/drills/:id/review': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityDrill',
        permission: 'infosec.manage',
        program: INFOSEC,
        // A drill not yet held is not reviewed: 409 before the version is read.
        body: () => ({
          reviewedOn: '2026-06-02',
          findings: 'Matrix review',
          improvements: [],
          version: STALE,
        }),
        ok: [409],
      },
    ],
  },
  'DELETE /api/infosec/drills/:id': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityDrill',
        permission: 'infosec.manage',
        program: INFOSEC,
        query: () => ({ version: String(STALE) }),
        ok: [409],
      },
    ],
  },
  'GET /api/infosec/phishing/campaigns': {
    access: 'infosec.read',
    checks: [
      {
        kind: 'list',
        permission: 'infosec.read',
        program: INFOSEC,
        query: { pageSize: '500' },
        family: 'phishingCampaign',
      },
    ],
  },
  'GET /api/infosec/phishing/campaigns/export.csv': {
    access: 'infosec.read',
    checks: [csvExport('infosec.read', 'Site', { program: INFOSEC, family: 'phishingCampaign' })],
  },
  'GET /api/infosec/phishing/campaigns/export.xlsx': {
    access: 'infosec.read',
    checks: [binary('infosec.read', { program: INFOSEC })],
  },
  'GET /api/infosec/phishing/rates': {
    access: 'infosec.read',
    checks: [figures('infosec.read', { program: INFOSEC, query: { year: '2026' } })],
  },
  'GET /api/infosec/phishing/campaigns/:id': {
    access: 'infosec.read',
    checks: [
      { kind: 'record', family: 'phishingCampaign', permission: 'infosec.read', program: INFOSEC, ok: [200] },
    ],
  },
  'POST /api/infosec/phishing/campaigns': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'infosec.manage',
        program: INFOSEC,
        body: async ({ res, loc, n }) => ({
          siteId: site(loc),
          name: `Matrix new campaign ${n}`,
          sentOn: '2026-04-01',
          courseId: await phishingCourse(res),
        }),
        ok: [201],
      },
    ],
  },
  'POST /api/infosec/phishing/campaigns/:id/import': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'phishingCampaign',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: stale,
        ok: [409],
      },
    ],
  },
};
