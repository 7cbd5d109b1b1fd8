import { type Family, type FamilySpec, seeded } from '../../../test/security/support/family-kit.ts';
import type { ModulePolicy, Permission } from '../../../test/security/support/policy.ts';
import { site, sites3 } from '../../../test/security/support/route-kit.ts';
import { drillFamilies } from './drills/security-fixture.ts';
import { findingsFamilies } from './findings/security.ts';
import { governanceFamilies } from './governance/security-fixture.ts';
import { insuranceFamilies } from './material/security-fixture.ts';
import { responseFamilies } from './response/security.ts';
import { supplierFamilies } from './suppliers/security-fixture.ts';

/**
 * What the security suite expects of the information security program, and the records it checks the
 * program's routes on. Test code, loaded with the module's rows of the route table (`./security.ts`).
 */

declare module '../../../test/security/support/policy.ts' {
  interface ModulePermissions {
    'infosec.report': true;
    'infosec.read': true;
    'infosec.manage': true;
    'infosec.disclose': true;
  }
}

declare module '../../../test/security/support/family-kit.ts' {
  interface ModuleFamilies {
    securityIncident: true;
    securitySystem: true;
    csfAssessment: true;
    securityAdvisory: true;
  }
}

/** Everyone who works at a site reports a suspected incident. */
const REPORT: Permission[] = ['infosec.report'];
/** The security team runs the program: triage, response, the systems register, the CSF assessments. */
const PROGRAM: Permission[] = ['infosec.read', 'infosec.manage'];

/**
 * Written by hand, apart from the manifest's permissions: the CISO office (the program owner) and each site's
 * security team run the program; auditors and the Board read it; everyone who works at a site reports (an
 * officer of another program too), but the owners of the other programs, auditors and the Board report
 * nothing. The matrix has no actor narrowed to this program.
 */
export const infosecExpectedPolicy: ModulePolicy = {
  narrowed: [],
  holds: {
    group_admin: [...REPORT, ...PROGRAM],
    program_owner: [...REPORT, ...PROGRAM, 'infosec.disclose'],
    site_officer: [...REPORT, ...PROGRAM, 'infosec.disclose'],
    other_site_officer: REPORT,
    employee: REPORT,
    medical: REPORT,
    auditor: ['infosec.read'],
    board: ['infosec.read'],
  },
};

/** The program's families of records, seeded by the group administrator. */
export const infosecFamilies = {
  ...drillFamilies,
  ...supplierFamilies,
  ...insuranceFamilies,
  ...responseFamilies,
  ...governanceFamilies,
  securityIncident: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/infosec/incidents', {
          siteId: site(loc),
          title: `Matrix security incident ${n}`,
          description: 'Seeded for the authorization matrix',
          awareAt: new Date(Date.now() - 600_000).toISOString(),
        }),
        'securityIncident',
      ).id,
  },
  securitySystem: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/infosec/systems', {
          siteId: site(loc),
          name: `Matrix system ${n}`,
          domain: 'it',
          criticality: 'high',
        }),
        'securitySystem',
      ).id,
  },
  csfAssessment: {
    locations: sites3,
    seed: async ({ res, loc }) => {
      // A campaign of its own for each one (a campaign a year): years from 2101 on, apart from the matrix's
      // own campaign creations (2000–2099).
      const year = 2100 + res.count('csf campaign');
      const campaign = seeded(
        await res.admin.post('/api/infosec/csf/campaigns', {
          year,
          name: `Matrix campaign ${year}`,
          scope: [{ siteId: site(loc), domain: 'it' }],
        }),
        'csf campaign',
      );
      const listed = seeded(
        await res.admin.get('/api/infosec/csf/assessments', { query: { campaignId: campaign.id } }),
        'csf assessments',
      );
      return listed.items[0].id;
    },
  },
  ...findingsFamilies,
  // An advisory routed to one site only: a system there runs a product of its own, which the advisory names.
  securityAdvisory: {
    locations: sites3,
    seed: async ({ res, loc, n }) => {
      const product = `Matrix product ${loc} ${n}`;
      seeded(
        await res.admin.post('/api/infosec/systems', {
          siteId: site(loc),
          name: `Matrix advisory system ${n}`,
          domain: 'it',
          criticality: 'low',
          vendor: 'Matrix',
          product,
          productVersion: '1.0.0',
        }),
        'advisory system',
      );
      return seeded(
        await res.admin.post('/api/infosec/advisories', {
          title: `Matrix advisory ${n}`,
          source: 'other',
          severity: 'low',
          tlp: 'green',
          software: [{ name: product, vendor: 'Matrix', version: '<2.0.0' }],
        }),
        'securityAdvisory',
      ).id;
    },
  },
} satisfies Partial<Record<Family, FamilySpec>>;
