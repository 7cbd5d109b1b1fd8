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
  /**
   * Reporting an incident: the people who work at a site (employees and contractor workers, site officers,
   * medical staff) at their own sites, the OHS program owner, and the group administrator. The other program
   * owners, the auditor and the Board member report nothing: auditors and Board members change nothing.
   */
  'ohs.report': [
    { role: 'group_admin' },
    { role: 'program_owner', program: 'ohs' },
    { role: 'site_officer' },
    { role: 'employee' },
    { role: 'medical' },
  ],
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

/** Roles that read and change nothing: no write permission may ever be granted to them. */
export const readOnlyRoles = ['auditor', 'board'] as const satisfies readonly Role[];
export const permissions = Object.keys(policy) as Permission[];

export function grantsMatch(permission: Permission, role: Role, program: Program | null): boolean {
  return (policy[permission] as Grant[]).some(
    (g) => g.role === role && (g.program === undefined || program === null || g.program === program),
  );
}
