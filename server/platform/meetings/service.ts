import type { CompositionRule } from '#shared/platform/meetings/rules/committee.ts';
import type { Db } from '../../db/types.ts';
import type { ActionsService } from '../actions/service.ts';
import type { ObligationsService } from '../obligations/service.ts';
import { createAgendaService } from './agenda.ts';
import { createAttendanceService } from './attendance.ts';
import { createCommitteesService } from './committees.ts';
import { createDecisionsService } from './decisions.ts';
import type { MeetingsDeps } from './deps.ts';
import { createMeetingLifecycleService } from './meetings.ts';
import { createMembersService } from './members.ts';

export { MEETING_MINUTES } from './minutes-obligation.ts';

/**
 * Committees and their meetings, composed of one part per subject: committees, members, meetings, agenda,
 * attendance and decisions. Who may do what is in guards.ts; all SQL is in committees-repo.ts and
 * meetings-repo.ts.
 */
export function createMeetingsService(
  db: Db,
  obligations: ObligationsService,
  actions: ActionsService,
  now: () => Date = () => new Date(),
) {
  const deps: MeetingsDeps = { db, obligations, actions, now, compositionRules: new Map() };
  return {
    /** A program module adds its own requirement on its committees' membership. */
    registerCompositionRule(program: string, rule: CompositionRule) {
      deps.compositionRules.set(program, [...(deps.compositionRules.get(program) ?? []), rule]);
    },
    ...createCommitteesService(deps),
    ...createMembersService(deps),
    ...createMeetingLifecycleService(deps),
    ...createAgendaService(deps),
    ...createAttendanceService(deps),
    ...createDecisionsService(deps),
  };
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
