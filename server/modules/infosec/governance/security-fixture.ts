import { type Family, type FamilySpec, seeded } from '../../../../test/security/support/family-kit.ts';
import { site, sites3, sitesAndGroup } from '../../../../test/security/support/route-kit.ts';

/** Governance's families of records for the security suite, seeded by the group administrator. Test code. */

declare module '../../../../test/security/support/family-kit.ts' {
  interface ModuleFamilies {
    securityMembership: true;
    securityRisk: true;
    securityGoal: true;
  }
}

export const governanceFamilies = {
  securityMembership: {
    locations: sitesAndGroup,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/infosec/memberships', {
          siteId: site(loc),
          organisation: `Matrix organisation ${n}`,
          kind: 'agreement',
          since: '2024-01-01',
          renewalOn: '2027-01-01',
        }),
        'securityMembership',
      ).id,
  },
  securityRisk: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/infosec/risks', {
          siteId: site(loc),
          title: `Matrix risk ${n}`,
          likelihood: 3,
          impact: 4,
          treatment: 'mitigate',
          reviewOn: '2027-06-30',
        }),
        'securityRisk',
      ).id,
  },
  securityGoal: {
    locations: sitesAndGroup,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/infosec/goals', {
          siteId: site(loc),
          year: 2026,
          title: `Matrix goal ${n}`,
          kpis: [
            { metric: 'manual', name: 'Material incidents', comparison: 'at_most', target: 0, actual: 0 },
          ],
        }),
        'securityGoal',
      ).id,
  },
} satisfies Partial<Record<Family, FamilySpec>>;
