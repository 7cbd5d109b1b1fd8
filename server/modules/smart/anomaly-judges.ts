import type { Db } from '../../db/types.ts';
import * as repo from './repo.ts';
import { type AnomalyDetector, createAnomalyDetector } from './rules/detector.ts';

/** Readings a detector relearns from when it is built again: the value window's length (detector.ts). */
const RELEARN_READINGS = 4000;

/**
 * The learned detectors of the sensors this process judges, kept in its memory (a detector's windows are too
 * large to store with every batch, and it is all derived from the stored readings). A detector is built again
 * from the sensor's last readings when this process has none, or when the sensor was judged since by another
 * process (its last judged time is not the detector's): it then learns from what was stored meanwhile.
 */
export function createAnomalyJudges() {
  const judges = new Map<string, { detector: AnomalyDetector; lastAt: number | null }>();
  return {
    /** Each sensor's detector, caught up to the reading it last judged (`judgedAt`, null if never). */
    async prepare(trx: Db, sensors: readonly { id: string; judgedAt: number | null }[]) {
      const behind = sensors.filter((s) => judges.get(s.id)?.lastAt !== s.judgedAt);
      const relearn = behind.filter((s) => s.judgedAt !== null) as { id: string; judgedAt: number }[];
      const history = await repo.lastReadings(trx, relearn, RELEARN_READINGS);
      for (const s of behind) {
        const detector = createAnomalyDetector();
        for (const r of history.get(s.id) ?? []) detector.judge(r.value, r.at);
        judges.set(s.id, { detector, lastAt: s.judgedAt });
      }
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
    /** Forgets detectors whose readings were not stored after all (a transaction rolled back). */
    forget(sensorIds: readonly string[]) {
      for (const id of sensorIds) judges.delete(id);
    },
  };
}

export type AnomalyJudges = ReturnType<typeof createAnomalyJudges>;
