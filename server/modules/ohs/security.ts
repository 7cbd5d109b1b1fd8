// biome-ignore-all lint/suspicious/noExplicitAny: list rows are whatever the API sent.
import { EMPLOYEE_AT, isoDay } from '../../../test/security/support/family-kit.ts';
import type { Program, SiteCode } from '../../../test/security/support/policy.ts';
import {
  binary,
  csvExport,
  figures,
  type ModuleSecurity,
  type RouteSpec,
  STALE,
  site,
  siteRegister,
  sites3,
  sitesAndGroup,
  stale,
} from '../../../test/security/support/route-kit.ts';
import { CONTRACTOR_COMPANY } from '../../../test/support/fixture.ts';
import { ohsExpectedPolicy, ohsFamilies } from './security-fixture.ts';

const OHS: Program = 'ohs';

/**
 * The occupational health and safety program's rows of the security suite's route table (test/security): how the authorization matrix
 * reaches each of its routes and what it expects. Test code: the manifest loads it only when the suite asks
 * (`securityChecks`, with its expected policy and families of records from `./security-fixture.ts`), so the
 * running system never imports it.
 */
export const ohsRouteChecks: Record<string, RouteSpec> = {
  'GET /api/ohs/incidents': {
    access: 'signed-in',
    checks: [
      { kind: 'list', permission: 'ohs.read', program: OHS, query: { pageSize: '500' }, family: 'incident' },
      { kind: 'self', ok: [200], query: () => ({ mine: 'true' }) },
    ],
  },
  'GET /api/ohs/incidents/export.csv': {
    access: 'ohs.read',
    checks: [csvExport('ohs.read', 'Site', { program: OHS, family: 'incident' })],
  },
  'GET /api/ohs/incidents/export.xlsx': {
    access: 'ohs.read',
    checks: [binary('ohs.read', { program: OHS })],
  },
  'GET /api/ohs/incidents/:id': {
    access: 'signed-in',
    checks: [{ kind: 'record', family: 'incident', permission: 'ohs.read', program: OHS, ok: [200] }],
  },
  'POST /api/ohs/incidents': {
    access: 'ohs.report',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'ohs.report',
        body: ({ loc, n }) => ({
          siteId: site(loc),
          kind: 'unsafe_condition',
          occurredAt: new Date(Date.now() - 7_200_000).toISOString(),
          title: `Matrix report ${n}`,
          description: 'Reported by the authorization matrix',
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/ohs/incidents/:id': {
    access: 'ohs.manage',
    checks: [
      { kind: 'record', family: 'incident', permission: 'ohs.manage', program: OHS, body: stale, ok: [409] },
    ],
  },
  'DELETE /api/ohs/incidents/:id': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'record',
        family: 'incident',
        permission: 'ohs.manage',
        program: OHS,
        query: () => ({ version: String(STALE) }),
        ok: [409],
      },
    ],
  },
  'POST /api/ohs/incidents/:id/injuries': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'record',
        family: 'incident',
        permission: 'ohs.manage',
        program: OHS,
        body: ({ loc }) => ({
          personType: 'employee',
          personId: EMPLOYEE_AT[loc as SiteCode],
          injuryType: 'bruise',
          bodyPart: 'arm',
          classification: 'first_aid',
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/ohs/injuries/:id': {
    access: 'ohs.manage',
    checks: [
      { kind: 'record', family: 'injury', permission: 'ohs.manage', program: OHS, body: stale, ok: [409] },
    ],
  },
  'DELETE /api/ohs/injuries/:id': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'record',
        family: 'injury',
        permission: 'ohs.manage',
        program: OHS,
        fresh: true,
        ok: [200, 204],
      },
    ],
  },
  'GET /api/ohs/charged-days': { access: 'ohs.read', checks: [figures('ohs.read', { program: OHS })] },
  'POST /api/ohs/incidents/:id/investigation': {
    access: 'ohs.manage',
    // The seeded incidents already have one: an allowed request is told so.
    checks: [
      {
        kind: 'record',
        family: 'incident',
        prepare: ['investigation'],
        permission: 'ohs.manage',
        program: OHS,
        ok: [409],
      },
    ],
  },
  'GET /api/ohs/investigations/:id': {
    access: 'ohs.read',
    checks: [{ kind: 'record', family: 'investigation', permission: 'ohs.read', program: OHS, ok: [200] }],
  },
  'PATCH /api/ohs/investigations/:id': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'record',
        family: 'investigation',
        permission: 'ohs.manage',
        program: OHS,
        body: () => ({ summary: 'x', version: STALE }),
        ok: [409],
      },
    ],
  },
  'POST /api/ohs/investigations/:id/transition': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'record',
        family: 'investigation',
        permission: 'ohs.manage',
        program: OHS,
        body: () => ({ to: 'investigating', version: STALE }),
        ok: [409],
      },
    ],
  },
  'POST /api/ohs/investigations/:id/timeline': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'record',
        family: 'investigation',
        permission: 'ohs.manage',
        program: OHS,
        body: () => ({
          at: new Date(Date.now() - 60_000).toISOString(),
          description: 'Matrix timeline entry',
        }),
        ok: [200, 201],
      },
    ],
  },
  'POST /api/ohs/investigations/:id/root-causes': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'record',
        family: 'investigation',
        permission: 'ohs.manage',
        program: OHS,
        body: ({ n }) => ({
          method: 'fishbone',
          category: 'method',
          statement: `Matrix cause from a check ${n}`,
        }),
        ok: [200, 201],
      },
    ],
  },
  'PATCH /api/ohs/root-causes/:id': {
    access: 'ohs.manage',
    checks: [
      { kind: 'record', family: 'rootCause', permission: 'ohs.manage', program: OHS, body: stale, ok: [409] },
    ],
  },
  'DELETE /api/ohs/root-causes/:id': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'record',
        family: 'rootCause',
        permission: 'ohs.manage',
        program: OHS,
        fresh: true,
        ok: [200, 204],
      },
    ],
  },
  'POST /api/ohs/root-causes/:id/actions': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'record',
        family: 'rootCause',
        permission: 'ohs.manage',
        program: OHS,
        body: ({ n }) => ({ title: `Matrix fix ${n}`, dueDate: isoDay(60) }),
        ok: [200, 201],
      },
    ],
  },
  'GET /api/ohs/hours': {
    access: 'ohs.read',
    checks: [{ kind: 'list', permission: 'ohs.read', program: OHS, query: { year: '2024' } }],
  },
  'PUT /api/ohs/hours': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'ohs.manage',
        program: OHS,
        body: ({ loc }) => ({ siteId: site(loc), month: '2024-03', employeeHours: '1000' }),
        ok: [200, 409],
      },
    ],
  },
  'GET /api/ohs/statistics': {
    access: 'ohs.read',
    checks: [figures('ohs.read', { program: OHS, query: { from: '2025', to: '2026' } })],
  },
  'GET /api/ohs/settings': { access: 'ohs.read', checks: [figures('ohs.read', { program: OHS })] },
  'PUT /api/ohs/settings': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'ohs.manage',
        program: OHS,
        body: () => ({ rounding: 'truncate' }),
        ok: [200],
      },
    ],
  },
  'GET /api/ohs/risk-matrix': { access: 'ohs.read', checks: [figures('ohs.read', { program: OHS })] },
  'PUT /api/ohs/risk-matrix': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'ohs.manage',
        program: OHS,
        body: async ({ res }) => (await res.admin.get('/api/ohs/risk-matrix')).body,
        ok: [200],
      },
    ],
  },

  // ---- OHS hazards, permits, qualifications
  ...siteRegister({
    path: '/api/ohs/hazards',
    family: 'hazard',
    program: OHS,
    read: 'ohs.read',
    manage: 'ohs.manage',
    listQuery: { pageSize: '500' },
    create: ({ loc, n }) => ({
      siteId: site(loc),
      activity: 'Matrix',
      hazard: `Matrix created hazard ${n}`,
      consequence: 'Cut',
      likelihood: 1,
      severity: 2,
      residualLikelihood: 1,
      residualSeverity: 1,
    }),
  }),
  'GET /api/ohs/permit-types': { access: 'ohs.read', checks: [figures('ohs.read', { program: OHS })] },
  'GET /api/ohs/permits': {
    access: 'ohs.read',
    checks: [
      { kind: 'list', permission: 'ohs.read', program: OHS, query: { pageSize: '500' }, family: 'permit' },
    ],
  },
  'GET /api/ohs/permits/:id': {
    access: 'ohs.read',
    checks: [{ kind: 'record', family: 'permit', permission: 'ohs.read', program: OHS, ok: [200] }],
  },
  'POST /api/ohs/permits': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'ohs.manage',
        program: OHS,
        body: async ({ res, loc, n }) => ({
          siteId: site(loc),
          areaId: await res.id('area', loc),
          type: 'crane',
          companyId: CONTRACTOR_COMPANY.id,
          workerIds: [await res.id('contractorWorker', loc)],
          description: `Matrix created permit ${n}`,
          startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 5 * 86_400_000 + 3_600_000).toISOString(),
        }),
        ok: [201],
      },
    ],
  },
  'POST /api/ohs/permits/:id/transition': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'record',
        family: 'permit',
        permission: 'ohs.manage',
        program: OHS,
        body: () => ({ transition: 'approve', version: STALE }),
        ok: [409],
      },
    ],
  },
  'GET /api/ohs/my/reports': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },
  'GET /api/ohs/my/qualifications': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },
  'GET /api/ohs/my/qualifications/:id': {
    access: 'signed-in',
    checks: [{ kind: 'personal', family: 'qualification', location: 'K7' }],
  },
  'GET /api/ohs/qualifications': {
    access: 'contractors.read',
    checks: [{ kind: 'list', permission: 'contractors.read', family: 'qualification' }],
  },
  'POST /api/ohs/qualifications': {
    access: 'contractors.workers.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'contractors.workers.manage',
        body: async ({ res, loc, n }) => ({
          workerId: await res.id('contractorWorker', loc),
          kind: 'first_aid',
          certificateNo: `MXF-${n}`,
          validUntil: isoDay(200),
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/ohs/qualifications/:id': {
    access: 'contractors.workers.manage',
    checks: [
      {
        kind: 'record',
        family: 'qualification',
        permission: 'contractors.workers.manage',
        body: stale,
        ok: [409],
      },
    ],
  },

  // ---- OHS health, wellbeing, goals, Board report
  'GET /api/ohs/health/screenings': {
    access: 'health.individual',
    checks: [
      { kind: 'list', permission: 'health.individual', query: { pageSize: '500' }, family: 'screening' },
    ],
  },
  'GET /api/ohs/health/screenings/:id': {
    access: 'health.individual',
    checks: [{ kind: 'record', family: 'screening', permission: 'health.individual', ok: [200] }],
  },
  'POST /api/ohs/health/screenings': {
    access: 'health.individual',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'health.individual',
        body: ({ loc, n }) => ({
          siteId: site(loc),
          personType: 'employee',
          personId: EMPLOYEE_AT[loc as SiteCode],
          kind: 'general',
          screenedOn: isoDay(-20 - n),
        }),
        ok: [201],
      },
    ],
  },
  'POST /api/ohs/health/followups/:id': {
    access: 'health.individual',
    checks: [
      {
        kind: 'record',
        family: 'followup',
        permission: 'health.individual',
        body: () => ({ consultedOn: isoDay(-1), notes: 'Matrix', version: STALE }),
        ok: [409],
      },
    ],
  },
  'GET /api/ohs/health/summary': {
    access: 'health.read',
    checks: [figures('health.read', { query: { year: '2026' } })],
  },
  'GET /api/ohs/wellbeing/programs': {
    access: 'ohs.read',
    checks: [
      {
        kind: 'list',
        permission: 'ohs.read',
        program: OHS,
        rows: (b) => b.items ?? b,
        groupRows: 'anywhere',
        family: 'wellbeing',
      },
    ],
  },
  'POST /api/ohs/wellbeing/programs': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'create',
        locations: sitesAndGroup,
        permission: 'ohs.manage',
        program: OHS,
        body: ({ loc, n }) => ({
          siteId: site(loc),
          kind: 'other',
          name: `Matrix program ${n}`,
          startedOn: isoDay(-3),
        }),
        ok: [201],
      },
    ],
  },
  'POST /api/ohs/wellbeing/programs/:id/participation': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'record',
        family: 'wellbeing',
        permission: 'ohs.manage',
        program: OHS,
        body: () => ({ participatedOn: isoDay(-1), count: 1 }),
        ok: [200, 201],
      },
    ],
  },
  'GET /api/ohs/wellbeing/summary': {
    access: 'ohs.read',
    checks: [figures('ohs.read', { program: OHS, query: { year: '2026' } })],
  },
  'GET /api/ohs/goals': {
    access: 'ohs.read',
    checks: [
      {
        kind: 'list',
        permission: 'ohs.read',
        program: OHS,
        rows: (b) => b.items ?? b,
        groupRows: 'anywhere',
        family: 'goal',
      },
    ],
  },
  'POST /api/ohs/goals': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'create',
        locations: sitesAndGroup,
        permission: 'ohs.manage',
        program: OHS,
        group: 'group-wide-or-admin',
        body: ({ loc, n }) => ({
          siteId: site(loc),
          title: `Matrix created goal ${n}`,
          horizon: 'long',
          metric: 'fr',
          comparison: 'at_most',
          target: '1',
          fromYear: 2026,
          toYear: 2028,
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/ohs/goals/:id': {
    access: 'ohs.manage',
    checks: [
      {
        kind: 'record',
        family: 'goal',
        permission: 'ohs.manage',
        program: OHS,
        group: 'group-wide-or-admin',
        body: stale,
        ok: [409],
      },
    ],
  },
  'GET /api/ohs/reports/board.pdf': {
    access: 'ohs.read',
    checks: [binary('ohs.read', { program: OHS, query: { year: '2026' } })],
  },
  'GET /api/ohs/reports/board.xlsx': {
    access: 'ohs.read',
    checks: [binary('ohs.read', { program: OHS, query: { year: '2026' } })],
  },
};

/** The module's part of the security suite, as its manifest loads it. */
export const ohsSecurity: ModuleSecurity = {
  routes: ohsRouteChecks,
  policy: ohsExpectedPolicy,
  families: ohsFamilies,
  // The platform's shared registries (actions, committees, meetings, certificates) are checked on records of
  // the OHS program, owned by its owner, certificates of its standard.
  registries: { standard: 'ISO 45001', owner: 'ohsOwner' },
};
