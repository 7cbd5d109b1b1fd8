import { addMonths } from '../../../platform/meetings/rules/committee.ts';

/** The two kinds of drill the security team runs. */
export const drillKinds = ['recovery', 'incident_response'] as const;
export type DrillKind = (typeof drillKinds)[number];

/**
 * How often each kind is due: "an incident recovery drill every six months" and "a cybersecurity incident
 * drill annually" (the group's information security policy, Increasing Cyber Resilience).
 */
export const drillIntervalMonths: Record<DrillKind, number> = { recovery: 6, incident_response: 12 };

/** The day the next drill of a kind is due at a site, from the day the last one was held. */
export function nextDrillDue(kind: DrillKind, heldOn: string): string {
  return addMonths(heldOn, drillIntervalMonths[kind]);
}

export type ObjectiveOutcome = 'met' | 'missed' | 'no_objective' | 'not_measured';

/**
 * An achieved recovery time (or data loss), in hours, against the system's objective (RTO or RPO) from the
 * systems register: met when it is no longer than the objective (ISO 22301 8.4.4: the recovery within the
 * agreed time frame), missed when longer.
 */
export function objectiveOutcome(achieved: number | null, objective: number | null): ObjectiveOutcome {
  if (achieved === null) return 'not_measured';
  if (objective === null) return 'no_objective';
  return achieved <= objective ? 'met' : 'missed';
}
