import type { Program } from '#shared/platform/access/programs.ts';
import type { Role } from '#shared/platform/access/roles.ts';

export type { Program };

/**
 * Who may do what, written out by hand for the authorization matrix. It is deliberately NOT imported from
 * server/platform/access/policy.ts nor from the manifests' permissions and grants: it restates, in another form,
 * what the README promises each role, so that a change to the server's table (or a service that checks the
 * wrong permission, or a repository that forgets its scope filter) shows up as a disagreement between the two.
 *
 * This file holds the platform's part. Each program module writes its own part by hand in its
 * `security-fixture.ts` (a `ModulePolicy`), loaded with its rows of the route table through the manifest's
 * `securityChecks`; `assemblePolicy` joins them (support/suite.ts).
 *
 * A role variant is a role, narrowed to one program for program owners and site officers. Each matrix
 * actor holds one variant over one scope (K7 only, the ASE subsidiary, or the whole group).
 */

/** The platform's permissions. */
export type PlatformPermission =
  | 'org.read'
  | 'org.manage'
  | 'org.areas.manage'
  | 'people.read'
  | 'people.manage'
  | 'contractors.read'
  | 'contractors.companies.manage'
  | 'contractors.workers.manage'
  | 'users.read'
  | 'users.manage'
  | 'audit.read'
  | 'obligations.read'
  | 'obligations.manage'
  | 'certifications.read'
  | 'certifications.manage'
  | 'training.read'
  | 'training.manage'
  | 'meetings.read'
  | 'meetings.manage'
  | 'meetings.group.manage'
  | 'actions.read'
  | 'actions.manage';

/**
 * The programs' permissions, by key: each module's security fixture declares its own into this interface
 * (declaration merging), so that a route row naming a permission nobody declared fails to compile:
 *
 *   declare module '../../../test/security/support/policy.ts' { interface ModulePermissions { '<key>.read': true } }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules' security fixtures through declaration merging.
export interface ModulePermissions {}
export type Permission = PlatformPermission | Extract<keyof ModulePermissions, string>;

/** The roles a variant may narrow to one program. */
export type NarrowedRole = 'program_owner' | 'site_officer';

/** The variants of the platform's roles, not narrowed to a program (the matrix has no owner of every program). */
export type PlatformVariant = Exclude<Role, 'program_owner'>;
export type Variant = PlatformVariant | `${NarrowedRole}:${Program}`;

/** The platform's variants, in the order of the roles; the modules' narrowed ones join after their role. */
const PLATFORM_VARIANTS: PlatformVariant[] = [
  'group_admin',
  'site_officer',
  'employee',
  'auditor',
  'board',
  'medical',
];
const ROLE_ORDER: Role[] = [
  'group_admin',
  'program_owner',
  'site_officer',
  'employee',
  'auditor',
  'board',
  'medical',
];

/** What everyone who works somewhere in the group may see at the sites of their scope. */
const EVERYONE: Permission[] = ['org.read'];
/** Reading the shared registries (obligations, certificates, training, committees, actions). */
const REGISTRY_READ: Permission[] = [
  'obligations.read',
  'certifications.read',
  'training.read',
  'meetings.read',
  'actions.read',
];
/** Running the shared registries. */
const REGISTRY_MANAGE: Permission[] = [
  'obligations.manage',
  'certifications.manage',
  'training.manage',
  'meetings.manage',
  'actions.manage',
];

/**
 * The platform's part, role by role (a program owner's and a site officer's, whatever their program): "Group
 * admin: organisation, people, users and roles of the whole group"; "program owner: their program at every
 * site"; "site officer: runs every program at their sites"; "auditor: reads every program and the audit log,
 * changes nothing"; "Board member: reads the reports"; "medical: the only one who sees health data". What each
 * holds in a program is the program's part.
 */
const PLATFORM_POLICY: Record<Role, Permission[]> = {
  group_admin: [
    ...EVERYONE,
    'org.manage',
    'org.areas.manage',
    'people.read',
    'people.manage',
    'contractors.read',
    'contractors.companies.manage',
    'contractors.workers.manage',
    'users.read',
    'users.manage',
    'audit.read',
    ...REGISTRY_READ,
    ...REGISTRY_MANAGE,
    'meetings.group.manage',
  ],
  program_owner: [
    ...EVERYONE,
    'people.read',
    'contractors.read',
    ...REGISTRY_READ,
    ...REGISTRY_MANAGE,
    'meetings.group.manage',
  ],
  site_officer: [
    ...EVERYONE,
    'org.areas.manage',
    'people.read',
    'people.manage',
    'contractors.read',
    'contractors.workers.manage',
    ...REGISTRY_READ,
    ...REGISTRY_MANAGE,
  ],
  employee: [...EVERYONE],
  auditor: [...EVERYONE, 'people.read', 'contractors.read', 'users.read', 'audit.read', ...REGISTRY_READ],
  board: [...EVERYONE, ...REGISTRY_READ],
  medical: [...EVERYONE, 'people.read'],
};

/**
 * Who holds a program's permissions, named from the program's side: its owner and the owner of another
 * program; a site officer who runs it (one of every program, or of this one) and a site officer of another
 * program; and the roles that are never narrowed.
 */
export type Holder =
  | Exclude<Role, 'program_owner' | 'site_officer'>
  | 'program_owner'
  | 'other_program_owner'
  | 'site_officer'
  | 'other_site_officer';

/** A program module's part of the policy, written by hand in its security fixture. */
export type ModulePolicy = {
  /** The roles narrowed to the program that the matrix has actors for (`program_owner:<key>`...). */
  narrowed: NarrowedRole[];
  /** The permissions each holder has in the program (platform permissions it grants included); none if absent. */
  holds: Partial<Record<Holder, Permission[]>>;
};

/** The expected policy: the role variants of the matrix, each with every permission it holds. */
export type ExpectedPolicy = { variants: Variant[]; holds: Record<Variant, Permission[]> };

export const variantRole = (v: Variant) => v.split(':')[0] as Role;
export const variantProgram = (v: Variant): Program | null => (v.split(':')[1] as Program) ?? null;

/** The holder that a variant is for a program. */
function holderFor(variant: Variant, program: Program): Holder {
  const role = variantRole(variant);
  const own = variantProgram(variant);
  if (role === 'program_owner') return own === program ? 'program_owner' : 'other_program_owner';
  if (role === 'site_officer') return own === null || own === program ? 'site_officer' : 'other_site_officer';
  return role;
}

/** The platform's part joined with each module's (`parts`, in the module list's order). */
export function assemblePolicy(parts: { key: Program; policy: ModulePolicy }[]): ExpectedPolicy {
  const variants: Variant[] = [];
  for (const role of ROLE_ORDER) {
    if ((PLATFORM_VARIANTS as Role[]).includes(role)) variants.push(role as PlatformVariant);
    for (const { key, policy } of parts)
      if ((policy.narrowed as Role[]).includes(role)) variants.push(`${role as NarrowedRole}:${key}`);
  }
  const holds = {} as Record<Variant, Permission[]>;
  for (const variant of variants) {
    const held = new Set<Permission>(PLATFORM_POLICY[variantRole(variant)]);
    for (const { key, policy } of parts)
      for (const p of policy.holds[holderFor(variant, key)] ?? []) held.add(p);
    holds[variant] = [...held];
  }
  return { variants, holds };
}

export const SITE_CODES = ['K7', 'PG', 'TC'] as const;
export type SiteCode = (typeof SITE_CODES)[number];

/**
 * Where a record lives: one of three sites (K7 and PG of the ASE subsidiary, TC of SPIL), the group (no
 * site), or the ASE subsidiary as a whole (a subsidiary-level certificate).
 */
export type Location = SiteCode | 'group' | 'ASE';
export const SUBSIDIARY_SITES: Record<'ASE', SiteCode[]> = { ASE: ['K7', 'PG'] };

/** The scope of a matrix actor's one role. */
export type ScopeName = 'site' | 'subsidiary' | 'group';
export const SCOPE_SITES: Record<ScopeName, SiteCode[] | 'all'> = {
  site: ['K7'],
  subsidiary: ['K7', 'PG'],
  group: 'all',
};

/** A matrix actor; one with a role holds what the expected policy gives its variant. */
export type MatrixActor =
  | { name: string; kind: 'anonymous' }
  | { name: string; kind: 'none' }
  | { name: string; kind: 'role'; variant: Variant; scope: ScopeName; holds: readonly Permission[] };

/**
 * Auditors and Board members read and change nothing. Where a write needs only a sign-in (the record's owner
 * may make it), they get 403 for any record, known or not, so the answer reveals nothing.
 */
export const readOnlyActor = (actor: MatrixActor) =>
  actor.kind === 'role' && ['auditor', 'board'].includes(variantRole(actor.variant));

/**
 * The sites where the actor holds `permission` (for a record of `program`, when it has one): an
 * assignment for one program does not reach another program's records.
 */
export function sitesHolding(
  actor: MatrixActor,
  permission: Permission,
  program?: Program | null,
): SiteCode[] | 'all' {
  if (actor.kind !== 'role') return [];
  if (!actor.holds.includes(permission)) return [];
  const own = variantProgram(actor.variant);
  if (own && program && own !== program) return [];
  return SCOPE_SITES[actor.scope];
}

export function visible(actor: MatrixActor): SiteCode[] | 'all' {
  return actor.kind === 'role' ? SCOPE_SITES[actor.scope] : [];
}

const has = (scope: SiteCode[] | 'all', site: SiteCode) => scope === 'all' || scope.includes(site);
const isEmpty = (scope: SiteCode[] | 'all') => scope !== 'all' && scope.length === 0;

/**
 * How group records (no site) are decided for a route:
 * - 'anywhere': holding the permission at any site is enough (the platform's rule for group records);
 * - 'group-wide': only with the permission over the whole group (group-wide settings, group goals);
 * - 'group-wide-or-admin': the whole group, or a group administrator (group training courses).
 */
export type GroupRule = 'anywhere' | 'group-wide' | 'group-wide-or-admin';

/**
 * How subsidiary-level records are decided: seen through any of the subsidiary's sites; read with the
 * permission at any of them ('any'), changed only with it at all of them ('all').
 */
export type SubsidiaryRule = 'any' | 'all';

export type Expected = 'allow' | 401 | 403 | 404;

/**
 * The expected answer for an actor acting on a record at `location` with `permission`: signed out 401;
 * outside every scope of the actor 404 (its existence is not revealed); inside, without the permission 403.
 */
export function expectedFor(
  actor: MatrixActor,
  permission: Permission,
  location: Location,
  options: { program?: Program | null; group?: GroupRule; subsidiary?: SubsidiaryRule } = {},
): Expected {
  if (actor.kind === 'anonymous') return 401;
  const held = sitesHolding(actor, permission, options.program);
  if (location === 'group') {
    const rule = options.group ?? 'anywhere';
    if (rule === 'anywhere') return isEmpty(held) ? 403 : 'allow';
    if (held === 'all') return 'allow';
    if (rule === 'group-wide-or-admin' && actor.kind === 'role' && actor.variant === 'group_admin')
      return 'allow';
    return 403;
  }
  if (location === 'ASE') {
    const sites = SUBSIDIARY_SITES.ASE;
    if (!sites.some((s) => has(visible(actor), s))) return 404;
    const ok =
      (options.subsidiary ?? 'any') === 'any'
        ? sites.some((s) => has(held, s))
        : sites.every((s) => has(held, s));
    return ok ? 'allow' : 403;
  }
  if (!has(visible(actor), location)) return 404;
  return has(held, location) ? 'allow' : 403;
}

/** A list: 403 without the permission anywhere, otherwise the rows of the sites where it is held. */
export function expectedList(actor: MatrixActor, permission: Permission, program?: Program | null): Expected {
  if (actor.kind === 'anonymous') return 401;
  return isEmpty(sitesHolding(actor, permission, program)) ? 403 : 'allow';
}

/** The sites of each subsidiary of the fixture. */
export const SUBSIDIARY_OF: Record<'ASE' | 'SPIL', string[]> = { ASE: ['K7', 'PG'], SPIL: ['TC', 'SZ'] };

/**
 * Whether a list row at `site` may be shown to the actor: a site's row where the permission is held; a
 * subsidiary's row (ASE, SPIL) where it is held at one of its sites; a group row (null) by `groupRows`.
 */
export function rowVisible(
  actor: MatrixActor,
  permission: Permission,
  site: string | null,
  options: { program?: Program | null; groupRows?: 'anywhere' | 'group-wide' | 'never' } = {},
): boolean {
  const held = sitesHolding(actor, permission, options.program);
  if (site === null) {
    const rule = options.groupRows ?? 'never';
    if (rule === 'never') return false;
    return rule === 'anywhere' ? !isEmpty(held) : held === 'all';
  }
  if (held === 'all') return !isEmpty(held);
  if (site === 'ASE' || site === 'SPIL')
    return SUBSIDIARY_OF[site].some((s) => (held as string[]).includes(s));
  return (held as string[]).includes(site);
}

/** Where a directory entry's one role is held: a matrix scope, SZ (the plain users), or nowhere (no role). */
export type DirectoryTarget = ScopeName | 'SZ' | null;
const TARGET_SITES: Record<'site' | 'subsidiary' | 'SZ', string[]> = {
  site: ['K7'],
  subsidiary: ['K7', 'PG'],
  SZ: ['SZ'],
};

/**
 * Whether the user directory shows a user to the actor: a user with a role over the whole group to every
 * signed-in user who sees a site; a user with a role at sites, to those who see one of those sites; a user
 * without any role, to nobody. An actor who sees no site at all (a person outside the company) finds nobody.
 */
export function directoryShows(actor: MatrixActor, target: DirectoryTarget): boolean {
  if (actor.kind === 'anonymous' || target === null) return false;
  const seen = visible(actor);
  if (seen !== 'all' && seen.length === 0) return false;
  if (target === 'group') return true;
  if (seen === 'all') return true;
  return TARGET_SITES[target].some((s) => (seen as string[]).includes(s));
}
