/**
 * Limit alarms with deadband and on/off delays, as ISA-18.2 (§10.4) and EEMUA 191 (Appendix 9) describe them:
 * an alarm activates when the value has stayed beyond its limit for the on-delay, and clears when the value
 * has stayed back inside the limit by the deadband (below high − deadband, above low + deadband) for the
 * off-delay. Without delays a single reading beyond the limit activates it. Pure: plain values in and out.
 */

export const limitConditions = ['hh', 'h', 'l', 'll'] as const;
export type LimitCondition = (typeof limitConditions)[number];

export type LimitConfig = {
  limits: Partial<Record<LimitCondition, number | null>>;
  deadband: number;
  onDelaySeconds: number;
  offDelaySeconds: number;
};

/** What one condition remembers between readings (epoch milliseconds). */
export type ConditionMemory = {
  active: boolean;
  /** Since when the value has been beyond the limit (inactive condition waiting for its on-delay). */
  beyondSince?: number | null;
  /** Since when the value has been back inside (active condition waiting for its off-delay). */
  insideSince?: number | null;
};

export type LimitEvent = {
  condition: LimitCondition;
  change: 'raise' | 'clear';
  at: number;
  value: number;
  limit: number;
};

const isHigh = (c: LimitCondition) => c === 'hh' || c === 'h';

/** One condition judged on one reading: its new memory and the event it causes, if any. */
export function judgeLimit(
  condition: LimitCondition,
  limit: number,
  config: Pick<LimitConfig, 'deadband' | 'onDelaySeconds' | 'offDelaySeconds'>,
  memory: ConditionMemory,
  at: number,
  value: number,
): { memory: ConditionMemory; event: LimitEvent | null } {
  const high = isHigh(condition);
  const beyond = high ? value >= limit : value <= limit;
  // Back inside means past the deadband, not merely on the other side of the limit: no chattering.
  const inside = high ? value < limit - config.deadband : value > limit + config.deadband;
  if (!memory.active) {
    if (!beyond) return { memory: { active: false, beyondSince: null }, event: null };
    const since = memory.beyondSince ?? at;
    if (at - since >= config.onDelaySeconds * 1000)
      return {
        memory: { active: true, insideSince: null },
        event: { condition, change: 'raise', at, value, limit },
      };
    return { memory: { active: false, beyondSince: since }, event: null };
  }
  if (!inside) return { memory: { active: true, insideSince: null }, event: null };
  const since = memory.insideSince ?? at;
  if (at - since >= config.offDelaySeconds * 1000)
    return {
      memory: { active: false, beyondSince: null },
      event: { condition, change: 'clear', at, value, limit },
    };
  return { memory: { active: true, insideSince: since }, event: null };
}
