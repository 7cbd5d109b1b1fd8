// biome-ignore-all lint/suspicious/noExplicitAny: list rows are whatever the API sent.
import { readFileSync } from 'node:fs';
import { defaultScoringModel } from '#shared/modules/ip/reassessment/rules.ts';
import { multipart } from '../../../test/security/support/family-kit.ts';
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
  stale,
} from '../../../test/security/support/route-kit.ts';
import {
  disclosureBody,
  ftoBody,
  ipExpectedPolicy,
  ipFamilies,
  licenceBody,
  reviewCampaignBody,
  riskCaseBody,
  secretBody,
} from './security-fixture.ts';

const IP: Program = 'ip';

/** One of the USPTO's sample grants (reference/uspto-samples), read by the matters import. */
const grantXml = () =>
  readFileSync(new URL('../../../reference/uspto-samples/US08930553.xml', import.meta.url));

/**
 * The intellectual property program's rows of the security suite's route table (test/security): how the authorization matrix
 * reaches each of its routes and what it expects. Test code: the manifest loads it only when the suite asks
 * (`securityChecks`, with its expected policy and families of records from `./security-fixture.ts`), so the
 * running system never imports it.
 */
export const ipRouteChecks: Record<string, RouteSpec> = {
  // Reading a grant into an import of the chosen site's matters (nothing is written until it is committed).
  'POST /api/ip/matters/uspto-xml': {
    access: 'ip.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'ip.manage',
        program: IP,
        query: ({ loc }) => ({ siteId: site(loc) as string }),
        body: async () => multipart('grant.xml', grantXml()),
        contentType: 'multipart',
        ok: [201],
      },
    ],
  },
  'GET /api/ip/portfolio/green': {
    access: 'ip.read',
    checks: [figures('ip.read', { program: IP, query: { year: '2023' } })],
  },
  'GET /api/ip/portfolio/counts': { access: 'ip.read', checks: [figures('ip.read', { program: IP })] },
  'GET /api/ip/board/figures': {
    access: 'ip.read',
    checks: [figures('ip.read', { program: IP, query: { year: '2022' } })],
  },
  'GET /api/ip/board/report.pdf': {
    access: 'ip.read',
    checks: [binary('ip.read', { program: IP, query: { year: '2022' } })],
  },
  'GET /api/ip/board/report.xlsx': {
    access: 'ip.read',
    checks: [binary('ip.read', { program: IP, query: { year: '2022' } })],
  },
  ...siteRegister({
    path: '/api/ip/matters',
    family: 'ipMatter',
    program: IP,
    read: 'ip.read',
    manage: 'ip.manage',
    create: async ({ res, loc, n }) => ({
      familyId: await res.id('ipFamily', loc),
      office: 'US',
      kind: 'invention',
      applicationNo: `MXC${n}`,
      filingDate: '2021-06-01',
      status: 'filed',
    }),
  }),
  'GET /api/ip/matters/:id/office-actions': {
    access: 'ip.read',
    checks: [{ kind: 'record', family: 'ipMatter', permission: 'ip.read', program: IP, ok: [200] }],
  },
  'POST /api/ip/matters/:id/office-actions': {
    access: 'ip.manage',
    checks: [
      {
        kind: 'record',
        family: 'ipMatter',
        permission: 'ip.manage',
        program: IP,
        body: () => ({ kind: 'rejection', mailedOn: '2024-03-01', periodMonths: 2 }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/ip/office-actions/:id': {
    access: 'ip.manage',
    checks: [
      {
        kind: 'record',
        family: 'ipOfficeAction',
        permission: 'ip.manage',
        program: IP,
        body: stale,
        ok: [409],
      },
    ],
  },
  'GET /api/ip/families': {
    access: 'ip.read',
    checks: [{ kind: 'list', permission: 'ip.read', program: IP, family: 'ipFamily' }],
  },
  'GET /api/ip/families/:id': {
    access: 'ip.read',
    checks: [{ kind: 'record', family: 'ipFamily', permission: 'ip.read', program: IP, ok: [200] }],
  },
  'POST /api/ip/families': {
    access: 'ip.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'ip.manage',
        program: IP,
        body: ({ loc, n }) => ({
          siteId: site(loc),
          reference: `MXN-${n}`,
          title: `Matrix new family ${n}`,
          technology: 'mems_sensor',
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/ip/families/:id': {
    access: 'ip.manage',
    checks: [
      { kind: 'record', family: 'ipFamily', permission: 'ip.manage', program: IP, body: stale, ok: [409] },
    ],
  },
  ...siteRegister({
    path: '/api/ip/trademarks',
    family: 'trademark',
    program: IP,
    read: 'ip.read',
    manage: 'ip.manage',
    create: ({ loc, n }) => ({
      siteId: site(loc),
      mark: `MATRIX NEW ${n}`,
      office: 'CN',
      niceClasses: [9],
      applicationNo: `MXTN${n}`,
      filingDate: '2022-01-10',
      status: 'filed',
    }),
  }),
  ...siteRegister({
    path: '/api/ip/trade-secrets',
    family: 'tradeSecret',
    program: IP,
    read: 'ip.read',
    manage: 'ip.manage',
    create: ({ loc, n }) => secretBody(site(loc), `Matrix new trade secret ${n}`),
  }),
  'GET /api/ip/disclosures': {
    access: 'signed-in',
    checks: [
      { kind: 'list', permission: 'ip.read', program: IP, family: 'ipDisclosure' },
      { kind: 'self', ok: [200], query: () => ({ mine: 'true' }) },
    ],
  },
  'GET /api/ip/disclosures/export.csv': {
    access: 'ip.read',
    checks: [csvExport('ip.read', 'Site', { program: IP, family: 'ipDisclosure' })],
  },
  'GET /api/ip/disclosures/export.xlsx': { access: 'ip.read', checks: [binary('ip.read', { program: IP })] },
  'GET /api/ip/disclosures/:id': {
    access: 'signed-in',
    checks: [{ kind: 'record', family: 'ipDisclosure', permission: 'ip.read', program: IP, ok: [200] }],
  },
  'POST /api/ip/disclosures': {
    access: 'ip.disclose',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'ip.disclose',
        program: IP,
        body: ({ loc, n }) => disclosureBody(loc, `Matrix new disclosure ${n}`),
        ok: [201],
      },
    ],
  },
  'POST /api/ip/disclosures/:id/decision': {
    access: 'ip.manage',
    checks: [
      {
        kind: 'record',
        family: 'ipDisclosure',
        permission: 'ip.manage',
        program: IP,
        body: () => ({ decision: 'drop', reason: 'Matrix', version: STALE }),
        ok: [409],
      },
    ],
  },
  'POST /api/ip/disclosures/:id/filing': {
    access: 'ip.manage',
    checks: [
      {
        kind: 'record',
        family: 'ipDisclosure',
        permission: 'ip.manage',
        program: IP,
        // Not decided to file: refused as a conflict once access is granted.
        body: () => ({
          familyReference: 'MX-NEVER',
          technology: 'sip',
          applicationNo: 'MXNEVER',
          filingDate: '2021-06-01',
          version: STALE,
        }),
        ok: [409],
      },
    ],
  },
  'POST /api/ip/disclosures/:id/grant-rewards': {
    access: 'ip.manage',
    checks: [{ kind: 'record', family: 'ipDisclosure', permission: 'ip.manage', program: IP, ok: [409] }],
  },
  'POST /api/ip/invention-rewards/:id/payment': {
    access: 'ip.manage',
    checks: [
      {
        kind: 'record',
        family: 'ipInventionReward',
        permission: 'ip.manage',
        program: IP,
        body: () => ({ paidOn: '2021-07-01', version: STALE }),
        ok: [409],
      },
    ],
  },
  'GET /api/ip/invention-reward-schedule': {
    access: 'ip.read',
    checks: [figures('ip.read', { program: IP })],
  },
  'PUT /api/ip/invention-reward-schedule': {
    access: 'ip.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'ip.manage',
        program: IP,
        body: () => ({ filing: '10000', grant: '30000' }),
        ok: [200],
      },
    ],
  },
  'GET /api/ip/disclosure-colleagues': {
    access: 'ip.disclose',
    checks: [figures('ip.disclose', { program: IP })],
  },
  'GET /api/ip/disclosure-projects': {
    access: 'ip.disclose',
    checks: [figures('ip.disclose', { program: IP })],
  },
  'GET /api/ip/research-projects/:id/disclosures': {
    access: 'academia.read',
    checks: [
      {
        kind: 'record',
        family: 'academiaProject',
        permission: 'academia.read',
        program: 'academia',
        ok: [200],
      },
    ],
  },
  'GET /api/ip/office-closures': { access: 'ip.read', checks: [figures('ip.read', { program: IP })] },
  'POST /api/ip/office-closures': {
    access: 'ip.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'ip.manage',
        program: IP,
        // A different day each time, so that every allowed actor adds one.
        body: ({ n }) => ({
          office: 'JP',
          day: new Date(Date.UTC(2040, 0, n)).toISOString().slice(0, 10),
          name: 'Matrix closure',
          source: 'Matrix',
        }),
        ok: [201],
      },
    ],
  },
  'DELETE /api/ip/office-closures': {
    access: 'ip.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'ip.manage',
        program: IP,
        // Entered first, so that an allowed actor removes it and a refused one leaves it.
        body: async ({ res, n }) => {
          const key = { office: 'KR', day: new Date(Date.UTC(2041, 0, n)).toISOString().slice(0, 10) };
          await res.admin.post('/api/ip/office-closures', {
            ...key,
            name: 'Matrix closure',
            source: 'Matrix',
          });
          return key;
        },
        ok: [204],
      },
    ],
  },
  ...siteRegister({
    path: '/api/ip/licences',
    family: 'ipLicence',
    program: IP,
    read: 'ip.read',
    manage: 'ip.manage',
    create: ({ loc, n }) => licenceBody(site(loc), `MX-LIC-NEW-${n}`),
  }),
  'POST /api/ip/licences/:id/royalty-reports': {
    access: 'ip.manage',
    checks: [
      {
        kind: 'record',
        family: 'ipLicence',
        permission: 'ip.manage',
        program: IP,
        // Not the end of a reporting period: refused naming the field once access is granted.
        body: () => ({ periodEnd: '2024-02-15', reportedOn: '2024-04-10', amount: '1.00', currency: 'USD' }),
        ok: [422],
      },
    ],
  },
  'GET /api/ip/matters/:id/licences': {
    access: 'ip.read',
    checks: [{ kind: 'record', family: 'ipMatter', permission: 'ip.read', program: IP, ok: [200] }],
  },
  ...siteRegister({
    path: '/api/ip/fto',
    family: 'ipFto',
    program: IP,
    read: 'ip.read',
    manage: 'ip.manage',
    create: ({ loc, n }) => ftoBody(site(loc), `Matrix new product ${n}`),
  }),
  ...siteRegister({
    path: '/api/ip/risk-cases',
    family: 'ipRiskCase',
    program: IP,
    read: 'ip.read',
    manage: 'ip.manage',
    create: ({ loc, n }) => riskCaseBody(site(loc), `MX-RC-NEW-${n}`),
  }),
  'POST /api/ip/risk-cases/:id/steps': {
    access: 'ip.manage',
    checks: [
      {
        kind: 'record',
        family: 'ipRiskCase',
        permission: 'ip.manage',
        program: IP,
        body: () => ({ step: 'investigating', effectiveOn: '2024-06-01', version: STALE }),
        ok: [409],
      },
    ],
  },
  'POST /api/ip/risk-cases/:id/costs': {
    access: 'ip.manage',
    checks: [
      {
        kind: 'record',
        family: 'ipRiskCase',
        permission: 'ip.manage',
        program: IP,
        // A cost dated in the future: refused naming the field once access is granted.
        body: () => ({ incurredOn: '2099-01-01', category: 'counsel', amount: '1.00', currency: 'TWD' }),
        ok: [422],
      },
    ],
  },
  'GET /api/ip/security-incidents/:id/risk-cases': {
    access: 'signed-in',
    checks: [
      {
        kind: 'record',
        family: 'securityIncident',
        permission: 'infosec.read',
        program: 'infosec',
        ok: [200],
      },
    ],
  },
  'GET /api/ip/risk-case-incidents': {
    access: 'ip.manage',
    checks: [figures('ip.manage', { program: IP })],
  },
  // Keep or drop: the seeded matters are granted TW patents, so each has a yearly fee ahead and is listed.
  'GET /api/ip/keep-or-drop': {
    access: 'ip.read',
    checks: [{ kind: 'list', permission: 'ip.read', program: IP, family: 'ipMatter' }],
  },
  'GET /api/ip/keep-or-drop/export.csv': {
    access: 'ip.read',
    checks: [csvExport('ip.read', 'Site', { program: IP, family: 'ipMatter' })],
  },
  'GET /api/ip/keep-or-drop/export.xlsx': { access: 'ip.read', checks: [binary('ip.read', { program: IP })] },
  // Five-year fee forecast: the seeded granted TW patents each pay a yearly annuity within the five years.
  'GET /api/ip/fee-forecast': { access: 'ip.read', checks: [figures('ip.read', { program: IP })] },
  'GET /api/ip/fee-forecast/fees': {
    access: 'ip.read',
    checks: [{ kind: 'list', permission: 'ip.read', program: IP, family: 'ipMatter' }],
  },
  'GET /api/ip/fee-forecast/fees/export.csv': {
    access: 'ip.read',
    checks: [csvExport('ip.read', 'Site', { program: IP, family: 'ipMatter' })],
  },
  'GET /api/ip/fee-forecast/fees/export.xlsx': {
    access: 'ip.read',
    checks: [binary('ip.read', { program: IP })],
  },
  'GET /api/ip/keep-or-drop/:id': {
    access: 'ip.read',
    checks: [{ kind: 'record', family: 'ipMatter', permission: 'ip.read', program: IP, ok: [200] }],
  },
  'POST /api/ip/keep-or-drop/:id/decision': {
    access: 'ip.manage',
    checks: [
      {
        kind: 'record',
        family: 'ipMatter',
        permission: 'ip.manage',
        program: IP,
        body: () => ({ decision: 'keep', reason: 'Matrix', version: STALE }),
        ok: [409],
      },
    ],
  },
  // Review campaigns are group records: every IP reader sees them (with progress over their own sites'
  // items); only group-wide IP managers launch and close them. Their items belong to their matters' sites.
  'GET /api/ip/review-campaigns': {
    access: 'ip.read',
    checks: [{ kind: 'list', permission: 'ip.read', program: IP, groupRows: 'anywhere' }],
  },
  'GET /api/ip/review-campaigns/:id': {
    access: 'ip.read',
    checks: [{ kind: 'record', family: 'ipReviewCampaign', permission: 'ip.read', program: IP, ok: [200] }],
  },
  'POST /api/ip/review-campaigns': {
    access: 'ip.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'ip.manage',
        program: IP,
        body: ({ n }) => reviewCampaignBody(n),
        ok: [201],
      },
    ],
  },
  'POST /api/ip/review-campaigns/:id/close': {
    access: 'ip.manage',
    checks: [
      {
        kind: 'record',
        family: 'ipReviewCampaign',
        permission: 'ip.manage',
        program: IP,
        group: 'group-wide',
        body: stale,
        ok: [409],
      },
    ],
  },
  'GET /api/ip/review-items': {
    access: 'ip.read',
    checks: [
      {
        kind: 'list',
        permission: 'ip.read',
        program: IP,
        family: 'ipReviewItem',
        query: { pageSize: '500' },
      },
    ],
  },
  'GET /api/ip/review-items/export.csv': {
    access: 'ip.read',
    checks: [csvExport('ip.read', 'Site', { program: IP, family: 'ipReviewItem' })],
  },
  'GET /api/ip/review-items/export.xlsx': { access: 'ip.read', checks: [binary('ip.read', { program: IP })] },
  'POST /api/ip/review-items/:id/verdict': {
    access: 'ip.manage',
    checks: [
      {
        kind: 'record',
        family: 'ipReviewItem',
        permission: 'ip.manage',
        program: IP,
        body: () => ({ verdict: 'keep', version: STALE }),
        ok: [409],
      },
    ],
  },
  'GET /api/ip/exit-interviews': {
    access: 'ip.exit_interviews.manage',
    checks: [
      { kind: 'list', permission: 'ip.exit_interviews.manage', program: IP, family: 'ipExitInterview' },
    ],
  },
  'GET /api/ip/exit-interviews/export.csv': {
    access: 'ip.exit_interviews.manage',
    checks: [csvExport('ip.exit_interviews.manage', 'Site', { program: IP, family: 'ipExitInterview' })],
  },
  'GET /api/ip/exit-interviews/export.xlsx': {
    access: 'ip.exit_interviews.manage',
    checks: [binary('ip.exit_interviews.manage', { program: IP })],
  },
  'GET /api/ip/exit-interviews/:id': {
    access: 'ip.exit_interviews.manage',
    checks: [
      {
        kind: 'record',
        family: 'ipExitInterview',
        permission: 'ip.exit_interviews.manage',
        program: IP,
        ok: [200],
      },
    ],
  },
  'PATCH /api/ip/exit-interviews/:id': {
    access: 'ip.exit_interviews.manage',
    checks: [
      {
        kind: 'record',
        family: 'ipExitInterview',
        permission: 'ip.exit_interviews.manage',
        program: IP,
        body: () => ({ heldOn: '2024-06-03', version: STALE }),
        ok: [409],
      },
    ],
  },
  'POST /api/ip/exit-interviews/scan': {
    access: 'ip.exit_interviews.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'ip.exit_interviews.manage',
        program: IP,
        body: ({ loc }) => ({ siteId: site(loc) }),
        ok: [200],
      },
    ],
  },
  'GET /api/ip/scoring-model': { access: 'ip.read', checks: [figures('ip.read', { program: IP })] },
  'PUT /api/ip/scoring-model': {
    access: 'ip.manage',
    checks: [
      {
        kind: 'group-wide',
        permission: 'ip.manage',
        program: IP,
        body: () => defaultScoringModel,
        ok: [200],
      },
    ],
  },
};

/** The module's part of the security suite, as its manifest loads it. */
export const ipSecurity: ModuleSecurity = {
  routes: ipRouteChecks,
  policy: ipExpectedPolicy,
  families: ipFamilies,
};
