import { describe, expect, it } from 'vitest';
import { alarmState, canAcknowledge, isClosed } from '#shared/modules/smart/rules/states.ts';
import { alarmPriority, detect, type SensorRules } from './detect.ts';

const minute = 60_000;
const base: SensorRules = {
  limits: {},
  deadband: 0,
  onDelaySeconds: 0,
  offDelaySeconds: 0,
  ratePerMinute: null,
  stuckAfterMinutes: null,
};

describe('rate of change', () => {
  it('raises when the value climbs faster than the limit per minute and clears when it slows', () => {
    const rules = { ...base, ratePerMinute: 5 };
    const { events } = detect(rules, {}, [
      { at: 0, value: 1 },
      { at: minute, value: 4 }, // 3/min
      { at: 2 * minute, value: 14 }, // 10/min
      { at: 3 * minute, value: 16 }, // 2/min
    ]);
    expect(events.map((e) => `${e.condition}:${e.change}@${e.at / minute}`)).toEqual([
      'rate:raise@2',
      'rate:clear@3',
    ]);
  });
});

describe('stuck sensor', () => {
  it('raises when the value has not changed for the stuck period and clears at the first change', () => {
    const rules = { ...base, stuckAfterMinutes: 30 };
    const readings = Array.from({ length: 32 }, (_, i) => ({ at: i * minute, value: 21.5 }));
    readings.push({ at: 32 * minute, value: 21.6 });
    const { events } = detect(rules, {}, readings);
    expect(events.map((e) => `${e.change}@${e.at / minute}`)).toEqual(['raise@30', 'clear@32']);
  });

  it('says nothing of a value that keeps moving', () => {
    const rules = { ...base, stuckAfterMinutes: 5 };
    const readings = Array.from({ length: 20 }, (_, i) => ({ at: i * minute, value: 20 + (i % 3) }));
    expect(detect(rules, {}, readings).events).toEqual([]);
  });
});

describe('priority (EEMUA 191 §6)', () => {
  it('makes a second-stage gas limit urgent, a temperature one high, a first stage medium, a stuck sensor low', () => {
    expect(alarmPriority('toxic_gas', 'hh')).toBe('urgent');
    expect(alarmPriority('oxygen', 'll')).toBe('urgent');
    expect(alarmPriority('temperature', 'hh')).toBe('high');
    expect(alarmPriority('temperature', 'h')).toBe('medium');
    expect(alarmPriority('vibration', 'stuck')).toBe('low');
  });
});

describe('ISA-18.2 alarm states', () => {
  const facts = { active: true, acknowledged: false, shelvedUntil: null, outOfService: false };
  it('walks unacknowledged → acknowledged → normal, or unacknowledged → returned to normal unacknowledged', () => {
    expect(alarmState(facts, 0)).toBe('unacknowledged');
    expect(alarmState({ ...facts, acknowledged: true }, 0)).toBe('acknowledged');
    expect(alarmState({ ...facts, active: false, acknowledged: true }, 0)).toBe('normal');
    expect(alarmState({ ...facts, active: false }, 0)).toBe('rtn_unacknowledged');
    expect(isClosed({ active: false, acknowledged: true })).toBe(true);
    expect(isClosed({ active: false, acknowledged: false })).toBe(false);
  });

  it('is shelved until the expiry, then back to the underlying state; out of service above all', () => {
    expect(alarmState({ ...facts, shelvedUntil: 1000 }, 999)).toBe('shelved');
    expect(alarmState({ ...facts, shelvedUntil: 1000 }, 1000)).toBe('unacknowledged');
    expect(alarmState({ ...facts, shelvedUntil: 1000, outOfService: true }, 0)).toBe('out_of_service');
    expect(canAcknowledge('normal')).toBe(false);
    expect(canAcknowledge('rtn_unacknowledged')).toBe(true);
  });
});
