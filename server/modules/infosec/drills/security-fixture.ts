import { type Family, type FamilySpec, seeded } from '../../../../test/security/support/family-kit.ts';
import { site, sites3 } from '../../../../test/security/support/route-kit.ts';

/** The drills' families of records for the security suite, seeded by the group administrator. Test code. */

declare module '../../../../test/security/support/family-kit.ts' {
  interface ModuleFamilies {
    securityDrill: true;
  }
}

export const drillFamilies = {
  securityDrill: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/infosec/drills', {
          siteId: site(loc),
          kind: 'recovery',
          title: `Matrix drill ${n}`,
          plannedOn: '2026-06-01',
          durationHours: 4,
          scope: 'partial_restore',
          participants: [],
          systems: [],
          steps: [],
          resources: [],
          risks: [],
        }),
        'securityDrill',
      ).id,
  },
} satisfies Partial<Record<Family, FamilySpec>>;
