import type { z } from 'zod';
import type { IngestResult, readingBatch } from '#shared/modules/smart/contract.ts';
import type { DetectorMemoryConfig } from '../../config.ts';
import type { Db } from '../../db/types.ts';
import { type Actor, scopeHas } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import type { SettingsService } from '../../platform/settings/service.ts';
import { createAnomalyJudges } from './anomaly-judges.ts';
import * as repo from './repo.ts';
import { judgeAnomalies, usesLearnedDetector } from './rules/anomaly.ts';
import { alarmPriority, type DetectionEvent, detect, type SensorRules } from './rules/detect.ts';
import { createSensorMemories, type HeldMemories, judgedTimes, memoryOf } from './sensor-memories.ts';
import { ingestSettings } from './settings.ts';

const PROGRAM = 'smart' as const;
/** Sensors whose detectors' memory a process keeps between batches (about half a kilobyte each). */
const MEMORIES_HELD = 50_000;

type Refusal = IngestResult['refused'][number];

function rulesOf(s: repo.IngestSensorRow): SensorRules {
  return {
    limits: { hh: s.limit_hh, h: s.limit_h, l: s.limit_l, ll: s.limit_ll },
    deadband: s.deadband,
    onDelaySeconds: s.on_delay_s,
    offDelaySeconds: s.off_delay_s,
    ratePerMinute: s.rate_limit_per_min,
    stuckAfterMinutes: s.stuck_after_min,
  };
}

/**
 * Readings from gateways: checked against the gateway's sites, stored once each with their roll-ups, and judged
 * on arrival by the sensor's detectors; what the detectors find raises or clears alarms, all in one transaction.
 */
export function createIngestService(deps: {
  db: Db;
  settings: SettingsService;
  /** Called in the transaction that raised a new alarm (its responders are notified there). */
  onRaised: (trx: Db, alarmId: string) => Promise<unknown>;
  detectors: DetectorMemoryConfig;
  now: () => Date;
}) {
  const { db, now } = deps;
  const partitions = new Set<string>();
  const anomalies = createAnomalyJudges({
    idleMs: deps.detectors.idleMinutes * 60_000,
    max: deps.detectors.max,
    now: () => now().getTime(),
  });
  const memories = createSensorMemories(MEMORIES_HELD);
  const learns = (s: repo.IngestSensorRow) =>
    s.in_service && usesLearnedDetector([s.limit_hh, s.limit_h, s.limit_l, s.limit_ll]);

  /**
   * The months of these readings have their partitions, made in this transaction where missing. Returns the
   * months to remember once the transaction commits: remembered before, another batch would skip the check
   * and insert while the new partition is not yet attached for it, waiting on this transaction's locks
   * while holding sensor locks this transaction needs next (a deadlock on PostgreSQL).
   */
  async function ensurePartitions(trx: Db, readings: readonly { at: Date }[]): Promise<string[]> {
    const months = new Set(readings.map((r) => `${r.at.getUTCFullYear()}-${r.at.getUTCMonth()}`));
    const checked: string[] = [];
    for (const m of months) {
      if (partitions.has(m)) continue;
      const [y, mo] = m.split('-').map(Number);
      await repo.ensureMonthPartition(trx, new Date(Date.UTC(y, mo, 1)));
      checked.push(m);
    }
    return checked;
  }

  async function applyEvent(
    trx: Db,
    sensor: repo.IngestSensorRow,
    e: DetectionEvent,
    actorId: string | null,
  ) {
    const at = new Date(e.at);
    const open = await trx
      .selectFrom('smart_alarms')
      .selectAll()
      .where('sensor_id', '=', sensor.id)
      .where('condition', '=', e.condition)
      .where('closed_at', 'is', null)
      .executeTakeFirst();
    if (e.change === 'raise') {
      if (open) {
        // ISA-18.2: a condition that returns before its alarm was acknowledged is unacknowledged again.
        await trx
          .updateTable('smart_alarms')
          .set((eb) => ({
            active: true,
            cleared_at: null,
            acknowledged_at: null,
            acknowledged_by: null,
            version: eb('version', '+', 1),
            updated_at: now(),
            updated_by: actorId,
          }))
          .where('id', '=', open.id)
          .execute();
        // One record, yet another raise: chattering is counted from the raises (migration 0061).
        await trx
          .insertInto('smart_alarm_raises')
          .values({
            alarm_id: open.id,
            site_id: open.site_id,
            sensor_id: sensor.id,
            condition: e.condition,
            raised_at: at,
            value: e.value,
          })
          .execute();
        return;
      }
      const raised = await trx
        .insertInto('smart_alarms')
        .values({
          site_id: sensor.site_id,
          sensor_id: sensor.id,
          condition: e.condition,
          priority: alarmPriority(sensor.kind, e.condition),
          raised_at: at,
          raised_value: e.value,
          limit_value: e.limit,
          created_by: actorId,
          updated_by: actorId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await deps.onRaised(trx, raised.id);
      return;
    }
    if (!open?.active) return;
    await trx
      .updateTable('smart_alarms')
      .set((eb) => ({
        active: false,
        cleared_at: at,
        closed_at: open.acknowledged_at ? at : null,
        version: eb('version', '+', 1),
        updated_at: now(),
        updated_by: actorId,
      }))
      .where('id', '=', open.id)
      .execute();
  }

  /**
   * Judges each sensor's stored readings (those not late) in time order on its memory, and applies what the
   * detectors find. Returns each judged sensor's new memory, to be saved.
   */
  async function judge(
    trx: Db,
    actorId: string | null,
    sensors: ReadonlyMap<string, repo.IngestSensorRow>,
    states: ReadonlyMap<string, { judgedAt: number | null; state: unknown }>,
    held: HeldMemories,
    stored: readonly { sensor_id: string; at: Date; value: number; late: boolean }[],
  ) {
    let raised = 0;
    let cleared = 0;
    const bySensor = new Map<string, { at: number; value: number }[]>();
    for (const r of stored) {
      if (r.late) continue;
      const list = bySensor.get(r.sensor_id) ?? [];
      list.push({ at: r.at.getTime(), value: r.value });
      bySensor.set(r.sensor_id, list);
    }
    const judgedStates: repo.SensorStateRow[] = [];
    for (const [sensorId, list] of bySensor) {
      const sensor = sensors.get(sensorId) as repo.IngestSensorRow;
      list.sort((a, b) => a.at - b.at);
      const last = list[list.length - 1];
      const state = states.get(sensorId);
      // A sensor without a state row (registered by other means) starts with an empty memory.
      let memory = state ? memoryOf(held, sensorId, state) : {};
      // An out-of-service sensor's readings are kept, not judged (ISA-18.2 out of service).
      if (sensor.in_service) {
        const judged = detect(rulesOf(sensor), memory, list);
        const events = judged.events;
        memory = judged.memory;
        if (learns(sensor)) {
          const learned = judgeAnomalies(
            anomalies.detector(sensorId),
            memory.anomaly ?? { active: false },
            list,
          );
          memory = { ...memory, anomaly: learned.memory };
          events.push(...learned.events);
          anomalies.judged(sensorId, last.at);
        }
        for (const e of events) {
          await applyEvent(trx, sensor, e, actorId);
          if (e.change === 'raise') raised++;
          else cleared++;
        }
      }
      judgedStates.push({
        sensorId,
        siteId: sensor.site_id,
        judgedAt: new Date(last.at),
        lastValue: last.value,
        state: memory,
      });
    }
    return { states: judgedStates, raised, cleared };
  }

  return {
    /**
     * Stores a gateway's batch. `siteId` narrows it to one site (an MQTT topic's): a reading of a sensor
     * elsewhere is refused as outside the site, even at a site the gateway may send for.
     */
    async ingest(
      actor: Actor,
      batch: z.infer<typeof readingBatch>,
      options: { siteId?: string } = {},
    ): Promise<IngestResult> {
      const scope = access.listScope(actor, 'smart.ingest', PROGRAM);
      const readings = batch.readings;
      const gateway = batch.gateway ?? actor.label;
      const ids = [...new Set(readings.map((r) => r.sensorId))];
      const sensors = new Map((await repo.ingestSensorRows(db, ids)).map((s) => [s.id, s]));
      const refused: Refusal[] = [];
      const accepted: { sensor: repo.IngestSensorRow; at: Date; value: number }[] = [];
      readings.forEach((r, index) => {
        const sensor = sensors.get(r.sensorId);
        if (!sensor) refused.push({ index, sensorId: r.sensorId, reason: 'unknown_sensor' });
        else if (!scopeHas(scope, sensor.site_id) || (options.siteId && sensor.site_id !== options.siteId))
          refused.push({ index, sensorId: r.sensorId, reason: 'outside_site' });
        else accepted.push({ sensor, at: new Date(r.at), value: r.value });
      });
      const { lateHorizonMinutes } = await deps.settings.get(ingestSettings);
      const horizon = now().getTime() - lateHorizonMinutes * 60_000;

      const learning = [...new Set(accepted.filter((a) => learns(a.sensor)).map((a) => a.sensor.id))];
      const sensorIds = [...new Set(accepted.map((a) => a.sensor.id))];

      let months: string[] = [];
      let prepared: string[] = [];
      let saved: repo.SensorStateRow[] = [];
      // The memories held when the batch began: a concurrent batch that fails forgets its sensors' memories,
      // and this one must judge on what the database was told it holds (their times), not on nothing.
      const held = memories.held(sensorIds);
      const result = await db
        .transaction()
        .execute(async (trx) => {
          months = await ensurePartitions(trx, accepted);
          // Readings of one sensor are judged by one transaction at a time, in order.
          const states = await repo.lockSensorStates(trx, sensorIds, judgedTimes(held));
          // Late: past the horizon, or no newer than what the sensor's detectors already judged.
          const rows = accepted.map((a) => {
            const judged = states.get(a.sensor.id)?.judgedAt;
            const late = a.at.getTime() < horizon || (judged != null && a.at.getTime() <= judged);
            return { sensorId: a.sensor.id, siteId: a.sensor.site_id, at: a.at, value: a.value, late };
          });
          // A batch within one month (nearly every one) goes straight to that month's partition.
          const partitionNames = new Set(rows.map((r) => repo.monthPartitionName(r.at)));
          const stored = await repo.insertReadings(
            trx,
            rows,
            partitionNames.size === 1 ? [...partitionNames][0] : undefined,
          );
          await anomalies.prepare(
            trx,
            learning.map((id) => ({ id, judgedAt: states.get(id)?.judgedAt ?? null })),
          );
          prepared = learning;
          const judged = await judge(trx, actor.userId, sensors, states, held, stored);
          await repo.saveSensorStates(trx, judged.states);
          saved = judged.states;
          const late = stored.filter((r) => r.late).length;
          const duplicates = rows.length - stored.length;
          if (actor.userId)
            await repo.addGatewayCounts(trx, actor.userId, gateway, now(), {
              accepted: stored.length,
              duplicates,
              late,
              refused: refused.map((r) => r.reason),
            });
          return {
            received: readings.length,
            stored: stored.length,
            duplicates,
            late,
            refused,
            alarmsRaised: judged.raised,
            alarmsCleared: judged.cleared,
          };
        })
        .catch((error: unknown) => {
          // Their detectors learned from readings that were not stored: they are built again next time.
          anomalies.forget(learning);
          // A memory held may have been judged on in the rolled-back batch: read again next time.
          memories.forget(sensorIds);
          // A remembered partition may have been dropped since (retention): checked again next time.
          partitions.clear();
          throw error;
        })
        .finally(() => anomalies.release(prepared));
      for (const m of months) partitions.add(m);
      // Remembered once committed: a rolled-back memory would be judged on next time.
      memories.remember(saved);
      return result;
    },
  };
}

export type IngestService = ReturnType<typeof createIngestService>;
