import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { ValidationError } from '../../platform/http/errors.ts';
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
