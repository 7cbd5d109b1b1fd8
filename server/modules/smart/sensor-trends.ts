import type { z } from 'zod';
import {
  SENSOR_TREND_SEASON,
  SENSOR_TREND_SHORT,
  type SensorTrendView,
  type sensorTrendQuery,
} from '#shared/modules/smart/trends-contract.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import { backtestCoverage, fitSeasonal, forecastSeasonal, outside } from './rules/forecast.ts';
import type { SensorsService } from './sensors.ts';

const HOUR_MS = 3_600_000;
const DAY = SENSOR_TREND_SEASON;
const LEVEL = 0.95;

/**
 * Hours with readings a fit needs: two days to start the states and a day of errors after them. The backtest
 * needs a third day before its first origin.
 */
const MIN_OBSERVED = 3 * DAY;

/** The hourly means of a sensor over [from, to), from the per-hour roll-ups. */
async function hourlyMeans(db: Db, sensorId: string, from: Date, to: Date) {
  const rows = await db
    .selectFrom('smart_rollups_hour')
    .select(['bucket', 'sum', 'count'])
    .where('sensor_id', '=', sensorId)
    .where('bucket', '>=', from)
    .where('bucket', '<', to)
    .execute();
  return new Map(rows.map((r) => [new Date(r.bucket).getTime(), { mean: r.sum / r.count, count: r.count }]));
}

/**
 * One sensor's hourly means with a forecast of the day: the same additive Holt-Winters fit as the daily counts
 * (rules/forecast.ts), with a season of 24 hours. Hours without readings are gaps (null), never zeros: the fit
 * starts at the window's first hour with readings and carries its states over the gaps uncorrected.
 */
export function createSensorTrendsService(deps: {
  db: Db;
  sensors: Pick<SensorsService, 'readable'>;
  now: () => Date;
}) {
  return {
    async series(
      actor: Actor,
      sensorId: string,
      q: z.infer<typeof sensorTrendQuery>,
    ): Promise<SensorTrendView> {
      const sensor = await deps.sensors.readable(actor, sensorId);
      const now = deps.now().getTime();
      const asked = q.to ? Date.parse(q.to) : now;
      if (asked > now)
        throw new ValidationError('The window ends now at the latest.', [
          { path: 'to', message: 'The window ends now at the latest' },
        ]);
      // The hour that holds the end is still filling: the window ends at its start.
      const end = Math.floor(asked / HOUR_MS) * HOUR_MS;
      const hours = q.days * DAY;
      const start = end - hours * HOUR_MS;
      const byHour = await hourlyMeans(deps.db, sensor.id, new Date(start), new Date(end));
      const actual = Array.from({ length: hours }, (_, i) => {
        const at = start + i * HOUR_MS;
        const hour = byHour.get(at);
        return { at: new Date(at).toISOString(), value: hour?.mean ?? null, count: hour?.count ?? 0 };
      });
      const values = actual.map((a) => a.value);
      const gaps = values.filter((v) => v === null).length;
      const view = {
        sensorId: sensor.id,
        siteId: sensor.site_id,
        tag: sensor.tag,
        name: sensor.name,
        unit: sensor.unit,
        from: new Date(start).toISOString(),
        to: new Date(end).toISOString(),
        level: LEVEL,
        actual,
        gaps,
      };
      // The fit starts with the first hour that has readings: leading gaps say nothing about the states.
      const first = values.findIndex((v) => v !== null);
      const fitted = first < 0 ? [] : values.slice(first);
      const held = fitted.length - q.horizon;
      const observedBefore = fitted.slice(0, Math.max(0, held)).filter((v) => v !== null).length;
      if (held < 2 * DAY + 2 || observedBefore < MIN_OBSERVED)
        return {
          ...view,
          unfitted: SENSOR_TREND_SHORT,
          recent: [],
          forecast: [],
          backtest: { coverage: null, points: 0 },
          weights: null,
        };
      const fit = fitSeasonal(fitted, DAY);
      const forecast = forecastSeasonal(fit, q.horizon, { level: LEVEL }).map((p, i) => ({
        at: new Date(end + i * HOUR_MS).toISOString(),
        ...p,
      }));
      const before = forecastSeasonal(fitSeasonal(fitted.slice(0, held), DAY), q.horizon, { level: LEVEL });
      const recent = before.map((p, i) => {
        const hour = actual[actual.length - q.horizon + i];
        return {
          at: hour.at,
          value: hour.value,
          ...p,
          outside: hour.value === null ? null : outside(p, hour.value),
        };
      });
      // Day-ahead forecasts from every origin a day apart that has enough history before it.
      const backtest = backtestCoverage(fitted, DAY, { origins: q.days, horizon: DAY, level: LEVEL });
      return { ...view, unfitted: null, recent, forecast, backtest, weights: fit.params };
    },
  };
}

export type SensorTrendsService = ReturnType<typeof createSensorTrendsService>;
