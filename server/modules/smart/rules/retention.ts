import { type RetentionSettings, type SensorKind, sensorKinds } from '#shared/modules/smart/contract.ts';

const DAY = 86_400_000;

/**
 * The defaults follow the usual historian practice: raw readings for a year (a year-on-year look at any day),
 * minute roll-ups for two years, hourly roll-ups for ten.
 */
export const defaultRetention: RetentionSettings = {
  rawDays: 365,
  rawDaysByKind: {},
  minuteRollupDays: 730,
  hourRollupYears: 10,
};

/** The instant before which a kind's raw readings are removed: its period in whole days of 24 hours. */
export function rawCutoff(settings: RetentionSettings, kind: SensorKind, now: Date): Date {
  return new Date(now.getTime() - (settings.rawDaysByKind[kind] ?? settings.rawDays) * DAY);
}

/** The raw cutoff of every kind; kinds with the same period share one. */
export function rawCutoffs(settings: RetentionSettings, now: Date): { cutoff: Date; kinds: SensorKind[] }[] {
  const byTime = new Map<number, SensorKind[]>();
  for (const kind of sensorKinds) {
    const at = rawCutoff(settings, kind, now).getTime();
    byTime.set(at, [...(byTime.get(at) ?? []), kind]);
  }
  return [...byTime.entries()]
    .sort(([a], [b]) => a - b)
    .map(([at, kinds]) => ({ cutoff: new Date(at), kinds }));
}

export function minuteRollupCutoff(settings: RetentionSettings, now: Date): Date {
  return new Date(now.getTime() - settings.minuteRollupDays * DAY);
}

/**
 * Hourly roll-ups are kept for whole calendar years: the same day and time that many years back (UTC). From
 * 29 February to a year without one it is 28 February, so that a day is kept rather than lost.
 */
export function hourRollupCutoff(settings: RetentionSettings, now: Date): Date {
  const year = now.getUTCFullYear() - settings.hourRollupYears;
  const month = now.getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      year,
      month,
      Math.min(now.getUTCDate(), lastDay),
      now.getUTCHours(),
      now.getUTCMinutes(),
      now.getUTCSeconds(),
      now.getUTCMilliseconds(),
    ),
  );
}

const MONTH_PARTITION = /^smart_readings_(\d{4})(\d{2})$/;

/** The month a readings partition holds (`smart_readings_YYYYMM`, from the first instant to the next month's), or null. */
export function monthOfPartition(name: string): { from: Date; to: Date } | null {
  const m = MONTH_PARTITION.exec(name);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]) - 1;
  if (month < 0 || month > 11) return null;
  return { from: new Date(Date.UTC(year, month, 1)), to: new Date(Date.UTC(year, month + 1, 1)) };
}

/**
 * The month partitions that may be dropped whole: every reading in them is older than the cutoff of every
 * sensor kind (the earliest cutoff, the kind kept longest). Others keep their rows and lose them row by row.
 */
export function droppablePartitions(
  names: readonly string[],
  settings: RetentionSettings,
  now: Date,
): string[] {
  const earliest = Math.min(...sensorKinds.map((kind) => rawCutoff(settings, kind, now).getTime()));
  return names
    .filter((name) => {
      const month = monthOfPartition(name);
      return month !== null && month.to.getTime() <= earliest;
    })
    .sort();
}
