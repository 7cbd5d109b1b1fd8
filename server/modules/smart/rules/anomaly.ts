import type { DetectionEvent } from './detect.ts';
import { type AnomalyDetector, DEFAULT_DETECTOR_CONFIG } from './detector.ts';

/**
 * The learned anomaly detector (detector.ts) as an alarm condition, for series without alarm limits: a reading
 * whose score reaches the alarm level raises the sensor's `anomaly` alarm, the next reading below it clears it
 * (an anomaly is a moment, not a state to hold). Pure apart from the detector, which learns from each reading:
 * the caller keeps the detector and the `active` memory.
 */

export type AnomalyMemory = { active: boolean };

/** Sensors judged by the learned detector: in service with no alarm limit at all. */
export function usesLearnedDetector(limits: readonly (number | null)[]): boolean {
  return limits.every((l) => l === null);
}

export function judgeAnomalies(
  detector: AnomalyDetector,
  memory: AnomalyMemory,
  readings: readonly { at: number; value: number }[],
  alarmLevel = DEFAULT_DETECTOR_CONFIG.alarmLevel,
): { memory: AnomalyMemory; events: DetectionEvent[] } {
  let active = memory.active;
  const events: DetectionEvent[] = [];
  for (const r of readings) {
    const anomalous = detector.judge(r.value, r.at) >= alarmLevel;
    if (anomalous === active) continue;
    active = anomalous;
    events.push({
      condition: 'anomaly',
      change: active ? 'raise' : 'clear',
      at: r.at,
      value: r.value,
      limit: null,
    });
  }
  return { memory: { active }, events };
}
