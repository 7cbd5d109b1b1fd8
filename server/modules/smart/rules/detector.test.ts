import { describe, expect, it } from 'vitest';
import { createAnomalyDetector, createLagged, outsideRange } from './detector.ts';
import { SortedWindow } from './sorted-window.ts';

const MINUTE = 60_000;
/** A day of readings every 5 minutes, a sine of the hour of day with a little deterministic ripple. */
const dailyWave = (i: number) => 50 + 20 * Math.sin((2 * Math.PI * i) / 288) + ((i * 7919) % 13) / 13;

function judgeAll(values: number[], config: Parameters<typeof createAnomalyDetector>[0] = {}) {
  const detector = createAnomalyDetector(config);
  return values.map((v, i) => detector.judge(v, Date.UTC(2024, 0, 1) + i * 5 * MINUTE));
}

describe('sorted window', () => {
  it('keeps the last values sorted and forgets the oldest', () => {
    const w = new SortedWindow(3);
    for (const v of [5, 1, 9, 3]) w.push(v);
    expect(w.length).toBe(3);
    expect([w.quantile(0), w.quantile(0.5), w.quantile(1)]).toEqual([1, 3, 9]);
    w.push(0);
    expect([w.quantile(0), w.quantile(1)]).toEqual([0, 9]);
    w.push(4);
    w.push(4);
    expect([w.quantile(0), w.quantile(0.5), w.quantile(1)]).toEqual([0, 4, 4]);
  });
});

describe('surprise of a view', () => {
  it('is 0 inside the range seen and counts widths of that range outside it', () => {
    const w = new SortedWindow(10);
    for (const v of [10, 12, 14, 20]) w.push(v);
    expect(outsideRange(w, 15, 1e-9)).toBe(0);
    expect(outsideRange(w, 25, 1e-9)).toBe(0.5);
    expect(outsideRange(w, 0, 1e-9)).toBe(1);
    // Until a view has seen enough, it says nothing.
    expect(outsideRange(w, 100, 1e-9, 5)).toBe(0);
  });
});

describe('the reading a day before', () => {
  const DAY = 86_400_000;

  it('holds about a day of minutes for a sensor read every second, and finds the same time yesterday', () => {
    const lagged = createLagged(DAY);
    const start = Date.UTC(2024, 0, 1);
    // Three days of a reading a second, each reading's value its second since the start.
    let found = 0;
    let wrong = 0;
    let mostHeld = 0;
    for (let second = 0; second < 3 * 86_400; second++) {
      const time = start + second * 1000;
      const before = lagged.lookUp(time);
      // From the second day: yesterday's reading kept for that minute, at the same time or less than a minute
      // after it. (On the first day, a reading up to a quarter of an hour after may stand in, as always.)
      const lag = second - before - 86_400;
      if (second >= 86_400) {
        if (Number.isNaN(lag) || lag > 0 || lag <= -60) wrong++;
        else found++;
      }
      lagged.remember(time, second);
      mostHeld = Math.max(mostHeld, lagged.held);
    }
    expect(wrong).toBe(0);
    expect(found).toBe(2 * 86_400);
    // A day of minutes and the quarter of an hour either side that "the same time" allows.
    expect(mostHeld).toBeLessThanOrEqual(1_440 + 16);
    expect(mostHeld).toBeGreaterThanOrEqual(1_440);
  });

  it('keeps every reading of a series read every five minutes', () => {
    const lagged = createLagged(DAY);
    const start = Date.UTC(2024, 1, 28);
    for (let i = 0; i < 288 * 2; i++) {
      const time = start + i * 5 * MINUTE;
      if (i >= 288) expect(lagged.lookUp(time)).toBe(i - 288);
      lagged.remember(time, i);
    }
    expect(lagged.held).toBeGreaterThanOrEqual(288);
  });
});

describe('streaming anomaly detector', () => {
  it('stays quiet on a regular daily pattern it has seen', () => {
    const scores = judgeAll(Array.from({ length: 288 * 6 }, (_, i) => dailyWave(i)));
    expect(Math.max(...scores.slice(288 * 2))).toBeLessThan(0.1);
  });

  it('scores a spike high on its own reading, and a new spike soon after lower', () => {
    const values = Array.from({ length: 288 * 4 }, (_, i) => dailyWave(i));
    values[900] = 150;
    values[960] = 150;
    const scores = judgeAll(values);
    expect(scores[900]).toBeGreaterThan(0.9);
    expect(Math.max(...scores.slice(288 * 2, 900))).toBeLessThan(0.1);
    // Within the re-arm period after the first alarm, the second spike is damped.
    expect(scores[960]).toBeLessThan(scores[900]);
    expect(scores[960]).toBeLessThanOrEqual(0.5);
  });

  it('notices a shift of the level that stays inside the range of single readings, from the recent mean', () => {
    const noise = (i: number) => (((i * 7919) % 13) / 12 - 0.5) * 20; // −10..+10
    const values = Array.from({ length: 1500 }, (_, i) => (i < 1200 ? 50 + noise(i) : 55 + noise(i) / 2));
    const scores = judgeAll(values);
    expect(Math.max(...values.slice(1200))).toBeLessThanOrEqual(Math.max(...values.slice(0, 1200)));
    expect(Math.max(...scores.slice(400, 1200))).toBeLessThan(0.5);
    expect(Math.max(...scores.slice(1200))).toBeGreaterThan(0.5);
    // Without the recent mean (a "mean" of one reading), the other views see nothing new.
    expect(Math.max(...judgeAll(values, { levelSpan: 1 }).slice(1200))).toBeLessThan(0.5);
  });

  it('notices a daily pattern that goes flat, from the same time a day before', () => {
    const values = Array.from({ length: 288 * 5 }, (_, i) => (i >= 288 * 4 ? 50 : dailyWave(i)));
    const scores = judgeAll(values);
    expect(Math.max(...scores.slice(288 * 2, 288 * 4))).toBeLessThan(0.1);
    expect(Math.max(...scores.slice(288 * 4))).toBeGreaterThan(0.5);
  });

  it('judges a reading from the past only: the same history gives the same score whatever follows', () => {
    const values = Array.from({ length: 800 }, (_, i) => dailyWave(i));
    const a = judgeAll(values);
    const b = judgeAll([...values.slice(0, 500), ...values.slice(500).map((v) => v * 3)]);
    expect(b.slice(0, 500)).toEqual(a.slice(0, 500));
    expect(b.slice(500)).not.toEqual(a.slice(500));
  });

  it('says nothing while it learns, even about a wild first reading', () => {
    const scores = judgeAll([1000, ...Array.from({ length: 100 }, (_, i) => dailyWave(i))]);
    expect(scores.every((s) => s === 0)).toBe(true);
  });
});
