import type { CommitteeRole, CompositionWarning } from '#shared/platform/meetings/rules/committee.ts';

/**
 * An OHS committee needs worker representation: Taiwan's Occupational Safety and Health Management
 * Regulations (職業安全衛生管理辦法, art. 11) ask for labour representatives in at least one third of the seats,
 * and ISO 45001 (5.4) for the participation of non-managerial workers.
 */
export function workerRepresentation(roles: readonly CommitteeRole[]): CompositionWarning[] {
  const reps = roles.filter((r) => r === 'employee_representative').length;
  if (roles.length > 0 && reps * 3 >= roles.length) return [];
  return [
    {
      code: 'worker-representation',
      messageKey: 'ohs.committee.workerRepresentation',
      params: { reps, seats: roles.length },
    },
  ];
}
