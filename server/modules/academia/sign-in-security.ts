import { isoDay } from '../../../test/security/support/family-kit.ts';
import type { Program } from '../../../test/security/support/policy.ts';
import { figures, type RouteSpec } from '../../../test/security/support/route-kit.ts';

const ACADEMIA: Program = 'academia';

/** The rows of the own sign-ins of students and principal investigators (the external role). Test code. */
export const signInRouteChecks: Record<string, RouteSpec> = {
  'GET /api/academia/outsiders': {
    access: 'academia.manage',
    checks: [figures('academia.manage', { program: ACADEMIA })],
  },
  'GET /api/academia/interns/:id/sign-in': {
    access: 'academia.read',
    checks: [
      { kind: 'record', family: 'academiaIntern', permission: 'academia.read', program: ACADEMIA, ok: [200] },
    ],
  },
  'PUT /api/academia/interns/:id/sign-in': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'record',
        family: 'academiaIntern',
        permission: 'academia.manage',
        program: ACADEMIA,
        // Taking back a sign-in nobody holds: allowed, and changes nothing.
        body: () => ({ userId: null }),
        ok: [200],
      },
    ],
  },
  'GET /api/academia/projects/:id/sign-in': {
    access: 'academia.read',
    checks: [
      {
        kind: 'record',
        family: 'academiaProject',
        permission: 'academia.read',
        program: ACADEMIA,
        ok: [200],
      },
    ],
  },
  'PUT /api/academia/projects/:id/sign-in': {
    access: 'academia.manage',
    checks: [
      {
        kind: 'record',
        family: 'academiaProject',
        permission: 'academia.manage',
        program: ACADEMIA,
        body: () => ({ userId: null }),
        ok: [200],
      },
    ],
  },
  'GET /api/academia/my/projects': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },
  'GET /api/academia/my/internships': { access: 'signed-in', checks: [{ kind: 'self', ok: [200] }] },
  // An intern granted to nobody: every signed-in user meets 404, the staff of its site too.
  'POST /api/academia/my/internships/:id/evaluation': {
    access: 'signed-in',
    checks: [
      {
        kind: 'personal',
        family: 'academiaIntern',
        location: 'K7',
        body: () => ({ rating: 4, evaluatedOn: isoDay(0) }),
      },
    ],
  },
};
