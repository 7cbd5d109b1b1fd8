import { sql } from 'kysely';
import type { Db } from '../../db/types.ts';
import type { SiteScope } from '../../platform/access/actor.ts';
import { inScope } from '../../platform/access/sql.ts';

/**
 * The alarms that may be stale at the end of a period: raised before `staleBefore` and still active at `to`
 * (they may be older than the period). The counts of the KPIs come from the raises (`kpiRaiseRows`).
 */
export function kpiStaleAlarmRows(
  db: Db,
  filter: { scope: SiteScope; siteId?: string; to: Date; staleBefore: Date },
) {
  let q = db
    .selectFrom('smart_alarms as a')
    .innerJoin('smart_sensors as s', 's.id', 'a.sensor_id')
    .select([
      'a.id',
      'a.site_id',
      'a.sensor_id',
      'a.condition',
      'a.raised_at',
      'a.cleared_at',
      's.area_id',
      's.tag',
      's.name',
    ])
    .where((eb) => inScope(eb, 'a.site_id', filter.scope))
    .where('a.raised_at', '<', filter.staleBefore)
    .where((eb) => eb.or([eb('a.cleared_at', 'is', null), eb('a.cleared_at', '>', filter.to)]));
  if (filter.siteId) q = q.where('a.site_id', '=', filter.siteId);
  return q.execute();
}
export type KpiAlarmRow = Awaited<ReturnType<typeof kpiStaleAlarmRows>>[number];

/**
 * Each raise of an alarm in [from, to) (its first and every re-activation, migration 0061), with its sensor's
 * place: what the rate, floods, chattering and bad actors count.
 */
export function kpiRaiseRows(db: Db, filter: { scope: SiteScope; siteId?: string; from: Date; to: Date }) {
  let q = db
    .selectFrom('smart_alarm_raises as r')
    .innerJoin('smart_sensors as s', 's.id', 'r.sensor_id')
    .select(['r.site_id', 'r.sensor_id', 'r.condition', 'r.raised_at', 's.area_id', 's.tag', 's.name'])
    .where((eb) => inScope(eb, 'r.site_id', filter.scope))
    .where('r.raised_at', '>=', filter.from)
    .where('r.raised_at', '<', filter.to);
  if (filter.siteId) q = q.where('r.site_id', '=', filter.siteId);
  return q.execute();
}

/**
 * Alarms raised in [from, to) per site and quarter of an hour (UTC): fine enough to place each in its site's
 * local day in every time zone, whole-hour or not. Counted as the KPIs count them: each raise (an alarm that
 * returned before it was acknowledged is raised again, on its own day).
 */
export function alarmQuarterHours(db: Db, f: { scope: SiteScope; siteId?: string; from: Date; to: Date }) {
  let q = db
    .selectFrom('smart_alarm_raises as r')
    .select([
      'r.site_id',
      sql<Date>`date_bin('15 minutes', r.raised_at, timestamptz '2000-01-01 00:00:00+00')`.as('quarter'),
      sql<number>`count(*)::int`.as('count'),
    ])
    .where((eb) => inScope(eb, 'r.site_id', f.scope))
    .where('r.raised_at', '>=', f.from)
    .where('r.raised_at', '<', f.to);
  if (f.siteId) q = q.where('r.site_id', '=', f.siteId);
  return q.groupBy(['r.site_id', 'quarter']).execute();
}
