import { isoDay } from '../../../test/security/support/family-kit.ts';
import type { Program } from '../../../test/security/support/policy.ts';
import {
  binary,
  csvExport,
  figures,
  type RouteSpec,
  STALE,
  site,
  sites3,
  stale,
} from '../../../test/security/support/route-kit.ts';

const ACADEMIA: Program = 'academia';
const staleDelete = () => ({ version: String(STALE) });

/** The teaching routes' rows of the security suite's route table. Test code, joined into ./security.ts. */
export const teachingRouteChecks: Record<string, RouteSpec> = {
  'GET /api/academia/courses': {
    access: 'academia.read',
    checks: [
      {
        kind: 'list',
        permission: 'academia.read',
        program: ACADEMIA,
        query: { pageSize: '500' },
        family: 'academiaCourse',
      },
    ],
  },
  'GET /api/academia/courses/export.csv': {
    access: 'academia.read',
    checks: [csvExport('academia.read', 'Site', { program: ACADEMIA, family: 'academiaCourse' })],
  },
  'GET /api/academia/courses/export.xlsx': {
    access: 'academia.read',
    checks: [binary('academia.read', { program: ACADEMIA })],
  },
  'GET /api/academia/courses/figures': {
    access: 'academia.read',
    checks: [figures('academia.read', { program: ACADEMIA, query: { year: '2026' } })],
  },
  'GET /api/academia/courses/:id': {
    access: 'academia.read',
    checks: [
      { kind: 'record', family: 'academiaCourse', permission: 'academia.read', program: ACADEMIA, ok: [200] },
    ],
  },
  'POST /api/academia/courses': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'academia.manage',
        program: ACADEMIA,
        body: async ({ res, loc, n }) => ({
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
        ok: [201],
      },
    ],
  },
  'PATCH /api/academia/courses/:id': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'record',
        family: 'academiaCourse',
        permission: 'academia.manage',
        program: ACADEMIA,
        body: stale,
        ok: [409],
      },
    ],
  },
  'DELETE /api/academia/courses/:id': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'record',
        family: 'academiaCourse',
        permission: 'academia.manage',
        program: ACADEMIA,
        query: staleDelete,
        ok: [409],
      },
    ],
  },
  'GET /api/academia/mentorships': {
    access: 'academia.read',
    checks: [
      {
        kind: 'list',
        permission: 'academia.read',
        program: ACADEMIA,
        query: { pageSize: '500' },
        family: 'academiaMentorship',
      },
    ],
  },
  'GET /api/academia/mentorships/export.csv': {
    access: 'academia.read',
    checks: [csvExport('academia.read', 'Site', { program: ACADEMIA, family: 'academiaMentorship' })],
  },
  'GET /api/academia/mentorships/export.xlsx': {
    access: 'academia.read',
    checks: [binary('academia.read', { program: ACADEMIA })],
  },
  'GET /api/academia/mentorships/:id': {
    access: 'academia.read',
    checks: [
      {
        kind: 'record',
        family: 'academiaMentorship',
        permission: 'academia.read',
        program: ACADEMIA,
        ok: [200],
      },
    ],
  },
  'POST /api/academia/mentorships': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'create',
        locations: sites3,
        permission: 'academia.manage',
        program: ACADEMIA,
        body: async ({ res, loc, n }) => ({
          siteId: site(loc),
          partnerId: await res.id('academiaPartner', 'group'),
          title: `Matrix created mentorship ${n}`,
          startsOn: isoDay(-30),
          endsOn: isoDay(300),
          students: 12,
        }),
        ok: [201],
      },
    ],
  },
  'PATCH /api/academia/mentorships/:id': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'record',
        family: 'academiaMentorship',
        permission: 'academia.manage',
        program: ACADEMIA,
        body: stale,
        ok: [409],
      },
    ],
  },
  'DELETE /api/academia/mentorships/:id': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'record',
        family: 'academiaMentorship',
        permission: 'academia.manage',
        program: ACADEMIA,
        query: staleDelete,
        ok: [409],
      },
    ],
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
        query: staleDelete,
        ok: [409],
      },
    ],
  },
};
