import { type Family, type FamilySpec, isoDay, seeded } from '../../../test/security/support/family-kit.ts';
import { site, sites3 } from '../../../test/security/support/route-kit.ts';

/** The teaching records' families for the security suite, seeded by the group administrator. Test code. */

declare module '../../../test/security/support/family-kit.ts' {
  interface ModuleFamilies {
    academiaCourse: true;
    academiaMentorship: true;
    academiaMentorshipActivity: true;
    academiaPlacement: true;
  }
}

export const teachingFamilies = {
  academiaCourse: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/academia/courses', {
          siteId: site(loc),
          partnerId: await res.id('academiaPartner', 'group'),
          program: 'practical_training',
          subject: 'semiconductor',
          title: `Matrix course ${n}`,
          startsOn: isoDay(-60),
          endsOn: isoDay(30),
          hours: 36,
          students: 40,
        }),
        'academia course',
      ).id,
  },
  academiaMentorship: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/academia/mentorships', {
          siteId: site(loc),
          partnerId: await res.id('academiaPartner', 'group'),
          title: `Matrix mentorship ${n}`,
          startsOn: isoDay(-100),
          endsOn: isoDay(200),
          students: 50,
        }),
        'academia mentorship',
      ).id,
  },
  academiaMentorshipActivity: {
    locations: sites3,
    seed: async ({ res, loc }) =>
      seeded(
        await res.admin.post(
          `/api/academia/mentorships/${await res.id('academiaMentorship', loc)}/activities`,
          { kind: 'forum', heldOn: isoDay(-1), hours: 2, students: 30 },
        ),
        'academia mentorship activity',
      ).id,
  },
  academiaPlacement: {
    locations: sites3,
    seed: async ({ res, loc, n }) =>
      seeded(
        await res.admin.post('/api/academia/placements', {
          siteId: site(loc),
          partnerId: await res.id('academiaPartner', 'group'),
          term: `Matrix placement ${n}`,
          startsOn: isoDay(-90),
          endsOn: isoDay(-30),
          students: 20,
          // Few enough hours for any number of students the concurrency suite may set.
          participationHours: 1000,
        }),
        'academia placement',
      ).id,
  },
} satisfies Partial<Record<Family, FamilySpec>>;
