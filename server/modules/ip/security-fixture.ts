import {
  EMPLOYEE_AT,
  type Family,
  type FamilySpec,
  seeded,
} from '../../../test/security/support/family-kit.ts';
import type { Location, ModulePolicy, Permission } from '../../../test/security/support/policy.ts';
import { site, sites3 } from '../../../test/security/support/route-kit.ts';
import { USERS } from '../../../test/support/fixture.ts';

/**
 * What the security suite expects of the intellectual property program, and the records it checks the
 * program's routes on. Test code, loaded with the module's rows of the route table (`./security.ts`).
 */

declare module '../../../test/security/support/policy.ts' {
  interface ModulePermissions {
    'ip.read': true;
    'ip.manage': true;
    'ip.disclose': true;
    'ip.exit_interviews.manage': true;
  }
}

declare module '../../../test/security/support/family-kit.ts' {
  interface ModuleFamilies {
    ipFamily: true;
    ipMatter: true;
    ipOfficeAction: true;
    trademark: true;
    tradeSecret: true;
    ipDisclosure: true;
    ipInventionReward: true;
    ipLicence: true;
    ipFto: true;
    ipRiskCase: true;
    ipExitInterview: true;
    ipReviewCampaign: true;
    ipReviewItem: true;
  }
}

/** The IP program: the portfolio and its deadlines, read and kept. */
const PROGRAM: Permission[] = ['ip.read', 'ip.manage', 'ip.disclose', 'ip.exit_interviews.manage'];

/**
 * Written by hand, apart from the manifest's permissions: the IP office (the program owner) and the site
 * officers who run the program keep the portfolio; auditors and the Board read it; every employee may file an
 * invention disclosure (and sees their own); Legal (the owner and the officers) holds the exit interviews,
 * which auditors and the Board do not see (they name people leaving); the other roles, and the officers and owners of another program,
 * see none of it.
 */
export const ipExpectedPolicy: ModulePolicy = {
  narrowed: ['program_owner', 'site_officer'],
  holds: {
    group_admin: PROGRAM,
    program_owner: PROGRAM,
    site_officer: PROGRAM,
    auditor: ['ip.read'],
    board: ['ip.read'],
    employee: ['ip.disclose'],
  },
};

/** A disclosure's body for the suite, its one inventor a person of the site (no matrix actor). */
export function disclosureBody(loc: Location, title: string) {
  return {
    siteId: site(loc),
    title,
    description: 'Filed by the authorization matrix',
    inventors: [{ employeeId: EMPLOYEE_AT[loc as keyof typeof EMPLOYEE_AT], share: 100 }],
  };
}

/** The program's families of records, seeded by the group administrator. */
export const ipFamilies = {
  ipFamily: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/ip/families', {
          siteId: site(loc),
          reference: `MX-FAM-${n}`,
          title: `Matrix family ${n}`,
          technology: 'sip',
        }),
        'ipFamily',
      ).id,
  },
  ipMatter: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/ip/matters', {
          familyId: await res.id('ipFamily', loc),
          office: 'TW',
          kind: 'invention',
          applicationNo: `MX${n}`,
          filingDate: '2020-03-02',
          grantDate: '2022-05-01',
          status: 'granted',
        }),
        'ipMatter',
      ).id,
  },
  ipOfficeAction: {
    locations: sites3,
    seed: async ({ res, loc }) =>
      seeded(
        await res.admin.post(`/api/ip/matters/${await res.id('ipMatter', loc)}/office-actions`, {
          kind: 'examination_report',
          mailedOn: '2021-09-01',
          periodMonths: 2,
        }),
        'ipOfficeAction',
      ).id,
  },
  trademark: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/ip/trademarks', {
          siteId: site(loc),
          mark: `MATRIX ${n}`,
          office: 'TW',
          niceClasses: [40],
          applicationNo: `MXT${n}`,
          filingDate: '2020-03-02',
          status: 'filed',
        }),
        'trademark',
      ).id,
  },
  tradeSecret: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/ip/trade-secrets', secretBody(site(loc), `Matrix trade secret ${n}`)),
        'tradeSecret',
      ).id,
  },
  ipDisclosure: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/ip/disclosures', disclosureBody(loc, `Matrix disclosure ${n}`)),
        'ipDisclosure',
      ).id,
  },
  /** A filing reward: a disclosure decided, filed, its reward rows made. */
  ipInventionReward: {
    locations: sites3,
    seed: async ({ res, loc, n }) => {
      const d = seeded(
        await res.admin.post('/api/ip/disclosures', disclosureBody(loc, `Matrix rewarded ${n}`)),
        'ipDisclosure',
      );
      const decided = seeded(
        await res.admin.post(`/api/ip/disclosures/${d.id}/decision`, {
          decision: 'file',
          office: 'TW',
          kind: 'invention',
          reason: 'Matrix',
          version: d.version,
        }),
        'decision',
      );
      const filed = await res.admin.post(`/api/ip/disclosures/${d.id}/filing`, {
        familyReference: `MX-INV-${n}`,
        technology: 'sip',
        applicationNo: `MXI${n}`,
        filingDate: '2021-06-01',
        version: decided.version,
      });
      return seeded(filed, 'filing').rewards[0].id;
    },
  },
  ipLicence: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(await res.admin.post('/api/ip/licences', licenceBody(site(loc), `MX-LIC-${n}`)), 'ipLicence').id,
  },
  ipFto: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(await res.admin.post('/api/ip/fto', ftoBody(site(loc), `Matrix product ${n}`)), 'ipFto').id,
  },
  ipRiskCase: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(await res.admin.post('/api/ip/risk-cases', riskCaseBody(site(loc), `MX-RC-${n}`)), 'ipRiskCase')
        .id,
  },
  /** An inventor hired for the suite with a leave date ahead, found by a scan of the group administrator. */
  ipExitInterview: {
    locations: sites3,
    seed: async ({ res, loc, n }) => {
      const employee = seeded(
        await res.admin.post('/api/people/employees', {
          siteId: site(loc),
          employeeNo: `MX-EXIT-${n}`,
          fullName: `Matrix Leaver ${n}`,
          department: 'Matrix',
          hireDate: '2020-01-06',
          leaveDate: '2099-06-01',
        }),
        'employee',
      );
      seeded(
        await res.admin.post('/api/ip/disclosures', {
          ...disclosureBody(loc, `Matrix leaver's disclosure ${n}`),
          inventors: [{ employeeId: employee.id, share: 100 }],
        }),
        'ipDisclosure',
      );
      seeded(await res.admin.post('/api/ip/exit-interviews/scan', {}), 'scan');
      const list = seeded(
        await res.admin.get('/api/ip/exit-interviews', {
          query: { siteId: site(loc) as string, pageSize: 100 },
        }),
        'list',
      );
      return list.items.find((x: { employeeId: string }) => x.employeeId === employee.id).id;
    },
  },
  // A review campaign over the live granted TW patents of the group (the seeded matters are such).
  ipReviewCampaign: {
    locations: ['group'],
    seed: async ({ res, n }) => {
      await res.id('ipMatter', 'K7');
      return seeded(
        await res.admin.post('/api/ip/review-campaigns', reviewCampaignBody(n)),
        'ipReviewCampaign',
      ).id;
    },
  },
  // The item of the site's seeded matter in a campaign launched for it.
  ipReviewItem: {
    locations: sites3,
    seed: async ({ res, loc, n }) => {
      const matterId = await res.id('ipMatter', loc);
      const campaign = seeded(
        await res.admin.post('/api/ip/review-campaigns', reviewCampaignBody(n)),
        'campaign',
      );
      const list = seeded(
        await res.admin.get('/api/ip/review-items', { query: { campaignId: campaign.id, matterId } }),
        'list',
      );
      return list.items[0].id;
    },
  },
} satisfies Partial<Record<Family, FamilySpec>>;

/** A review campaign's body for the suite: the live granted TW patents, due far ahead. */
export function reviewCampaignBody(n: number) {
  return { name: `Matrix review ${n}`, dueDate: '2099-12-31', selection: { office: 'TW' } };
}

/** A risk case's body for the suite: a suspected infringement by others, no incident named. */
export function riskCaseBody(siteId: string | null, reference: string) {
  return {
    siteId,
    reference,
    kind: 'infringement',
    direction: 'against_us',
    title: 'Matrix suspected infringement',
    stepOn: '2024-05-02',
  };
}

/** A licence's body for the suite: royalties of 2% reported quarterly from January 2024. */
export function licenceBody(siteId: string | null, reference: string) {
  return {
    siteId,
    reference,
    direction: 'out',
    counterparty: 'Matrix Licensee Ltd',
    subject: 'Matrix licensed technology',
    startsOn: '2024-01-01',
    exclusivity: 'non_exclusive',
    royaltyBasis: 'rate',
    royaltyRate: 2,
    currency: 'USD',
    reportingPeriod: 'quarterly',
    reportDueDays: 30,
  };
}

/** A freedom-to-operate record's body for the suite. */
export function ftoBody(siteId: string | null, subject: string) {
  return { siteId, subject, conclusion: 'clear', counsel: 'Matrix counsel', opinionDate: '2024-06-01' };
}

/** A trade secret's body for the suite: owned by the group administrator, its measures half in place. */
export function secretBody(siteId: string | null, title: string) {
  const measure = { state: 'partial', note: null };
  return {
    siteId,
    title,
    category: 'quality',
    ownerId: USERS.groupAdmin.id,
    checklist: {
      access_control: measure,
      marking: measure,
      confidentiality_agreements: measure,
      training: measure,
      infosec_controls: measure,
    },
    lastReviewDate: '2024-06-01',
  };
}
