import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError } from '../http/errors.ts';
import type { Actor, ResolvedAssignment } from './actor.ts';
import { access } from './service.ts';

const K7 = 'site-k7';
const TC = 'site-tc';
const PG = 'site-pg';

const actorWith = (...assignments: ResolvedAssignment[]): Actor => ({
  kind: 'user',
  userId: 'u1',
  label: 'Test',
  locale: 'en',
  assignments,
});
const k7Officer = actorWith({ role: 'site_officer', program: null, siteIds: new Set([K7]) });
const k7Employee = actorWith({ role: 'employee', program: null, siteIds: new Set([K7]) });
const board = actorWith({ role: 'board', program: null, siteIds: null });
const admin = actorWith({ role: 'group_admin', program: null, siteIds: null });

function refusal(fn: () => void): number | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) return error.status;
    throw error;
  }
}

describe('access.assert', () => {
  it('lets an actor act where they hold the permission', () => {
    expect(refusal(() => access.assert(k7Officer, { permission: 'people.manage', siteId: K7 }))).toBeNull();
    expect(refusal(() => access.assert(admin, { permission: 'people.manage', siteId: TC }))).toBeNull();
  });

  it('answers 404 for a record outside every scope of the actor, even without the permission', () => {
    expect(refusal(() => access.assert(k7Officer, { permission: 'people.read', siteId: TC }))).toBe(404);
    expect(refusal(() => access.assert(k7Employee, { permission: 'people.read', siteId: TC }))).toBe(404);
    expect(refusal(() => access.assert(k7Officer, { permission: 'users.manage', siteId: TC }))).toBe(404);
  });

  it('answers 403 inside the scope without the permission', () => {
    expect(refusal(() => access.assert(k7Employee, { permission: 'people.read', siteId: K7 }))).toBe(403);
    expect(refusal(() => access.assert(board, { permission: 'people.manage', siteId: TC }))).toBe(403);
    expect(refusal(() => access.assert(k7Officer, { permission: 'org.manage', siteId: K7 }))).toBe(403);
  });

  it('names the refused permission, and the record kind when not found', () => {
    const caught = (fn: () => void): unknown => {
      try {
        fn();
      } catch (error) {
        return error;
      }
      return null;
    };
    const forbidden = caught(() =>
      access.assert(k7Employee, { permission: 'people.read', siteId: K7, what: 'employee' }),
    );
    expect(forbidden).toBeInstanceOf(ForbiddenError);
    expect((forbidden as ForbiddenError).extra).toEqual({ permission: 'people.read' });
    const missing = caught(() =>
      access.assert(k7Officer, { permission: 'people.read', siteId: TC, what: 'employee' }),
    );
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as NotFoundError).message).toContain('employee');
  });

  it('decides group records (no site) by whether the permission is held anywhere', () => {
    expect(
      refusal(() => access.assert(k7Officer, { permission: 'contractors.read', siteId: null })),
    ).toBeNull();
    expect(
      refusal(() => access.assert(k7Officer, { permission: 'contractors.companies.manage', siteId: null })),
    ).toBe(403);
    expect(refusal(() => access.assert(k7Employee, { permission: 'contractors.read', siteId: null }))).toBe(
      403,
    );
  });

  it('counts only the assignments for the program when one is named', () => {
    const ohsOfficer = actorWith({ role: 'site_officer', program: 'ohs', siteIds: new Set([K7]) });
    expect(
      refusal(() =>
        access.assert(ohsOfficer, {
          permission: 'people.manage',
          siteId: K7,
          what: 'record',
          program: 'ohs',
        }),
      ),
    ).toBeNull();
    expect(
      refusal(() =>
        access.assert(ohsOfficer, {
          permission: 'people.manage',
          siteId: K7,
          what: 'record',
          program: 'infosec',
        }),
      ),
    ).toBe(403);
  });
});

describe('access.listScope', () => {
  it('returns the sites to filter a list by', () => {
    expect(access.listScope(k7Officer, 'people.read')).toEqual(new Set([K7]));
    expect(access.listScope(board, 'org.read')).toBe('all');
  });

  it('refuses with 403 when the permission reaches no site', () => {
    expect(refusal(() => access.listScope(k7Employee, 'people.read'))).toBe(403);
    expect(refusal(() => access.listScope(actorWith(), 'org.read'))).toBe(403);
  });
});

describe('access.permitted (bulk check)', () => {
  it('returns the ids of the records the actor may act on, in one pass', () => {
    const records = [
      { id: 'a', siteId: K7 },
      { id: 'b', siteId: TC },
      { id: 'c', siteId: PG },
      { id: 'd', siteId: null },
    ];
    expect(access.permitted(k7Officer, 'people.read', records)).toEqual(new Set(['a', 'd']));
    expect(access.permitted(admin, 'people.manage', records)).toEqual(new Set(['a', 'b', 'c', 'd']));
    expect(access.permitted(k7Employee, 'people.read', records)).toEqual(new Set());
    expect(access.permitted(k7Officer, 'people.read', [])).toEqual(new Set());
  });
});

describe('access.can', () => {
  it('answers without throwing', () => {
    expect(access.can(k7Officer, 'people.manage', K7)).toBe(true);
    expect(access.can(k7Officer, 'people.manage', TC)).toBe(false);
    expect(access.can(k7Officer, 'people.manage', null)).toBe(true);
    expect(access.can(k7Employee, 'people.read', null)).toBe(false);
  });
});
