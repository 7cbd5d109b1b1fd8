import { describe, expect, it } from 'vitest';
import type { Program, Role } from '#shared/platform/access/roles.ts';
import { allPermissions, grantsMatch } from '../../server/platform/access/policy.ts';
import { registerModulePolicies } from '../../server/services.ts';
import { webModules } from '../../web/src/modules/index.ts';
import { installWebModules } from '../../web/src/platform/modules/manifest.ts';
import { type NavItem, navigation, visibleNavigation } from '../../web/src/platform/shell/nav.ts';

// The server's policy with every module's permissions, and the web app's module list, as the app has them.
registerModulePolicies();
installWebModules(webModules);
const permissions = allPermissions();

/** The permissions a session of one role holds (what GET /api/auth/session sends), from the server's policy. */
const held = (role: Role, program: Program | null = null) =>
  permissions.filter((p) => grantsMatch(p, role, program));

const addresses = (perms: string[]) => {
  const out: string[] = [];
  const walk = (items: NavItem[]) => {
    for (const i of items) {
      out.push(i.to);
      if (i.children) walk(i.children);
    }
  };
  for (const s of visibleNavigation(perms)) walk(s.items);
  return out;
};

describe('the navigation, built from the permissions', () => {
  it('offers no Committees page to employees, contractor workers and medical staff', () => {
    for (const role of ['employee', 'medical'] as const)
      expect(addresses(held(role)), role).not.toContain('/committees');
    for (const role of ['site_officer', 'auditor', 'board'] as const)
      expect(addresses(held(role)), role).toContain('/committees');
  });

  it('offers "Report an incident" to the people of a site and the OHS owner, never to the Board or the auditor', () => {
    expect(addresses(held('board'))).not.toContain('/ohs/report');
    expect(addresses(held('auditor'))).not.toContain('/ohs/report');
    expect(addresses(held('program_owner', 'ip'))).not.toContain('/ohs/report');
    for (const [role, program] of [
      ['employee', null],
      ['medical', null],
      ['site_officer', null],
      ['program_owner', 'ohs'],
    ] as const)
      expect(addresses(held(role, program)), role).toContain('/ohs/report');
  });

  it('names for every page of a program a permission of the policy, so none is offered to everyone by mistake', () => {
    const known = new Set<string>(permissions);
    const unknown: string[] = [];
    const walk = (items: NavItem[]) => {
      for (const i of items) {
        if (i.permission && !known.has(i.permission)) unknown.push(`${i.to} ${i.permission}`);
        if (i.children) walk(i.children);
      }
    };
    for (const s of navigation()) walk(s.items);
    expect(unknown).toEqual([]);
    const ohs = navigation()
      .flatMap((s) => s.items)
      .find((i) => i.to === '/programs/ohs');
    expect(ohs?.children?.length).toBeGreaterThan(5);
    // A page without permission is one kind of person's own (a contractor worker's qualifications).
    expect(ohs?.children?.filter((c) => !c.permission && !c.person)).toEqual([]);
  });

  it("offers a contractor worker's own qualifications to contractor workers only", () => {
    const withPerson = (person: string | null) => {
      const out: string[] = [];
      const walk = (items: NavItem[]) => {
        for (const i of items) {
          out.push(i.to);
          if (i.children) walk(i.children);
        }
      };
      for (const s of visibleNavigation(held('employee'), person)) walk(s.items);
      return out;
    };
    expect(withPerson('contractor_worker')).toContain('/ohs/my-qualifications');
    expect(withPerson('employee')).not.toContain('/ohs/my-qualifications');
    expect(withPerson(null)).not.toContain('/ohs/my-qualifications');
    expect(withPerson('employee')).toContain('/ohs/my-reports');
  });

  it('offers a person outside the company, who holds no role, only the pages of the records granted to them', () => {
    const outside = (granted: string[]) => {
      const out: string[] = [];
      const walk = (items: NavItem[]) => {
        for (const i of items) {
          out.push(i.to);
          if (i.children) walk(i.children);
        }
      };
      for (const s of visibleNavigation([], null, granted)) walk(s.items);
      return out;
    };
    const student = outside(['academia_intern']);
    expect(student).toContain('/academia/my/internships');
    for (const employeesOnly of [
      '/training/mine',
      '/infosec/policies/mine',
      '/infosec/csf/mine',
      '/infosec/supplier-assessments/mine',
      '/academia/my/projects',
    ])
      expect(student).not.toContain(employeesOnly);
    expect(outside(['infosec_csf_assessment'])).toContain('/infosec/csf/mine');
    expect(outside(['infosec_supplier_assessment'])).toContain('/infosec/supplier-assessments/mine');
    // An employee keeps them all.
    const employee = addresses(held('employee'));
    for (const own of ['/training/mine', '/infosec/policies/mine', '/infosec/csf/mine'])
      expect(employee).toContain(own);
  });
});
