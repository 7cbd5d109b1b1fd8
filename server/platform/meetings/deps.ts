import type { CompositionRule } from '#shared/platform/meetings/rules/committee.ts';
import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import type { Db } from '../../db/types.ts';
import type { ActionsService } from '../actions/service.ts';
import type { ObligationsService } from '../obligations/service.ts';

/** What every part of the meetings service is built from. */
export type MeetingsDeps = {
  db: Db;
  obligations: ObligationsService;
  actions: ActionsService;
  now: () => Date;
  /** Programs' own rules on their committees' membership, by program key. */
  compositionRules: Map<string, CompositionRule[]>;
};
