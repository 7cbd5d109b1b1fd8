import type { z } from 'zod';
import {
  type Classification,
  daysLost,
  isDart,
  isDisabling,
  isHighConsequence,
  isLostTime,
  isRecordable,
} from '#shared/modules/ohs/rules/injury.ts';
import type { statisticsQuery } from '#shared/modules/ohs/statistics/contract.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import type { Db } from '../../../db/types.ts';
import { type Actor, scopeHas, scopeIsEmpty } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { ForbiddenError } from '../../../platform/http/errors.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { SettingsService } from '../../../platform/settings/service.ts';
import type { DataVersionsService } from '../../../platform/versions/service.ts';
import { monthShare, sameDayIn, shareOfHours } from '../rules/period.ts';
import type { RoundingMode } from '../rules/rates.ts';
import { emptyTally, mergeTallies, type Tally, tallyRates } from '../rules/tally.ts';
import { ratesSetting } from '../settings.ts';
import * as repo from './repo.ts';

const PROGRAM = 'ohs' as const;
/** The version of the hours, injuries and incidents (migration 0077). */
const STATISTICS_VERSION = 'ohs.statistics';

/** A site in the statistics' scope, with what its rows are keyed and labelled by. */
type SiteOfStatistics = {
  id: string;
  code: string;
  name: string;
  subsidiary_code: string;
  subsidiary_name: string;
  time_zone: string;
};

/**
 * Injury statistics by site, subsidiary or group, by year or month, for employees and other workers apart,
 * from the hours, the settled injuries' counts kept in their summary (ohs_injury_months) and the few open
 * injuries classified as of today; the rates come from the summed counts. Commuting and traffic accidents are
 * excluded, as the Ministry's statistics and GRI 403-9 exclude them.
 */
export function createOhsStatisticsService(
  db: Db,
  settingsService: SettingsService,
  org: Pick<OrgService, 'sitesWithSubsidiary'>,
  versions: Pick<DataVersionsService, 'read'>,
  now: () => Date = () => new Date(),
) {
  async function rounding(): Promise<RoundingMode> {
    return (await settingsService.get(ratesSetting)).rounding;
  }

  return {
    rounding,

    async settings(actor: Actor) {
      access.listScope(actor, 'ohs.read', PROGRAM);
      return { rounding: await rounding() };
    },

    /** The rounding mode is the group's: only managers of OHS for the whole group change it. */
    async setSettings(actor: Actor, settings: { rounding: RoundingMode }) {
      if (access.listScope(actor, 'ohs.manage', PROGRAM) !== 'all') throw new ForbiddenError('ohs.manage');
      await db.transaction().execute((trx) => settingsService.set(trx, actor, ratesSetting, settings));
      return settings;
    },

    async statistics(actor: Actor, q: z.infer<typeof statisticsQuery>) {
      return (await statisticsAnswer(actor, q)).compute();
    },

    statisticsAnswer,
  };

  /**
   * The statistics as a key and the computation it names: the key holds everything the answer depends on
   * (the query, the sites in scope with their names, the rounding, today, and the version of the hours,
   * injuries and incidents, all read now), so an answer kept under it is the answer `compute` would give.
   */
  async function statisticsAnswer(actor: Actor, q: z.infer<typeof statisticsQuery>) {
    const scope = access.listScope(actor, 'ohs.read', PROGRAM);
    if (scopeIsEmpty(scope)) throw new ForbiddenError('ohs.read');
    const clock = now();
    // The sites in scope with their subsidiaries, from the org service (one query).
    const [mode, named, version] = await Promise.all([
      rounding(),
      org.sitesWithSubsidiary(q.siteId ? [q.siteId] : scope === 'all' ? 'all' : [...scope]),
      versions.read(STATISTICS_VERSION),
    ]);
    const sites = named
      .filter((s) => scopeHas(scope, s.id))
      .map((s) => ({
        id: s.id,
        code: s.code,
        name: s.name,
        subsidiary_code: s.subsidiaryCode,
        subsidiary_name: s.subsidiaryName,
        time_zone: s.timeZone,
      }));
    // Today in the group's time zone and in each site's: both change what the statistics count.
    const zones = [...new Set([GROUP_TIME_ZONE, ...sites.map((s) => s.time_zone)])].sort();
    const today = zones.map((zone) => localDate(clock, zone));
    const key = { query: { ...q }, mode, version, sites, today };
    return { key, compute: () => compute(q, mode, sites, clock) };
  }

  async function compute(
    q: z.infer<typeof statisticsQuery>,
    mode: RoundingMode,
    sites: SiteOfStatistics[],
    clock: Date,
  ) {
    const from = `${Math.min(q.from, q.to)}-01-01`;
    const to = `${Math.max(q.from, q.to)}-12-31`;
    const asOf = localDate(clock, GROUP_TIME_ZONE);
    const siteById = new Map(sites.map((s) => [s.id, s]));
    // Year to date: each year from 1 January to the same day as today, today read in the sites' time zone
    // when they share one, else in the group's (and the answer says which).
    const zones = new Set(sites.map((s) => s.time_zone));
    const zone = zones.size === 1 ? [...zones][0] : GROUP_TIME_ZONE;
    const today = q.yearToDate === 'true' ? localDate(clock, zone) : null;
    const yearToDateOf = today ? { today, through: today.slice(5), timeZone: zone } : null;
    const endOf = (date: string) => (today ? sameDayIn(today, Number(date.slice(0, 4))) : null);
    const keyOf = (siteId: string) => {
      const s = siteById.get(siteId);
      if (!s) return null;
      if (q.by === 'site') return { key: s.code, label: s.name };
      if (q.by === 'subsidiary') return { key: s.subsidiary_code, label: s.subsidiary_name };
      return { key: 'group', label: 'Group' };
    };
    const periodOf = (date: string) => (q.period === 'year' ? date.slice(0, 4) : date.slice(0, 7));

    const buckets = new Map<
      string,
      { key: string; label: string; period: string; employees: Tally; nonEmployees: Tally; cases: number }
    >();
    const bucket = (siteId: string, date: string) => {
      const k = keyOf(siteId);
      if (!k) return null;
      const period = periodOf(date);
      const id = `${k.key}|${period}`;
      let b = buckets.get(id);
      if (!b) {
        b = { ...k, period, employees: emptyTally(), nonEmployees: emptyTally(), cases: 0 };
        buckets.set(id, b);
      }
      return b;
    };
    const ids = [...siteById.keys()];
    if (ids.length === 0) return { rounding: mode, rows: [], yearToDate: yearToDateOf };

    const hours = await repo.hoursOf(db, ids, from, to);
    for (const h of hours) {
      const end = endOf(h.month);
      const share = end ? monthShare(h.month, end) : null;
      if (share?.days === 0) continue;
      const b = bucket(h.site_id, h.month);
      if (!b) continue;
      const part = (v: unknown) => (share ? shareOfHours(String(v), share) : String(v));
      b.employees.hours.push(part(h.employee_hours));
      b.nonEmployees.hours.push(part(h.non_employee_hours));
    }

    // Settled injuries come summed from their summary; open ones (and, year to date, those of the month each
    // year is cut in) are classified here with the rules, as of today.
    const cutMonth = today ? Number(today.slice(5, 7)) : null;
    const summedMonths = { from, to, beforeMonth: cutMonth, period: q.period };
    const [counts, types, injuries] = await Promise.all([
      repo.summedCounts(db, ids, summedMonths),
      repo.summedTypes(db, ids, summedMonths),
      repo.injuriesOutsideSummary(db, ids, from, to, today ? cutMonthsOf(today, from, to) : []),
    ]);
    const tallyOf = (siteId: string, period: string, personType: string) => {
      const b = bucket(siteId, period);
      if (!b) return null;
      return { b, t: personType === 'employee' ? b.employees : b.nonEmployees };
    };
    for (const c of counts) {
      const at = tallyOf(c.site_id, c.period, c.person_type);
      if (!at) continue;
      const { b, t } = at;
      t.disabling += c.disabling;
      t.daysLost += Number(c.days_lost);
      t.fatalities += c.fatalities;
      t.highConsequence += c.high_consequence;
      t.recordable += c.recordable;
      b.cases += c.recordable;
      t.dart += c.dart;
      t.lostTime += c.lost_time;
    }
    for (const c of types) {
      const t = tallyOf(c.site_id, c.period, c.person_type)?.t;
      if (t) t.types.set(c.injury_type, (t.types.get(c.injury_type) ?? 0) + c.recordable);
    }
    for (const j of injuries) {
      const end = endOf(j.injury_date);
      if (end && j.injury_date > end) continue;
      const at = tallyOf(j.site_id, j.injury_date, j.person_type);
      if (!at) continue;
      const { b, t } = at;
      const facts = {
        classification: j.classification as Classification,
        injuryDate: j.injury_date,
        returnDate: j.return_date,
        chargedDays: j.charged_days,
      };
      if (isDisabling(facts, asOf)) t.disabling++;
      t.daysLost += daysLost(facts, asOf);
      if (j.classification === 'fatality') t.fatalities++;
      if (isHighConsequence({ classification: facts.classification, recovery: j.recovery }))
        t.highConsequence++;
      if (isRecordable(facts.classification)) {
        t.recordable++;
        b.cases++;
        t.types.set(j.injury_type, (t.types.get(j.injury_type) ?? 0) + 1);
      }
      if (isDart({ ...facts, restrictedDays: j.restricted_days }, asOf)) t.dart++;
      if (isLostTime(facts, asOf)) t.lostTime++;
    }

    const rows = [...buckets.values()]
      .sort((a, b) => a.period.localeCompare(b.period) || a.key.localeCompare(b.key))
      .map((b) => ({
        key: b.key,
        label: b.label,
        period: b.period,
        employees: tallyRates(b.employees, mode),
        nonEmployees: tallyRates(b.nonEmployees, mode),
        all: tallyRates(mergeTallies(b.employees, b.nonEmployees), mode),
        injuryCases: b.cases,
      }));
    return { rounding: mode, rows, yearToDate: yearToDateOf };
  }
}

/** Year to date: each year's month of `today`, from its first day to the same day as today, within the span. */
function cutMonthsOf(today: string, from: string, to: string): { from: string; to: string }[] {
  const months: { from: string; to: string }[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    const end = sameDayIn(today, year);
    months.push({ from: `${end.slice(0, 7)}-01`, to: end });
  }
  return months;
}

export type OhsStatisticsService = ReturnType<typeof createOhsStatisticsService>;
