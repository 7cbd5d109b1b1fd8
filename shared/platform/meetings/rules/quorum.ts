import type { CommitteeRole } from './committee.ts';

/** How a member attended a meeting; null while not recorded. */
export const attendanceStatuses = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

/**
 * A committee's quorum: more than `percent` % of its members present, and (when `chairRequired`) the
 * chair among them. The default is the usual one: more than half, with the chair.
 */
export type QuorumRule = { percent: number; chairRequired: boolean };
export const DEFAULT_QUORUM: QuorumRule = { percent: 50, chairRequired: true };

export type RosterEntry = { role: CommitteeRole; status: AttendanceStatus | null };

/** Why a quorum is not met: nobody on the roster, too few present, the chair absent, no chair at all. */
export const quorumShortfalls = ['no-members', 'too-few', 'chair-absent', 'no-chair'] as const;
export type QuorumShortfall = (typeof quorumShortfalls)[number];

export type Quorum = {
  met: boolean;
  /** Members on the meeting's roster. */
  members: number;
  present: number;
  /** The fewest members present that satisfy the rule. */
  required: number;
  chairPresent: boolean;
  /** Why the quorum is not met; empty when it is. Words for them are the reader's (platform messages). */
  shortfalls: QuorumShortfall[];
};

/** The smallest count that is more than `percent` % of `members` (integer arithmetic, no rounding drift). */
export function requiredPresent(members: number, percent: number): number {
  if (members <= 0) return 1;
  return Math.min(members, Math.floor((members * percent) / 100) + 1);
}

export function quorum(roster: readonly RosterEntry[], rule: QuorumRule = DEFAULT_QUORUM): Quorum {
  const members = roster.length;
  const present = roster.filter((m) => m.status === 'present').length;
  const required = requiredPresent(members, rule.percent);
  const hasChair = roster.some((m) => m.role === 'chair');
  const chairPresent = roster.some((m) => m.role === 'chair' && m.status === 'present');
  const shortfalls: QuorumShortfall[] = [];
  if (members === 0) {
    shortfalls.push('no-members');
  } else if (present < required) {
    shortfalls.push('too-few');
  }
  if (rule.chairRequired && !chairPresent) {
    shortfalls.push(hasChair ? 'chair-absent' : 'no-chair');
  }
  return { met: shortfalls.length === 0, members, present, required, chairPresent, shortfalls };
}

/** Every member on the roster has an attendance status recorded. */
export function attendanceComplete(roster: readonly RosterEntry[]): boolean {
  return roster.every((m) => m.status !== null);
}
