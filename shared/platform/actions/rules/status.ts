/** The life of an action: open → in progress → done → verified effective; done may be reopened. */
export const actionStatuses = ['open', 'in_progress', 'done', 'verified'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const actionTransitions = ['start', 'complete', 'verify', 'reopen'] as const;
export type ActionTransition = (typeof actionTransitions)[number];

const table: Record<ActionTransition, { from: ActionStatus[]; to: ActionStatus }> = {
  start: { from: ['open'], to: 'in_progress' },
  complete: { from: ['open', 'in_progress'], to: 'done' },
  verify: { from: ['done'], to: 'verified' },
  reopen: { from: ['done', 'verified'], to: 'open' },
};

const pastTense: Record<ActionTransition, string> = {
  start: 'started',
  complete: 'completed',
  verify: 'verified',
  reopen: 'reopened',
};

export type TransitionCheck = { ok: true; to: ActionStatus } | { ok: false; reason: string };

/**
 * Whether `transition` may happen to an action in `status`, done by `actorId`. Verification of
 * effectiveness is a second pair of eyes: not by the action's owner.
 */
export function checkTransition(
  status: ActionStatus,
  transition: ActionTransition,
  actorId: string | null,
  ownerId: string | null,
): TransitionCheck {
  const rule = table[transition];
  if (!rule.from.includes(status)) {
    return {
      ok: false,
      reason: `An action that is ${status.replace('_', ' ')} cannot be ${pastTense[transition]}.`,
    };
  }
  if (transition === 'verify' && actorId !== null && actorId === ownerId) {
    return {
      ok: false,
      reason: 'The owner of an action cannot verify its effectiveness: someone else must.',
    };
  }
  return { ok: true, to: rule.to };
}

/** An action is overdue while not done on a day past its due date. */
export function isOverdue(a: { status: ActionStatus; dueDate: string }, today: string): boolean {
  return (a.status === 'open' || a.status === 'in_progress') && a.dueDate < today;
}
