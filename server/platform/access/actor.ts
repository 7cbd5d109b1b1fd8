import type { Program, Role } from '#shared/platform/access/roles.ts';
import type { Permission } from './policy.ts';
import { grantsMatch } from './policy.ts';

/** A role assignment with its scope resolved to concrete sites; null means every site of the group. */
export type ResolvedAssignment = {
  role: Role;
  program: Program | null;
  siteIds: ReadonlySet<string> | null;
};

/** Who is acting: every service call takes one. */
export type Actor = {
  kind: 'user' | 'system';
  userId: string | null;
  label: string;
  locale: 'en' | 'zh-TW';
  assignments: ResolvedAssignment[];
  /**
   * Records granted one by one (the external role: people outside the company), by record type. Absent or
   * empty for everyone else.
   */
  grants?: ReadonlyMap<string, ReadonlySet<string>>;
  requestId?: string;
  /**
   * The version of a group setting the request's `If-Match` names (server/platform/settings/preconditions.ts):
   * the settings service stores a change of that setting only while it is still at that version.
   */
  settingPrecondition?: { key: string; version: number };
};

/** Sites where the actor holds `permission`: 'all', or a set (possibly empty). */
export type SiteScope = 'all' | ReadonlySet<string>;

function union(sets: (ReadonlySet<string> | null)[]): SiteScope {
  if (sets.some((s) => s === null)) return 'all';
  const out = new Set<string>();
  for (const s of sets) for (const id of s ?? []) out.add(id);
  return out;
}

/**
 * Sites where the actor holds `permission`. With `program`, only assignments for that program (or for
 * every program) count: an officer of one program does not manage another program's records.
 */
export function sitesWith(actor: Actor, permission: Permission, program?: Program): SiteScope {
  if (actor.kind === 'system') return 'all';
  return union(
    actor.assignments
      .filter((a) => grantsMatch(permission, a.role, a.program))
      .filter((a) => program === undefined || a.program === null || a.program === program)
      .map((a) => a.siteIds),
  );
}

/** Every site any of the actor's roles reaches: outside it a record is "not found". */
export function visibleSites(actor: Actor): SiteScope {
  if (actor.kind === 'system') return 'all';
  return union(actor.assignments.map((a) => a.siteIds));
}

export function scopeHas(scope: SiteScope, siteId: string): boolean {
  return scope === 'all' || scope.has(siteId);
}

export function scopeIsEmpty(scope: SiteScope): boolean {
  return scope !== 'all' && scope.size === 0;
}

/** Holds the permission somewhere (used for group records, which belong to no site). */
export function holdsAnywhere(actor: Actor, permission: Permission, program?: Program): boolean {
  return !scopeIsEmpty(sitesWith(actor, permission, program));
}

/**
 * The actor of what Steward does on its own (a job, a command, a lock-out). `label` is the key of a message
 * (`platform.actor.system`, or one a module declares) that names it in the reader's language wherever the
 * audit log is read; events written before system actors had keys keep their English name as stored.
 */
export const systemActor = (label = 'platform.actor.system'): Actor => ({
  kind: 'system',
  userId: null,
  label,
  locale: 'en',
  assignments: [],
});
