/**
 * Rate-of-change alarm: the change between two consecutive readings, per minute, beyond the sensor's limit
 * (a gas concentration climbing fast is a leak before it reaches its high limit). It clears at the first
 * pair of readings whose rate is back within the limit. Pure.
 */
export type RateMemory = { active: boolean };

export function ratePerMinute(previous: { at: number; value: number }, at: number, value: number): number {
  const minutes = (at - previous.at) / 60_000;
  return minutes > 0 ? (value - previous.value) / minutes : 0;
}

export function judgeRate(
  limitPerMinute: number,
  memory: RateMemory,
  previous: { at: number; value: number } | null,
  at: number,
  value: number,
): { memory: RateMemory; change: 'raise' | 'clear' | null; rate: number } {
  if (!previous || at <= previous.at) return { memory, change: null, rate: 0 };
  const rate = ratePerMinute(previous, at, value);
  const beyond = Math.abs(rate) > limitPerMinute;
  if (beyond && !memory.active) return { memory: { active: true }, change: 'raise', rate };
  if (!beyond && memory.active) return { memory: { active: false }, change: 'clear', rate };
  return { memory, change: null, rate };
}
