import type { Program } from '#shared/platform/access/roles.ts';
import { ForbiddenError, NotFoundError } from '../http/errors.ts';
import { type Actor, type SiteScope, scopeHas, scopeIsEmpty, sitesWith, visibleSites } from './actor.ts';
import type { Permission } from './policy.ts';

/** What `access.assert` checks: a permission on a record at a site. */
export type AccessCheck = {
  permission: Permission;
  siteId: string | null;
  what?: string;
  program?: Program;
};

/**
 * The one place where access is decided. Refusals are consistent:
 * outside every scope of the actor → 404 (existence not revealed); inside it without the permission → 403.
 */
export const access = {
  /**
   * For a record at `siteId` (null: a group record, which belongs to no site). `what` names the record in a
   * 404 ("incident"); `program` narrows the grants to that program's assignments.
   */
  assert(actor: Actor, check: AccessCheck): void {
    const { permission, siteId, what = 'record', program } = check;
    if (siteId !== null && !scopeHas(visibleSites(actor), siteId)) throw new NotFoundError(what);
    const scope = sitesWith(actor, permission, program);
    if (siteId === null ? scopeIsEmpty(scope) : !scopeHas(scope, siteId))
      throw new ForbiddenError(permission);
  },

  /** The sites a list query may return, for filtering in SQL. Refuses when there are none. */
  listScope(actor: Actor, permission: Permission, program?: Program): SiteScope {
    const scope = sitesWith(actor, permission, program);
    if (scopeIsEmpty(scope)) throw new ForbiddenError(permission);
    return scope;
  },

  /** Bulk check: of these records (id → site), which may the actor act on? */
  permitted(
    actor: Actor,
    permission: Permission,
    records: { id: string; siteId: string | null }[],
  ): Set<string> {
    const scope = sitesWith(actor, permission);
    return new Set(
      records
        .filter((r) => (r.siteId === null ? !scopeIsEmpty(scope) : scopeHas(scope, r.siteId)))
        .map((r) => r.id),
    );
  },

  /**
   * For changes to group records (no site) that only group-wide holders may make: a permission held for some
   * sites is not enough (403 otherwise).
   */
  assertGroupWide(actor: Actor, permission: Permission, program?: Program): void {
    if (sitesWith(actor, permission, program) !== 'all') throw new ForbiddenError(permission);
  },

  /** Whether the record was granted to the actor by name (the external role). */
  granted(actor: Actor, recordType: string, recordId: string): boolean {
    return actor.grants?.get(recordType)?.has(recordId) ?? false;
  },

  /** Whether any record of this type was granted to the actor by name. */
  holdsGrantsOf(actor: Actor, recordType: string): boolean {
    return (actor.grants?.get(recordType)?.size ?? 0) > 0;
  },

  can(actor: Actor, permission: Permission, siteId: string | null, program?: Program): boolean {
    const scope = sitesWith(actor, permission, program);
    return siteId === null ? !scopeIsEmpty(scope) : scopeHas(scope, siteId);
  },
};
