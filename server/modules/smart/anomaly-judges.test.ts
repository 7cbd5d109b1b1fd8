import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/types.ts';
import { type AnomalyJudgesOptions, createAnomalyJudges } from './anomaly-judges.ts';
import { createAnomalyDetector, DEFAULT_DETECTOR_CONFIG } from './rules/detector.ts';

const MIN = 60_000;
const trx = {} as Db;

/** Stored readings per sensor, read back as `repo.lastReadings` does: the last `limit` up to the judged time. */
function store() {
  const readings = new Map<string, { at: number; value: number }[]>();
  const history: NonNullable<AnomalyJudgesOptions['history']> = async (_db, sensors, limit) =>
    new Map(
      sensors.map((s) => [s.id, (readings.get(s.id) ?? []).filter((r) => r.at <= s.judgedAt).slice(-limit)]),
    );
  return { readings, history };
}

/** A temperature with a daily cycle and noise, a reading every 5 minutes (seeded, so every run is the same). */
function series(count: number, start = Date.UTC(2026, 8, 1)) {
  let seed = 7;
  const noise = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31 - 0.5;
  };
  return Array.from({ length: count }, (_, i) => ({
    at: start + i * 5 * MIN,
    value: 24 + 3 * Math.sin((2 * Math.PI * i) / 288) + noise(),
  }));
}

function setUp(options: Partial<AnomalyJudgesOptions> = {}) {
  let clock = Date.UTC(2026, 8, 1);
  const { readings, history } = store();
  const judges = createAnomalyJudges({ idleMs: 60 * MIN, max: 100, now: () => clock, history, ...options });
  /** One batch: prepared, judged reading by reading, released. */
  const batch = async (sensorId: string, judgedAt: number | null, list: { at: number; value: number }[]) => {
    await judges.prepare(trx, [{ id: sensorId, judgedAt }]);
    const scores = list.map((r) => judges.detector(sensorId).judge(r.value, r.at));
    if (list.length) judges.judged(sensorId, list[list.length - 1].at);
    judges.release([sensorId]);
    readings.set(sensorId, [...(readings.get(sensorId) ?? []), ...list]);
    return scores;
  };
  return { judges, batch, advance: (ms: number) => (clock += ms) };
}

describe('learned detectors kept in memory, bounded', () => {
  it('drops the detectors of sensors not seen for the idle time, at the next batch', async () => {
    const { judges, batch, advance } = setUp();
    await batch('A', null, series(3));
    advance(30 * MIN);
    await batch('B', null, series(3));
    expect(judges.kept()).toEqual(['A', 'B']);
    // 61 minutes after A's batch, 31 after B's: A is idle past the hour, B is not.
    advance(31 * MIN);
    await batch('C', null, series(3));
    expect(judges.kept()).toEqual(['B', 'C']);
  });

  it('keeps at most the cap, dropping the least recently used, and never one a batch is still using', async () => {
    const { judges, batch } = setUp({ max: 2 });
    await batch('A', null, []);
    await batch('B', null, []);
    await batch('A', null, []); // A used again: B is now the least recently used
    await batch('C', null, []);
    expect(judges.kept()).toEqual(['A', 'C']);
    // A batch of D is in progress (prepared, not released) while two other batches come and go.
    await judges.prepare(trx, [{ id: 'D', judgedAt: null }]);
    await batch('E', null, []);
    await batch('F', null, []);
    expect(judges.kept()).toEqual(['D', 'F']);
    expect(() => judges.detector('D')).not.toThrow();
    judges.release(['D']);
    await batch('G', null, []);
    expect(judges.kept()).toEqual(['F', 'G']);
  });

  it('rebuilds a dropped sensor’s detector from its stored readings: it judges as if never dropped', async () => {
    const readings = series(2400); // a little over 8 days
    const seen = readings.slice(0, 2000);
    const next = readings.slice(2000);
    // A spike of 8 °C on a cycle of ±3 °C, two days after the sensor came back.
    next[300] = { ...next[300], value: next[300].value + 8 };

    const { judges, batch, advance } = setUp({ max: 1 });
    for (let i = 0; i < seen.length; i += 100) {
      await batch('A', i === 0 ? null : seen[i - 1].at, seen.slice(i, i + 100));
      advance(5 * MIN);
    }
    // Another sensor takes the only place; then A has been idle for a day.
    await batch('B', null, series(10));
    advance(24 * 60 * MIN);
    expect(judges.kept()).toEqual(['B']);

    const after = await batch('A', seen[seen.length - 1].at, next);
    // The detector that never left memory, fed every reading in order.
    const reference = createAnomalyDetector();
    for (const r of seen) reference.judge(r.value, r.at);
    const expected = next.map((r) => reference.judge(r.value, r.at));
    expect(after).toEqual(expected);
    // No false alarm on the normal readings after the return, and the spike is still found.
    const alarmAt = after.flatMap((s, i) => (s >= DEFAULT_DETECTOR_CONFIG.alarmLevel ? [i] : []));
    expect(alarmAt).toEqual([300]);
  });

  it('starts a sensor never judged cold, on the detector’s warm-up: no score before it has learned', async () => {
    const { batch } = setUp();
    const readings = series(400);
    readings[50] = { ...readings[50], value: 100 };
    const scores = await batch('N', null, readings);
    expect(scores.slice(0, DEFAULT_DETECTOR_CONFIG.warmUp).every((s) => s === 0)).toBe(true);
    expect(scores.slice(DEFAULT_DETECTOR_CONFIG.warmUp).some((s) => s > 0)).toBe(true);
  });

  it('unpins a batch whose history could not be read, so its sensors can still be dropped', async () => {
    const failing = createAnomalyJudges({
      idleMs: 60 * MIN,
      max: 1,
      now: () => 0,
      history: async (_db, sensors) => {
        if (sensors.length) throw new Error('connection lost');
        return new Map();
      },
    });
    await failing.prepare(trx, [{ id: 'A', judgedAt: null }]);
    failing.release(['A']);
    await expect(failing.prepare(trx, [{ id: 'B', judgedAt: 5 }])).rejects.toThrow('connection lost');
    await failing.prepare(trx, [{ id: 'C', judgedAt: null }]);
    expect(failing.kept()).toEqual(['C']);
  });
});
