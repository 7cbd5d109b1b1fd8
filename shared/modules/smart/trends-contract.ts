import { z } from 'zod';

/**
 * The daily series the trends page forecasts: the monitoring program's alarms, OHS incidents by kind and the
 * information security program's incidents.
 */
export const TREND_SERIES = ['alarms', 'near_misses', 'injuries', 'security_incidents'] as const;
export type TrendSeries = (typeof TREND_SERIES)[number];

/** History the fit needs before the held-out days: four weeks (a weekly season starts from two). */
export const TREND_MIN_FIT_DAYS = 28;

export const trendQuery = z
  .object({
    series: z.enum(TREND_SERIES),
    siteId: z.string().uuid().optional(),
    /** Days of history to fit, ending with the last full day. */
    days: z.coerce.number().int().min(56).max(1096).default(365),
    /** Days to forecast, and the recent days held out to compare with their forecast. */
    horizon: z.coerce.number().int().min(7).max(90).default(28),
  })
  .refine((q) => q.days - q.horizon >= TREND_MIN_FIT_DAYS, {
    path: ['days'],
    message: `At least ${TREND_MIN_FIT_DAYS} days more than the horizon`,
  });

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const band = { mean: z.number(), lower: z.number(), upper: z.number() };

export const trendView = z.object({
  series: z.enum(TREND_SERIES),
  siteId: z.string().uuid().nullable(),
  from: date,
  to: date,
  /** The interval's level (0.95: a 95% prediction interval). */
  level: z.number(),
  actual: z.array(z.object({ date, count: z.number().int() })),
  /** The last `horizon` days against the forecast made the day before them; `outside` flags a day that left it. */
  recent: z.array(z.object({ date, count: z.number().int(), ...band, outside: z.boolean() })),
  /** The next `horizon` days. */
  forecast: z.array(z.object({ date, ...band })),
  /** Rolling forecasts of a week from origins a week apart: the share of days inside their interval. */
  backtest: z.object({ coverage: z.number().nullable(), points: z.number().int() }),
  weights: z.object({ alpha: z.number(), beta: z.number(), gamma: z.number() }),
});
export type TrendView = z.infer<typeof trendView>;

// ---- One sensor's hourly means (from the per-hour roll-ups), with a forecast of the day

/** Hours in the sensor series' season: readings follow the day. */
export const SENSOR_TREND_SEASON = 24;

export const sensorTrendQuery = z.object({
  /** Days of hourly means to fit, ending with the last full hour before `to`. */
  days: z.coerce.number().int().min(7).max(56).default(28),
  /** Hours to forecast, and the recent hours held out to compare with their forecast. */
  horizon: z.coerce.number().int().min(24).max(48).default(24),
  /** The end of the window (default now): the hour that holds it is not yet full and is left out. */
  to: z.string().datetime({ offset: true }).optional(),
});

const instant = z.string().datetime({ offset: true });

/** Why a sensor's series has no forecast: too few hours with readings in the window to start and judge a fit. */
export const SENSOR_TREND_SHORT = 'too_few_hours' as const;

export const sensorTrendView = z.object({
  sensorId: z.string().uuid(),
  siteId: z.string().uuid(),
  tag: z.string(),
  name: z.string(),
  unit: z.string(),
  /** The first hour of the window and the end of its last hour. */
  from: instant,
  to: instant,
  level: z.number(),
  /**
   * Every hour of the window: the mean of its readings (`value`), or null (a gap: no reading that hour). A gap is not a
   * zero: the fit carries its states over it uncorrected, and it is neither drawn nor judged.
   */
  actual: z.array(z.object({ at: instant, value: z.number().nullable(), count: z.number().int() })),
  /** Hours in the window without readings. */
  gaps: z.number().int(),
  /** Null when the window has too few hours with readings to fit (then no forecast, no recent hours, no backtest). */
  unfitted: z.literal(SENSOR_TREND_SHORT).nullable(),
  /** The last `horizon` hours against the forecast made before them; `outside` is null for a gap. */
  recent: z.array(
    z.object({ at: instant, value: z.number().nullable(), ...band, outside: z.boolean().nullable() }),
  ),
  /** The next `horizon` hours after the window. */
  forecast: z.array(z.object({ at: instant, ...band })),
  /** Day-ahead forecasts from origins a day apart over the window: the share of hours with readings inside their interval. */
  backtest: z.object({ coverage: z.number().nullable(), points: z.number().int() }),
  weights: z.object({ alpha: z.number(), beta: z.number(), gamma: z.number() }).nullable(),
});
export type SensorTrendView = z.infer<typeof sensorTrendView>;
