import type { Kysely } from 'kysely';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../../platform/http/errors.ts';
import type { AcademiaDeps } from './deps.ts';

/**
 * The company's lecturers and mentors named on a course or mentorship: each an employee the actor may see
 * (otherwise 422 naming the list's entry).
 */
export async function assertEmployees(
  deps: AcademiaDeps,
  actor: Actor,
  ids: readonly string[] | undefined,
  path: string,
) {
  if (!ids || ids.length === 0) return;
  const found = await deps.people.employeeEssentials(ids);
  ids.forEach((id, i) => {
    const e = found.get(id);
    if (!e || !access.can(actor, 'org.read', e.siteId))
      throw new ValidationError('No such employee.', [{ path: `${path}.${i}`, message: 'Unknown employee' }]);
  });
}

/** Names of the employees on these rows, by id: an id whose employee is gone shows as gone, never as blank. */
export async function employeeNames(deps: AcademiaDeps, idLists: readonly (readonly string[])[]) {
  const found = await deps.people.employeeEssentials(idLists.flat());
  return (ids: readonly string[]) =>
    ids.map((id) => {
      const e = found.get(id);
      if (!e) throw new Error(`Employee ${id} named on a teaching record no longer exists`);
      return { employeeId: id, fullName: e.fullName };
    });
}

type TeachingTable =
  | 'academia_courses'
  | 'academia_mentorships'
  | 'academia_mentorship_activities'
  | 'academia_placements';

/**
 * Deletes one versioned teaching record in the caller's transaction: reads it under a row lock, checks
 * access on it, refuses a stale version (409), deletes it and records the record as it was.
 */
export async function auditedDelete(
  trx: Db,
  actor: Actor,
  d: {
    table: TeachingTable;
    id: string;
    version: number;
    what: string;
    action: string;
    entityType: string;
    authorize: (before: { site_id: string }) => void;
  },
) {
  // The three tables share the columns touched here (id, version, site_id).
  const db = trx as unknown as Kysely<
    Record<TeachingTable, { id: string; version: number; site_id: string }>
  >;
  const before = await db
    .selectFrom(d.table)
    .selectAll()
    .where('id', '=', d.id)
    .forUpdate()
    .executeTakeFirst();
  if (!before) throw new NotFoundError(d.what);
  d.authorize(before);
  if (before.version !== d.version) throw new StaleVersionError(before.version);
  await db.deleteFrom(d.table).where('id', '=', d.id).execute();
  await recordAudit(trx, actor, {
    action: d.action,
    entityType: d.entityType,
    entityId: d.id,
    siteId: before.site_id,
    before,
  });
  return before;
}
