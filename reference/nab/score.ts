/**
 * The Numenta Anomaly Benchmark's scoring rules (NAB v1.1, github.com/numenta/NAB, `nab/sweeper.py`,
 * `nab/optimizer.py`, `nab/runner.py`; Lavin and Ahmad, "Evaluating Real-time Anomaly Detection Algorithms –
 * the Numenta Anomaly Benchmark", IEEE ICMLA 2015). Pure: plain values in, plain values out.
 *
 * Each row gets a sweep score once per profile: inside a labelled window, a scaled sigmoid of its position (the
 * window's left edge earns about tpWeight, its right edge about 0); outside, after a window, a negative sigmoid
 * of the distance past that window's right edge in window widths (reaching −fpWeight three widths past it);
 * before any window, −fpWeight. The rows of the probation period (the first 15% of a file, at most 750 rows)
 * are not scored. At a threshold, a file scores Σ over windows of the best detection in the window (so only the
 * earliest counts), or −fnWeight for a window without one, plus Σ of the sweep scores of the detections outside
 * windows.
 */

export type CostMatrix = { tpWeight: number; fpWeight: number; fnWeight: number; tnWeight: number };
export const PROFILE_NAMES = ['standard', 'reward_low_FP_rate', 'reward_low_FN_rate'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

/** One labelled window: its first and last timestamps, both inclusive (epoch milliseconds). */
export type WindowLimits = readonly [number, number];

/** NAB's default: the first 15% of the rows, and never more than 15% of 5000 rows. */
export const PROBATION_PERCENT = 0.15;

/** A row outside every window, in the probation period; a row inside window k of its file is k (0, 1, …). */
export const OUTSIDE = -1;
export const PROBATION = -2;

/** The rows of one file as the sweep sees them, for one profile. */
export type SweptFile = {
  anomalyScores: ArrayLike<number>;
  /** The row's reward if it were a detection (0 in the probation period). */
  sweep: Float64Array;
  /** OUTSIDE, PROBATION or the index of the file's window holding the row. */
  window: Int32Array;
  windowCount: number;
};

export type ThresholdScore = {
  threshold: number;
  score: number;
  tp: number;
  tn: number;
  fp: number;
  fn: number;
  total: number;
};

export function probationLength(rows: number, percent = PROBATION_PERCENT): number {
  return Math.min(Math.floor(percent * rows), percent * 5000);
}

/** 2·sigmoid(−5x) − 1: 0.987 at x = −1 (a window's left edge), 0 at x = 0, −0.987 at x = 1, −1 from x = 3 on. */
export function scaledSigmoid(relativePosition: number): number {
  if (relativePosition >= 3) return -1;
  return 2 / (1 + Math.exp(5 * relativePosition)) - 1;
}

const MAX_TP = scaledSigmoid(-1);

/**
 * The sweep of one file. A window opens on the row whose timestamp equals its start and closes after the row
 * that equals its end, as NAB does (its limits are timestamps of the file).
 */
export function sweepFile(
  timestamps: ArrayLike<number>,
  anomalyScores: ArrayLike<number>,
  windows: readonly WindowLimits[],
  cost: CostMatrix,
  probationPercent = PROBATION_PERCENT,
): SweptFile {
  const rows = timestamps.length;
  if (anomalyScores.length !== rows) throw new Error('timestamps and anomaly scores differ in length');
  const indexOf = new Map<number, number>();
  for (let i = rows - 1; i >= 0; i--) indexOf.set(timestamps[i], i);
  const probation = probationLength(rows, probationPercent);
  const sweep = new Float64Array(rows);
  const window = new Int32Array(rows);
  let next = 0;
  let current = -1;
  let currentRight = 0;
  let currentWidth = 0;
  let previousRight = -1;
  let previousWidth = 0;
  for (let i = 0; i < rows; i++) {
    if (next < windows.length && timestamps[i] === windows[next][0]) {
      current = next++;
      const right = indexOf.get(windows[current][1]);
      if (right === undefined)
        throw new Error(`window end ${windows[current][1]} is not a timestamp of the file`);
      currentRight = right;
      currentWidth = right - i + 1;
    }
    let score: number;
    if (current >= 0) {
      score = (scaledSigmoid(-(currentRight - i + 1) / currentWidth) * cost.tpWeight) / MAX_TP;
    } else {
      const past = previousRight < 0 ? 3 : Math.abs(previousRight - i) / (previousWidth - 1);
      score = scaledSigmoid(past) * cost.fpWeight;
    }
    const scored = i >= probation;
    sweep[i] = scored ? score : 0;
    window[i] = scored ? current : PROBATION;
    if (current >= 0 && timestamps[i] === windows[current][1]) {
      previousRight = i;
      previousWidth = currentWidth;
      current = -1;
    }
  }
  return { anomalyScores, sweep, window, windowCount: windows.length };
}

/** The files' scored rows in one list, highest anomaly score first; windows numbered across the files. */
function scorableRows(files: readonly SweptFile[]) {
  let count = 0;
  for (const f of files) for (let i = 0; i < f.window.length; i++) if (f.window[i] !== PROBATION) count++;
  const anomaly = new Float64Array(count);
  const sweep = new Float64Array(count);
  const window = new Int32Array(count);
  let at = 0;
  let offset = 0;
  for (const f of files) {
    for (let i = 0; i < f.window.length; i++) {
      if (f.window[i] === PROBATION) continue;
      anomaly[at] = f.anomalyScores[i];
      sweep[at] = f.sweep[i];
      window[at] = f.window[i] === OUTSIDE ? OUTSIDE : offset + f.window[i];
      at++;
    }
    offset += f.windowCount;
  }
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => anomaly[b] - anomaly[a]);
  return { anomaly, sweep, window, order, windowsSeen: windowsWithScoredRows(window, offset) };
}

function windowsWithScoredRows(window: Int32Array, windowCount: number): Uint8Array {
  const seen = new Uint8Array(windowCount);
  for (const w of window) if (w >= 0) seen[w] = 1;
  return seen;
}

/**
 * The score at every threshold that changes something, from 1.1 (no detection) down to the lowest anomaly score,
 * over one file or many (NAB's `calcScoreByThreshold`). A window only inside the probation period counts nowhere.
 */
export function scoresByThreshold(files: readonly SweptFile[], fnWeight: number): ThresholdScore[] {
  const { anomaly, sweep, window, order, windowsSeen } = scorableRows(files);
  const best = new Float64Array(windowsSeen.length);
  let windowTotal = 0;
  for (let w = 0; w < windowsSeen.length; w++) {
    if (!windowsSeen[w]) continue;
    best[w] = -fnWeight;
    windowTotal -= fnWeight;
  }
  let fpTotal = 0;
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (const w of window) w === OUTSIDE ? tn++ : fn++;
  const total = order.length;
  const result: ThresholdScore[] = [];
  let threshold = 1.1;
  for (const i of order) {
    if (anomaly[i] !== threshold) {
      result.push({ threshold, score: windowTotal + fpTotal, tp, tn, fp, fn, total });
      threshold = anomaly[i];
    }
    const w = window[i];
    if (w === OUTSIDE) {
      fp++;
      tn--;
      fpTotal += sweep[i];
    } else {
      tp++;
      fn--;
      if (sweep[i] > best[w]) {
        windowTotal += sweep[i] - best[w];
        best[w] = sweep[i];
      }
    }
  }
  result.push({ threshold, score: windowTotal + fpTotal, tp, tn, fp, fn, total });
  return result;
}

/** The threshold with the highest score over all the files (NAB's optimizer: one threshold per profile). */
export function optimalThreshold(files: readonly SweptFile[], fnWeight: number): ThresholdScore {
  let best: ThresholdScore | undefined;
  for (const s of scoresByThreshold(files, fnWeight)) if (!best || s.score > best.score) best = s;
  if (!best) throw new Error('no rows to score');
  return best;
}

/** A file's score with detections at anomaly scores ≥ threshold (NAB's `scoreDataSet`). */
export function scoreAtThreshold(file: SweptFile, fnWeight: number, threshold: number): ThresholdScore {
  const rows = scoresByThreshold([file], fnWeight);
  // The rows run from the highest threshold down; the one for `threshold` holds every score ≥ it.
  let match = rows[0];
  for (const row of rows) {
    if (row.threshold < threshold) break;
    match = row;
  }
  return match;
}

/**
 * Each row's share of the file's score at a threshold, as NAB writes it beside a detector's output (`S(t)`): a
 * window's outcome (its earliest detection's reward, or −fnWeight) on the window's first scored row, a false
 * positive's penalty on its row, 0 elsewhere.
 */
export function rowContributions(file: SweptFile, fnWeight: number, threshold: number): Float64Array {
  const out = new Float64Array(file.window.length);
  const first = new Map<number, number>();
  const best = new Map<number, number>();
  for (let i = 0; i < file.window.length; i++) {
    const w = file.window[i];
    if (w === PROBATION) continue;
    const detected = file.anomalyScores[i] >= threshold;
    if (w === OUTSIDE) {
      if (detected) out[i] = file.sweep[i];
      continue;
    }
    if (!first.has(w)) first.set(w, i);
    best.set(w, Math.max(best.get(w) ?? -fnWeight, detected ? file.sweep[i] : -fnWeight));
  }
  for (const [w, i] of first) out[i] = best.get(w) as number;
  return out;
}

/** NAB's normalised score: the null detector (no detection) at 0, a perfect detector at 100. */
export function normalisedScore(input: {
  score: number;
  nullScore: number;
  windowCount: number;
  tpWeight: number;
}): number {
  const perfect = input.windowCount * input.tpWeight;
  return (100 * (input.score - input.nullScore)) / (perfect - input.nullScore);
}
