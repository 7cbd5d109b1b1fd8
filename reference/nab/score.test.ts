// The scorer against NAB's own published figures (NAB v1.1, github.com/numenta/NAB, results/): the windowed
// Gaussian detector's recorded anomaly scores, scored here at NAB's thresholds, give NAB's per-file scores, row
// rewards and counts, and 21.9 normalised on these 35 files; the null detector gives NAB's null scores.
import { describe, expect, it } from 'vitest';
import { loadNabCorpus, loadNabProfiles, loadPublishedScores, loadRecordedOutput } from './corpus.ts';
import {
  normalisedScore,
  optimalThreshold,
  PROBATION,
  PROFILE_NAMES,
  probationLength,
  rowContributions,
  scaledSigmoid,
  scoreAtThreshold,
  scoresByThreshold,
  sweepFile,
} from './score.ts';

const corpus = loadNabCorpus();
const profiles = loadNabProfiles();
const windowCount = corpus.reduce((n, s) => n + s.windows.length, 0);
const recorded = new Map(corpus.map((s) => [s.file, loadRecordedOutput('windowedGaussian', s.file)]));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('NAB scoring rules', () => {
  it('scales the sigmoid as NAB documents it', () => {
    expect(scaledSigmoid(-1)).toBeCloseTo(0.98661, 5);
    expect(scaledSigmoid(-0.5)).toBeCloseTo(0.84828, 5);
    expect(scaledSigmoid(0)).toBe(0);
    expect(scaledSigmoid(1)).toBeCloseTo(-0.98661, 5);
    expect(scaledSigmoid(3)).toBe(-1);
  });

  it('puts 15% of the rows, at most 750, in the probation period', () => {
    expect(probationLength(4032)).toBe(604);
    expect(probationLength(22695)).toBe(750);
  });

  it('counts only the earliest detection in a window and penalises a false positive by its distance', () => {
    const cost = profiles.standard;
    const t = Array.from({ length: 40 }, (_, i) => i);
    const scores = new Array(40).fill(0);
    const file = (s: number[]) => sweepFile(t, s, [[20, 29]], cost);
    // The probation period is rows 0–5; rows 20–29 are the window.
    const early = [...scores];
    early[20] = 1;
    early[25] = 1;
    const late = [...scores];
    late[28] = 1;
    const [earlyScore, lateScore] = [early, late].map((s) => scoreAtThreshold(file(s), 1, 0.5).score);
    expect(earlyScore).toBeCloseTo(1, 10);
    expect(lateScore).toBeGreaterThan(0);
    expect(lateScore).toBeLessThan(earlyScore / 2);
    const falsePositive = [...scores];
    falsePositive[10] = 1; // before any window: −fpWeight
    falsePositive[31] = 1; // just after it: nearly free
    const fp = scoreAtThreshold(file(falsePositive), 1, 0.5);
    expect(fp.fp).toBe(2);
    expect(fp.score).toBeCloseTo(-1 - 0.11 + 0.11 * scaledSigmoid(2 / 9), 10);
    expect(file(scores).window[0]).toBe(PROBATION);
  });

  it('chooses the threshold that scores best across the files', () => {
    const t = Array.from({ length: 40 }, (_, i) => i);
    const scores = Array.from({ length: 40 }, (_, i) =>
      i === 21 ? 0.9 : i === 35 ? 0.95 : i % 7 === 0 ? 0.5 : 0.1,
    );
    const file = sweepFile(t, scores, [[20, 29]], profiles.standard);
    const best = optimalThreshold([file], 1);
    expect(best.threshold).toBe(0.9);
    expect(best.tp).toBe(1);
    expect(best.fp).toBe(1);
    expect(scoresByThreshold([file], 1)[0]).toMatchObject({ threshold: 1.1, score: -1, tp: 0 });
  });
});

describe.each(PROFILE_NAMES)('NAB results reproduced, %s profile', (profile) => {
  const cost = profiles[profile];
  const published = loadPublishedScores('windowedGaussian', profile);
  const published0 = loadPublishedScores('null', profile);

  it('has NAB’s 35 files and 55 windows', () => {
    expect(corpus).toHaveLength(35);
    expect(windowCount).toBe(55);
    expect(published.map((p) => p.file).sort()).toEqual(corpus.map((s) => s.file));
  });

  it('gives each row of the windowed Gaussian output NAB’s share of the score', () => {
    let nonZero = 0;
    for (const p of published) {
      const series = corpus.find((s) => s.file === p.file);
      const out = recorded.get(p.file);
      if (!series || !out) throw new Error(`missing ${p.file}`);
      const swept = sweepFile(out.timestamps, out.anomalyScores, series.windows, cost);
      const mine = rowContributions(swept, cost.fnWeight, p.threshold);
      const expected = out.rewards[profile];
      for (let i = 0; i < expected.length; i++) {
        if (Math.abs(mine[i] - expected[i]) > 1e-9)
          expect({ file: p.file, row: i, share: mine[i] }).toBe(expected[i]);
        if (expected[i] !== 0) nonZero++;
      }
    }
    expect(nonZero).toBeGreaterThan(55);
  });

  it('gives the windowed Gaussian detector NAB’s score and counts on every file', () => {
    for (const p of published) {
      const series = corpus.find((s) => s.file === p.file);
      const out = recorded.get(p.file);
      if (!series || !out) throw new Error(`missing ${p.file}`);
      const swept = sweepFile(out.timestamps, out.anomalyScores, series.windows, cost);
      const mine = scoreAtThreshold(swept, cost.fnWeight, p.threshold);
      expect({ file: p.file, score: mine.score }).toEqual({
        file: p.file,
        score: expect.closeTo(p.score, 9),
      });
      expect([mine.tp, mine.tn, mine.fp, mine.fn]).toEqual([p.tp, p.tn, p.fp, p.fn]);
      expect(out.anomalyScores.length).toBe(p.total);
    }
  });

  it('gives the null detector NAB’s score on every file', () => {
    for (const p of published0) {
      const series = corpus.find((s) => s.file === p.file);
      if (!series) throw new Error(`missing ${p.file}`);
      // NAB's null detector answers 0.5 for every row.
      const swept = sweepFile(
        series.timestamps,
        new Array(series.timestamps.length).fill(0.5),
        series.windows,
        cost,
      );
      expect(scoreAtThreshold(swept, cost.fnWeight, p.threshold).score).toBeCloseTo(p.score, 9);
    }
  });
});

describe('NAB normalised scores on the 35 files', () => {
  const normalised = (detector: string) => {
    const nullScore = sum(loadPublishedScores('null', 'standard').map((p) => p.score));
    const score = sum(loadPublishedScores(detector, 'standard').map((p) => p.score));
    return normalisedScore({ score, nullScore, windowCount, tpWeight: 1 });
  };

  it('reproduces 21.9 for the windowed Gaussian detector from its recorded output', () => {
    const cost = profiles.standard;
    const published = loadPublishedScores('windowedGaussian', 'standard');
    const mine = corpus.map((series) => {
      const out = recorded.get(series.file) as ReturnType<typeof loadRecordedOutput>;
      const threshold = (published.find((p) => p.file === series.file) as { threshold: number }).threshold;
      return scoreAtThreshold(
        sweepFile(out.timestamps, out.anomalyScores, series.windows, cost),
        1,
        threshold,
      ).score;
    });
    const nulls = corpus.map(
      (s) =>
        scoreAtThreshold(
          sweepFile(s.timestamps, new Array(s.timestamps.length).fill(0), s.windows, cost),
          1,
          1,
        ).score,
    );
    const score = normalisedScore({ score: sum(mine), nullScore: sum(nulls), windowCount, tpWeight: 1 });
    expect(score.toFixed(1)).toBe('21.9');
    expect(normalised('windowedGaussian')).toBeCloseTo(score, 9);
  });

  it('gives ARTime 67.5 and Numenta HTM 66.5 from their published per-file scores', () => {
    expect(normalised('ARTime').toFixed(1)).toBe('67.5');
    expect(normalised('numenta').toFixed(1)).toBe('66.5');
  });
});
