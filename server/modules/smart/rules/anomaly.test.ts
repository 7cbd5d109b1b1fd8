import { describe, expect, it } from 'vitest';
import { judgeAnomalies, usesLearnedDetector } from './anomaly.ts';
import { createAnomalyDetector } from './detector.ts';

const MIN = 60_000;
/** A steady series with a little deterministic noise, one reading a minute. */
const steady = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => ({ at: (from + i) * MIN, value: 20 + ((i * 7919) % 11) / 10 }));

describe('the learned detector as an alarm condition', () => {
  it('applies to sensors without any alarm limit', () => {
    expect(usesLearnedDetector([null, null, null, null])).toBe(true);
    expect(usesLearnedDetector([null, 30, null, null])).toBe(false);
  });

  it('raises nothing while it learns a steady series, raises at a jump and clears at the next normal reading', () => {
    const detector = createAnomalyDetector();
    const learning = judgeAnomalies(detector, { active: false }, steady(400));
    expect(learning.events).toEqual([]);
    expect(learning.memory).toEqual({ active: false });

    const jump = { at: 400 * MIN, value: 95 };
    const back = steady(3, 401);
    const judged = judgeAnomalies(detector, learning.memory, [jump, ...back]);
    expect(judged.events).toEqual([
      { condition: 'anomaly', change: 'raise', at: jump.at, value: 95, limit: null },
      { condition: 'anomaly', change: 'clear', at: back[0].at, value: back[0].value, limit: null },
    ]);
    expect(judged.memory).toEqual({ active: false });
  });

  it('keeps an alarm active across batches while the readings stay anomalous', () => {
    const detector = createAnomalyDetector();
    const learned = judgeAnomalies(detector, { active: false }, steady(400));
    const first = judgeAnomalies(detector, learned.memory, [{ at: 400 * MIN, value: 95 }]);
    expect(first.memory).toEqual({ active: true });
    // The alarm is already active: a second batch raises nothing new, and the return clears it once.
    const second = judgeAnomalies(detector, first.memory, steady(2, 401));
    expect(second.events.map((e) => e.change)).toEqual(['clear']);
  });
});
