import { type Family, type FamilySpec, seeded } from '../../../../test/security/support/family-kit.ts';

/** The cyber insurance policies for the security suite: group records, made by the group administrator. Test code. */

declare module '../../../../test/security/support/family-kit.ts' {
  interface ModuleFamilies {
    insurancePolicy: true;
  }
}

export const insuranceFamilies = {
  insurancePolicy: {
    locations: ['group'],
    seed: async ({ res, n }) =>
      seeded(
        await res.admin.post('/api/infosec/insurance/policies', {
          insurer: 'Matrix Mutual',
          policyNumber: `MX-F-${n}`,
          covers: ['incident_response'],
          limitMinor: 100_000_000,
          currency: 'USD',
          noticeHours: 72,
          startsOn: '2026-01-01',
          endsOn: '2026-12-31',
        }),
        'insurancePolicy',
      ).id,
  },
} satisfies Partial<Record<Family, FamilySpec>>;
