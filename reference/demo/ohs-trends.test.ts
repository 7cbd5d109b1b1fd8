import { describe, expect, it } from 'vitest';
import { backtestCoverage } from '../../server/modules/smart/rules/forecast.ts';
import { generateDemoDataset } from './generate.ts';
import { generateOhsDataset } from './ohs.ts';

const CLOCK = '2026-12-01';
const DAY_MS = 86_400_000;

/**
 * The trends page's forecast on the demo's own series: the group's daily near misses and injuries of the last
 * two years (the full demo, as `npm start` loads it), backtested over the last half year as the page does, hold
 * 90–99% of their days inside the 95% interval.
 */
describe('the demo’s daily OHS series under the trends forecast', () => {
  const base = generateDemoDataset({ clock: CLOCK, scale: 1 });
  const ohs = generateOhsDataset(base);
  const last = Date.parse(`${CLOCK}T00:00:00Z`) - DAY_MS;
  const days = Array.from({ length: 730 }, (_, i) =>
    new Date(last - (729 - i) * DAY_MS).toISOString().slice(0, 10),
  );
  const daily = (kind: string) => {
    const counts = new Map<string, number>();
    for (const i of ohs.incidents)
      if (i.kind === kind) counts.set(i.occurred_on, (counts.get(i.occurred_on) ?? 0) + 1);
    return days.map((d) => counts.get(d) ?? 0);
  };

  for (const kind of ['near_miss', 'injury']) {
    it(`covers 90–99% of the ${kind.replace('_', ' ')} days a week ahead`, () => {
      const series = daily(kind);
      expect(series.reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
      const { coverage, points } = backtestCoverage(series, 7, { origins: 26, horizon: 7, floor: 0 });
      expect(points).toBe(182);
      expect(coverage).toBeGreaterThanOrEqual(0.9);
      expect(coverage).toBeLessThanOrEqual(0.99);
    });
  }
});
