/**
 * The state of an alarm as ISA-18.2 (§11, the alarm state transition diagram) names it, from what the record
 * holds: whether the condition is active, whether it was acknowledged, a shelve and its expiry, and whether
 * the sensor is out of service. Shelving and out of service take precedence (the operator does not see the
 * alarm while they last); a shelve that expired falls back to the underlying state. Pure.
 */

export const alarmStates = [
  'normal',
  'unacknowledged',
  'acknowledged',
  'rtn_unacknowledged',
  'shelved',
  'out_of_service',
] as const;
export type AlarmState = (typeof alarmStates)[number];

export type AlarmFacts = {
  active: boolean;
  acknowledged: boolean;
  shelvedUntil: number | null;
  outOfService: boolean;
};

export function alarmState(f: AlarmFacts, now: number): AlarmState {
  if (f.outOfService) return 'out_of_service';
  if (f.shelvedUntil !== null && f.shelvedUntil > now) return 'shelved';
  if (f.active) return f.acknowledged ? 'acknowledged' : 'unacknowledged';
  return f.acknowledged ? 'normal' : 'rtn_unacknowledged';
}

/** An alarm is closed (leaves the list of open alarms) once its condition cleared and it was acknowledged. */
export function isClosed(f: Pick<AlarmFacts, 'active' | 'acknowledged'>): boolean {
  return !f.active && f.acknowledged;
}

/** Acknowledging answers an alarm the operator can see: not one that is normal already or out of service. */
export function canAcknowledge(state: AlarmState): boolean {
  return state === 'unacknowledged' || state === 'rtn_unacknowledged' || state === 'shelved';
}
