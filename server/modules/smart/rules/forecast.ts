/**
 * Additive Holt-Winters forecasting as the ETS(A,A,A) state-space model (Hyndman, Koehler, Ord & Snyder,
 * "Forecasting with Exponential Smoothing", 2008, ch. 2 and 6; Hyndman & Athanasopoulos, "Forecasting:
 * Principles and Practice", 3rd ed., §8.3 and §8.7): a level, a trend and a seasonal pattern of `period`
 * steps, each corrected by a share of the one-step error e_t:
 *   ℓ_t = ℓ_{t−1} + b_{t−1} + α·e_t,  b_t = b_{t−1} + β·e_t,  s_t = s_{t−m} + γ·e_t,
 *   ŷ_{t+h|t} = ℓ_t + h·b_t + s_{t+h−m(k+1)}, k = ⌊(h−1)/m⌋.
 * The h-step forecast error is e_{n+h} + Σ_{j=1}^{h−1} c_j·e_{n+h−j} with c_j = α + β·j + γ·[j mod m = 0], so its
 * variance is σ²·(1 + Σ c_j²) and the interval is the forecast ± z·σ_h (errors taken as normal).
 *
 * A missing observation (null: a gap, never a zero) corrects nothing: the states move on by the model alone
 * (e_t taken as 0), as for a forecast made before the gap. The first observation after k missing steps is then a
 * (k+1)-step forecast's outcome, so its error enters σ² divided by that forecast's variance factor, and a forecast
 * from a series that ends in a gap is that many steps further from its last observation.
 */
export type SmoothingParams = { alpha: number; beta: number; gamma: number };

/** With a trend, ETS(A,A,A); without, ETS(A,N,A): the level does not drift (β and the trend are 0). */
export type TrendModel = 'trend' | 'none';

export type SeasonalFit = {
  params: SmoothingParams;
  period: number;
  /** The states after the last observation. */
  level: number;
  trend: number;
  /** The last `period` seasonal states, oldest first: seasonal[i] belongs to step n − period + i. */
  seasonal: number[];
  /** One-step errors' variance: the sum of squared errors over the observations after the first two periods, per degree of freedom. */
  sigma2: number;
  /** One-step forecasts of each observation (the first two periods, used to start the states, are null). */
  fitted: (number | null)[];
  model: TrendModel;
  /** Sum of squared one-step errors (each after a gap scaled to one step), and how many errors it sums. */
  sse: number;
  errors: number;
  /** Missing steps at the end of the series: forecasts start that many steps after the last observation. */
  trailingGap: number;
};

export type ForecastPoint = { mean: number; lower: number; upper: number };

/** Smoothing weights tried when none are given: each β and γ no larger than the share α leaves (β ≤ α, γ ≤ 1 − α). */
const ALPHAS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const BETAS = [0, 0.005, 0.01, 0.02, 0.05, 0.1];
const GAMMAS = [0, 0.02, 0.05, 0.1, 0.2, 0.3];

/** Two-sided normal quantiles of the interval levels offered. */
const Z: Record<string, number> = {
  '0.8': 1.2815515655446004,
  '0.9': 1.6448536269514722,
  '0.95': 1.959963984540054,
  '0.99': 2.5758293035489004,
};

/** The normal quantile for a central interval of `level` (0.8, 0.9, 0.95 or 0.99). */
export function zFor(level: number): number {
  const z = Z[String(level)];
  if (z === undefined) throw new RangeError(`no interval level ${level}: use 0.8, 0.9, 0.95 or 0.99`);
  return z;
}

/**
 * Runs the model over `y` with the given weights. The states start from the first two periods (the classical
 * start: the trend is the change of the mean between the two periods over m, the level and the seasonal
 * states follow from the first period's mean), and the errors counted are those after the two periods.
 */
export function runSeasonal(
  y: readonly (number | null)[],
  period: number,
  params: SmoothingParams,
  model: TrendModel = 'trend',
): SeasonalFit {
  const m = period;
  if (!Number.isInteger(m) || m < 2) throw new RangeError('the period must be a whole number of at least 2');
  if (y.length < 2 * m + 2)
    throw new RangeError(`at least ${2 * m + 2} observations are needed for a period of ${m}`);
  const { alpha, gamma } = params;
  const beta = model === 'trend' ? params.beta : 0;
  /** The mean of a period's observations (null when it has none). */
  const mean = (from: number) => {
    const seen = y.slice(from, from + m).filter((v): v is number => v !== null);
    return seen.length ? seen.reduce((a, b) => a + b, 0) / seen.length : null;
  };
  const first = mean(0);
  if (first === null) throw new RangeError('the first period has no observation');
  const second = mean(m);
  let level = first;
  let trend = model === 'trend' && second !== null ? (second - first) / m : 0;
  // The first period's mean stands at its middle step, (m − 1) / 2: the level at step m − 1 is that mean plus
  // the trend of the half period after it, and each seasonal state is its step's distance from the trend line
  // (a step missing in the first period takes the next period's, or none).
  level = first + trend * ((m - 1) / 2);
  // seasonal[i] is the state of step t − m + i as the loop reaches t; the start covers steps 0..m−1.
  const seasonal = y.slice(0, m).map((v, i) => {
    const line = first + trend * (i - (m - 1) / 2);
    if (v !== null) return v - line;
    const next = y[i + m];
    return next === null ? 0 : next - (line + trend * m);
  });
  const fitted: (number | null)[] = new Array(y.length).fill(null);
  let squares = 0;
  let counted = 0;
  // Steps since the last observation (1 when the previous step was observed).
  let since = 1;
  for (let t = m; t < y.length; t++) {
    const s = seasonal[0];
    const forecast = level + trend + s;
    const actual = y[t];
    const error = actual === null ? 0 : actual - forecast;
    if (t >= 2 * m && actual !== null) {
      fitted[t] = forecast;
      squares +=
        since === 1 ? error * error : (error * error) / varianceFactor({ alpha, beta, gamma }, m, since);
      counted++;
    }
    since = actual === null ? since + 1 : 1;
    level = level + trend + alpha * error;
    trend = trend + beta * error;
    seasonal.shift();
    seasonal.push(s + gamma * error);
  }
  const freedom = Math.max(1, counted - 3);
  return {
    params: { alpha, beta, gamma },
    period: m,
    level,
    trend,
    seasonal,
    sigma2: squares / freedom,
    fitted,
    model,
    sse: squares,
    errors: counted,
    trailingGap: since - 1,
  };
}

/** The weights of one model that give the smallest one-step squared errors, from a fixed grid. */
function bestOfGrid(y: readonly (number | null)[], period: number, model: TrendModel): SeasonalFit {
  let best: SeasonalFit | null = null;
  for (const alpha of ALPHAS)
    for (const beta of model === 'trend' ? BETAS : [0]) {
      if (beta > alpha) continue;
      for (const gamma of GAMMAS) {
        if (gamma > 1 - alpha) continue;
        const fit = runSeasonal(y, period, { alpha, beta, gamma }, model);
        if (best === null || fit.sse < best.sse) best = fit;
      }
    }
  return best as SeasonalFit;
}

/**
 * AICc of a fit with additive errors (Hyndman & Athanasopoulos, FPP3 §8.6): n·log(SSE/n) + 2k + 2k(k+1)/(n−k−1),
 * k counting the weights and the starting states (level, trend when there is one, m seasonal states).
 */
export function aicc(fit: SeasonalFit): number {
  const n = fit.errors;
  const k = (fit.model === 'trend' ? 3 + 2 : 2 + 1) + fit.period;
  // An exact fit: any model that reaches it is as good as it gets.
  const sse = Math.max(fit.sse, 1e-12 * n);
  return n * Math.log(sse / n) + 2 * k + (2 * k * (k + 1)) / Math.max(1, n - k - 1);
}

/**
 * Whether most observations are zero, as daily counts of rare events are (intermittent, in the forecasting
 * literature). Croston's method for such series (Croston 1972; Syntetos & Boylan 2005) has no trend, and a
 * likelihood over mostly exact zeros rewards any model that chases the last burst: with a few events in the
 * last days of a year, AICc preferred a trend that foresaw several a day within a month.
 */
export function isIntermittent(y: readonly (number | null)[]): boolean {
  const seen = y.filter((v): v is number => v !== null);
  return seen.filter((v) => v === 0).length * 2 > seen.length;
}

/**
 * Fits the series with and without a trend, each with the weights from one fixed grid (the same for every
 * series), and keeps the one of smaller AICc: a trend must earn its place, or a burst at the end of a quiet
 * series would be carried forward as a rise. An intermittent series (isIntermittent) is fitted without one.
 */
export function fitSeasonal(y: readonly (number | null)[], period: number): SeasonalFit {
  const flat = bestOfGrid(y, period, 'none');
  if (isIntermittent(y)) return flat;
  const trending = bestOfGrid(y, period, 'trend');
  return aicc(trending) < aicc(flat) ? trending : flat;
}

/** σ_h² / σ²: 1 + Σ_{j=1}^{h−1} c_j², c_j = α + β·j + γ·[j mod m = 0]. */
export function varianceFactor(params: SmoothingParams, period: number, h: number): number {
  let factor = 1;
  for (let j = 1; j < h; j++) {
    const c = params.alpha + params.beta * j + (j % period === 0 ? params.gamma : 0);
    factor += c * c;
  }
  return factor;
}

/**
 * Forecasts `horizon` steps after the fit's last observation with a central interval of `level`. `floor`
 * bounds the interval below (a count is never negative); the mean is left as the model gives it.
 */
export function forecastSeasonal(
  fit: SeasonalFit,
  horizon: number,
  options: { level?: number; floor?: number } = {},
): ForecastPoint[] {
  const z = zFor(options.level ?? 0.95);
  const m = fit.period;
  const points: ForecastPoint[] = [];
  for (let h = 1; h <= horizon; h++) {
    const mean = fit.level + h * fit.trend + fit.seasonal[(h - 1) % m];
    const spread = z * Math.sqrt(fit.sigma2 * varianceFactor(fit.params, m, h + fit.trailingGap));
    const lower = mean - spread;
    points.push({
      mean,
      lower: options.floor === undefined ? lower : Math.max(options.floor, lower),
      upper: mean + spread,
    });
  }
  return points;
}

/** Whether an actual value lies outside the forecast's interval. */
export function outside(point: ForecastPoint, actual: number): boolean {
  return actual < point.lower || actual > point.upper;
}

/**
 * Rolling-origin backtest: from each of `origins` origins a `horizon` apart (the last `horizon` steps before the
 * end), fits the series up to the origin and forecasts the next `horizon` steps; returns the share of those
 * outcomes inside their interval (null when no origin has enough history before it) and how many were judged.
 * A missing outcome is not judged, and an origin whose fit saw fewer than a period of one-step errors is skipped.
 */
export function backtestCoverage(
  y: readonly (number | null)[],
  period: number,
  options: { origins: number; horizon: number; level?: number; floor?: number },
): { coverage: number | null; points: number } {
  let inside = 0;
  let points = 0;
  for (let k = options.origins; k >= 1; k--) {
    const origin = y.length - k * options.horizon;
    if (origin < 2 * period + 2 + period) continue;
    const fit = fitSeasonal(y.slice(0, origin), period);
    if (fit.errors < period) continue;
    const ahead = forecastSeasonal(fit, options.horizon, options);
    ahead.forEach((p, i) => {
      const actual = y[origin + i];
      if (actual === null) return;
      points++;
      if (!outside(p, actual)) inside++;
    });
  }
  return { coverage: points ? inside / points : null, points };
}
