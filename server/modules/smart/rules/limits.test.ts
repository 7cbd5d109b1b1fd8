import { describe, expect, it } from 'vitest';
import { detect, type SensorRules } from './detect.ts';
import { judgeLimit } from './limits.ts';

const s = (seconds: number) => seconds * 1000;
const run = (rules: SensorRules, values: [number, number][]) =>
  detect(
    rules,
    {},
    values.map(([at, value]) => ({ at: s(at), value })),
  ).events.map((e) => `${e.condition}:${e.change}@${e.at / 1000}`);

const gas: SensorRules = {
  limits: { h: 25, hh: 50 },
  deadband: 2,
  onDelaySeconds: 10,
  offDelaySeconds: 10,
  ratePerMinute: null,
  stuckAfterMinutes: null,
};

describe('limit alarms with deadband and delays (ISA-18.2 §10.4, EEMUA 191 App. 9)', () => {
  it('raises at once beyond the limit when there is no on-delay', () => {
    const r = judgeLimit(
      'h',
      25,
      { deadband: 0, onDelaySeconds: 0, offDelaySeconds: 0 },
      { active: false },
      0,
      25,
    );
    expect(r.event).toMatchObject({ condition: 'h', change: 'raise' });
  });

  it('waits for the on-delay: a short excursion raises nothing', () => {
    expect(
      run(gas, [
        [0, 20],
        [5, 30],
        [9, 31],
        [12, 20],
      ]),
    ).toEqual([]);
  });

  it('raises once the value has stayed beyond the limit for the on-delay', () => {
    expect(
      run(gas, [
        [0, 20],
        [5, 30],
        [10, 31],
        [15, 32],
      ]),
    ).toEqual(['h:raise@15']);
  });

  it('does not clear inside the deadband, and clears after the off-delay below limit − deadband', () => {
    const events = run(gas, [
      [0, 30],
      [10, 30], // raised
      [20, 24], // below the limit but inside the deadband (23..25): still active
      [40, 24],
      [50, 22], // below 23: the off-delay starts
      [55, 30], // back up: the off-delay starts over
      [60, 22],
      [70, 22], // 10 s below: cleared
    ]);
    expect(events).toEqual(['h:raise@10', 'h:clear@70']);
  });

  it('judges low limits the other way round', () => {
    const oxygen: SensorRules = {
      ...gas,
      limits: { l: 19.5, ll: 18 },
      deadband: 0.3,
      onDelaySeconds: 0,
      offDelaySeconds: 0,
    };
    expect(
      run(oxygen, [
        [0, 20.9],
        [1, 19.4],
        [2, 17.9],
        [3, 19.6],
        [4, 19.9],
      ]),
    ).toEqual(['l:raise@1', 'll:raise@2', 'll:clear@3', 'l:clear@4']);
  });

  it('ignores a reading no newer than the last one judged', () => {
    const first = detect(gas, {}, [
      { at: 0, value: 60 },
      { at: s(10), value: 60 },
    ]);
    expect(first.events.map((e) => e.condition).sort()).toEqual(['h', 'hh']);
    const again = detect(gas, first.memory, [{ at: s(5), value: 0 }]);
    expect(again.events).toEqual([]);
  });
});
