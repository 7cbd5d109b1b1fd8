import type { Db } from '../../db/types.ts';
import * as repo from './repo.ts';
import { type AnomalyDetector, createAnomalyDetector } from './rules/detector.ts';

/** Readings a detector relearns from when it is built again: the value window's length (detector.ts). */
const RELEARN_READINGS = 4000;

export type AnomalyJudgesOptions = {
  /** A detector not used for this long is dropped; its sensor's is built again when the sensor next sends. */
  idleMs: number;
  /** At most this many detectors are kept (about 0.3 MB each at a reading per 10 s); least recently used first. */
  max: number;
  now: () => number;
  /** Each sensor's last `limit` stored readings up to the time it was last judged, in time order. */
  history?: typeof repo.lastReadings;
};

type Judge = { detector: AnomalyDetector; lastAt: number | null; usedAt: number };

/**
 * The learned detectors of the sensors this process judges, kept in its memory (a detector's windows are too
 * large to store with every batch, and it is all derived from the stored readings). A detector is built again
 * from the sensor's last readings when this process has none, or when the sensor was judged since by another
 * process (its last judged time is not the detector's): it then learns from what was stored meanwhile.
 *
 * Memory is bounded: detectors idle longer than `idleMs`, and the least recently used beyond `max`, are dropped
 * at each batch. A dropped sensor that sends again gets its detector rebuilt from its stored readings, not a
 * cold one on probation: the detector is a function of the readings it has seen, so the rebuilt one judges the
 * next reading as the dropped one would have (up to what the last 4,000 readings hold), and a sensor that sends
 * less often than `idleMs` is still judged at once rather than blind for a warm-up each time. Only a sensor never
 * judged starts cold, on the detector's own warm-up (it scores 0 until it has seen enough readings).
 * Detectors of a batch in progress are pinned, so another batch's eviction never takes one in use.
 */
export function createAnomalyJudges(options: AnomalyJudgesOptions) {
  const history = options.history ?? repo.lastReadings;
  // In order of last use (a used one is moved to the end): eviction looks at the front only.
  const judges = new Map<string, Judge>();
  const pins = new Map<string, number>();
  const unpin = (ids: readonly string[]) => {
    for (const id of ids) {
      const n = (pins.get(id) ?? 0) - 1;
      if (n > 0) pins.set(id, n);
      else pins.delete(id);
    }
  };

  function evict() {
    const idleBefore = options.now() - options.idleMs;
    for (const [id, judge] of judges) {
      if (judges.size <= options.max && judge.usedAt >= idleBefore) break;
      if (!pins.has(id)) judges.delete(id);
    }
  }

  return {
    /**
     * Each sensor's detector, caught up to the reading it last judged (`judgedAt`, null if never), pinned
     * until `release` of the same ids. Drops idle and surplus detectors of other sensors.
     */
    async prepare(trx: Db, sensors: readonly { id: string; judgedAt: number | null }[]) {
      const ids = sensors.map((s) => s.id);
      for (const id of ids) pins.set(id, (pins.get(id) ?? 0) + 1);
      try {
        const behind = sensors.filter((s) => judges.get(s.id)?.lastAt !== s.judgedAt);
        const rebuild = new Set(behind.map((s) => s.id));
        const relearn = behind.filter((s) => s.judgedAt !== null) as { id: string; judgedAt: number }[];
        const learned = await history(trx, relearn, RELEARN_READINGS);
        const now = options.now();
        for (const s of sensors) {
          let judge = judges.get(s.id);
          if (rebuild.has(s.id) || !judge) {
            const detector = createAnomalyDetector();
            for (const r of learned.get(s.id) ?? []) detector.judge(r.value, r.at);
            judge = { detector, lastAt: s.judgedAt, usedAt: now };
          }
          judges.delete(s.id);
          judge.usedAt = now;
          judges.set(s.id, judge);
        }
      } catch (error) {
        unpin(ids);
        throw error;
      }
      evict();
    },
    detector(sensorId: string): AnomalyDetector {
      const judge = judges.get(sensorId);
      if (!judge) throw new Error(`No detector prepared for sensor ${sensorId}`);
      return judge.detector;
    },
    /** The sensor's detector has now learned up to `at`. */
    judged(sensorId: string, at: number) {
      const judge = judges.get(sensorId);
      if (judge) judge.lastAt = at;
    },
    /** The batch that prepared these detectors is done with them (stored or rolled back). */
    release(sensorIds: readonly string[]) {
      unpin(sensorIds);
    },
    /** Forgets detectors whose readings were not stored after all (a transaction rolled back). */
    forget(sensorIds: readonly string[]) {
      for (const id of sensorIds) judges.delete(id);
    },
    /** The sensors whose detectors are kept, least recently used first. */
    kept(): string[] {
      return [...judges.keys()];
    },
  };
}

export type AnomalyJudges = ReturnType<typeof createAnomalyJudges>;
