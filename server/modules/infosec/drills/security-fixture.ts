import { type Family, type FamilySpec, seeded } from '../../../../test/security/support/family-kit.ts';
import type { Resources } from '../../../../test/security/support/resources.ts';
import { site, sites3 } from '../../../../test/security/support/route-kit.ts';

/** The drills' families of records for the security suite, seeded by the group administrator. Test code. */

declare module '../../../../test/security/support/family-kit.ts' {
  interface ModuleFamilies {
    securityDrill: true;
    phishingCampaign: true;
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
  phishingCampaign: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/infosec/phishing/campaigns', {
          siteId: site(loc),
          name: `Matrix campaign ${n}`,
          sentOn: '2026-03-01',
          courseId: await phishingCourse(res),
        }),
        'phishingCampaign',
      ).id,
  },
} satisfies Partial<Record<Family, FamilySpec>>;

/** A course for the campaigns to assign, one per run of the suite. */
const courses = new WeakMap<object, Promise<string>>();
export function phishingCourse(res: Resources): Promise<string> {
  let course = courses.get(res);
  if (!course) {
    course = res.admin
      .post('/api/training/courses', {
        code: 'MATRIX-PHISH',
        title: 'Matrix phishing course',
        domain: 'cybersecurity',
        audience: 'all_employees',
        hours: '1',
      })
      .then((r) => seeded(r, 'phishing course').id as string);
    courses.set(res, course);
  }
  return course;
}
