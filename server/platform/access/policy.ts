import type { Program, Role } from '#shared/platform/access/roles.ts';

/**
 * Who may do what. The policy table, the platform's permissions below plus those each program module
 * declares in its manifest, is the single source of every permission; routes name a permission, the
 * access service resolves it against the actor's role assignments and their scopes.
 *
 * A grant of `{ role, program }` matches an assignment of that role for that program, or for all
 * programs when the assignment's program is null. A grant without program matches every assignment
 * of the role.
 */
export type Grant = { role: Role; program?: Program };

export const readers: Grant[] = [
  { role: 'group_admin' },
  { role: 'program_owner' },
  { role: 'site_officer' },
  { role: 'auditor' },
  { role: 'board' },
];

/** The platform's own permissions. Program modules add theirs through their manifests. */
export const platformPolicy = {
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
  /** Program modules whose owners manage contractors add their grants (registerModulePolicies). */
  'contractors.companies.manage': [{ role: 'group_admin' }],
  'contractors.workers.manage': [{ role: 'group_admin' }, { role: 'site_officer' }],
  'users.read': [{ role: 'group_admin' }, { role: 'auditor' }],
  'users.manage': [{ role: 'group_admin' }],
  'audit.read': [{ role: 'group_admin' }, { role: 'auditor' }],
  'obligations.read': readers,
  'obligations.manage': [{ role: 'group_admin' }, { role: 'program_owner' }, { role: 'site_officer' }],
  'certifications.read': readers,
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

export type PlatformPermission = keyof typeof platformPolicy;
/** A permission key, `<area>.<verb>`: the platform's, or one that a program module declares. */
export type Permission = PlatformPermission | `${string}.${string}`;

const table = new Map<string, readonly Grant[]>(Object.entries(platformPolicy));
const declaredBy = new Map<string, string>(Object.keys(platformPolicy).map((p) => [p, 'platform']));

/**
 * Adds a module's permissions to the policy table. A module declares each of its permissions once; a
 * second module declaring the same key is a programming error, found at start-up.
 */
export function registerPermissions(owner: string, permissions: Record<string, readonly Grant[]>) {
  for (const [permission, grants] of Object.entries(permissions)) {
    const previous = declaredBy.get(permission);
    if (previous && previous !== owner)
      throw new Error(`Permission ${permission} is declared by both ${previous} and ${owner}`);
    declaredBy.set(permission, owner);
    table.set(permission, grants);
  }
}

/**
 * Adds a module's grants of platform permissions to its roles (a program owner who manages contractors).
 * Grants only add: a module cannot take a platform permission away from a role.
 */
export function registerGrants(owner: string, grants: Partial<Record<PlatformPermission, readonly Grant[]>>) {
  for (const [permission, added] of Object.entries(grants) as [PlatformPermission, readonly Grant[]][]) {
    const current = table.get(permission);
    if (!current || declaredBy.get(permission) !== 'platform')
      throw new Error(`Module ${owner} grants ${permission}, which is not a platform permission`);
    const fresh = added.filter((g) => !current.some((c) => c.role === g.role && c.program === g.program));
    table.set(permission, [...current, ...fresh]);
  }
}

/** The whole policy table: the platform's permissions and every registered module's. */
export function policyTable(): ReadonlyMap<string, readonly Grant[]> {
  return table;
}

/** Every permission key known to the policy, in declaration order. */
export function allPermissions(): Permission[] {
  return [...table.keys()] as Permission[];
}

export function isPermission(key: string): key is Permission {
  return table.has(key);
}

/** Roles that read and change nothing: no write permission may ever be granted to them. */
export const readOnlyRoles = ['auditor', 'board'] as const satisfies readonly Role[];

export function grantsMatch(permission: Permission, role: Role, program: Program | null): boolean {
  const grants = table.get(permission);
  if (!grants) throw new Error(`Unknown permission ${permission}: no module declares it`);
  return grants.some(
    (g) => g.role === role && (g.program === undefined || program === null || g.program === program),
  );
}
