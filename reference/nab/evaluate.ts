// A streaming detector run over NAB's series and scored as NAB scores a detector: one threshold per profile,
// chosen over all the files, then each profile normalised against the null detector (no detection).
import type { NabSeries } from './corpus.ts';
import {
  type CostMatrix,
  normalisedScore,
  optimalThreshold,
  PROFILE_NAMES,
  type ProfileName,
  scoreAtThreshold,
  sweepFile,
} from './score.ts';

/** Judges each reading of one series in order, using only the readings before it; answers 0..1. */
export type StreamingJudge = (value: number, time: number) => number;

export type ProfileResult = {
  profile: ProfileName;
  threshold: number;
  score: number;
  nullScore: number;
  normalised: number;
  perFile: { file: string; score: number; tp: number; fp: number }[];
};

export type DetectorRun = { anomalyScores: Float64Array[]; readings: number; milliseconds: number };

/** Runs a fresh detector over every series: the anomaly scores and the time spent judging. */
export function runDetector(corpus: readonly NabSeries[], createJudge: () => StreamingJudge): DetectorRun {
  let readings = 0;
  const started = performance.now();
  const anomalyScores = corpus.map((series) => {
    const judge = createJudge();
    const out = new Float64Array(series.values.length);
    for (let i = 0; i < out.length; i++) out[i] = judge(series.values[i], series.timestamps[i]);
    readings += out.length;
    return out;
  });
  return { anomalyScores, readings, milliseconds: performance.now() - started };
}

/** NAB's three profile scores of a detector's output over the corpus. */
export function scoreOutputs(
  corpus: readonly NabSeries[],
  anomalyScores: readonly ArrayLike<number>[],
  profiles: Record<ProfileName, CostMatrix>,
): ProfileResult[] {
  const windowCount = corpus.reduce((n, s) => n + s.windows.length, 0);
  return PROFILE_NAMES.map((profile) => {
    const cost = profiles[profile];
    const swept = corpus.map((s, i) => sweepFile(s.timestamps, anomalyScores[i], s.windows, cost));
    const { threshold } = optimalThreshold(swept, cost.fnWeight);
    const perFile = swept.map((f, i) => {
      const r = scoreAtThreshold(f, cost.fnWeight, threshold);
      return { file: corpus[i].file, score: r.score, tp: r.tp, fp: r.fp };
    });
    // The null detector: nothing ever detected, so every scored window is missed.
    const nullScore = swept.reduce((sum, f) => sum + scoreAtThreshold(f, cost.fnWeight, 2).score, 0);
    const score = perFile.reduce((sum, f) => sum + f.score, 0);
    return {
      profile,
      threshold,
      score,
      nullScore,
      normalised: normalisedScore({ score, nullScore, windowCount, tpWeight: cost.tpWeight }),
      perFile,
    };
  });
}
