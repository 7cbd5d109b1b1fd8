import { type ConditionMemory, judgeLimit, type LimitCondition, limitConditions } from './limits.ts';
import { judgeRate, type RateMemory } from './rate.ts';
import { freshStuckMemory, judgeStuck, type StuckMemory } from './stuck.ts';

/**
 * Every detector of a sensor, run over its new readings in time order using only the past (what the sensor's
 * memory holds): limit alarms, rate of change, stuck value. Pure: the caller stores the memory and acts on the
 * events.
 */

/** `anomaly`: the learned detector's, for series without limits (rules/anomaly.ts). */
export type AlarmCondition = LimitCondition | 'rate' | 'stuck' | 'anomaly';

export type SensorRules = {
  limits: Partial<Record<LimitCondition, number | null>>;
  deadband: number;
  onDelaySeconds: number;
  offDelaySeconds: number;
  ratePerMinute: number | null;
  stuckAfterMinutes: number | null;
};

export type SensorMemory = {
  conditions?: Partial<Record<LimitCondition, ConditionMemory>>;
  rate?: RateMemory;
  stuck?: StuckMemory;
  last?: { at: number; value: number } | null;
  /** Whether the learned detector's alarm is active (rules/anomaly.ts; its learning is kept by the caller). */
  anomaly?: { active: boolean };
};

export type DetectionEvent = {
  condition: AlarmCondition;
  change: 'raise' | 'clear';
  at: number;
  value: number;
  /** The limit crossed (a value limit, the rate per minute, or the stuck minutes); none for an anomaly. */
  limit: number | null;
};

export function detect(
  rules: SensorRules,
  memory: SensorMemory,
  readings: readonly { at: number; value: number }[],
): { memory: SensorMemory; events: DetectionEvent[] } {
  const conditions: Partial<Record<LimitCondition, ConditionMemory>> = { ...memory.conditions };
  let rate: RateMemory = memory.rate ?? { active: false };
  let stuck: StuckMemory = memory.stuck ?? freshStuckMemory;
  let last = memory.last ?? null;
  const events: DetectionEvent[] = [];
  for (const r of readings) {
    if (last && r.at <= last.at) continue; // the past is judged already
    for (const condition of limitConditions) {
      const limit = rules.limits[condition];
      if (limit === null || limit === undefined) continue;
      const judged = judgeLimit(
        condition,
        limit,
        rules,
        conditions[condition] ?? { active: false },
        r.at,
        r.value,
      );
      conditions[condition] = judged.memory;
      if (judged.event) events.push(judged.event);
    }
    if (rules.ratePerMinute !== null) {
      const judged = judgeRate(rules.ratePerMinute, rate, last, r.at, r.value);
      rate = judged.memory;
      if (judged.change)
        events.push({
          condition: 'rate',
          change: judged.change,
          at: r.at,
          value: r.value,
          limit: rules.ratePerMinute,
        });
    }
    if (rules.stuckAfterMinutes !== null) {
      const judged = judgeStuck(rules.stuckAfterMinutes, stuck, r.at, r.value);
      stuck = judged.memory;
      if (judged.change)
        events.push({
          condition: 'stuck',
          change: judged.change,
          at: r.at,
          value: r.value,
          limit: rules.stuckAfterMinutes,
        });
    }
    last = { at: r.at, value: r.value };
  }
  return { memory: { ...memory, conditions, rate, stuck, last }, events };
}

export type AlarmPriority = 'low' | 'medium' | 'high' | 'urgent';

/** Kinds whose high-high or low-low means a danger to life (a toxic release, too little oxygen, an explosive mix). */
const lifeSafetyKinds = new Set(['toxic_gas', 'oxygen', 'lel']);

/**
 * The priority of an alarm (EEMUA 191 §6: by the consequence and the time to respond): a second-stage limit on a
 * life-safety measurement is urgent, any other second-stage limit or a fast rate of change high, a first-stage
 * limit medium, a stuck sensor (lost visibility, no process deviation yet) or a learned anomaly (a series
 * without limits behaving unlike its past, a prompt to look) low.
 */
export function alarmPriority(kind: string, condition: AlarmCondition): AlarmPriority {
  if (condition === 'hh' || condition === 'll') return lifeSafetyKinds.has(kind) ? 'urgent' : 'high';
  if (condition === 'rate') return 'high';
  if (condition === 'stuck' || condition === 'anomaly') return 'low';
  return 'medium';
}
