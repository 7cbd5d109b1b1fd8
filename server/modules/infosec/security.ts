// biome-ignore-all lint/suspicious/noExplicitAny: list rows are whatever the API sent.
import type { Program } from '../../../test/security/support/policy.ts';
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
} from '../../../test/security/support/route-kit.ts';
import { stixBundle } from '../../../test/support/stix.ts';
import { CSF_2_0_CATALOGUE_ID } from './csf/catalogues.ts';
import { drillRouteChecks } from './drills/security.ts';
import { findingsRouteChecks } from './findings/security.ts';
import { governanceRouteChecks } from './governance/security.ts';
import { materialRouteChecks } from './material/security.ts';
import { responseRouteChecks } from './response/security.ts';
import { infosecExpectedPolicy, infosecFamilies } from './security-fixture.ts';
import { supplierRouteChecks } from './suppliers/security.ts';

const INFOSEC: Program = 'infosec';

/**
 * The information security program's rows of the security suite's route table (test/security): how the authorization matrix
 * reaches each of its routes and what it expects. Test code: the manifest loads it only when the suite asks
 * (`securityChecks`, with its expected policy and families of records from `./security-fixture.ts`), so the
 * running system never imports it.
 */
export const infosecRouteChecks: Record<string, RouteSpec> = {
  ...drillRouteChecks,
  ...supplierRouteChecks,
  ...materialRouteChecks,
  ...responseRouteChecks,
  ...governanceRouteChecks,
  ...siteRegister({
    path: '/api/infosec/systems',
    family: 'securitySystem',
    program: INFOSEC,
    read: 'infosec.read',
    manage: 'infosec.manage',
    listQuery: { pageSize: '500' },
    create: ({ loc, n }) => ({
      siteId: site(loc),
      name: `Matrix new system ${n}`,
      domain: 'ot',
      criticality: 'low',
    }),
  }),
  'DELETE /api/infosec/systems/:id': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securitySystem',
        permission: 'infosec.manage',
        program: INFOSEC,
        query: () => ({ version: String(STALE) }),
        ok: [409],
      },
    ],
  },
  'GET /api/infosec/incidents': {
    access: 'signed-in',
    checks: [
      {
        kind: 'list',
        permission: 'infosec.read',
        program: INFOSEC,
        query: { pageSize: '500' },
        family: 'securityIncident',
      },
      { kind: 'self', ok: [200], query: () => ({ mine: 'true' }) },
    ],
  },
  'GET /api/infosec/incidents/export.csv': {
    access: 'infosec.read',
    checks: [csvExport('infosec.read', 'Site', { program: INFOSEC, family: 'securityIncident' })],
  },
  'GET /api/infosec/incidents/export.xlsx': {
    access: 'infosec.read',
    checks: [binary('infosec.read', { program: INFOSEC })],
  },
  'GET /api/infosec/incidents/:id': {
    access: 'signed-in',
    checks: [
      { kind: 'record', family: 'securityIncident', permission: 'infosec.read', program: INFOSEC, ok: [200] },
    ],
  },
  'POST /api/infosec/incidents': {
    access: 'infosec.report',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'infosec.report',
        body: ({ loc, n }) => ({
          siteId: site(loc),
          title: `Matrix security report ${n}`,
          description: 'Reported by the authorization matrix',
          awareAt: new Date(Date.now() - 600_000).toISOString(),
        }),
        ok: [201],
      },
    ],
  },
  'PUT /api/infosec/incidents/:id/classification': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityIncident',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: () => ({
          impact: {
            confidentiality: null,
            integrity: null,
            availability: { kind: 'general', withinTolerableOutage: true },
          },
          version: STALE,
        }),
        ok: [409],
      },
    ],
  },
  'POST /api/infosec/incidents/:id/events': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityIncident',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: () => ({ event: 'contained', version: STALE }),
        ok: [409],
      },
    ],
  },
  'POST /api/infosec/incidents/:id/timeline': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityIncident',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: ({ n }) => ({ text: `Matrix note ${n}` }),
        ok: [201],
      },
    ],
  },
  'GET /api/infosec/csf/catalogues/:id': {
    access: 'signed-in',
    checks: [
      { kind: 'self', ok: [200], path: async () => `/api/infosec/csf/catalogues/${CSF_2_0_CATALOGUE_ID}` },
    ],
  },
  'GET /api/infosec/csf/campaigns': {
    access: 'infosec.read',
    checks: [figures('infosec.read', { program: INFOSEC })],
  },
  'POST /api/infosec/csf/campaigns': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'infosec.manage',
        program: INFOSEC,
        // Years 2000–2099 (a campaign a year: a year drawn twice answers 409, still a permitted write).
        body: ({ n }) => ({
          year: 2000 + (n % 100),
          name: `Matrix campaign ${n}`,
          scope: [{ siteId: site('K7'), domain: 'ot' }],
        }),
        ok: [201, 409],
      },
    ],
  },
  'POST /api/infosec/csf/campaigns/:id/scope': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'infosec.manage',
        program: INFOSEC,
        id: '00000000-0000-4000-8000-00000000c5f0',
        body: () => ({ scope: [{ siteId: site('K7'), domain: 'ot' }] }),
        ok: [404],
      },
    ],
  },
  'GET /api/infosec/csf/assessments': {
    access: 'signed-in',
    checks: [
      {
        kind: 'list',
        permission: 'infosec.read',
        program: INFOSEC,
        query: { pageSize: '500' },
        family: 'csfAssessment',
      },
      { kind: 'self', ok: [200], query: () => ({ mine: 'true' }) },
    ],
  },
  'GET /api/infosec/csf/assessments/:id': {
    access: 'signed-in',
    checks: [
      { kind: 'record', family: 'csfAssessment', permission: 'infosec.read', program: INFOSEC, ok: [200] },
    ],
  },
  'GET /api/infosec/csf/assessments/:id/oscal.json': {
    access: 'signed-in',
    checks: [
      { kind: 'record', family: 'csfAssessment', permission: 'infosec.read', program: INFOSEC, ok: [200] },
    ],
  },
  'PATCH /api/infosec/csf/assessments/:id/assessor': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'csfAssessment',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: () => ({ assessorId: null, version: STALE }),
        ok: [409],
      },
    ],
  },
  'GET /api/infosec/csf/assessments/:id/outside-assessors': {
    access: 'infosec.manage',
    checks: [
      { kind: 'record', family: 'csfAssessment', permission: 'infosec.manage', program: INFOSEC, ok: [200] },
    ],
  },
  'PUT /api/infosec/csf/assessments/:id/answers': {
    access: 'signed-in',
    checks: [
      {
        kind: 'record',
        family: 'csfAssessment',
        permission: 'infosec.manage',
        program: INFOSEC,
        // No assessor is named: the site's team enters the answers.
        body: () => ({
          answers: [{ subcategory: 'ID.AM-01', level: 2, notApplicable: false }],
          version: STALE,
        }),
        ok: [409],
      },
    ],
  },
  'POST /api/infosec/csf/assessments/:id/steps': {
    access: 'signed-in',
    checks: [
      {
        kind: 'record',
        family: 'csfAssessment',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: () => ({ step: 'submit', version: STALE }),
        ok: [409],
      },
    ],
  },
  'POST /api/infosec/csf/assessments/:id/corrections': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'csfAssessment',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: () => ({ reason: 'Matrix correction', version: STALE }),
        ok: [409],
      },
    ],
  },
  'GET /api/infosec/csf/assessments/:id/report.pdf': {
    access: 'signed-in',
    checks: [
      { kind: 'record', family: 'csfAssessment', permission: 'infosec.read', program: INFOSEC, ok: [200] },
    ],
  },
  'GET /api/infosec/csf/reports/board.pdf': {
    access: 'infosec.read',
    checks: [binary('infosec.read', { program: INFOSEC, query: { year: '2026' } })],
  },
  'GET /api/infosec/csf/assessments/:id/report.xlsx': {
    access: 'signed-in',
    checks: [
      { kind: 'record', family: 'csfAssessment', permission: 'infosec.read', program: INFOSEC, ok: [200] },
    ],
  },
  'GET /api/infosec/csf/reports/board.xlsx': {
    access: 'infosec.read',
    checks: [binary('infosec.read', { program: INFOSEC, query: { year: '2026' } })],
  },
  'GET /api/infosec/csf/heatmap': {
    access: 'infosec.read',
    checks: [figures('infosec.read', { program: INFOSEC })],
  },
  'GET /api/infosec/csf/trend': {
    access: 'infosec.read',
    checks: [figures('infosec.read', { program: INFOSEC })],
  },
  'GET /api/infosec/csf/gaps': {
    access: 'infosec.read',
    checks: [figures('infosec.read', { program: INFOSEC })],
  },
  'GET /api/infosec/csf/scale': {
    access: 'infosec.read',
    checks: [figures('infosec.read', { program: INFOSEC })],
  },
  'PUT /api/infosec/csf/scale': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: async ({ res }) => (await res.admin.get('/api/infosec/csf/scale')).body,
        ok: [200],
      },
    ],
  },
  'PUT /api/infosec/csf/benchmarks': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: () => ({ year: 2099, scores: { ID: 3.1, PR: 3.3 } }),
        ok: [200],
      },
    ],
  },
  'GET /api/infosec/clock-rules': {
    access: 'infosec.read',
    checks: [figures('infosec.read', { program: INFOSEC })],
  },
  'PUT /api/infosec/clock-rules': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: async ({ res }) => (await res.admin.get('/api/infosec/clock-rules')).body,
        ok: [200],
      },
    ],
  },
  ...findingsRouteChecks,
  'GET /api/infosec/advisories': {
    access: 'infosec.read',
    // Advisories belong to no one site (routed to several): rows name none, so only the answer is checked here;
    // which sites see which advisory is checked by the record rows and test/api/infosec-advisories.test.ts.
    checks: [figures('infosec.read', { program: INFOSEC })],
  },
  'GET /api/infosec/advisories/export.csv': {
    access: 'infosec.read',
    checks: [figures('infosec.read', { program: INFOSEC })],
  },
  'GET /api/infosec/advisories/export.xlsx': {
    access: 'infosec.read',
    checks: [binary('infosec.read', { program: INFOSEC })],
  },
  'GET /api/infosec/advisories/:id': {
    access: 'infosec.read',
    checks: [
      { kind: 'record', family: 'securityAdvisory', permission: 'infosec.read', program: INFOSEC, ok: [200] },
    ],
  },
  'POST /api/infosec/advisories/import': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: () => ({ source: 'twcert', severity: 'low', bundle: stixBundle() }),
        ok: [201],
      },
    ],
  },
  'POST /api/infosec/advisories': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: ({ n }) => ({
          title: `Matrix advisory by hand ${n}`,
          source: 'vendor',
          severity: 'medium',
          tlp: 'clear',
          software: [{ name: `Matrix unrouted product ${n}` }],
        }),
        ok: [201],
      },
    ],
  },
  'PUT /api/infosec/advisories/:id/response': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'record',
        family: 'securityAdvisory',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: ({ loc }) => ({ siteId: site(loc), status: 'not_affected', version: STALE }),
        ok: [409],
      },
    ],
  },
  'GET /api/infosec/advisory-indicators': {
    access: 'infosec.read',
    checks: [figures('infosec.read', { program: INFOSEC })],
  },
  'GET /api/infosec/advisory-indicators/export.csv': {
    access: 'infosec.read',
    checks: [figures('infosec.read', { program: INFOSEC })],
  },
  'GET /api/infosec/advisory-indicators/export.xlsx': {
    access: 'infosec.read',
    checks: [binary('infosec.read', { program: INFOSEC })],
  },
  'GET /api/infosec/incidents/:id/indicator-matches': {
    access: 'infosec.read',
    checks: [
      { kind: 'record', family: 'securityIncident', permission: 'infosec.read', program: INFOSEC, ok: [200] },
    ],
  },
  'GET /api/infosec/advisory-due-days': {
    access: 'infosec.read',
    checks: [figures('infosec.read', { program: INFOSEC })],
  },
  'PUT /api/infosec/advisory-due-days': {
    access: 'infosec.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'infosec.manage',
        program: INFOSEC,
        body: async ({ res }) => (await res.admin.get('/api/infosec/advisory-due-days')).body,
        ok: [200],
      },
    ],
  },
};

/** The module's part of the security suite, as its manifest loads it. */
export const infosecSecurity: ModuleSecurity = {
  routes: infosecRouteChecks,
  policy: infosecExpectedPolicy,
  families: infosecFamilies,
};
