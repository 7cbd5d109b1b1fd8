export const committeeLevels = ['group', 'subsidiary', 'site'] as const;
export type CommitteeLevel = (typeof committeeLevels)[number];

/**
 * Roles on a committee. Employee representatives are the workers' seats, which a program's committees may
 * be required to have (a composition rule the program registers).
 */
export const committeeRoles = ['chair', 'secretary', 'member', 'employee_representative'] as const;
export type CommitteeRole = (typeof committeeRoles)[number];

export const meetingFrequencies = ['monthly', 'quarterly', 'semiannual', 'annual', 'as_needed'] as const;
export type MeetingFrequency = (typeof meetingFrequencies)[number];

const monthsOf: Record<MeetingFrequency, number | null> = {
  monthly: 1,
  quarterly: 3,
  semiannual: 6,
  annual: 12,
  as_needed: null,
};

/** Roles a committee has at most one of. */
const singleSeat: ReadonlySet<CommitteeRole> = new Set(['chair', 'secretary']);

/** Whether a member may take `role` on a committee whose current members hold `roles`. */
export function checkSeat(
  roles: readonly CommitteeRole[],
  role: CommitteeRole,
): { ok: true } | { ok: false; reason: string } {
  if (singleSeat.has(role) && roles.includes(role)) {
    return {
      ok: false,
      reason: `The committee already has a ${role}; remove them from the committee first.`,
    };
  }
  return { ok: true };
}

export type CompositionWarning = {
  /** 'no-chair', 'no-secretary', or a code of a program's own rule. */
  code: string;
  /** The key of the message that words it (the server renders it in the reader's language), and its facts. */
  messageKey: string;
  params?: Record<string, number>;
};

/** A program's own requirement on its committees' membership (a program module registers it). */
export type CompositionRule = (roles: readonly CommitteeRole[]) => CompositionWarning[];

/**
 * What a committee's membership lacks: every committee needs a chair and a secretary to record the minutes;
 * the rules of the committee's program add their own requirements.
 */
export function compositionWarnings(
  roles: readonly CommitteeRole[],
  programRules: readonly CompositionRule[] = [],
): CompositionWarning[] {
  const out: CompositionWarning[] = [];
  if (!roles.includes('chair')) out.push({ code: 'no-chair', messageKey: 'platform.committee.noChair' });
  if (!roles.includes('secretary'))
    out.push({ code: 'no-secretary', messageKey: 'platform.committee.noSecretary' });
  for (const rule of programRules) out.push(...rule(roles));
  return out;
}

/** Adds calendar months to a date, keeping the day or the month's last day (31 Jan + 1 month = 28 or 29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * When the committee should next meet, by its frequency after its last meeting held; null when it meets as
 * needed or has not met yet.
 */
export function nextMeetingDue(frequency: MeetingFrequency, lastHeldOn: string | null): string | null {
  const months = monthsOf[frequency];
  if (months === null || lastHeldOn === null) return null;
  return addMonths(lastHeldOn, months);
}

/** A committee is overdue for a meeting when the next one was due before today and none is planned. */
export function meetingOverdue(nextDue: string | null, plannedAhead: boolean, today: string): boolean {
  return nextDue !== null && !plannedAhead && nextDue < today;
}
