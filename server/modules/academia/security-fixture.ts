import { type Family, type FamilySpec, isoDay, seeded } from '../../../test/security/support/family-kit.ts';
import type { ModulePolicy, Permission } from '../../../test/security/support/policy.ts';
import { site, sites3 } from '../../../test/security/support/route-kit.ts';
import { USERS } from '../../../test/support/fixture.ts';
import { hireFamilies } from './hire-security-fixture.ts';
import { teachingFamilies } from './teaching-security-fixture.ts';

/**
 * What the security suite expects of the industry–academia program, and the records it checks the program's
 * routes on. Test code, loaded with the module's rows of the route table (`./security.ts`).
 */

declare module '../../../test/security/support/policy.ts' {
  interface ModulePermissions {
    'academia.read': true;
    'academia.manage': true;
  }
}

declare module '../../../test/security/support/family-kit.ts' {
  interface ModuleFamilies {
    academiaPartner: true;
    academiaAgreement: true;
    academiaProject: true;
    academiaMilestone: true;
    academiaIntern: true;
    academiaProgram: true;
    academiaScholarship: true;
    academiaPayment: true;
  }
}

const PROGRAM: Permission[] = ['academia.read', 'academia.manage'];

/**
 * Written by hand, apart from the manifest's permissions: "The academia office and the university-relations
 * staff of each site run the program; auditors and the Board read it." The matrix has no actor narrowed to
 * this program.
 */
export const academiaExpectedPolicy: ModulePolicy = {
  narrowed: [],
  holds: {
    group_admin: PROGRAM,
    program_owner: PROGRAM,
    site_officer: PROGRAM,
    auditor: ['academia.read'],
    board: ['academia.read'],
  },
};

/** The program's families of records, seeded by the group administrator; partners belong to the group. */
export const academiaFamilies = {
  academiaPartner: {
    locations: ['group'],
    seed: async ({ res, n }) =>
      seeded(
        await res.admin.post('/api/academia/partners', {
          name: `Matrix University ${n}`,
          country: 'TW',
          kind: 'university',
        }),
        'academia partner',
      ).id,
  },
  academiaAgreement: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/academia/agreements', {
          siteId: site(loc),
          partnerId: await res.id('academiaPartner', 'group'),
          kind: 'mou',
          title: `Matrix agreement ${n}`,
          startsOn: isoDay(-100),
          endsOn: isoDay(500),
        }),
        'academia agreement',
      ).id,
  },
  academiaProject: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/academia/projects', {
          siteId: site(loc),
          partnerId: await res.id('academiaPartner', 'group'),
          title: `Matrix project ${n}`,
          line: 'packaging',
          principalInvestigator: 'Prof. Matrix',
          status: 'active',
          startsOn: isoDay(-100),
          currency: 'USD',
        }),
        'academia project',
      ).id,
  },
  academiaMilestone: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post(`/api/academia/projects/${await res.id('academiaProject', loc)}/milestones`, {
          title: `Matrix milestone ${n}`,
          dueDate: isoDay(60),
        }),
        'academia milestone',
      ).id,
  },
  academiaIntern: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/academia/interns', {
          siteId: site(loc),
          partnerId: await res.id('academiaPartner', 'group'),
          fullName: `Matrix intern ${n}`,
          program: 'onsite_internship',
          startedOn: isoDay(-30),
        }),
        'academia intern',
      ).id,
  },
  academiaScholarship: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/academia/scholarships', {
          siteId: site(loc),
          partnerId: await res.id('academiaPartner', 'group'),
          recipientName: `Matrix scholar ${n}`,
          program: 'Matrix scholarship',
          awardedOn: isoDay(-30),
          amountMinor: 100_000,
          currency: 'TWD',
        }),
        'academia scholarship',
      ).id,
  },
  academiaProgram: {
    locations: ['group'],
    seed: async ({ res, n }) =>
      seeded(
        await res.admin.post('/api/academia/programs', {
          code: `matrix_program_${n}`,
          name: `Matrix program ${n}`,
          nameZh: `矩陣計畫 ${n}`,
          kind: 'research',
          ownerIds: [USERS.groupAdmin.id],
          siteIds: [],
        }),
        'academia program',
      ).id,
  },
  academiaPayment: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/academia/payments', {
          siteId: site(loc),
          partnerId: await res.id('academiaPartner', 'group'),
          category: 'other',
          paidOn: isoDay(-5),
          amountMinor: 100_000 + n,
          // US dollars: the fixture holds no exchange rate, and the year's contribution converts every payment.
          currency: 'USD',
          note: `Matrix payment ${n}`,
        }),
        'academia payment',
      ).id,
  },
  ...teachingFamilies,
  ...hireFamilies,
} satisfies Partial<Record<Family, FamilySpec>>;
