import type { SensorMemory } from './rules/detect.ts';

/**
 * The detectors' memory of each sensor as this process last saved it, with the time it was judged to: a batch
 * reads a sensor's memory from the database only when another process judged the sensor since (its time
 * differs). The least recently used are dropped past `max`; a dropped one is read again when needed.
 */
export function createSensorMemories(max: number) {
  const held = new Map<string, { judgedAt: number; memory: SensorMemory }>();
  return {
    /** The judged time of the memory held for each of these sensors, where one is held. */
    judgedTimes(ids: readonly string[]): Map<string, number> {
      const out = new Map<string, number>();
      for (const id of ids) {
        const m = held.get(id);
        if (m) out.set(id, m.judgedAt);
      }
      return out;
    },
    /**
     * A sensor's memory: what the database returned (another process judged it since, or none is held), else
     * the one held, which the database confirmed current by returning no state.
     */
    of(id: string, stored: { judgedAt: number | null; state: unknown } | undefined): SensorMemory {
      if (stored?.state != null) return stored.state as SensorMemory;
      const m = held.get(id);
      if (m && stored && m.judgedAt === stored.judgedAt) return m.memory;
      return {};
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
