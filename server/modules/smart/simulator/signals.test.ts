import { describe, expect, it } from 'vitest';
import { detect } from '../rules/detect.ts';
import {
  faultKinds,
  GAS_LEAK_FALL_SECONDS,
  GAS_LEAK_RISE_SECONDS,
  gasLeakHoldSeconds,
  parseFault,
  planReadings,
  plausibleRange,
  type SimulatedSensor,
  type SimulationPlan,
} from './signals.ts';

const sensor = (s: Partial<SimulatedSensor> & Pick<SimulatedSensor, 'id' | 'tag' | 'kind' | 'unit'>) => ({
  areaName: 'B1-F3-L2',
  limitLL: null,
  limitL: null,
  limitH: null,
  limitHH: null,
  deadband: 0,
  onDelaySeconds: 0,
  ratePerMinute: null,
  ...s,
});

const arsine = sensor({
  id: 'gas',
  tag: 'K7-GAS-01',
  kind: 'toxic_gas',
  unit: 'ppb',
  limitH: 25,
  limitHH: 50,
  deadband: 2,
  onDelaySeconds: 10,
});
const sensors: SimulatedSensor[] = [
  arsine,
  sensor({ id: 'temp', tag: 'K7-TT-01', kind: 'temperature', unit: '°C', limitL: 18, limitH: 26 }),
  sensor({ id: 'rh', tag: 'K7-RH-01', kind: 'humidity', unit: '%RH', limitL: 35, limitH: 55 }),
  sensor({ id: 'o2', tag: 'K7-O2-01', kind: 'oxygen', unit: '%', limitL: 19.5, areaName: 'Gas yard' }),
  sensor({ id: 'dp', tag: 'K7-DP-01', kind: 'differential_pressure', unit: 'Pa', limitL: 5, limitH: 20 }),
  sensor({ id: 'vib', tag: 'K7-VIB-01', kind: 'vibration', unit: 'mm/s', limitH: 7.1, ratePerMinute: 5 }),
  sensor({ id: 'pc', tag: 'K7-PC-01', kind: 'particle_count', unit: '/ft³', limitH: 1000 }),
  sensor({ id: 'noise', tag: 'K7-NS-01', kind: 'noise', unit: 'dB(A)' }),
  sensor({ id: 'tf', tag: 'K7-TT-02', kind: 'temperature', unit: '°F' }),
];

const START = Date.UTC(2026, 11, 5, 6, 0, 0);
const plan = (p: Partial<SimulationPlan> = {}): SimulationPlan => ({
  sensors,
  seed: 42,
  startMs: START,
  rate: sensors.length, // each sensor once a second
  durationSeconds: 600,
  faults: [],
  ...p,
});
const readingsOf = (p: SimulationPlan, id: string) => [...planReadings(p)].filter((r) => r.sensor.id === id);

describe('the simulated signals', () => {
  it('are the same for the same seed, and differ for another', () => {
    const a = [...planReadings(plan())].map((r) => r.value);
    const b = [...planReadings(plan())].map((r) => r.value);
    const c = [...planReadings(plan({ seed: 43 }))].map((r) => r.value);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('take the planned count at even intervals, sensors in turn', () => {
    const readings = [...planReadings(plan({ count: 20, durationSeconds: undefined, rate: 4 }))];
    expect(readings).toHaveLength(20);
    expect(readings[1].at - readings[0].at).toBe(250);
    expect(readings[sensors.length].sensor.id).toBe(sensors[0].id);
  });

  it('are numbers in the unit’s plausible range, and raise no alarm in normal operation', () => {
    for (const s of sensors) {
      const readings = readingsOf(plan({ durationSeconds: 3600 }), s.id);
      const { min, max } = plausibleRange(s.kind, s.unit);
      for (const r of readings) {
        expect(Number.isFinite(r.value), `${s.tag} at ${r.at}`).toBe(true);
        expect(r.value as number).toBeGreaterThanOrEqual(min);
        expect(r.value as number).toBeLessThanOrEqual(max);
      }
      const judged = detect(
        {
          limits: { hh: s.limitHH, h: s.limitH, l: s.limitL, ll: s.limitLL },
          deadband: s.deadband,
          onDelaySeconds: s.onDelaySeconds,
          offDelaySeconds: 0,
          ratePerMinute: s.ratePerMinute,
          stuckAfterMinutes: 2,
        },
        {},
        readings.map((r) => ({ at: r.at, value: r.value as number })),
      );
      expect(judged.events, s.tag).toEqual([]);
    }
  });

  it('sit around the middle of the limits: temperature with a daily cycle, gas near zero', () => {
    const temperature = readingsOf(plan({ durationSeconds: 60 }), 'temp').map((r) => r.value as number);
    const mean = temperature.reduce((a, b) => a + b, 0) / temperature.length;
    expect(mean).toBeGreaterThan(18);
    expect(mean).toBeLessThan(26);
    // 06:00 and 15:00 UTC: the cycle's low and high half of the day.
    const at = (hour: number) =>
      readingsOf(plan({ startMs: Date.UTC(2026, 11, 5, hour), durationSeconds: 60 }), 'temp')[0]
        .value as number;
    expect(at(15)).toBeGreaterThan(at(3));
    // Without limits, the kind's usual value in the sensor's unit: a room at about 72 °F.
    const fahrenheit = readingsOf(plan({ durationSeconds: 60 }), 'tf').map((r) => r.value as number);
    expect(Math.min(...fahrenheit)).toBeGreaterThan(60);
    expect(Math.max(...fahrenheit)).toBeLessThan(85);
    const gas = readingsOf(plan(), 'gas').map((r) => r.value as number);
    expect(Math.max(...gas)).toBeLessThan(5);
    expect(Math.min(...gas)).toBeGreaterThanOrEqual(0);
  });
});

describe('injected faults', () => {
  it('reads a fault from the command line', () => {
    expect(parseFault('gas-leak:K7-GAS-01@45')).toEqual({
      kind: 'gas-leak',
      target: 'K7-GAS-01',
      atSeconds: 45,
      durationSeconds: null,
    });
    expect(parseFault('dropout@10+20')).toEqual({
      kind: 'dropout',
      target: null,
      atSeconds: 10,
      durationSeconds: 20,
    });
    expect(parseFault('stuck:Gas yard').atSeconds).toBe(30);
    expect(() => parseFault('flood:K7')).toThrow(faultKinds.join(', '));
    expect(() => parseFault('spike@soon')).toThrow(/Fault "spike@soon"/);
  });

  it('a gas leak crosses high-high at its time and returns below high after', () => {
    const fault = parseFault('gas-leak:K7-GAS-01@120');
    const gas = readingsOf(plan({ faults: [fault] }), 'gas');
    const at = START + 120_000;
    const hold = gasLeakHoldSeconds(arsine, fault);
    const before = gas.filter((r) => r.at < at - GAS_LEAK_RISE_SECONDS * 1000);
    const above = gas.filter((r) => r.at >= at && r.at < at + hold * 1000);
    const after = gas.filter((r) => r.at >= at + (hold + GAS_LEAK_FALL_SECONDS) * 1000);
    expect(hold).toBe(60);
    expect(Math.max(...before.map((r) => r.value as number))).toBeLessThan(25);
    expect(above).toHaveLength(hold);
    expect(Math.min(...above.map((r) => r.value as number))).toBeGreaterThanOrEqual(50);
    expect(after.length).toBeGreaterThan(0);
    expect(Math.max(...after.map((r) => r.value as number))).toBeLessThan(25 - 2);
    // The sensor's own detectors see it: high-high raised after its on-delay, cleared after the leak.
    const judged = detect(
      {
        limits: { hh: 50, h: 25 },
        deadband: 2,
        onDelaySeconds: 10,
        offDelaySeconds: 10,
        ratePerMinute: null,
        stuckAfterMinutes: null,
      },
      {},
      gas.map((r) => ({ at: r.at, value: r.value as number })),
    );
    const hh = judged.events.filter((e) => e.condition === 'hh');
    expect(hh.map((e) => [e.change, e.at])).toEqual([
      ['raise', at + 10_000],
      ['clear', expect.any(Number)],
    ]);
  });

  it('a gas leak on an area reaches its toxic-gas sensors only; a target that names nothing is refused', () => {
    const readings = [...planReadings(plan({ faults: [parseFault('gas-leak:B1-F3-L2@60')] }))];
    const peak = (id: string) =>
      Math.max(...readings.filter((r) => r.sensor.id === id).map((r) => r.value as number));
    expect(peak('gas')).toBeGreaterThanOrEqual(50);
    expect(peak('temp')).toBeLessThan(26);
    expect(() => [...planReadings(plan({ faults: [parseFault('gas-leak:Gas yard')] }))]).toThrow(
      /no toxic-gas sensor/,
    );
    expect(() => [...planReadings(plan({ faults: [parseFault('stuck:K9-XX')] }))]).toThrow(/K9-XX/);
  });

  it('stuck repeats one value; dropout leaves readings out; spike is one reading; drift passes the limit in 12 minutes', () => {
    const faults = [
      'stuck:K7-TT-01@60+120',
      'dropout:K7-RH-01@60+30',
      'spike:K7-DP-01@100',
      'drift:K7-VIB-01@0',
    ];
    const p = plan({ faults: faults.map(parseFault), durationSeconds: 720 });
    const between = (id: string, from: number, to: number) =>
      readingsOf(p, id).filter((r) => r.at >= START + from * 1000 && r.at < START + to * 1000);
    expect(new Set(between('temp', 60, 180).map((r) => r.value)).size).toBe(1);
    expect(new Set(between('temp', 180, 240).map((r) => r.value)).size).toBeGreaterThan(1);
    expect(between('rh', 60, 90).every((r) => r.value === null)).toBe(true);
    expect(between('rh', 90, 120).every((r) => r.value !== null)).toBe(true);
    const dp = readingsOf(p, 'dp');
    const firstAfter = dp.find((r) => r.at >= START + 100_000);
    expect(dp.filter((r) => (r.value as number) > 20)).toEqual([firstAfter]);
    const vib = readingsOf(p, 'vib').map((r) => r.value as number);
    expect(vib[vib.length - 1]).toBeGreaterThan(7.1);
    expect(vib[0]).toBeLessThan(7.1);
  });
});
