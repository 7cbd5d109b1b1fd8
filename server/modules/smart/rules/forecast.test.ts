import { describe, expect, it } from 'vitest';
import {
  backtestCoverage,
  fitSeasonal,
  forecastSeasonal,
  isIntermittent,
  outside,
  runSeasonal,
  type SmoothingParams,
  varianceFactor,
  zFor,
} from './forecast.ts';

/** A small deterministic generator (mulberry32) and standard normal draws (Box–Muller). */
function normals(seed: number) {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** Draws a series from ETS(A,A,A) itself: the states move by shares of each step's error. */
function simulate(n: number, period: number, params: SmoothingParams, sigma: number, seed: number): number[] {
  const draw = normals(seed);
  let level = 20;
  let trend = 0.02;
  const seasonal = Array.from({ length: period }, (_, i) => 4 * Math.sin((2 * Math.PI * i) / period));
  const y: number[] = [];
  for (let t = 0; t < n; t++) {
    const e = sigma * draw();
    const s = seasonal.shift() as number;
    y.push(level + trend + s + e);
    level = level + trend + params.alpha * e;
    trend = trend + params.beta * e;
    seasonal.push(s + params.gamma * e);
  }
  return y;
}

describe('additive Holt-Winters (ETS(A,A,A))', () => {
  it('continues a series of exact trend and weekly pattern without error and with no spread', () => {
    const week = [3, -1, -2, 0, 1, 4, -5];
    const y = Array.from({ length: 8 * 7 }, (_, t) => 10 + 0.5 * t + week[t % 7]);
    const fit = fitSeasonal(y, 7);
    expect(fit.sigma2).toBeCloseTo(0, 10);
    const next = forecastSeasonal(fit, 10);
    next.forEach((p, i) => {
      const t = y.length + i;
      expect(p.mean).toBeCloseTo(10 + 0.5 * t + week[t % 7], 9);
      expect(p.upper - p.lower).toBeCloseTo(0, 6);
    });
  });

  it('widens the interval as Hyndman et al. give for ETS(A,A,A) (FPP3 §8.7, forecast variance table)', () => {
    // Closed form: σ_h² = σ²[1 + (h−1){α² + αβh + β²h(2h−1)/6} + γk{2α + γ + βm(k+1)}], k = ⌊(h−1)/m⌋.
    const params = { alpha: 0.3, beta: 0.05, gamma: 0.1 };
    for (const m of [4, 7, 12])
      for (const h of [1, 2, 5, 7, 8, 13, 25]) {
        const { alpha: a, beta: b, gamma: g } = params;
        const k = Math.floor((h - 1) / m);
        const closed =
          1 +
          (h - 1) * (a * a + a * b * h + (b * b * h * (2 * h - 1)) / 6) +
          g * k * (2 * a + g + b * m * (k + 1));
        expect(varianceFactor(params, m, h)).toBeCloseTo(closed, 12);
      }
    expect(varianceFactor(params, 7, 1)).toBe(1);
  });

  it('takes the normal quantiles of the usual interval levels and refuses others', () => {
    expect(zFor(0.95)).toBeCloseTo(1.959964, 6);
    expect(zFor(0.8)).toBeCloseTo(1.281552, 6);
    expect(() => zFor(0.97)).toThrow(/0.97/);
  });

  it('covers about 95% of what a series drawn from the model does next, one to seven days ahead', () => {
    // Rolling origins over series drawn from the model: a 95% interval should hold 90–99% of the outcomes.
    let inside = 0;
    let total = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const y = simulate(260, 7, { alpha: 0.2, beta: 0.01, gamma: 0.1 }, 1.5, seed);
      for (let origin = 120; origin + 7 <= y.length; origin += 20) {
        const fit = fitSeasonal(y.slice(0, origin), 7);
        const points = forecastSeasonal(fit, 7);
        points.forEach((p, i) => {
          total++;
          if (!outside(p, y[origin + i])) inside++;
        });
      }
    }
    expect(total).toBeGreaterThan(400);
    const coverage = inside / total;
    expect(coverage).toBeGreaterThanOrEqual(0.9);
    expect(coverage).toBeLessThanOrEqual(0.99);
  });

  it('recovers weights near those that drew the series', () => {
    const y = simulate(600, 7, { alpha: 0.5, beta: 0, gamma: 0.05 }, 1, 99);
    const fit = fitSeasonal(y, 7);
    expect(fit.params.alpha).toBeGreaterThanOrEqual(0.3);
    expect(fit.params.alpha).toBeLessThanOrEqual(0.7);
    expect(Math.sqrt(fit.sigma2)).toBeGreaterThan(0.85);
    expect(Math.sqrt(fit.sigma2)).toBeLessThan(1.15);
  });

  it('keeps a count’s interval at or above zero when asked, and flags values outside it', () => {
    const y = Array.from({ length: 60 }, (_, t) => (t % 7 === 0 ? 3 : t % 3));
    const [first] = forecastSeasonal(fitSeasonal(y, 7), 1, { floor: 0 });
    expect(first.lower).toBeGreaterThanOrEqual(0);
    expect(outside(first, first.upper + 0.01)).toBe(true);
    expect(outside(first, first.mean)).toBe(false);
  });

  it('keeps a trend only where it earns its place: a burst at the end of a quiet series is not carried on', () => {
    const quiet = Array.from({ length: 365 }, (_, t) => (t === 358 ? 2 : t === 362 ? 1 : 0));
    const fit = fitSeasonal(quiet, 7);
    expect(fit.model).toBe('none');
    const ahead = forecastSeasonal(fit, 28, { floor: 0 });
    expect(Math.max(...ahead.map((p) => p.mean))).toBeLessThan(1);
    // Events in the last days of a quiet year (the demo's alarms): the level rises a little, no trend follows.
    // With its trend, a year of zeros ending 2, 0, 2 was forecast at 8.7 a day four weeks on.
    for (const burst of [
      [358, 362],
      [362, 364],
    ]) {
      const sparse = Array.from({ length: 365 }, (_, t) => (burst.includes(t) ? 2 : 0));
      expect(isIntermittent(sparse)).toBe(true);
      const sparseFit = fitSeasonal(sparse, 7);
      expect(sparseFit.model).toBe('none');
      const later = forecastSeasonal(sparseFit, 28, { floor: 0 });
      expect(Math.max(...later.map((p) => p.mean))).toBeLessThan(2);
    }
    // A series that does rise keeps its trend.
    const rising = Array.from(
      { length: 120 },
      (_, t) => 5 + 0.2 * t + (t % 7 === 0 ? 2 : 0) + ((t * 37) % 5) / 10,
    );
    expect(fitSeasonal(rising, 7).model).toBe('trend');
  });

  it('refuses a series too short to start the states', () => {
    expect(() =>
      runSeasonal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], 7, { alpha: 0.5, beta: 0, gamma: 0 }),
    ).toThrow(/at least 16 observations/);
  });

  it('carries the states over a gap without correcting them, and never reads the gap as zero', () => {
    const day = Array.from({ length: 24 }, (_, h) => 5 * Math.sin((2 * Math.PI * h) / 24));
    const whole = Array.from({ length: 24 * 10 }, (_, t) => 20 + day[t % 24]);
    // A day and a half without readings in the middle, and a few hours at the start of the second day.
    const gapped = whole.map((v, t) => ((t >= 100 && t < 136) || (t >= 26 && t < 30) ? null : v));
    const fit = fitSeasonal(gapped, 24);
    expect(fit.sigma2).toBeCloseTo(0, 10);
    expect(fit.errors).toBe(whole.length - 48 - 36);
    forecastSeasonal(fit, 24).forEach((p, i) => {
      expect(p.mean).toBeCloseTo(20 + day[i % 24], 9);
    });
    // The same hours as zeros would be errors of about 20.
    const zeros = whole.map((v, t) => (t >= 100 && t < 136 ? 0 : v));
    expect(fitSeasonal(zeros, 24).sigma2).toBeGreaterThan(1);
  });

  it('scales an error after a gap to one step, and widens forecasts from a series that ends in a gap', () => {
    const params = { alpha: 0.3, beta: 0, gamma: 0.1 };
    const y = simulate(24 * 8, 24, params, 1, 7);
    const full = runSeasonal(y, 24, params, 'none');
    expect(full.trailingGap).toBe(0);
    const ended = runSeasonal([...y, null, null, null], 24, params, 'none');
    expect(ended.trailingGap).toBe(3);
    const [next] = forecastSeasonal(ended, 1);
    const [fromFull] = forecastSeasonal(full, 4);
    const last = forecastSeasonal(full, 4)[3];
    // Four steps after the last observation, whichever way it is reached.
    expect(next.mean).toBeCloseTo(last.mean, 9);
    expect(next.upper - next.lower).toBeCloseTo(last.upper - last.lower, 9);
    expect(next.upper - next.lower).toBeGreaterThan(fromFull.upper - fromFull.lower);
    // The value after a missing one is still an error of the fit (a two-step one).
    const withGap = [...y.slice(0, 100), null, ...y.slice(101)];
    const fit = runSeasonal(withGap, 24, params, 'none');
    expect(fit.errors).toBe(y.length - 48 - 1);
  });

  it('judges no missing outcome in a backtest', () => {
    const y = simulate(24 * 14, 24, { alpha: 0.1, beta: 0, gamma: 0.05 }, 1, 3);
    const all = backtestCoverage(y, 24, { origins: 10, horizon: 24 });
    const gapped = y.map((v, t) => (t % 24 === 5 ? null : v));
    const some = backtestCoverage(gapped, 24, { origins: 10, horizon: 24 });
    expect(all.points).toBe(240);
    expect(some.points).toBe(230);
  });
});
