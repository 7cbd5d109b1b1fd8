/**
 * Additive Holt-Winters forecasting as the ETS(A,A,A) state-space model (Hyndman, Koehler, Ord & Snyder,
 * "Forecasting with Exponential Smoothing", 2008, ch. 2 and 6; Hyndman & Athanasopoulos, "Forecasting:
 * Principles and Practice", 3rd ed., §8.3 and §8.7): a level, a trend and a seasonal pattern of `period`
 * steps, each corrected by a share of the one-step error e_t:
 *   ℓ_t = ℓ_{t−1} + b_{t−1} + α·e_t,  b_t = b_{t−1} + β·e_t,  s_t = s_{t−m} + γ·e_t,
 *   ŷ_{t+h|t} = ℓ_t + h·b_t + s_{t+h−m(k+1)}, k = ⌊(h−1)/m⌋.
 * The h-step forecast error is e_{n+h} + Σ_{j=1}^{h−1} c_j·e_{n+h−j} with c_j = α + β·j + γ·[j mod m = 0], so its
 * variance is σ²·(1 + Σ c_j²) and the interval is the forecast ± z·σ_h (errors taken as normal).
 */
export type SmoothingParams = { alpha: number; beta: number; gamma: number };

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
export function runSeasonal(y: readonly number[], period: number, params: SmoothingParams): SeasonalFit {
  const m = period;
  if (!Number.isInteger(m) || m < 2) throw new RangeError('the period must be a whole number of at least 2');
  if (y.length < 2 * m + 2)
    throw new RangeError(`at least ${2 * m + 2} observations are needed for a period of ${m}`);
  const { alpha, beta, gamma } = params;
  const mean = (from: number) => y.slice(from, from + m).reduce((a, b) => a + b, 0) / m;
  const first = mean(0);
  let level = first;
  let trend = (mean(m) - first) / m;
  // The first period's mean stands at its middle step, (m − 1) / 2: the level at step m − 1 is that mean plus
  // the trend of the half period after it, and each seasonal state is its step's distance from the trend line.
  level = first + trend * ((m - 1) / 2);
  // seasonal[i] is the state of step t − m + i as the loop reaches t; the start covers steps 0..m−1.
  const seasonal = y.slice(0, m).map((v, i) => v - (first + trend * (i - (m - 1) / 2)));
  const fitted: (number | null)[] = new Array(y.length).fill(null);
  let squares = 0;
  let counted = 0;
  for (let t = m; t < y.length; t++) {
    const s = seasonal[0];
    const forecast = level + trend + s;
    const error = y[t] - forecast;
    if (t >= 2 * m) {
      fitted[t] = forecast;
      squares += error * error;
      counted++;
    }
    level = level + trend + alpha * error;
    trend = trend + beta * error;
    seasonal.shift();
    seasonal.push(s + gamma * error);
  }
  const freedom = Math.max(1, counted - 3);
  return { params, period: m, level, trend, seasonal, sigma2: squares / freedom, fitted };
}

/** Fits the weights that give the smallest one-step squared errors, from a fixed grid (the same for every series). */
export function fitSeasonal(y: readonly number[], period: number): SeasonalFit {
  let best: SeasonalFit | null = null;
  for (const alpha of ALPHAS)
    for (const beta of BETAS) {
      if (beta > alpha) continue;
      for (const gamma of GAMMAS) {
        if (gamma > 1 - alpha) continue;
        const fit = runSeasonal(y, period, { alpha, beta, gamma });
        if (best === null || fit.sigma2 < best.sigma2) best = fit;
      }
    }
  return best as SeasonalFit;
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
    const spread = z * Math.sqrt(fit.sigma2 * varianceFactor(fit.params, m, h));
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
