import type { Program } from '#shared/platform/access/roles.ts';
import type { ReminderSchedule } from '#shared/platform/obligations/rules/reminders.ts';
import type { Permission } from '../access/policy.ts';
import type { Message } from '../i18n/message.ts';

/**
 * Each module registers the kinds of obligation it creates: which program owns them (whose site officers
 * are reminded and escalated to) and the reminder schedule.
 */
export type ObligationKind = {
  kind: string;
  program: Program | null;
  schedule: ReminderSchedule;
  /** The kind's name in the reader's language (exports show it instead of the code). */
  name?: Message;
  /**
   * Obligations that are themselves confidential (a health record's review): seen, acted on and reminded of
   * only by those who hold `permission` at their site; to everyone else they do not exist (404, left out of
   * every list, count, feed and export). Their audit events carry only `auditAction` on `auditEntity`, the
   * obligation's id, who and when.
   */
  restricted?: { permission: Permission; auditEntity: string; auditAction: string };
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

/** The kinds restricted to holders of a permission. */
export function restrictedKinds(): (ObligationKind & {
  restricted: NonNullable<ObligationKind['restricted']>;
})[] {
  return [...kinds.values()].filter(
    (k): k is ObligationKind & { restricted: NonNullable<ObligationKind['restricted']> } => !!k.restricted,
  );
}
