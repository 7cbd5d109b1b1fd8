import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Actor,
  holdsAnywhere,
  type ResolvedAssignment,
  scopeHas,
  scopeIsEmpty,
  sitesWith,
  systemActor,
  visibleSites,
} from './actor.ts';
import { grantsMatch, registerGrants } from './policy.ts';

// A program module grants its owner a platform permission (as the OHS module grants contractor management).
beforeAll(() =>
  registerGrants('ohs', { 'contractors.companies.manage': [{ role: 'program_owner', program: 'ohs' }] }),
);

const K7 = 'site-k7';
const PG = 'site-pg';
const TC = 'site-tc';
const SZ = 'site-sz';

function actorWith(...assignments: ResolvedAssignment[]): Actor {
  return { kind: 'user', userId: 'u1', label: 'Test <t@steward.test>', locale: 'en', assignments };
}
const sites = (...ids: string[]) => new Set(ids);

describe('sitesWith', () => {
  it('gives a site officer their sites, and nothing for a permission the role lacks', () => {
    const officer = actorWith({ role: 'site_officer', program: null, siteIds: sites(K7) });
    expect(sitesWith(officer, 'people.manage')).toEqual(sites(K7));
    expect(sitesWith(officer, 'users.manage')).toEqual(sites());
    expect(sitesWith(officer, 'audit.read')).toEqual(sites());
  });

  it("gives 'all' for a group-wide assignment", () => {
    const auditor = actorWith({ role: 'auditor', program: null, siteIds: null });
    expect(sitesWith(auditor, 'audit.read')).toBe('all');
    expect(sitesWith(auditor, 'people.manage')).toEqual(sites());
  });

  it('unites the sites of several assignments granting the permission, and only those', () => {
    const actor = actorWith(
      { role: 'site_officer', program: null, siteIds: sites(K7) },
      { role: 'site_officer', program: null, siteIds: sites(TC, SZ) },
      { role: 'employee', program: null, siteIds: sites(PG) },
    );
    expect(sitesWith(actor, 'people.manage')).toEqual(sites(K7, TC, SZ));
    expect(sitesWith(actor, 'org.read')).toEqual(sites(K7, TC, SZ, PG));
    const withGroup = actorWith(
      { role: 'site_officer', program: null, siteIds: sites(K7) },
      { role: 'board', program: null, siteIds: null },
    );
    expect(sitesWith(withGroup, 'org.read')).toBe('all');
    expect(sitesWith(withGroup, 'people.manage')).toEqual(sites(K7));
  });

  it("narrows a program owner's grants to their program", () => {
    const ohs = actorWith({ role: 'program_owner', program: 'ohs', siteIds: null });
    const ip = actorWith({ role: 'program_owner', program: 'ip', siteIds: null });
    expect(sitesWith(ohs, 'contractors.companies.manage')).toBe('all');
    expect(sitesWith(ip, 'contractors.companies.manage')).toEqual(sites());
    expect(sitesWith(ip, 'contractors.read')).toBe('all');
  });

  it("gives the system actor 'all' for everything", () => {
    expect(sitesWith(systemActor(), 'users.manage')).toBe('all');
    expect(visibleSites(systemActor('job'))).toBe('all');
  });

  it('gives an actor without assignments nothing', () => {
    expect(sitesWith(actorWith(), 'org.read')).toEqual(sites());
    expect(visibleSites(actorWith())).toEqual(sites());
  });
});

describe('visibleSites', () => {
  it('is every site any role reaches, whatever the permission', () => {
    const employee = actorWith({ role: 'employee', program: null, siteIds: sites(K7) });
    expect(visibleSites(employee)).toEqual(sites(K7));
    const mixed = actorWith(
      { role: 'employee', program: null, siteIds: sites(K7) },
      { role: 'medical', program: null, siteIds: sites(PG) },
    );
    expect(visibleSites(mixed)).toEqual(sites(K7, PG));
    expect(visibleSites(actorWith({ role: 'board', program: null, siteIds: null }))).toBe('all');
  });
});

describe('scope helpers', () => {
  it('answers membership and emptiness', () => {
    expect(scopeHas('all', K7)).toBe(true);
    expect(scopeHas(sites(K7), K7)).toBe(true);
    expect(scopeHas(sites(K7), TC)).toBe(false);
    expect(scopeIsEmpty(sites())).toBe(true);
    expect(scopeIsEmpty('all')).toBe(false);
    expect(scopeIsEmpty(sites(K7))).toBe(false);
  });

  it('holdsAnywhere is true when the permission reaches at least one site', () => {
    expect(
      holdsAnywhere(actorWith({ role: 'site_officer', program: null, siteIds: sites(K7) }), 'people.manage'),
    ).toBe(true);
    expect(
      holdsAnywhere(actorWith({ role: 'employee', program: null, siteIds: sites(K7) }), 'people.read'),
    ).toBe(false);
  });
});

describe('grantsMatch', () => {
  it('matches a grant without program for every program of the role', () => {
    expect(grantsMatch('people.manage', 'site_officer', 'ohs')).toBe(true);
    expect(grantsMatch('people.manage', 'site_officer', null)).toBe(true);
  });

  it('matches a program grant only for that program, or an assignment for every program', () => {
    expect(grantsMatch('contractors.companies.manage', 'program_owner', 'ohs')).toBe(true);
    expect(grantsMatch('contractors.companies.manage', 'program_owner', 'infosec')).toBe(false);
    expect(grantsMatch('contractors.companies.manage', 'program_owner', null)).toBe(true);
  });

  it('keeps read-only roles read-only', () => {
    for (const role of ['auditor', 'board'] as const)
      for (const permission of [
        'org.manage',
        'people.manage',
        'users.manage',
        'contractors.workers.manage',
      ] as const)
        expect(grantsMatch(permission, role, null), `${role} ${permission}`).toBe(false);
  });
});
