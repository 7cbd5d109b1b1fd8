import { addDays, localDate } from '../../obligations/rules/reminders.ts';

/** The life of a meeting: planned → held → minutes approved; a planned meeting may be cancelled. */
export const meetingStatuses = ['planned', 'held', 'minutes_approved', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const meetingTransitions = ['hold', 'approve_minutes', 'cancel'] as const;
export type MeetingTransition = (typeof meetingTransitions)[number];

const table: Record<MeetingTransition, { from: MeetingStatus; to: MeetingStatus }> = {
  hold: { from: 'planned', to: 'held' },
  approve_minutes: { from: 'held', to: 'minutes_approved' },
  cancel: { from: 'planned', to: 'cancelled' },
};

const label: Record<MeetingStatus, string> = {
  planned: 'planned',
  held: 'held',
  minutes_approved: 'closed with approved minutes',
  cancelled: 'cancelled',
};
const verb: Record<MeetingTransition, string> = {
  hold: 'marked as held',
  approve_minutes: 'have its minutes approved',
  cancel: 'cancelled',
};

export type TransitionContext = {
  /** The scheduled start has passed. */
  started: boolean;
  /** Minutes text is recorded. */
  hasMinutes: boolean;
  /** Every member on the roster has an attendance status. */
  attendanceComplete: boolean;
};

export type TransitionCheck = { ok: true; to: MeetingStatus } | { ok: false; reason: string };

export function checkTransition(
  status: MeetingStatus,
  transition: MeetingTransition,
  ctx: TransitionContext,
): TransitionCheck {
  const rule = table[transition];
  if (status !== rule.from) {
    const be = transition === 'approve_minutes' ? '' : 'be ';
    return { ok: false, reason: `A meeting that is ${label[status]} cannot ${be}${verb[transition]}.` };
  }
  if (transition === 'hold' && !ctx.started)
    return { ok: false, reason: 'A meeting cannot be marked as held before its scheduled start.' };
  if (transition === 'approve_minutes') {
    if (!ctx.hasMinutes) return { ok: false, reason: 'Record the minutes before approving them.' };
    if (!ctx.attendanceComplete)
      return { ok: false, reason: 'Record the attendance of every member before approving the minutes.' };
  }
  return { ok: true, to: rule.to };
}

/** The parts of a meeting that change, and the statuses in which each may. */
export type MeetingPart = 'title' | 'schedule' | 'agenda' | 'attendance' | 'minutes' | 'decisions';

const editableIn: Record<MeetingPart, MeetingStatus[]> = {
  title: ['planned', 'held'],
  schedule: ['planned'],
  agenda: ['planned', 'held'],
  attendance: ['planned', 'held'],
  minutes: ['held'],
  decisions: ['held'],
};

const partName: Record<MeetingPart, string> = {
  title: 'title',
  schedule: 'time and place',
  agenda: 'agenda',
  attendance: 'attendance',
  minutes: 'minutes',
  decisions: 'decisions',
};

export function checkEdit(
  status: MeetingStatus,
  part: MeetingPart,
): { ok: true } | { ok: false; reason: string } {
  if (editableIn[part].includes(status)) return { ok: true };
  const when = editableIn[part].map((s) => label[s]).join(' or ');
  return {
    ok: false,
    reason: `The ${partName[part]} of a meeting that is ${label[status]} cannot change (only while ${when}).`,
  };
}

/** Days after a meeting by which its secretary records and gets the minutes approved. */
export const MINUTES_DUE_DAYS = 7;

/** The due date of a meeting's minutes: a few days after the meeting's local date in its time zone. */
export function minutesDueDate(scheduledAt: Date, timeZone: string, days = MINUTES_DUE_DAYS): string {
  return addDays(localDate(scheduledAt, timeZone), days);
}
