/**
 * Alarm system performance figures of ISA-18.2 (§16.9, monitoring and assessment; ISA-TR18.2.5) and EEMUA 191
 * (3rd ed., §6.4 and Annex 9): the alarm rate per operator position in 10-minute windows, alarm floods,
 * chattering alarms, stale alarms and the most frequent alarms ("bad actors"). Pure: the caller passes the
 * alarms, their raises and the period, in milliseconds since the epoch.
 *
 * What an operator faces is annunciations: ISA-18.2's performance metrics (§16.9) state the rate as
 * "annunciated alarms per time" per operator position, and EEMUA 191 counts the alarms an operator is shown. An alarm whose condition returns before anyone
 * acknowledged it stays one record (re-activated) but is annunciated again, so every figure that counts alarms
 * (the rate, floods, the time in flood, chattering, bad actors) counts raises, and a chattering alarm weighs as
 * often as it was raised. Stale alarms are a state at the end of the period and are taken from the records.
 *
 * Steward keeps no record of operators on duty: an area stands for one operator position (the console that
 * answers its alarms); the caller names the position of each alarm (an area, or the sensors of a site that have
 * no area).
 *
 * "Within" a length of time means in a span shorter than it, as in a clock-aligned window [t, t + length):
 * 11 alarms one a minute from 08:00 to 08:10 are 10 within any 10 minutes, not 11.
 */

export type KpiThresholds = {
  /** The length of the rate windows (EEMUA 191: 10 minutes). */
  windowMinutes: number;
  /** EEMUA 191 Table 9: up to 1 alarm per 10 minutes is "very likely to be acceptable"… */
  acceptablePerWindow: number;
  /** …up to 2 "manageable"; more is "likely to be over-demanding". */
  manageablePerWindow: number;
  /** ISA-18.2 §16.9.5: a flood starts when more than 10 alarms are raised within 10 minutes… */
  floodStartAbove: number;
  /** …and ends when fewer than 5 were raised in the last 10 minutes. */
  floodEndBelow: number;
  /** ISA-18.2 Table 16: under 1 % of the time in flood. */
  floodTimeTargetPercent: number;
  /** ISA-TR18.2.5: the same alarm raised 3 or more times within 60 seconds is chattering. */
  chatterCount: number;
  chatterSeconds: number;
  /** ISA-18.2 Table 16: an alarm active for more than 24 hours is stale. */
  staleHours: number;
  /** How many of the most frequent alarms to name (ISA-18.2 Table 16: the top 10). */
  badActors: number;
};

export const defaultKpiThresholds: KpiThresholds = {
  windowMinutes: 10,
  acceptablePerWindow: 1,
  manageablePerWindow: 2,
  floodStartAbove: 10,
  floodEndBelow: 5,
  floodTimeTargetPercent: 1,
  chatterCount: 3,
  chatterSeconds: 60,
  staleHours: 24,
  badActors: 10,
};

export type KpiAlarm = {
  id: string;
  sensorId: string;
  condition: string;
  /** The operator position that answers it (see above). */
  position: string | null;
  raisedAt: number;
  /** When its condition cleared; null while it is active. */
  clearedAt: number | null;
};

/** One raise of an alarm (an annunciation): its first, or a return of its condition before it was closed. */
export type KpiRaise = { sensorId: string; condition: string; position: string | null; at: number };

export type RateWindow = { start: number; count: number };
export type PositionRate = {
  position: string | null;
  /** Raises of the position's alarms in the period. */
  alarms: number;
  /** Raises per window over the whole period (a partial window at either end counts for its length). */
  averagePerWindow: number;
  peakPerWindow: number;
  /** Shares (0–1) of the windows with more alarms than the acceptable and the manageable rate. */
  aboveAcceptable: number;
  aboveManageable: number;
};
export type Flood = { position: string | null; start: number; end: number | null; alarms: number };
export type Chattering = {
  sensorId: string;
  condition: string;
  /** Raises of the alarm in the period (each time it went from normal to active). */
  alarms: number;
  mostWithin: number;
  firstAt: number;
};
export type BadActor = { sensorId: string; condition: string; alarms: number; share: number };
export type Stale = {
  id: string;
  sensorId: string;
  condition: string;
  position: string | null;
  raisedAt: number;
  activeHours: number;
};

export type KpiReport = {
  from: number;
  to: number;
  /** Raises (annunciations) in the period: the sum of the windows' counts and of the positions' alarms. */
  total: number;
  /** Clock-aligned windows overlapping the period, with the raises of every position in each. */
  windows: RateWindow[];
  positions: PositionRate[];
  floods: Flood[];
  /** Share (0–1) of the period that some position spent in flood (overlapping floods counted once). */
  floodTimeShare: number;
  chattering: Chattering[];
  stale: Stale[];
  badActors: BadActor[];
  /** Share (0–1) of all raises that were the bad actors'. */
  badActorsShare: number;
};

const keyOf = (a: { sensorId: string; condition: string }) => `${a.sensorId}\u0000${a.condition}`;

function groupBy<T>(items: readonly T[], key: (t: T) => string) {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * Floods of one position, from its raise times in order: a flood starts when the alarms raised within the last
 * window pass `startAbove` (at the first of them), and ends at the first moment fewer than `endBelow` remain
 * in the last window (an alarm leaves it one window after it was raised). A flood still on at `to` has no end.
 */
export function floodsOf(
  times: readonly number[],
  windowMs: number,
  startAbove: number,
  endBelow: number,
  to: number,
) {
  const floods: { start: number; end: number | null; alarms: number }[] = [];
  let earliest = 0; // the first alarm inside the trailing window
  let after = Number.NEGATIVE_INFINITY; // the end of the last flood: a new one starts no earlier
  for (let k = 0; k < times.length; k++) {
    while (times[earliest] <= times[k] - windowMs || times[earliest] < after) earliest++;
    // Alarms raised at the same instant arrive together: judge the window after the last of them.
    if (k + 1 < times.length && times[k + 1] === times[k]) continue;
    if (k - earliest + 1 <= startAbove) continue;
    const start = times[earliest];
    // The oldest alarm still inside the trailing window (one before the last flood's end counts for the rate).
    let first = earliest;
    while (first > 0 && times[first - 1] > times[k] - windowMs) first--;
    let next = k + 1; // the next alarm to arrive
    let end: number | null = null;
    for (;;) {
      const leaving = times[first] + windowMs;
      const arriving = next < times.length ? times[next] : Number.POSITIVE_INFINITY;
      if (leaving >= to && arriving >= to) break;
      const at = Math.min(leaving, arriving);
      while (first < next && times[first] + windowMs <= at) first++;
      while (next < times.length && times[next] === at) next++;
      if (next - first < endBelow) {
        end = at;
        break;
      }
    }
    const last = end ?? to;
    let alarms = 0;
    for (let i = earliest; i < times.length && times[i] < last; i++) alarms++;
    floods.push({ start, end, alarms });
    if (end === null) break;
    after = end;
    k = earliest + alarms - 1;
  }
  return floods;
}

/** The largest number of raises within `spanMs` of each other, and when such a run first began. */
function mostWithin(times: readonly number[], spanMs: number) {
  let best = 0;
  let bestAt = times[0];
  let first = 0;
  for (let k = 0; k < times.length; k++) {
    while (times[first] <= times[k] - spanMs) first++;
    if (k - first + 1 > best) {
      best = k - first + 1;
      bestAt = times[first];
    }
  }
  return { most: best, at: bestAt };
}

function firstRunAt(times: readonly number[], spanMs: number, count: number) {
  for (let k = count - 1; k < times.length; k++)
    if (times[k] - times[k - count + 1] < spanMs) return times[k - count + 1];
  return null;
}

/** Union length of [start, end) intervals. */
function coveredMs(intervals: { start: number; end: number }[]) {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  let total = 0;
  let until = Number.NEGATIVE_INFINITY;
  for (const { start, end } of sorted) {
    const from = Math.max(start, until);
    if (end > from) total += end - from;
    until = Math.max(until, end);
  }
  return total;
}

/**
 * The figures of the period [from, to). Every count takes the raises in the period (`raises`): an alarm
 * re-activated before it was closed is one record but raised again, and each raise counts (see above); without
 * them, each alarm's own raise is its only one. Stale alarms are the records (`all`) active at `to` that were
 * raised more than `staleHours` before it (raised before the period too). Each raise belongs to one position
 * and one alarm, so the positions' counts and the windows' counts each sum to the total, and the bad actors'
 * share is at most 1. With no raise every count is zero and every list but the stale alarms empty.
 */
export function alarmKpis(
  all: readonly KpiAlarm[],
  from: number,
  to: number,
  th: KpiThresholds,
  raises: readonly KpiRaise[] = all.map((a) => ({
    sensorId: a.sensorId,
    condition: a.condition,
    position: a.position,
    at: a.raisedAt,
  })),
): KpiReport {
  if (!(to > from)) throw new RangeError('The period ends after it starts');
  const windowMs = th.windowMinutes * 60_000;
  const periodWindows = (to - from) / windowMs;
  const inPeriod = raises.filter((r) => r.at >= from && r.at < to).sort((a, b) => a.at - b.at);
  const total = inPeriod.length;

  const firstWindow = Math.floor(from / windowMs);
  const windowCount = Math.ceil(to / windowMs) - firstWindow;
  const indexOf = (t: number) => Math.floor(t / windowMs) - firstWindow;
  const windows: RateWindow[] = Array.from({ length: windowCount }, (_, i) => ({
    start: (firstWindow + i) * windowMs,
    count: 0,
  }));
  for (const r of inPeriod) windows[indexOf(r.at)].count++;

  const positions: PositionRate[] = [];
  const floods: Flood[] = [];
  for (const list of groupBy(inPeriod, (r) => r.position ?? '').values()) {
    const counts = new Array<number>(windowCount).fill(0);
    for (const r of list) counts[indexOf(r.at)]++;
    const position = list[0].position;
    positions.push({
      position,
      alarms: list.length,
      averagePerWindow: list.length / periodWindows,
      peakPerWindow: Math.max(...counts),
      aboveAcceptable: counts.filter((c) => c > th.acceptablePerWindow).length / windowCount,
      aboveManageable: counts.filter((c) => c > th.manageablePerWindow).length / windowCount,
    });
    const times = list.map((r) => r.at);
    for (const f of floodsOf(times, windowMs, th.floodStartAbove, th.floodEndBelow, to))
      floods.push({ position, ...f });
  }
  positions.sort((a, b) => b.alarms - a.alarms);
  floods.sort((a, b) => a.start - b.start);
  const inFlood = coveredMs(floods.map((f) => ({ start: f.start, end: f.end ?? to })));

  const bySource = [...groupBy(inPeriod, keyOf).values()];
  const chattering: Chattering[] = [];
  for (const list of bySource) {
    const times = list.map((r) => r.at);
    const firstAt = firstRunAt(times, th.chatterSeconds * 1000, th.chatterCount);
    if (firstAt === null) continue;
    const { most } = mostWithin(times, th.chatterSeconds * 1000);
    chattering.push({
      sensorId: list[0].sensorId,
      condition: list[0].condition,
      alarms: list.length,
      mostWithin: most,
      firstAt,
    });
  }
  chattering.sort((a, b) => b.alarms - a.alarms || a.firstAt - b.firstAt);

  const badActors = bySource
    .map((list) => ({
      sensorId: list[0].sensorId,
      condition: list[0].condition,
      alarms: list.length,
      firstAt: list[0].at,
    }))
    .sort((a, b) => b.alarms - a.alarms || a.firstAt - b.firstAt)
    .slice(0, th.badActors)
    .map(({ firstAt: _, ...b }) => ({ ...b, share: b.alarms / total }));

  const staleBefore = to - th.staleHours * 3_600_000;
  const stale = all
    .filter((a) => a.raisedAt < staleBefore && (a.clearedAt === null || a.clearedAt > to))
    .sort((a, b) => a.raisedAt - b.raisedAt)
    .map((a) => ({
      id: a.id,
      sensorId: a.sensorId,
      condition: a.condition,
      position: a.position,
      raisedAt: a.raisedAt,
      activeHours: (to - a.raisedAt) / 3_600_000,
    }));

  return {
    from,
    to,
    total,
    windows,
    positions,
    floods,
    floodTimeShare: inFlood / (to - from),
    chattering,
    stale,
    badActors,
    badActorsShare: total === 0 ? 0 : badActors.reduce((n, b) => n + b.alarms, 0) / total,
  };
}
