import { type Family, type FamilySpec, seeded } from '../../../../test/security/support/family-kit.ts';
import type { Location } from '../../../../test/security/support/policy.ts';
import type { Resources } from '../../../../test/security/support/resources.ts';
import { site, sites3 } from '../../../../test/security/support/route-kit.ts';
import { SEMI_E187_TEMPLATE } from './questionnaires.ts';

/** The supplier assessments' families of records for the security suite, seeded by the group administrator. Test code. */

declare module '../../../../test/security/support/family-kit.ts' {
  interface ModuleFamilies {
    infosecSupplier: true;
    infosecSupplierContact: true;
    supplierTemplate: true;
    supplierAssessment: true;
  }
}

/** A supplier at the location, made by the group administrator. */
export async function seedSupplier(res: Resources, loc: Location, n: number | string): Promise<string> {
  return seeded(
    await res.admin.post('/api/infosec/suppliers', {
      siteId: site(loc),
      name: `Matrix supplier ${n}`,
      country: 'JP',
      supplies: 'Test equipment',
      category: 'equipment',
      criticality: 'critical',
      servedSiteIds: [],
    }),
    'infosecSupplier',
  ).id;
}

export const supplierFamilies = {
  infosecSupplier: { locations: sites3, seed: async ({ res, loc, n }) => seedSupplier(res, loc, n) },
  infosecSupplierContact: {
    locations: sites3,
    seed: async ({ res, loc, n }) => {
      const supplierId = await seedSupplier(res, loc, `contact ${n}`);
      const supplier = seeded(
        await res.admin.post(`/api/infosec/suppliers/${supplierId}/contacts`, {
          name: `Matrix contact ${n}`,
          email: `matrix.contact.${n}@supplier.example`,
        }),
        'infosecSupplierContact',
      );
      return supplier.contacts[0].id as string;
    },
  },
  supplierTemplate: {
    locations: ['group'],
    seed: async ({ res, n }) =>
      seeded(
        await res.admin.post('/api/infosec/supplier-templates', {
          code: `matrix_${n}`,
          name: { en: `Matrix template ${n}`, 'zh-TW': `測試問卷 ${n}` },
          questions: [SEMI_E187_TEMPLATE.questions[0]],
        }),
        'supplierTemplate',
      ).id,
  },
  supplierAssessment: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/infosec/supplier-assessments', {
          supplierId: await seedSupplier(res, loc, `for assessment ${n}`),
          templateId: SEMI_E187_TEMPLATE.id,
          startedOn: '2026-02-01',
        }),
        'supplierAssessment',
      ).id,
  },
} satisfies Partial<Record<Family, FamilySpec>>;
