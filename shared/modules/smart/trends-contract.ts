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
