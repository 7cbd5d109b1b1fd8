import type { Program, Role } from './roles.ts';

/**
 * Who may do what. This table is the single source of every permission; routes name a permission,
 * the access service resolves it against the actor's role assignments and their scopes.
 *
 * A grant of `{ role, program }` matches an assignment of that role for that program, or for all
 * programs when the assignment's program is null. A grant without program matches every assignment
 * of the role.
 */
export type Grant = { role: Role; program?: Program };

const readers: Grant[] = [
  { role: 'group_admin' },
  { role: 'program_owner' },
  { role: 'site_officer' },
  { role: 'auditor' },
  { role: 'board' },
];

export const policy = {
  'org.read': [...readers, { role: 'employee' }, { role: 'medical' }],
  'org.manage': [{ role: 'group_admin' }],
  'org.areas.manage': [{ role: 'group_admin' }, { role: 'site_officer' }],
  'people.read': [
    { role: 'group_admin' },
    { role: 'program_owner' },
    { role: 'site_officer' },
    { role: 'auditor' },
    { role: 'medical' },
  ],
  'people.manage': [{ role: 'group_admin' }, { role: 'site_officer' }],
  'contractors.read': [
    { role: 'group_admin' },
    { role: 'program_owner' },
    { role: 'site_officer' },
    { role: 'auditor' },
  ],
  'contractors.companies.manage': [{ role: 'group_admin' }, { role: 'program_owner', program: 'ohs' }],
  'contractors.workers.manage': [
    { role: 'group_admin' },
    { role: 'program_owner', program: 'ohs' },
    { role: 'site_officer' },
  ],
  'users.read': [{ role: 'group_admin' }, { role: 'auditor' }],
  'users.manage': [{ role: 'group_admin' }],
  'audit.read': [{ role: 'group_admin' }, { role: 'auditor' }],
  'obligations.read': readers,
  'obligations.manage': [{ role: 'group_admin' }, { role: 'program_owner' }, { role: 'site_officer' }],
  'certifications.read': readers,
  /** Anyone who works at a site reports an incident or a hazard there. */
  'ohs.report': [...readers, { role: 'employee' }, { role: 'medical' }],
  'ohs.read': [
    { role: 'group_admin' },
    { role: 'program_owner', program: 'ohs' },
    { role: 'site_officer', program: 'ohs' },
    { role: 'auditor' },
    { role: 'board' },
    { role: 'medical' },
  ],
  'ohs.manage': [
    { role: 'group_admin' },
    { role: 'program_owner', program: 'ohs' },
    { role: 'site_officer', program: 'ohs' },
  ],
  /** Individual health results: medical staff only; everyone else sees counts. */
  'health.individual': [{ role: 'medical' }],
  'health.read': [
    { role: 'group_admin' },
    { role: 'program_owner', program: 'ohs' },
    { role: 'site_officer', program: 'ohs' },
    { role: 'auditor' },
    { role: 'board' },
    { role: 'medical' },
  ],
  'training.read': readers,
  'training.manage': [{ role: 'group_admin' }, { role: 'program_owner' }, { role: 'site_officer' }],
  'meetings.read': readers,
  'meetings.manage': [{ role: 'group_admin' }, { role: 'program_owner' }, { role: 'site_officer' }],
  /** Group and subsidiary committees, which belong to no site. */
  'meetings.group.manage': [{ role: 'group_admin' }, { role: 'program_owner' }],
  'actions.read': readers,
  'actions.manage': [{ role: 'group_admin' }, { role: 'program_owner' }, { role: 'site_officer' }],
  'certifications.manage': [{ role: 'group_admin' }, { role: 'program_owner' }, { role: 'site_officer' }],
} satisfies Record<string, Grant[]>;

export type Permission = keyof typeof policy;
export const permissions = Object.keys(policy) as Permission[];

export function grantsMatch(permission: Permission, role: Role, program: Program | null): boolean {
  return (policy[permission] as Grant[]).some(
    (g) => g.role === role && (g.program === undefined || program === null || g.program === program),
  );
}
