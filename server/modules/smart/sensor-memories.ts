import type { SensorMemory } from './rules/detect.ts';

/** The detectors' memory of some sensors as this process saved it, with the time each was judged to. */
export type HeldMemories = ReadonlyMap<string, { judgedAt: number; memory: SensorMemory }>;

/**
 * The detectors' memory of each sensor as this process last saved it, with the time it was judged to: a batch
 * reads a sensor's memory from the database only when another process judged the sensor since (its time
 * differs). The least recently saved are dropped past `max`; a dropped one is read again when needed.
 */
export function createSensorMemories(max: number) {
  const held = new Map<string, { judgedAt: number; memory: SensorMemory }>();
  return {
    /** The memories held for these sensors now: what a batch judges on, whatever others forget meanwhile. */
    held(ids: readonly string[]): HeldMemories {
      const out = new Map<string, { judgedAt: number; memory: SensorMemory }>();
      for (const id of ids) {
        const m = held.get(id);
        if (m) out.set(id, m);
      }
      return out;
    },
    /** The memories a committed batch saved. */
    remember(saved: readonly { sensorId: string; judgedAt: Date; state: unknown }[]) {
      for (const s of saved) {
        held.delete(s.sensorId);
        held.set(s.sensorId, { judgedAt: s.judgedAt.getTime(), memory: s.state as SensorMemory });
      }
      for (const id of held.keys()) {
        if (held.size <= max) break;
        held.delete(id);
      }
    },
    forget(ids: readonly string[]) {
      for (const id of ids) held.delete(id);
    },
    get size() {
      return held.size;
    },
  };
}

/** The time each held memory was judged to, as the database is asked to compare it. */
export function judgedTimes(held: HeldMemories): Map<string, number> {
  return new Map([...held].map(([id, m]) => [id, m.judgedAt]));
}

/**
 * A sensor's memory: the state the database returned (another process judged it since, or none was held), else
 * the one held, which the database confirmed current by returning none.
 */
export function memoryOf(
  held: HeldMemories,
  sensorId: string,
  stored: { judgedAt: number | null; state: unknown },
): SensorMemory {
  if (stored.state != null) return stored.state as SensorMemory;
  const m = held.get(sensorId);
  if (!m || m.judgedAt !== stored.judgedAt)
    throw new Error(`No memory of sensor ${sensorId} judged at ${stored.judgedAt} is held`);
  return m.memory;
}
