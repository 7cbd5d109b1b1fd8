import type { SensorKind } from '#shared/modules/smart/contract.ts';

/**
 * Simulated sensor readings for `steward simulate`: a plausible signal per sensor kind in the sensor's unit,
 * around the middle of its alarm limits, with faults injected at given times. Pure and deterministic: a value
 * is a function of the seed, the sensor and the time only, so the same seed gives the same readings.
 */

export type SimulatedSensor = {
  id: string;
  tag: string;
  kind: SensorKind;
  unit: string;
  areaName: string | null;
  limitLL: number | null;
  limitL: number | null;
  limitH: number | null;
  limitHH: number | null;
  deadband: number;
  onDelaySeconds: number;
  ratePerMinute: number | null;
};

export const faultKinds = ['gas-leak', 'stuck', 'spike', 'dropout', 'drift'] as const;
export type FaultKind = (typeof faultKinds)[number];

/** A fault as written on the command line: `<kind>[:<sensor tag or area>][@<seconds>][+<seconds>]`. */
export type FaultSpec = {
  kind: FaultKind;
  /** A sensor's tag or an area's name; null for every sensor (every toxic-gas sensor for a gas leak). */
  target: string | null;
  /** Seconds after the start of the simulation. */
  atSeconds: number;
  /** How long it lasts; null for the fault's own default. */
  durationSeconds: number | null;
};

const DEFAULT_FAULT_AT_SECONDS = 30;
const FAULT_PATTERN = /^([a-z-]+)(?::([^@+]+))?(?:@(\d+(?:\.\d+)?))?(?:\+(\d+(?:\.\d+)?))?$/;

export function parseFault(text: string): FaultSpec {
  const m = FAULT_PATTERN.exec(text.trim());
  const kind = m?.[1] as FaultKind | undefined;
  if (!m || !kind || !faultKinds.includes(kind))
    throw new Error(
      `Fault "${text}": write <kind>[:<sensor tag or area>][@<seconds>][+<seconds>], the kind one of ${faultKinds.join(', ')}.`,
    );
  return {
    kind,
    target: m[2]?.trim() || null,
    atSeconds: m[3] === undefined ? DEFAULT_FAULT_AT_SECONDS : Number(m[3]),
    durationSeconds: m[4] === undefined ? null : Number(m[4]),
  };
}

/** The values a sensor of a kind can physically show in its unit: the generator never leaves them. */
export function plausibleRange(kind: SensorKind, unit: string): { min: number; max: number } {
  const u = unit.trim().toLowerCase();
  switch (kind) {
    case 'temperature':
      if (u === '°f' || u === 'f' || u === 'degf') return { min: -40, max: 300 };
      if (u === 'k') return { min: 233, max: 423 };
      return { min: -40, max: 150 };
    case 'humidity':
    case 'lel':
      return { min: 0, max: 100 };
    case 'oxygen':
      return { min: 0, max: u === '%' ? 100 : 1e6 };
    case 'toxic_gas':
      return { min: 0, max: u === '%' ? 100 : 1e6 };
    case 'differential_pressure':
      return { min: -2000, max: 2000 };
    case 'vibration':
      return { min: 0, max: 500 };
    case 'noise':
      return { min: 20, max: 160 };
    case 'particle_count':
    case 'power':
    case 'exhaust_airflow':
      return { min: 0, max: 1e9 };
    default:
      return { min: -1e9, max: 1e9 };
  }
}

type Cycle = 'daily' | 'machine' | 'slow' | 'none';

/** A kind's usual operating point when its limits do not say (the unit's common choice: °C, %RH, Pa, mm/s…). */
const usual: Record<SensorKind, { center: number; half: number; cycle: Cycle }> = {
  temperature: { center: 22, half: 3, cycle: 'daily' },
  humidity: { center: 45, half: 10, cycle: 'daily' },
  toxic_gas: { center: 0.05, half: 1, cycle: 'none' },
  lel: { center: 0.5, half: 10, cycle: 'none' },
  oxygen: { center: 20.9, half: 0.8, cycle: 'none' },
  exhaust_airflow: { center: 10, half: 2, cycle: 'slow' },
  differential_pressure: { center: 12.5, half: 5, cycle: 'slow' },
  vibration: { center: 2.5, half: 2, cycle: 'machine' },
  noise: { center: 78, half: 6, cycle: 'machine' },
  power: { center: 120, half: 40, cycle: 'daily' },
  particle_count: { center: 80, half: 100, cycle: 'none' },
  other: { center: 50, half: 10, cycle: 'none' },
};

/** The usual operating point in another common unit of the kind (the table above is in the first one). */
function usualIn(kind: SensorKind, unit: string): { center: number; half: number; cycle: Cycle } {
  const base = usual[kind];
  const u = unit.trim().toLowerCase();
  const scaled = (factor: number, offset = 0) => ({
    ...base,
    center: base.center * factor + offset,
    half: base.half * factor,
  });
  if (kind === 'temperature' && (u === '°f' || u === 'f' || u === 'degf')) return scaled(1.8, 32);
  if (kind === 'temperature' && u === 'k') return scaled(1, 273.15);
  if (kind === 'differential_pressure' && u === 'kpa') return scaled(0.001);
  if (kind === 'differential_pressure' && u === 'inh2o') return scaled(1 / 249.09);
  if (kind === 'differential_pressure' && u === 'mmh2o') return scaled(1 / 9.80665);
  if (kind === 'vibration' && u === 'in/s') return scaled(1 / 25.4);
  return base;
}

/** Kinds whose normal value sits near zero, far below their high limit (a gas, dust). */
const nearZero = new Set<SensorKind>(['toxic_gas', 'lel', 'particle_count']);

export type SignalProfile = {
  center: number;
  /** Distance from the centre to the nearest limit (or the kind's usual spread). */
  half: number;
  cycle: Cycle;
  amplitude: number;
  /** Standard deviation of the slow, smooth noise and of the reading-to-reading noise. */
  smoothSd: number;
  whiteSd: number;
  decimals: number;
  min: number;
  max: number;
};

/**
 * Where a sensor's normal signal sits: midway between its low and high limits, or at the kind's usual value
 * kept clear of the one limit it has. Cycle plus noise stays within about half the way to the limits, and its
 * change per minute within half the sensor's rate-of-change limit, so normal operation raises no alarm.
 */
export function profileOf(sensor: SimulatedSensor): SignalProfile {
  const { min, max } = plausibleRange(sensor.kind, sensor.unit);
  const base = usualIn(sensor.kind, sensor.unit);
  const low = sensor.limitL ?? sensor.limitLL;
  const high = sensor.limitH ?? sensor.limitHH;
  let center = base.center;
  let half = base.half;
  let amplitudeShare = base.cycle === 'none' ? 0 : 0.25;
  let smoothShare = 0.06;
  let whiteShare = 0.01;
  if (nearZero.has(sensor.kind) && high !== null && high > 0) {
    center = 0.04 * high;
    half = high - center;
    amplitudeShare = 0;
    smoothShare = 0.008;
    whiteShare = 0.002;
  } else if (low !== null && high !== null && high > low) {
    center = (low + high) / 2;
    half = (high - low) / 2;
  } else if (high !== null) {
    center = Math.min(base.center, high - base.half);
    if (center < min) center = (min + high) / 2;
    half = high - center;
  } else if (low !== null) {
    center = Math.max(base.center, low + base.half);
    if (center > max) center = (low + max) / 2;
    half = center - low;
  }
  center = Math.min(max, Math.max(min, center));
  half = Math.max(half, 1e-6);
  let amplitude = amplitudeShare * half;
  let smoothSd = smoothShare * half;
  let whiteSd = whiteShare * half;
  const rate = sensor.ratePerMinute;
  if (rate) {
    // Steepest slopes: smooth noise ~38 sd/min (knots 20 s apart), a machine cycle ~4.2 amplitudes/min,
    // white noise between readings a second apart 480 sd/min.
    smoothSd = Math.min(smoothSd, rate / 80);
    if (base.cycle === 'machine') amplitude = Math.min(amplitude, rate / 10);
    whiteSd = Math.min(whiteSd, rate / 1000);
  }
  const decimals =
    sensor.kind === 'particle_count' ? 0 : Math.min(6, Math.max(1, 2 - Math.floor(Math.log10(whiteSd))));
  return { center, half, cycle: base.cycle, amplitude, smoothSd, whiteSd, decimals, min, max };
}

// ---- Deterministic noise: a hash of (seed, sensor, channel, step) turned into a standard normal value.

function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32's output function on one state: a uniform number in [0, 1). */
function uniform(state: number): number {
  let t = (state + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A standard normal value (Box-Muller), kept within ±4 so that a signal's spread is bounded. */
function normal(seed: number, key: string, step: number): number {
  const h = hash32(`${seed}|${key}|${step}`);
  const u1 = Math.max(uniform(h), 1e-12);
  const u2 = uniform(h ^ 0x9e3779b9);
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return Math.max(-4, Math.min(4, z));
}

const KNOT_MS = 20_000;

/** Noise that changes smoothly: normal values at knots 20 s apart, joined by cosine interpolation. */
function smoothNoise(seed: number, key: string, atMs: number): number {
  const k = Math.floor(atMs / KNOT_MS);
  const f = (atMs - k * KNOT_MS) / KNOT_MS;
  const w = (1 - Math.cos(Math.PI * f)) / 2;
  return normal(seed, key, k) * (1 - w) + normal(seed, key, k + 1) * w;
}

function cycleOf(cycle: Cycle, atMs: number): number {
  switch (cycle) {
    // Warmest mid-afternoon (UTC; the shape matters, not the hour).
    case 'daily':
      return Math.sin((2 * Math.PI * (atMs / 3_600_000 - 9)) / 24);
    case 'machine':
      return Math.sin((2 * Math.PI * atMs) / 90_000);
    case 'slow':
      return Math.sin((2 * Math.PI * atMs) / 1_200_000);
    default:
      return 0;
  }
}

/** The sensor's value without faults at a time (epoch milliseconds). */
export function normalValue(sensor: SimulatedSensor, profile: SignalProfile, seed: number, atMs: number) {
  return (
    profile.center +
    profile.amplitude * cycleOf(profile.cycle, atMs) +
    profile.smoothSd * smoothNoise(seed, `${sensor.id}:s`, atMs) +
    profile.whiteSd * normal(seed, `${sensor.id}:w`, atMs)
  );
}

// ---- Faults

/** The shape of a toxic-gas leak: climbing for 20 s to high-high at the fault's time, held above it, back down in 30 s. */
export const GAS_LEAK_RISE_SECONDS = 20;
export const GAS_LEAK_FALL_SECONDS = 30;
const GAS_LEAK_SETTLE_SECONDS = 5;

/** How long a gas leak stays above high-high: long enough for the sensor's on-delay, at least a minute. */
export function gasLeakHoldSeconds(sensor: SimulatedSensor, fault: FaultSpec): number {
  return fault.durationSeconds ?? Math.max(60, 2 * sensor.onDelaySeconds + 10);
}

/** Where the leak levels off: above high-high by a quarter of the way from high (or the centre) to it. */
function gasLeakPlateau(sensor: SimulatedSensor, profile: SignalProfile) {
  const hh = sensor.limitHH ?? sensor.limitH ?? profile.center + 2 * profile.half;
  const below = sensor.limitHH !== null && sensor.limitH !== null ? sensor.limitH : profile.center;
  const margin = Math.max(0.25 * (hh - below), 2 * sensor.deadband, 1e-3);
  return { hh, plateau: hh + margin, margin };
}

export type ResolvedFault = FaultSpec & { startMs: number; endMs: number };

/** A fault's time window for a sensor; `endMs` is Infinity for a fault that lasts to the end. */
function windowOf(sensor: SimulatedSensor, fault: FaultSpec, startMs: number, intervalMs: number) {
  const at = startMs + fault.atSeconds * 1000;
  const lasting = (seconds: number | null) =>
    seconds === null ? Number.POSITIVE_INFINITY : at + seconds * 1000;
  switch (fault.kind) {
    case 'gas-leak':
      return {
        startMs: at - GAS_LEAK_RISE_SECONDS * 1000,
        endMs: at + (gasLeakHoldSeconds(sensor, fault) + GAS_LEAK_FALL_SECONDS) * 1000,
      };
    case 'spike':
      // One reading by default: the first at or after the fault's time.
      return { startMs: at, endMs: lasting(fault.durationSeconds ?? intervalMs / 1000) };
    case 'dropout':
      return { startMs: at, endMs: lasting(fault.durationSeconds ?? 30) };
    default:
      return { startMs: at, endMs: lasting(fault.durationSeconds) };
  }
}

const matches = (sensor: SimulatedSensor, target: string | null) =>
  target === null ||
  sensor.tag.toLowerCase() === target.toLowerCase() ||
  sensor.areaName?.toLowerCase() === target.toLowerCase();

/** Each sensor's faults; a fault that names no sensor of the simulation (or no toxic-gas one for a leak) is an error. */
export function resolveFaults(
  sensors: readonly SimulatedSensor[],
  faults: readonly FaultSpec[],
  startMs: number,
  intervalMs: number,
): Map<string, ResolvedFault[]> {
  const bySensor = new Map<string, ResolvedFault[]>();
  for (const fault of faults) {
    const hit = sensors.filter(
      (s) => matches(s, fault.target) && (fault.kind !== 'gas-leak' || s.kind === 'toxic_gas'),
    );
    if (!hit.length)
      throw new Error(
        `Fault ${fault.kind}${fault.target ? `:${fault.target}` : ''}: no ${fault.kind === 'gas-leak' ? 'toxic-gas ' : ''}sensor of the simulation has that tag or area.`,
      );
    for (const s of hit) {
      const list = bySensor.get(s.id) ?? [];
      list.push({ ...fault, ...windowOf(s, fault, startMs, intervalMs) });
      bySensor.set(s.id, list);
    }
  }
  return bySensor;
}

const active = (f: ResolvedFault, atMs: number) => atMs >= f.startMs && atMs < f.endMs;

/** A sensor's value with its faults at a time; null while it drops out. */
export function faultyValue(
  sensor: SimulatedSensor,
  profile: SignalProfile,
  seed: number,
  faults: readonly ResolvedFault[],
  atMs: number,
): number | null {
  if (faults.some((f) => f.kind === 'dropout' && active(f, atMs))) return null;
  const stuck = faults.find((f) => f.kind === 'stuck' && active(f, atMs));
  // A frozen transmitter repeats exactly what it showed when it froze.
  const at = stuck ? stuck.startMs : atMs;
  let value = normalValue(sensor, profile, seed, at);
  for (const f of faults) {
    if (f.kind === 'drift' && at >= f.startMs)
      // A sensor drifting out of calibration: a tenth of the way to its limit each minute.
      value += ((Math.min(at, f.endMs) - f.startMs) / 60_000) * 0.1 * profile.half;
  }
  const leak = faults.find((f) => f.kind === 'gas-leak' && active(f, at));
  if (leak) value = gasLeakValue(sensor, profile, seed, leak, at, value);
  if (faults.some((f) => f.kind === 'spike' && active(f, at)))
    value = profile.center + 3 * profile.half + profile.whiteSd * normal(seed, `${sensor.id}:p`, at);
  return round(Math.min(profile.max, Math.max(profile.min, value)), profile.decimals);
}

function gasLeakValue(
  sensor: SimulatedSensor,
  profile: SignalProfile,
  seed: number,
  leak: ResolvedFault,
  atMs: number,
  normal: number,
): number {
  const { hh, plateau, margin } = gasLeakPlateau(sensor, profile);
  const crossAt = leak.startMs + GAS_LEAK_RISE_SECONDS * 1000;
  const fallAt = leak.endMs - GAS_LEAK_FALL_SECONDS * 1000;
  // The plateau wavers by at most 40% of its margin: it stays above high-high throughout.
  const waver = 0.1 * margin * smoothNoise(seed, `${sensor.id}:g`, atMs);
  // Climbing to high-high, reached at the fault's time exactly, then on to the plateau in a few seconds.
  if (atMs < crossAt) return normal + ((atMs - leak.startMs) / (crossAt - leak.startMs)) * (hh - normal);
  const settled = Math.min(1, (atMs - crossAt) / (GAS_LEAK_SETTLE_SECONDS * 1000));
  if (atMs < fallAt) return hh + settled * (plateau + waver - hh);
  const f = (atMs - fallAt) / (leak.endMs - fallAt);
  return plateau + waver + f * (normal - plateau - waver);
}

function round(value: number, decimals: number): number {
  const p = 10 ** decimals;
  const rounded = Math.round(value * p) / p;
  return Object.is(rounded, -0) ? 0 : rounded;
}

// ---- The schedule of readings

export type SimulationPlan = {
  sensors: readonly SimulatedSensor[];
  seed: number;
  startMs: number;
  /** Readings per second, all sensors together: each sensor is read every (sensors ÷ rate) seconds. */
  rate: number;
  /** How many readings to take (dropouts included), or else for how long. */
  count?: number;
  durationSeconds?: number;
  faults: readonly FaultSpec[];
};

export type PlannedReading = { sensor: SimulatedSensor; at: number; value: number | null };

/** How many readings a plan takes in all. */
export function plannedCount(plan: Pick<SimulationPlan, 'rate' | 'count' | 'durationSeconds'>): number {
  if (plan.count !== undefined) return plan.count;
  if (plan.durationSeconds !== undefined) return Math.floor(plan.durationSeconds * plan.rate);
  throw new Error('Say how many readings (count) or for how long (duration).');
}

/** The readings in time order, sensors in turn at even intervals; a dropped-out reading has a null value. */
export function* planReadings(plan: SimulationPlan): Generator<PlannedReading> {
  const { sensors, seed, startMs, rate } = plan;
  if (!sensors.length) throw new Error('There are no sensors to simulate.');
  if (!(rate > 0)) throw new Error('The rate must be more than 0 readings per second.');
  const total = plannedCount(plan);
  const stepMs = 1000 / rate;
  const faults = resolveFaults(sensors, plan.faults, startMs, stepMs * sensors.length);
  const profiles = sensors.map(profileOf);
  for (let j = 0; j < total; j++) {
    const i = j % sensors.length;
    const sensor = sensors[i];
    // Whole milliseconds: a reading's time is stored and compared to the millisecond.
    const at = startMs + Math.round(j * stepMs);
    yield { sensor, at, value: faultyValue(sensor, profiles[i], seed, faults.get(sensor.id) ?? [], at) };
  }
}
