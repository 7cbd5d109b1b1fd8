/**
 * Stuck (flat-lined) sensor: a live process value never repeats exactly for long; a reading unchanged for the
 * sensor's stuck period means a frozen transmitter or a dead gateway repeating its last value. The alarm
 * raises when the value has not changed for that long, and clears at the first change. Pure.
 */
export type StuckMemory = { active: boolean; flatSince: number | null; flatValue: number | null };

export const freshStuckMemory: StuckMemory = { active: false, flatSince: null, flatValue: null };

export function judgeStuck(
  afterMinutes: number,
  memory: StuckMemory,
  at: number,
  value: number,
): { memory: StuckMemory; change: 'raise' | 'clear' | null } {
  if (memory.flatValue === null || value !== memory.flatValue) {
    const next = { active: false, flatSince: at, flatValue: value };
    return { memory: next, change: memory.active ? 'clear' : null };
  }
  const since = memory.flatSince ?? at;
  if (!memory.active && at - since >= afterMinutes * 60_000)
    return { memory: { ...memory, active: true, flatSince: since }, change: 'raise' };
  return { memory: { ...memory, flatSince: since }, change: null };
}
