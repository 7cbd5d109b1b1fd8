import type { z } from 'zod';
import { type AlarmKpiView, type alarmKpiQuery, KPI_MAX_DAYS } from '#shared/modules/smart/contract.ts';
import type { Db } from '../../db/types.ts';
import { type Actor, sitesWith } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { SettingsService } from '../../platform/settings/service.ts';
import { kpiRaiseRows, kpiStaleAlarmRows } from './kpi-repo.ts';
import { alarmKpis } from './rules/kpis.ts';
import { type AlarmKpiSettings, alarmKpiSettings } from './settings.ts';

const PROGRAM = 'smart' as const;
const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Alarm system performance (ISA-18.2 §16.9, EEMUA 191) of the sites the actor reads, or of one of them, over a
 * period. No record says which operator answers which alarms: each area is taken as one operator position, and
 * a site's sensors without an area as one more. Counts are raises (annunciations), stale alarms are records.
 */
export function createAlarmKpisService(deps: {
  db: Db;
  org: Pick<OrgService, 'sitesByIds' | 'areaNames'>;
  settings: SettingsService;
  now: () => Date;
}) {
  const { db } = deps;
  return {
    async figures(actor: Actor, q: z.infer<typeof alarmKpiQuery>): Promise<AlarmKpiView> {
      const scope = access.listScope(actor, 'smart.read', PROGRAM);
      const to = q.to ? Date.parse(q.to) : deps.now().getTime();
      const from = q.from ? Date.parse(q.from) : to - DAY_MS;
      if (!(from < to))
        throw new ValidationError('The period ends after it starts.', [
          { path: 'from', message: 'Before the end of the period' },
        ]);
      if (to - from > KPI_MAX_DAYS * DAY_MS)
        throw new ValidationError(`The period is at most ${KPI_MAX_DAYS} days.`, [
          { path: 'from', message: `At most ${KPI_MAX_DAYS} days before the end` },
        ]);
      const thresholds = await deps.settings.get(alarmKpiSettings);
      const [rows, raises] = await Promise.all([
        kpiStaleAlarmRows(db, {
          scope,
          siteId: q.siteId,
          to: new Date(to),
          staleBefore: new Date(to - thresholds.staleHours * 3_600_000),
        }),
        kpiRaiseRows(db, { scope, siteId: q.siteId, from: new Date(from), to: new Date(to) }),
      ]);
      // An area is one position; a site's sensors without an area are another, named by the site.
      const positionOf = (r: { area_id: string | null; site_id: string }) => r.area_id ?? `site:${r.site_id}`;
      const report = alarmKpis(
        rows.map((r) => ({
          id: r.id,
          sensorId: r.sensor_id,
          condition: r.condition,
          position: positionOf(r),
          raisedAt: r.raised_at.getTime(),
          clearedAt: r.cleared_at?.getTime() ?? null,
        })),
        from,
        to,
        thresholds,
        raises.map((r) => ({
          sensorId: r.sensor_id,
          condition: r.condition,
          position: positionOf(r),
          at: r.raised_at.getTime(),
        })),
      );
      const places = [...rows, ...raises];
      const [sites, areas] = await Promise.all([
        deps.org.sitesByIds(places.map((r) => r.site_id)),
        deps.org.areaNames(places.map((r) => r.area_id)),
      ]);
      const byPosition = new Map(places.map((r) => [positionOf(r), r]));
      // Counted alarms are known by their raises, stale ones by their records.
      const bySensor = new Map<string, Pick<(typeof rows)[number], 'site_id' | 'area_id' | 'tag' | 'name'>>([
        ...raises.map((r) => [r.sensor_id, r] as const),
        ...rows.map((r) => [r.sensor_id, r] as const),
      ]);
      const place = (r: { site_id: string; area_id: string | null } | undefined) => {
        if (!r) throw new Error('A figure names an alarm that was not read');
        return {
          siteId: r.site_id,
          siteCode: sites.get(r.site_id)?.code ?? '',
          areaId: r.area_id,
          areaName: r.area_id ? (areas.get(r.area_id) ?? null) : null,
        };
      };
      const source = (s: { sensorId: string; condition: string }) => {
        const r = bySensor.get(s.sensorId);
        return {
          ...place(r),
          sensorId: s.sensorId,
          sensorTag: r?.tag ?? '',
          sensorName: r?.name ?? '',
          condition: s.condition as (typeof rows)[number]['condition'],
        };
      };
      return {
        from: iso(from),
        to: iso(to),
        thresholds,
        mayChangeThresholds: sitesWith(actor, 'smart.manage', PROGRAM) === 'all',
        total: report.total,
        windows: report.windows.map((w) => ({ start: iso(w.start), count: w.count })),
        positions: report.positions.map(({ position, ...p }) => ({
          ...place(byPosition.get(position ?? '')),
          ...p,
        })),
        floods: report.floods.map((f) => ({
          ...place(byPosition.get(f.position ?? '')),
          start: iso(f.start),
          end: f.end === null ? null : iso(f.end),
          alarms: f.alarms,
        })),
        floodTimeShare: report.floodTimeShare,
        chattering: report.chattering.map((c) => ({
          ...source(c),
          alarms: c.alarms,
          mostWithin: c.mostWithin,
          firstAt: iso(c.firstAt),
        })),
        stale: report.stale.map((s) => ({
          id: s.id,
          ...source(s),
          raisedAt: iso(s.raisedAt),
          activeHours: s.activeHours,
        })),
        badActors: report.badActors.map((b) => ({ ...source(b), alarms: b.alarms, share: b.share })),
        badActorsShare: report.badActorsShare,
      };
    },

    async thresholds(actor: Actor) {
      access.listScope(actor, 'smart.read', PROGRAM);
      return deps.settings.get(alarmKpiSettings);
    },

    /** The thresholds apply to every site: only whoever runs the program group-wide changes them. */
    async setThresholds(actor: Actor, value: AlarmKpiSettings) {
      access.assertGroupWide(actor, 'smart.manage', PROGRAM);
      return db.transaction().execute((trx) => deps.settings.set(trx, actor, alarmKpiSettings, value));
    },
  };
}

export type AlarmKpisService = ReturnType<typeof createAlarmKpisService>;
