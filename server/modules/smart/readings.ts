import type { z } from 'zod';
import type { readingsQuery, readingsView } from '#shared/modules/smart/contract.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { SensorsService } from './sensors.ts';

/** The most points one answer holds (a chart draws no more). */
const MAX_POINTS = 5000;

/** A sensor's readings over a period: raw, or through the per-minute or per-hour roll-ups for longer spans. */
export function createReadingsService(db: Db, sensors: Pick<SensorsService, 'readable'>, now: () => Date) {
  return {
    async series(
      actor: Actor,
      sensorId: string,
      q: z.infer<typeof readingsQuery>,
    ): Promise<z.infer<typeof readingsView>> {
      const sensor = await sensors.readable(actor, sensorId);
      const to = q.to ? new Date(q.to) : now();
      const from = q.from ? new Date(q.from) : new Date(to.getTime() - 6 * 3_600_000);
      if (q.resolution === 'raw') {
        const rows = await db
          .selectFrom('smart_readings')
          .select(['at', 'value', 'late'])
          .where('sensor_id', '=', sensor.id)
          .where('at', '>=', from)
          .where('at', '<=', to)
          .orderBy('at', 'desc')
          .limit(MAX_POINTS)
          .execute();
        return {
          resolution: 'raw',
          points: rows
            .reverse()
            .map((r) => ({ at: new Date(r.at).toISOString(), value: r.value, late: r.late })),
        };
      }
      const table = q.resolution === 'minute' ? 'smart_rollups_minute' : 'smart_rollups_hour';
      const rows = await db
        .selectFrom(table)
        .select(['bucket', 'min', 'max', 'sum', 'count'])
        .where('sensor_id', '=', sensor.id)
        .where('bucket', '>=', from)
        .where('bucket', '<=', to)
        .orderBy('bucket', 'desc')
        .limit(MAX_POINTS)
        .execute();
      return {
        resolution: q.resolution,
        points: rows.reverse().map((r) => ({
          at: new Date(r.bucket).toISOString(),
          value: r.sum / r.count,
          min: r.min,
          max: r.max,
          count: r.count,
        })),
      };
    },
  };
}
