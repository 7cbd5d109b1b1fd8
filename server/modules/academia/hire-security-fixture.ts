// biome-ignore-all lint/suspicious/noExplicitAny: list rows are whatever the API sent.
import { type Family, type FamilySpec, isoDay, seeded } from '../../../test/security/support/family-kit.ts';
import { site, sites3 } from '../../../test/security/support/route-kit.ts';

/** The proposed hires' family for the security suite, seeded by the group administrator. Test code. */

declare module '../../../test/security/support/family-kit.ts' {
  interface ModuleFamilies {
    academiaHireMatch: true;
  }
}

export const hireFamilies = {
  /** An intern and, later, an employee with the intern's e-mail at the same site: the match Steward proposes. */
  academiaHireMatch: {
    locations: sites3,
    seed: async ({ res, loc, n }) => {
      const siteId = site(loc);
      const email = `matrix.hire.${String(loc).toLowerCase()}.${n}@matrix-university.example`;
      const intern = seeded(
        await res.admin.post('/api/academia/interns', {
          siteId,
          partnerId: await res.id('academiaPartner', 'group'),
          fullName: `Matrix former intern ${n}`,
          email,
          program: 'cooperative_education',
          startedOn: isoDay(-400),
          endedOn: isoDay(-340),
          outcome: 'completed',
        }),
        'academia intern to be hired',
      );
      seeded(
        await res.admin.post('/api/people/employees', {
          siteId,
          employeeNo: `MATRIX-HIRE-${n}`,
          fullName: `Matrix former intern ${n}`,
          email,
          department: 'Matrix',
          hireDate: isoDay(-10),
        }),
        'employee who was an intern',
      );
      seeded(await res.admin.post('/api/academia/hire-matches/scan', { siteId }), 'hire match scan');
      const list = seeded(
        await res.admin.get('/api/academia/hire-matches', {
          query: { siteId: siteId as string, pageSize: '500' },
        }),
        'hire matches',
      );
      const match = list.items.find((m: any) => m.internId === intern.id);
      if (!match) throw new Error(`Seeding a hire match at ${loc} proposed nothing`);
      return match.id as string;
    },
  },
} satisfies Partial<Record<Family, FamilySpec>>;
