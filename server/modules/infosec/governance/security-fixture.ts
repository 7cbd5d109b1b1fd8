import { type Family, type FamilySpec, seeded } from '../../../../test/security/support/family-kit.ts';
import { type Ctx, site, sites3, sitesAndGroup } from '../../../../test/security/support/route-kit.ts';

/** Governance's families of records for the security suite, seeded by the group administrator. Test code. */

declare module '../../../../test/security/support/family-kit.ts' {
  interface ModuleFamilies {
    securityMembership: true;
    securityRisk: true;
    securityGoal: true;
    securityPolicy: true;
    securityPolicyVersion: true;
    securityPolicyCampaign: true;
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
  securityPolicy: {
    locations: sitesAndGroup,
    seed: async (ctx) => (await seedPolicy(ctx)).policyId,
  },
  securityPolicyVersion: {
    locations: sitesAndGroup,
    seed: async (ctx) => (await seedPolicy(ctx)).versionId,
  },
  securityPolicyCampaign: {
    locations: sitesAndGroup,
    seed: async (ctx) => {
      const { versionId } = await seedPolicy(ctx);
      return seeded(
        await ctx.res.admin.post(`/api/infosec/policy-versions/${versionId}/campaigns`, {
          openedOn: '2026-01-05',
          dueOn: '2026-02-05',
        }),
        'securityPolicyCampaign',
      ).id;
    },
  },
} satisfies Partial<Record<Family, FamilySpec>>;

/** A policy at the location with one version. */
async function seedPolicy({ res, loc, n }: Ctx) {
  const policyId = seeded(
    await res.admin.post('/api/infosec/policies', {
      siteId: site(loc),
      code: `MX-${loc}-${n}`,
      title: `Matrix policy ${n}`,
    }),
    'securityPolicy',
  ).id;
  const versionId = seeded(
    await res.admin.post(`/api/infosec/policies/${policyId}/versions`, {
      label: '1.0',
      effectiveOn: '2025-01-01',
    }),
    'securityPolicyVersion',
  ).id;
  return { policyId, versionId };
}
