import { z } from 'zod';
import { listQuery, pageOf, versioned } from '../../platform/http/list.ts';
import { alarmStates } from './rules/states.ts';

/** The zod contracts of the shop-floor monitoring program, shared by the server and the web app. */

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const isoDateTime = z.string().datetime({ offset: true });
/** A measured quantity or a limit: bounded, so a runaway number is refused rather than stored. */
const measure = z.number().min(-1e9).max(1e9);
const limit = measure.nullable().optional();

// ---- Sensors

export const sensorKinds = [
  'toxic_gas',
  'oxygen',
  'lel',
  'temperature',
  'humidity',
  'exhaust_airflow',
  'differential_pressure',
  'vibration',
  'noise',
  'power',
  'particle_count',
  'other',
] as const;
export type SensorKind = (typeof sensorKinds)[number];

const sensorFields = {
  areaId: z.string().uuid().nullable().optional(),
  /** The sensor's tag as the gateway knows it (unique at the site). */
  tag: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .regex(/^[A-Za-z0-9._-]+$/, 'Letters, digits, dot, dash and underscore'),
  name: text(200),
  kind: z.enum(sensorKinds),
  unit: text(20),
  equipment: optionalText(200),
  gateway: optionalText(100),
  inService: z.boolean().optional(),
  limitHH: limit,
  limitH: limit,
  limitL: limit,
  limitLL: limit,
  deadband: measure.min(0).optional(),
  onDelaySeconds: z.number().int().min(0).max(86_400).optional(),
  offDelaySeconds: z.number().int().min(0).max(86_400).optional(),
  ratePerMinute: measure.positive().nullable().optional(),
  stuckAfterMinutes: z.number().int().min(1).max(10_080).nullable().optional(),
};

type LimitFields = {
  limitHH?: number | null;
  limitH?: number | null;
  limitL?: number | null;
  limitLL?: number | null;
};

/** Limits in order: low-low ≤ low < high ≤ high-high, whichever are set. */
export function limitsInOrder(s: LimitFields): boolean {
  const ordered = [s.limitLL, s.limitL, s.limitH, s.limitHH].filter(
    (v): v is number => typeof v === 'number',
  );
  return ordered.every((v, i) => i === 0 || v >= ordered[i - 1]);
}
const limitsOrderIssue = { message: 'Limits must run low-low ≤ low ≤ high ≤ high-high', path: ['limitH'] };

export const sensorInput = z
  .object({ siteId: z.string().uuid(), ...sensorFields })
  .strict()
  .refine(limitsInOrder, limitsOrderIssue);

export const sensorPatch = z
  .object({
    ...sensorFields,
    tag: sensorFields.tag.optional(),
    name: sensorFields.name.optional(),
    kind: sensorFields.kind.optional(),
    unit: sensorFields.unit.optional(),
  })
  .extend(versioned.shape)
  .strict();

export const sensorView = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  areaId: z.string().uuid().nullable(),
  areaName: z.string().nullable(),
  tag: z.string(),
  name: z.string(),
  kind: z.enum(sensorKinds),
  unit: z.string(),
  equipment: z.string().nullable(),
  gateway: z.string().nullable(),
  inService: z.boolean(),
  limitHH: z.number().nullable(),
  limitH: z.number().nullable(),
  limitL: z.number().nullable(),
  limitLL: z.number().nullable(),
  deadband: z.number(),
  onDelaySeconds: z.number().int(),
  offDelaySeconds: z.number().int(),
  ratePerMinute: z.number().nullable(),
  stuckAfterMinutes: z.number().int().nullable(),
  lastValue: z.number().nullable(),
  lastAt: z.string().nullable(),
  openAlarms: z.number().int(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type SensorView = z.infer<typeof sensorView>;

export const sensorListQuery = listQuery(['tag', 'name', 'kind', 'updatedAt'] as const).extend({
  siteId: z.string().uuid().optional(),
  areaId: z.string().uuid().optional(),
  kind: z.enum(sensorKinds).optional(),
  inService: z.enum(['true', 'false']).optional(),
});
export const sensorPage = pageOf(sensorView);

// ---- Readings

export const readingInput = z
  .object({
    sensorId: z.string().uuid(),
    at: isoDateTime,
    value: z.number().min(-1e12).max(1e12),
  })
  .strict();
/**
 * One batch from a gateway: at most 10,000 readings. The route also takes a bare JSON array of readings or a
 * CSV file (readings-csv.ts), and turns either into this shape before checking it, so an error names its field.
 */
export const readingBatch = z
  .object({ gateway: text(100).optional(), readings: z.array(readingInput).min(1).max(10_000) })
  .strict();

/**
 * A batch published over MQTT (ARCHITECTURE.md, "MQTT ingestion"): the HTTP batch, with the gateway's API token
 * in `token` when it publishes to an external broker (which does not know Steward's tokens). The embedded broker
 * takes the token at CONNECT, as the password, and ignores this field.
 */
export const mqttReadingBatch = readingBatch
  .extend({ token: z.string().max(200).optional(), batchId: text(100).optional() })
  .strict();

export const refusalReasons = ['unknown_sensor', 'outside_site'] as const;
export const ingestResult = z.object({
  received: z.number().int(),
  stored: z.number().int(),
  duplicates: z.number().int(),
  late: z.number().int(),
  refused: z.array(
    z.object({ index: z.number().int(), sensorId: z.string(), reason: z.enum(refusalReasons) }),
  ),
  alarmsRaised: z.number().int(),
  alarmsCleared: z.number().int(),
});
export type IngestResult = z.infer<typeof ingestResult>;

/**
 * What the ingestion answers a gateway for each MQTT batch it took (ARCHITECTURE.md, "MQTT ingestion"), on
 * `<root>/<site code>/answers/<gateway>`: the batch's own `batchId`, the counts, and each refused reading with its
 * reason; or, for a batch that could not be read at all, `problem` (nothing of it stored).
 */
export const ingestAnswer = z.object({
  batchId: z.string().nullable(),
  received: z.number().int(),
  stored: z.number().int(),
  duplicates: z.number().int(),
  late: z.number().int(),
  refused: ingestResult.shape.refused,
  problem: z.string().nullable(),
});
export type IngestAnswer = z.infer<typeof ingestAnswer>;

export const readingsQuery = z.object({
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  /** raw readings, or the per-minute or per-hour roll-up. */
  resolution: z.enum(['raw', 'minute', 'hour']).default('raw'),
});
export const readingsView = z.object({
  resolution: z.enum(['raw', 'minute', 'hour']),
  points: z.array(
    z.object({
      at: z.string(),
      value: z.number(),
      min: z.number().optional(),
      max: z.number().optional(),
      count: z.number().int().optional(),
      late: z.boolean().optional(),
    }),
  ),
});

// ---- Alarms

export const alarmConditions = ['hh', 'h', 'l', 'll', 'rate', 'stuck', 'anomaly'] as const;
export const alarmPriorities = ['low', 'medium', 'high', 'urgent'] as const;

export const alarmView = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid(),
  siteCode: z.string(),
  sensorId: z.string().uuid(),
  sensorTag: z.string(),
  sensorName: z.string(),
  unit: z.string(),
  areaId: z.string().uuid().nullable(),
  /** The alarm's title in the reader's language. */
  title: z.string(),
  condition: z.enum(alarmConditions),
  priority: z.enum(alarmPriorities),
  state: z.enum(alarmStates),
  active: z.boolean(),
  raisedAt: z.string(),
  raisedValue: z.number(),
  limitValue: z.number().nullable(),
  clearedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  shelvedUntil: z.string().nullable(),
  shelveReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  incidentId: z.string().uuid().nullable(),
  /** When it was escalated to the site's officers for want of an acknowledgement (once at most). */
  escalatedAt: z.string().nullable(),
  version: z.number().int(),
});
export type AlarmView = z.infer<typeof alarmView>;

/** One alarm with whom it reached: its area's responders on shift when raised, and the escalation's people. */
export const alarmDetail = alarmView.extend({
  notified: z.array(
    z.object({
      userId: z.string().uuid(),
      name: z.string(),
      reason: z.enum(['responder', 'escalation']),
      notifiedAt: z.string(),
    }),
  ),
});
export type AlarmDetail = z.infer<typeof alarmDetail>;

export const alarmListQuery = listQuery(['raisedAt', 'priority'] as const).extend({
  siteId: z.string().uuid().optional(),
  sensorId: z.string().uuid().optional(),
  /** open (the default): not yet normal and acknowledged; all: every alarm. */
  status: z.enum(['open', 'all']).default('open'),
  priority: z.enum(alarmPriorities).optional(),
});
export const alarmPage = pageOf(alarmView);

/** The live stream of alarm changes (server-sent events), optionally of one site. */
export const alarmLiveQuery = z.object({ siteId: z.string().uuid().optional() });
export const alarmChanges = ['raised', 'changed', 'removed'] as const;
/**
 * One event of the stream (`event: alarm`): which alarm changed, at which site; the reader asks for the alarm
 * itself. `event: resync` (no data) says changes may have been missed: read everything again.
 */
export const alarmLiveEvent = z.object({
  id: z.string().uuid(),
  siteId: z.string().uuid(),
  change: z.enum(alarmChanges),
});
export type AlarmLiveEvent = z.infer<typeof alarmLiveEvent>;

export const acknowledgeInput = versioned.strict();
export const shelveInput = z
  .object({ until: isoDateTime, reason: text(500) })
  .extend(versioned.shape)
  .strict();
export const nearMissInput = z
  .object({
    title: text(200),
    description: text(10_000),
    /** Minutes of readings before the alarm to attach (the window ends when it cleared, or now). */
    minutesBefore: z.number().int().min(0).max(1440).default(30),
  })
  .extend(versioned.shape)
  .strict();
export const nearMissView = z.object({
  alarm: alarmView,
  incidentId: z.string().uuid(),
  readings: z.number().int(),
});

// ---- Alarm KPIs (ISA-18.2 / EEMUA 191): rules/kpis.ts, alarm-kpis.ts

/** The thresholds the figures are judged against: a group setting (settings.ts), defaults in rules/kpis.ts. */
export const alarmKpiThresholds = z
  .object({
    windowMinutes: z.number().int().min(1).max(60),
    acceptablePerWindow: z.number().min(0).max(1000),
    manageablePerWindow: z.number().min(0).max(1000),
    floodStartAbove: z.number().int().min(1).max(10_000),
    /** At least 1: a flood must be able to end. */
    floodEndBelow: z.number().int().min(1).max(10_000),
    floodTimeTargetPercent: z.number().min(0).max(100),
    chatterCount: z.number().int().min(2).max(1000),
    chatterSeconds: z.number().int().min(1).max(3600),
    staleHours: z.number().min(1).max(720),
    badActors: z.number().int().min(1).max(50),
  })
  .strict()
  .refine((s) => s.floodEndBelow <= s.floodStartAbove, {
    message: 'A flood ends below the count that starts it',
    path: ['floodEndBelow'],
  })
  .refine((s) => s.acceptablePerWindow <= s.manageablePerWindow, {
    message: 'The acceptable rate is at most the manageable one',
    path: ['acceptablePerWindow'],
  });

/** The longest period the figures cover: a month of 10-minute windows. */
export const KPI_MAX_DAYS = 31;

export const alarmKpiQuery = z.object({
  siteId: z.string().uuid().optional(),
  /** The period [from, to): by default the 24 hours before now. */
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});

/** An operator position: an area, or a site's sensors that have no area (areaId null). */
const positionFields = {
  siteId: z.string().uuid(),
  siteCode: z.string(),
  areaId: z.string().uuid().nullable(),
  areaName: z.string().nullable(),
};
const alarmSourceFields = {
  ...positionFields,
  sensorId: z.string().uuid(),
  sensorTag: z.string(),
  sensorName: z.string(),
  condition: z.enum(alarmConditions),
};

export const alarmKpiView = z.object({
  from: z.string(),
  to: z.string(),
  thresholds: alarmKpiThresholds,
  /** Whether the reader may change the thresholds (the program managed over the whole group). */
  mayChangeThresholds: z.boolean(),
  /**
   * Raises (annunciations) in the period: an alarm re-activated before it was acknowledged counts each time.
   * 0 means "no alarms", and every figure below but the stale alarms is then 0 or empty.
   */
  total: z.number().int(),
  /** Clock-aligned windows (windowMinutes long) overlapping the period, with the raises in each. */
  windows: z.array(z.object({ start: z.string(), count: z.number().int() })),
  positions: z.array(
    z.object({
      ...positionFields,
      alarms: z.number().int(),
      averagePerWindow: z.number(),
      peakPerWindow: z.number().int(),
      /** Shares (0–1) of the windows with more alarms than the acceptable and the manageable rate. */
      aboveAcceptable: z.number(),
      aboveManageable: z.number(),
    }),
  ),
  floods: z.array(
    z.object({
      ...positionFields,
      start: z.string(),
      /** null: still in flood at the end of the period. */
      end: z.string().nullable(),
      alarms: z.number().int(),
    }),
  ),
  /** Share (0–1) of the period that some position spent in flood. */
  floodTimeShare: z.number(),
  chattering: z.array(
    z.object({
      ...alarmSourceFields,
      alarms: z.number().int(),
      mostWithin: z.number().int(),
      firstAt: z.string(),
    }),
  ),
  stale: z.array(
    z.object({ id: z.string().uuid(), ...alarmSourceFields, raisedAt: z.string(), activeHours: z.number() }),
  ),
  badActors: z.array(z.object({ ...alarmSourceFields, alarms: z.number().int(), share: z.number() })),
  badActorsShare: z.number(),
});
export type AlarmKpiView = z.infer<typeof alarmKpiView>;

// ---- Alarm responders (responders.ts): per area, each on an optional shift at the site

/** A local time of day, "HH:MM" (24-hour). */
const timeOfDay = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'A time of day, HH:MM');

export const responderInput = z
  .object({
    userId: z.string().uuid(),
    /** Both or neither: no shift means always on call; an end before the start runs past midnight. */
    shiftStart: timeOfDay.nullable().default(null),
    shiftEnd: timeOfDay.nullable().default(null),
  })
  .strict()
  .refine((r) => (r.shiftStart === null) === (r.shiftEnd === null), {
    message: 'A shift has both a start and an end, or neither',
    path: ['shiftEnd'],
  });
export const respondersInput = z.object({ responders: z.array(responderInput).max(100) }).strict();
export const responderView = z.object({
  userId: z.string().uuid(),
  name: z.string(),
  shiftStart: z.string().nullable(),
  shiftEnd: z.string().nullable(),
});
export const respondersView = z.object({
  areaId: z.string().uuid(),
  siteId: z.string().uuid(),
  timeZone: z.string(),
  responders: z.array(responderView),
});
export type RespondersView = z.infer<typeof respondersView>;

/** Minutes an unacknowledged alarm of each priority waits before it is escalated: a group setting. */
const escalationMinutes = z.number().int().min(1).max(1440);
export const escalationSettings = z
  .object({
    urgent: escalationMinutes,
    high: escalationMinutes,
    medium: escalationMinutes,
    low: escalationMinutes,
  })
  .strict();

/**
 * How long readings are kept (a group setting): raw readings for `rawDays`, or a kind's own period in
 * `rawDaysByKind` (a kind left out keeps `rawDays`); the per-minute roll-ups for `minuteRollupDays`; the hourly
 * roll-ups, which the history of years is drawn from, for `hourRollupYears`.
 */
const retentionDays = z.number().int().min(7).max(3650);
export const retentionSettings = z
  .object({
    rawDays: retentionDays,
    rawDaysByKind: z.partialRecord(z.enum(sensorKinds), retentionDays),
    minuteRollupDays: retentionDays,
    hourRollupYears: z.number().int().min(1).max(50),
  })
  .strict();
export type RetentionSettings = z.infer<typeof retentionSettings>;

/** What one run of the retention job removed. */
export const retentionRun = z.object({
  partitionsDropped: z.array(z.string()),
  readingsDeleted: z.number().int(),
  minuteRollupsDeleted: z.number().int(),
  hourRollupsDeleted: z.number().int(),
});
export type RetentionRun = z.infer<typeof retentionRun>;
