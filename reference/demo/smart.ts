import type { DemoDataset } from './generate.ts';
import type { TableRows } from './ohs-tables.ts';
import { Random } from './random.ts';

/**
 * The shop-floor monitoring demo: gas, oxygen, temperature and exhaust sensors in the bulk gas yard, the
 * chemical store and a production line of two manufacturing sites, two weeks of readings every five minutes
 * with their per-minute and per-hour roll-ups, and a past arsine leak at the first site whose alarms were
 * acknowledged and closed. Readings end at the start of the demo's day (Taipei).
 */

type Row = Record<string, unknown>;
export type SmartDataset = {
  sensors: Row[];
  states: Row[];
  readings: Row[];
  minutes: Row[];
  hours: Row[];
  alarms: Row[];
};

const STEP_MS = 5 * 60_000;
const DAYS = 14;

type SensorPlan = {
  suffix: string;
  zone: 'GAS' | 'CHEM' | 'line';
  name: string;
  kind: string;
  unit: string;
  base: number;
  daily: number;
  noise: number;
  limits: { hh?: number; h?: number; l?: number; ll?: number };
  deadband: number;
  onDelay: number;
  offDelay: number;
  rate?: number;
  stuck?: number;
};

const PLANS: SensorPlan[] = [
  {
    suffix: 'GAS-01',
    zone: 'GAS',
    name: 'Arsine (AsH3) at the gas cabinets',
    kind: 'toxic_gas',
    unit: 'ppb',
    base: 2,
    daily: 0.5,
    noise: 0.6,
    limits: { h: 25, hh: 50 },
    deadband: 2,
    onDelay: 10,
    offDelay: 30,
    rate: 10,
  },
  {
    suffix: 'O2-01',
    zone: 'GAS',
    name: 'Oxygen in the nitrogen store',
    kind: 'oxygen',
    unit: '%',
    base: 20.9,
    daily: 0.05,
    noise: 0.05,
    limits: { l: 19.5, ll: 18 },
    deadband: 0.2,
    onDelay: 10,
    offDelay: 30,
  },
  {
    suffix: 'EXH-01',
    zone: 'CHEM',
    name: 'Exhaust airflow of the chemical store',
    kind: 'exhaust_airflow',
    unit: 'm³/min',
    base: 55,
    daily: 3,
    noise: 1.5,
    limits: { l: 40, ll: 30 },
    deadband: 2,
    onDelay: 60,
    offDelay: 60,
  },
  {
    suffix: 'TMP-01',
    zone: 'line',
    name: 'Cleanroom temperature',
    kind: 'temperature',
    unit: '°C',
    base: 22,
    daily: 0.8,
    noise: 0.15,
    limits: { l: 18, h: 26 },
    deadband: 0.5,
    onDelay: 300,
    offDelay: 300,
    stuck: 120,
  },
];

const round = (v: number, places = 2) => Math.round(v * 10 ** places) / 10 ** places;

export function generateSmartDataset(data: DemoDataset): SmartDataset {
  const rng = new Random(`${data.seed}:smart`);
  const out: SmartDataset = { sensors: [], states: [], readings: [], minutes: [], hours: [], alarms: [] };
  const end = new Date(`${data.clock}T00:00:00+08:00`).getTime();
  const start = end - DAYS * 86_400_000;
  // Two manufacturing sites with a bulk gas yard, of two subsidiaries (the first of each), so that the
  // officers of either see the monitoring alive.
  const withGasYard = data.sites.filter((s) =>
    data.areas.some((a) => a.site_id === s.id && a.code === 'GAS'),
  );
  const sites = [...new Set(withGasYard.map((s) => s.subsidiary_id))]
    .slice(0, 2)
    .map(
      (subsidiary) => withGasYard.find((s) => s.subsidiary_id === subsidiary) as (typeof withGasYard)[number],
    );
  sites.forEach((site, siteIndex) => {
    const areaOf = (zone: SensorPlan['zone']) =>
      zone === 'line'
        ? data.areas.find((a) => a.site_id === site.id && a.kind === 'line')
        : data.areas.find((a) => a.site_id === site.id && a.code === zone);
    for (const plan of PLANS) {
      const id = rng.uuid();
      const area = areaOf(plan.zone);
      out.sensors.push({
        id,
        site_id: site.id,
        area_id: area?.id ?? null,
        tag: `${site.code}-${plan.suffix}`,
        name: plan.name,
        kind: plan.kind,
        unit: plan.unit,
        equipment: plan.zone === 'GAS' ? 'Gas cabinets GC-1 to GC-6' : null,
        gateway: `${site.code.toLowerCase()}-gw-1`,
        in_service: true,
        limit_hh: plan.limits.hh ?? null,
        limit_h: plan.limits.h ?? null,
        limit_l: plan.limits.l ?? null,
        limit_ll: plan.limits.ll ?? null,
        deadband: plan.deadband,
        on_delay_s: plan.onDelay,
        off_delay_s: plan.offDelay,
        rate_limit_per_min: plan.rate ?? null,
        stuck_after_min: plan.stuck ?? null,
      });
      // The past leak: three days before the end, arsine climbs to 62 ppb and is purged within 25 minutes.
      const leakAt = end - 3 * 86_400_000 + 10 * 3_600_000;
      const leak = siteIndex === 0 && plan.suffix === 'GAS-01';
      const hours = new Map<number, { min: number; max: number; sum: number; count: number }>();
      let last = { at: start, value: plan.base };
      for (let at = start; at < end; at += STEP_MS) {
        const phase = ((at % 86_400_000) / 86_400_000) * 2 * Math.PI;
        let value = plan.base + plan.daily * Math.sin(phase) + plan.noise * (rng.next() * 2 - 1);
        if (leak && at >= leakAt && at < leakAt + 25 * 60_000) {
          const k = (at - leakAt) / STEP_MS;
          value = [18, 41, 62, 58, 20][k] ?? value;
        }
        value = round(Math.max(0, value));
        out.readings.push({ sensor_id: id, site_id: site.id, at: new Date(at), value, late: false });
        out.minutes.push({
          sensor_id: id,
          site_id: site.id,
          bucket: new Date(at),
          min: value,
          max: value,
          sum: value,
          count: 1,
        });
        const hour = Math.floor(at / 3_600_000) * 3_600_000;
        const h = hours.get(hour) ?? { min: value, max: value, sum: 0, count: 0 };
        h.min = Math.min(h.min, value);
        h.max = Math.max(h.max, value);
        h.sum = round(h.sum + value, 6);
        h.count++;
        hours.set(hour, h);
        last = { at, value };
      }
      for (const [hour, h] of hours)
        out.hours.push({ sensor_id: id, site_id: site.id, bucket: new Date(hour), ...h });
      out.states.push({
        sensor_id: id,
        site_id: site.id,
        judged_at: new Date(last.at),
        last_value: last.value,
      });
      if (leak) {
        const closed = new Date(leakAt + 45 * 60_000);
        const alarm = (
          condition: 'h' | 'hh',
          raisedAt: number,
          raisedValue: number,
          limit: number,
          clearedAt: number,
        ) => ({
          id: rng.uuid(),
          site_id: site.id,
          sensor_id: id,
          condition,
          priority: condition === 'hh' ? 'urgent' : 'medium',
          active: false,
          raised_at: new Date(raisedAt),
          raised_value: raisedValue,
          limit_value: limit,
          cleared_at: new Date(clearedAt),
          acknowledged_at: new Date(raisedAt + 3 * 60_000),
          closed_at: closed,
        });
        out.alarms.push(
          alarm('h', leakAt + STEP_MS, 41, 25, leakAt + 5 * STEP_MS),
          alarm('hh', leakAt + 2 * STEP_MS, 62, 50, leakAt + 4 * STEP_MS),
        );
      }
    }
    // One alarm still open at each site: the last sensor of the site flat-lined six hours before the demo's
    // today; the responder acknowledged it and a technician is on the way.
    const lastSensor = out.sensors.filter((x) => x.site_id === site.id).at(-1);
    const lastState = out.states.find((x) => x.sensor_id === lastSensor?.id);
    if (lastSensor && lastState) {
      const raisedAt = end - 6 * 3_600_000;
      out.alarms.push({
        id: rng.uuid(),
        site_id: site.id,
        sensor_id: lastSensor.id,
        condition: 'stuck',
        priority: 'low',
        active: true,
        raised_at: new Date(raisedAt),
        raised_value: lastState.last_value,
        limit_value: null,
        cleared_at: null,
        acknowledged_at: new Date(raisedAt + 20 * 60_000),
        closed_at: null,
      });
    }
  });
  return out;
}

export function smartTables(s: SmartDataset): TableRows[] {
  return [
    { table: 'smart_sensors', rows: s.sensors },
    { table: 'smart_sensor_states', rows: s.states },
    { table: 'smart_readings', rows: s.readings, batchSize: 10_000 },
    { table: 'smart_rollups_minute', rows: s.minutes, batchSize: 10_000 },
    { table: 'smart_rollups_hour', rows: s.hours },
    { table: 'smart_alarms', rows: s.alarms },
  ];
}
