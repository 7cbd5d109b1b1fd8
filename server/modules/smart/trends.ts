import type { z } from 'zod';
import type { TrendView, trendQuery } from '#shared/modules/smart/trends-contract.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { InfosecIncidentCounts } from '../infosec/index.ts';
import type { OhsDailyCounts } from '../ohs/index.ts';
import { alarmQuarterHours } from './kpi-repo.ts';
import { backtestCoverage, fitSeasonal, forecastSeasonal, outside } from './rules/forecast.ts';

const PROGRAM = 'smart' as const;
const DAY_MS = 86_400_000;
/** Daily counts follow the week. */
const WEEK = 7;
const LEVEL = 0.95;
/** The backtest: week-long forecasts from this many origins a week apart, the last ending yesterday. */
const BACKTEST_ORIGINS = 26;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => isoDay(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS);

/** A site's local calendar day of an instant. */
function localDay(zone: string) {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return (at: Date) => format.format(at);
}

/**
 * Trends of daily counts: the monitoring program's alarms and, through the other programs' own counts and
 * permissions, near misses, injuries and security incidents (alarms and security incidents by the day of each
 * site's clock). Each series is fitted with an additive
 * Holt-Winters model of the week and forecast with a 95% interval; the recent days are held against the
 * forecast made before them, and a backtest over the last half year says how often the interval held.
 */
export function createTrendsService(deps: {
  db: Db;
  org: Pick<OrgService, 'sitesByIds'>;
  ohs: OhsDailyCounts;
  security: InfosecIncidentCounts;
  now: () => Date;
}) {
  /** Counts per site and quarter hour, placed on each site's own calendar day, within [from, to]. */
  async function localDays(
    rows: readonly { siteId: string; quarter: Date; count: number }[],
    from: string,
    to: string,
  ) {
    const zones = await deps.org.sitesByIds(rows.map((r) => r.siteId));
    const days = new Map<string, number>();
    const dayOf = new Map<string, (at: Date) => string>();
    for (const r of rows) {
      const zone = zones.get(r.siteId)?.timeZone ?? 'UTC';
      let toDay = dayOf.get(zone);
      if (!toDay) {
        toDay = localDay(zone);
        dayOf.set(zone, toDay);
      }
      const day = toDay(r.quarter);
      if (day >= from && day <= to) days.set(day, (days.get(day) ?? 0) + r.count);
    }
    return [...days].map(([day, count]) => ({ day, count }));
  }

  /** A day or so either side of the period: a site's local day starts up to 14 hours from UTC's. */
  const around = (from: string, to: string) => ({
    from: new Date(Date.parse(`${from}T00:00:00Z`) - DAY_MS),
    to: new Date(Date.parse(`${to}T00:00:00Z`) + 2 * DAY_MS),
  });

  async function alarmDays(actor: Actor, q: { siteId?: string; from: string; to: string }) {
    const scope = access.listScope(actor, 'smart.read', PROGRAM);
    if (q.siteId && scope !== 'all' && !scope.has(q.siteId)) throw new NotFoundError('site');
    const rows = await alarmQuarterHours(deps.db, { scope, siteId: q.siteId, ...around(q.from, q.to) });
    return localDays(
      rows.map((r) => ({ siteId: r.site_id, quarter: new Date(r.quarter), count: Number(r.count) })),
      q.from,
      q.to,
    );
  }

  async function counts(actor: Actor, q: z.infer<typeof trendQuery>, from: string, to: string) {
    if (q.series === 'alarms') return alarmDays(actor, { siteId: q.siteId, from, to });
    if (q.series === 'security_incidents')
      return localDays(
        await deps.security.quarterHours(actor, { siteId: q.siteId, ...around(from, to) }),
        from,
        to,
      );
    const kind = q.series === 'near_misses' ? 'near_miss' : 'injury';
    return deps.ohs.incidents(actor, { kind, siteId: q.siteId, from, to });
  }

  return {
    async series(actor: Actor, q: z.infer<typeof trendQuery>): Promise<TrendView> {
      // Up to yesterday: today's count is still growing, and would always look low.
      const to = isoDay(deps.now().getTime() - DAY_MS);
      const from = addDays(to, -(q.days - 1));
      const byDay = new Map((await counts(actor, q, from, to)).map((r) => [r.day, r.count]));
      // A day without a record counted zero: the series has every day of the period.
      const actual = Array.from({ length: q.days }, (_, i) => {
        const date = addDays(from, i);
        return { date, count: byDay.get(date) ?? 0 };
      });
      const values = actual.map((a) => a.count);
      const fit = fitSeasonal(values, WEEK);
      const forecast = forecastSeasonal(fit, q.horizon, { level: LEVEL, floor: 0 }).map((p, i) => ({
        date: addDays(to, i + 1),
        ...p,
      }));
      const held = values.length - q.horizon;
      const before = forecastSeasonal(fitSeasonal(values.slice(0, held), WEEK), q.horizon, {
        level: LEVEL,
        floor: 0,
      });
      const recent = before.map((p, i) => ({
        ...actual[held + i],
        ...p,
        outside: outside(p, actual[held + i].count),
      }));
      const backtest = backtestCoverage(values, WEEK, {
        origins: BACKTEST_ORIGINS,
        horizon: WEEK,
        level: LEVEL,
        floor: 0,
      });
      return {
        series: q.series,
        siteId: q.siteId ?? null,
        from,
        to,
        level: LEVEL,
        actual,
        recent,
        forecast,
        // No origin with enough history before it: no coverage to tell (null, not a coverage of 0).
        backtest,
        weights: fit.params,
      };
    },
  };
}
