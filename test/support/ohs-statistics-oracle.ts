import { sql } from 'kysely';
import {
  type Classification,
  daysLost,
  isDart,
  isDisabling,
  isHighConsequence,
  isLostTime,
  isRecordable,
  type RecoveryOutcome,
} from '#shared/modules/ohs/rules/injury.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import type { Db } from '../../server/db/types.ts';
import { monthShare, sameDayIn, shareOfHours } from '../../server/modules/ohs/rules/period.ts';
import type { RoundingMode } from '../../server/modules/ohs/rules/rates.ts';
import { emptyTally, mergeTallies, type Tally, tallyRates } from '../../server/modules/ohs/rules/tally.ts';

/**
 * The injury statistics as they were computed before the summary: every injury of the span read and classified
 * with the rules, as of today. The test oracle of the kept summary (all sites, as the group's OHS owner sees).
 */
export async function statisticsFromRows(
  db: Db,
  q: {
    from: number;
    to: number;
    by: 'site' | 'subsidiary' | 'group';
    period: 'year' | 'month';
    yearToDate?: boolean;
  },
  options: { now: Date; rounding: RoundingMode },
) {
  const from = `${Math.min(q.from, q.to)}-01-01`;
  const to = `${Math.max(q.from, q.to)}-12-31`;
  const asOf = localDate(options.now, GROUP_TIME_ZONE);
  const sites = (
    await sql<{
      id: string;
      code: string;
      name: string;
      time_zone: string;
      subsidiary_code: string;
      subsidiary_name: string;
    }>`select s.id, s.code, s.name, s.time_zone, b.code as subsidiary_code, b.name as subsidiary_name
       from sites s join subsidiaries b on b.id = s.subsidiary_id`.execute(db)
  ).rows;
  const siteById = new Map(sites.map((s) => [s.id, s]));
  const zones = new Set(sites.map((s) => s.time_zone));
  const zone = zones.size === 1 ? [...zones][0] : GROUP_TIME_ZONE;
  const today = q.yearToDate ? localDate(options.now, zone) : null;
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

  const hours = await db
    .selectFrom('ohs_hours')
    .select(['site_id', 'month', 'employee_hours', 'non_employee_hours'])
    .where('month', '>=', from)
    .where('month', '<=', to)
    .execute();
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

  const injuries = await db
    .selectFrom('ohs_injuries as j')
    .innerJoin('ohs_incidents as i', 'i.id', 'j.incident_id')
    .select([
      'j.site_id',
      'j.person_type',
      'j.classification',
      'j.injury_date',
      'j.return_date',
      'j.charged_days',
      'j.restricted_days',
      'j.injury_type',
      'j.recovery',
    ])
    .where('j.injury_date', '>=', from)
    .where('j.injury_date', '<=', to)
    .where('i.commuting', '=', false)
    .execute();
  for (const j of injuries) {
    const end = endOf(j.injury_date);
    if (end && j.injury_date > end) continue;
    const b = bucket(j.site_id, j.injury_date);
    if (!b) continue;
    const t = j.person_type === 'employee' ? b.employees : b.nonEmployees;
    const facts = {
      classification: j.classification as Classification,
      injuryDate: j.injury_date,
      returnDate: j.return_date,
      chargedDays: j.charged_days,
    };
    if (isDisabling(facts, asOf)) t.disabling++;
    t.daysLost += daysLost(facts, asOf);
    if (j.classification === 'fatality') t.fatalities++;
    if (isHighConsequence({ classification: facts.classification, recovery: j.recovery as RecoveryOutcome }))
      t.highConsequence++;
    if (isRecordable(facts.classification)) {
      t.recordable++;
      b.cases++;
      t.types.set(j.injury_type, (t.types.get(j.injury_type) ?? 0) + 1);
    }
    if (isDart({ ...facts, restrictedDays: j.restricted_days }, asOf)) t.dart++;
    if (isLostTime(facts, asOf)) t.lostTime++;
  }

  return [...buckets.values()]
    .sort((a, b) => a.period.localeCompare(b.period) || a.key.localeCompare(b.key))
    .map((b) => ({
      key: b.key,
      label: b.label,
      period: b.period,
      employees: tallyRates(b.employees, options.rounding),
      nonEmployees: tallyRates(b.nonEmployees, options.rounding),
      all: tallyRates(mergeTallies(b.employees, b.nonEmployees), options.rounding),
      injuryCases: b.cases,
    }));
}
