/**
 * Responders' shifts: a start and end time of day ("08:00", "20:00") at the site, in its time zone. A shift
 * whose end is before its start runs past midnight (a night shift); equal times or no times mean all day.
 */
export type Shift = { start: string | null; end: string | null };

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Minutes since local midnight of an instant in a time zone (an IANA name). */
export function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return value('hour') * 60 + value('minute');
}

/** Whether a shift covers a local time of day (minutes since midnight): start included, end excluded. */
export function onShift(shift: Shift, minutes: number): boolean {
  if (shift.start === null || shift.end === null) return true;
  const start = minutesOf(shift.start);
  const end = minutesOf(shift.end);
  if (start === end) return true;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/**
 * The minutes an alarm of each priority may wait for an acknowledgement before it is escalated
 * (ISA-18.2 ties the time to respond to the priority).
 */
export type EscalationMinutes = Record<'low' | 'medium' | 'high' | 'urgent', number>;

export const defaultEscalationMinutes: EscalationMinutes = { urgent: 5, high: 15, medium: 30, low: 60 };

/** Whether an alarm raised at `raisedAt`, still unacknowledged, is due to be escalated at `at`. */
export function escalationDue(
  priority: keyof EscalationMinutes,
  raisedAt: Date,
  at: Date,
  minutes: EscalationMinutes,
): boolean {
  return at.getTime() - raisedAt.getTime() >= minutes[priority] * 60_000;
}
