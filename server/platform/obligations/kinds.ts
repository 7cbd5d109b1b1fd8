import type { Program } from '../access/roles.ts';
import type { ReminderSchedule } from './rules/reminders.ts';

/**
 * Each module registers the kinds of obligation it creates: which program owns them (whose site officers
 * are reminded and escalated to) and the reminder schedule.
 */
export type ObligationKind = {
  kind: string;
  program: Program | null;
  schedule: ReminderSchedule;
};

const kinds = new Map<string, ObligationKind>();

export function registerObligationKind(kind: ObligationKind): void {
  kinds.set(kind.kind, kind);
}

const fallback: ReminderSchedule = { daysBefore: [30, 7, 1], overdueEveryDays: 7 };

export function obligationKind(kind: string): ObligationKind {
  return kinds.get(kind) ?? { kind, program: null, schedule: fallback };
}

export function registeredKinds(): ObligationKind[] {
  return [...kinds.values()];
}
