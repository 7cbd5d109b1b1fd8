import { isoDay } from '../../../test/security/support/family-kit.ts';
import type { Program } from '../../../test/security/support/policy.ts';
import {
  figures,
  type RouteSpec,
  site,
  siteRegister,
  stale,
  staleRemoval,
} from '../../../test/security/support/route-kit.ts';

const ACADEMIA: Program = 'academia';
const register = {
  program: ACADEMIA,
  read: 'academia.read',
  manage: 'academia.manage',
  removable: true,
} as const;

/** The teaching routes' rows of the security suite's route table. Test code, joined into ./security.ts. */
export const teachingRouteChecks: Record<string, RouteSpec> = {
  ...siteRegister({
    ...register,
    path: '/api/academia/courses',
    family: 'academiaCourse',
    listQuery: { pageSize: '500' },
    create: async ({ res, loc, n }) => ({
      siteId: site(loc),
      partnerId: await res.id('academiaPartner', 'group'),
      program: 'usi_university',
      subject: 'career',
      title: `Matrix created course ${n}`,
      startsOn: isoDay(-10),
      endsOn: isoDay(-9),
      hours: 6,
      students: 25,
    }),
  }),
  'GET /api/academia/courses/figures': {
    access: 'academia.read',
    checks: [figures('academia.read', { program: ACADEMIA, query: { year: '2026' } })],
  },
  ...siteRegister({
    ...register,
    path: '/api/academia/mentorships',
    family: 'academiaMentorship',
    listQuery: { pageSize: '500' },
    create: async ({ res, loc, n }) => ({
      siteId: site(loc),
      partnerId: await res.id('academiaPartner', 'group'),
      title: `Matrix created mentorship ${n}`,
      startsOn: isoDay(-30),
      endsOn: isoDay(300),
      students: 12,
    }),
  }),
  ...siteRegister({
    ...register,
    path: '/api/academia/placements',
    family: 'academiaPlacement',
    listQuery: { pageSize: '500' },
    create: async ({ res, loc, n }) => ({
      siteId: site(loc),
      partnerId: await res.id('academiaPartner', 'group'),
      term: `Matrix created placement ${n}`,
      startsOn: isoDay(-20),
      endsOn: isoDay(-1),
      students: 8,
      participationHours: 640,
    }),
  }),
  'GET /api/academia/placements/figures': {
    access: 'academia.read',
    checks: [figures('academia.read', { program: ACADEMIA, query: { year: '2026' } })],
  },
  'POST /api/academia/mentorships/:id/activities': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'record',
        family: 'academiaMentorship',
        permission: 'academia.manage',
        program: ACADEMIA,
        body: () => ({ kind: 'line_tour', heldOn: isoDay(-2), hours: 3, students: 20 }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/academia/mentorship-activities/:id': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'record',
        family: 'academiaMentorshipActivity',
        permission: 'academia.manage',
        program: ACADEMIA,
        body: stale,
        ok: [409],
      },
    ],
  },
  'DELETE /api/academia/mentorship-activities/:id': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'record',
        family: 'academiaMentorshipActivity',
        permission: 'academia.manage',
        program: ACADEMIA,
        query: staleRemoval,
        ok: [409],
      },
    ],
  },
};
