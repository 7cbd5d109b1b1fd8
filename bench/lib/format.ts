import type { LoadFigures } from './load.ts';

/** How the results' markdown writes figures. */

/** A latency figure; a run in which no request finished within its window shows as "> window". */
export const lat = (f: LoadFigures | undefined, key: 'p50' | 'p99') =>
  f && f.requests === 0 ? `> ${f.seconds} s` : ms(f?.[key]);
/** Requests per second, from the run's own count and window (one decimal under 10). */
export const rate = (f: LoadFigures | undefined) => {
  if (!f) return '—';
  const v = f.seconds ? f.requests / f.seconds : f.rps;
  return v < 10 ? v.toFixed(1) : num(Math.round(v));
};
export const ms = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? '—' : `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`;
export const num = (v: number) => v.toLocaleString('en-US');
export const pct = (v: number) => `${Math.round(v * 100)}%`;
