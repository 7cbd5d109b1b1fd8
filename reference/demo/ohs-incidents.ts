import { requiresAuthorityNotice } from '#shared/modules/ohs/rules/injury.ts';
import { ohsMessage } from '../../server/modules/ohs/messages.ts';
import { dayNumber, dec31, isoDate, jan1, zonedInstant } from './clock.ts';
import { type Context, headcount, iso, type SiteInfo } from './ohs-context.ts';
import type { IncidentDraft, Year } from './ohs-incident-drafts.ts';
import { type InjuryDraft, TREATMENT_ZH } from './ohs-injuries.ts';
import { ohsObligation } from './ohs-obligations.ts';
import { commutingAccidents, firstAidCases, nearMisses } from './ohs-other-incidents.ts';
import { fatality, recordableCases } from './ohs-recordable-incidents.ts';
import type { OhsHoursRow, OhsIncidentRow, OhsInjuryRow } from './ohs-rows.ts';
import { OHS_SEED } from './ohs-seed.ts';
import type { CauseGroup } from './ohs-text.ts';
import { writesChinese } from './organisation.ts';
import { type Random, stochasticRound } from './random.ts';

// Incidents and injuries: ten years of them, year by year, then numbered per site and year as rows.

export type SeriousIncident = {
  incident: OhsIncidentRow;
  site: SiteInfo;
  day: number;
  cause: CauseGroup | 'fatality';
};

/** The incidents of the history, year by year, in proportion to each site's hours and risk. */
function draftIncidents(ctx: Context, hours: OhsHoursRow[]): IncidentDraft[] {
  const drafts: IncidentDraft[] = [];
  const yearlyHours = new Map<string, number>();
  for (const h of hours) {
    const key = `${h.site_id}|${h.month.slice(0, 4)}`;
    yearlyHours.set(key, (yearlyHours.get(key) ?? 0) + h.employee_hours + h.non_employee_hours);
  }
  const fatalityYear = ctx.clockYear - 5 === OHS_SEED.year ? ctx.clockYear - 6 : ctx.clockYear - 5;

  for (let year = ctx.firstYear; year <= ctx.clockYear; year++) {
    const rng = ctx.root.fork(`incidents:${year}`);
    const start = jan1(year);
    // Nothing on the clock's own day: the day is not over.
    const end = Math.min(dec31(year), ctx.today - 1);
    if (end < start) continue;
    const share = (end - start + 1) / (dec31(year) - start + 1);
    const weights = ctx.sites.map((s) => {
      const h =
        yearlyHours.get(`${s.row.id}|${year}`) ?? headcount(s, start + 180, ctx.today) * 2_000 * share;
      return [s, h * s.risk] as const;
    });
    const trend =
      year <= OHS_SEED.year ? 1 + 0.05 * (OHS_SEED.year - year) : 1 - 0.03 * (year - OHS_SEED.year);
    const expected = OHS_SEED.injuryCases * trend * (0.9 + rng.next() * 0.2) * share * ctx.scale;
    const exact = year === OHS_SEED.year && ctx.seedYearDone;
    const recordable = exact ? Math.round(OHS_SEED.injuryCases * ctx.scale) : stochasticRound(rng, expected);
    const y: Year = { year, rng, start, end, day: () => rng.int(start, end), weights, expected };
    // The one fatality of the history is one of its year's recordable cases.
    const fatal = year === fatalityYear && ctx.scale >= 0.1 && recordable > 0 ? fatality(ctx, y) : null;
    if (fatal) drafts.push(fatal);
    recordableCases(ctx, y, fatal ? recordable - 1 : recordable, drafts);
    firstAidCases(ctx, y, drafts);
    commutingAccidents(ctx, y, drafts);
    nearMisses(y, drafts);
  }
  return drafts;
}

const isDisabling = (d: IncidentDraft) =>
  d.injuries.some(
    (j) =>
      j.classification === 'fatality' ||
      j.classification === 'permanent_partial_disability' ||
      (j.classification === 'temporary_total_disability' &&
        (j.return_date === null || dayNumber(j.return_date) - d.day > 30)),
  );

/** Investigations of serious incidents close about 75 days after them (see generateInvestigations). */
const CLOSED_AFTER_DAYS = 75;

/**
 * Every history, at any scale, holds a notice given to the labour inspection and a closed investigation. When
 * no serious work injury of the last two years is old enough for its investigation to be closed (a small
 * scale may have none), the latest recordable work injury older than that put its worker in hospital: the
 * notice was due and given, and the incident is investigated. The seed year's injuries make one certain.
 * Returns that incident, or null when the history already has one.
 */
function ensureClosedInvestigation(ctx: Context, drafts: IncidentDraft[]): IncidentDraft | null {
  const old = (d: IncidentDraft) =>
    !d.commuting &&
    d.cause !== null &&
    d.day < ctx.today - CLOSED_AFTER_DAYS &&
    d.injuries.some((j) => j.classification !== 'first_aid');
  const serious = (d: IncidentDraft) =>
    requiresAuthorityNotice({
      fatalities: d.injuries.filter((j) => j.classification === 'fatality').length,
      injured: d.injuries.length,
      hospitalised: d.injuries.filter((j) => j.hospitalised).length,
    }) || isDisabling(d);
  if (drafts.some((d) => old(d) && d.day >= ctx.today - 730 && serious(d))) return null;
  let latest: IncidentDraft | null = null;
  for (const d of drafts) if (old(d) && (!latest || d.day > latest.day)) latest = d;
  if (!latest) return null;
  const hurt = latest.injuries.find((j) => j.classification !== 'first_aid') as InjuryDraft;
  hurt.hospitalised = true;
  if (hurt.classification === 'medical_treatment')
    hurt.treatment = 'Kept in hospital overnight for observation';
  return latest;
}

/**
 * The incidents and injuries as rows, numbered per site and year in the order they happened, with the
 * notices to the labour inspection they called for, and the serious ones that are investigated.
 */
export function generateIncidents(ctx: Context, hours: OhsHoursRow[]) {
  const drafts = draftIncidents(ctx, hours);

  const investigatedAnyway = ensureClosedInvestigation(ctx, drafts);

  // Rows, numbered per site and year in the order they happened.
  const rng = ctx.root.fork('incident-rows');
  const placed = drafts.map((d) => ({ d, at: zonedInstant(d.day, d.minute, d.site.row.time_zone) }));
  placed.sort(
    (a, b) => a.d.site.row.code.localeCompare(b.d.site.row.code) || a.at.getTime() - b.at.getTime(),
  );
  const counters = new Map<string, number>();
  const incidents: OhsIncidentRow[] = [];
  const injuries: OhsInjuryRow[] = [];
  const serious: SeriousIncident[] = [];
  for (const { d, at } of placed) {
    const date = isoDate(d.day);
    const year = date.slice(0, 4);
    const key = `${d.site.row.code}-${year}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    const created = new Date(at.getTime() + rng.int(20, 240) * 60_000);
    const reporter = d.anonymous ? null : reporterOf(rng, ctx, d.site);
    const fatalities = d.injuries.filter((j) => j.classification === 'fatality').length;
    const hospitalised = d.injuries.filter((j) => j.hospitalised).length;
    const counts = { fatalities, injured: d.injuries.length, hospitalised };
    // History: every notice that was due was given within the 8 hours.
    const notice = requiresAuthorityNotice(counts);
    const incident: OhsIncidentRow = {
      id: rng.uuid(),
      site_id: d.site.row.id,
      area_id: d.areaId,
      reference: `${key}-${String(n).padStart(4, '0')}`,
      kind: d.kind,
      occurred_at: iso(at),
      occurred_on: date,
      reported_by: reporter,
      anonymous: d.anonymous,
      title: d.title,
      description: d.description,
      immediate_actions: d.immediate,
      commuting: d.commuting,
      ...counts,
      authority_notified_at: notice ? iso(new Date(at.getTime() + rng.int(40, 420) * 60_000)) : null,
      authority_reference: notice ? `${d.site.demo.country}-OSH-${year}-${rng.digits(5)}` : null,
      created_at: iso(created),
      created_by: reporter,
      updated_at: iso(created),
      updated_by: reporter,
    };
    incidents.push(incident);
    for (const j of d.injuries) {
      injuries.push({
        id: rng.uuid(),
        incident_id: incident.id,
        site_id: incident.site_id,
        injury_date: date,
        ...j,
        treatment:
          j.treatment !== null && writesChinese(d.site.row.country)
            ? (TREATMENT_ZH.get(j.treatment) ?? j.treatment)
            : j.treatment,
        created_at: iso(created),
        updated_at: iso(created),
      });
    }
    if (notice) {
      ctx.obligations.push(
        ohsObligation(rng, {
          kind: 'ohs.authority_notice',
          source_type: 'ohs_incident',
          source_id: incident.id,
          site_id: incident.site_id,
          owner_id: null,
          title: ohsMessage('ohs.obligation.authorityNotice', { reference: incident.reference, hours: 8 }),
          due_date: date,
          due_at: iso(new Date(at.getTime() + 8 * 3_600_000)),
          state: 'done',
          done_at: incident.authority_notified_at,
          created_at: iso(created),
        }),
      );
    }
    if (
      !d.commuting &&
      d.cause &&
      (notice || isDisabling(d)) &&
      (d.cause === 'fatality' || d.day >= ctx.today - 730 || investigatedAnyway === d)
    ) {
      serious.push({ incident, site: d.site, day: d.day, cause: d.cause });
    }
  }
  return { incidents, injuries, serious };
}

/** Who reported an incident: the site's officer or the employee of the demo at ASE Kaohsiung, else nobody on record. */
function reporterOf(rng: Random, ctx: Context, s: SiteInfo): string | null {
  if (s.row.code === 'ASE-KH')
    return rng.chance(0.15) && ctx.users.employee ? ctx.users.employee : ctx.users.officerKh;
  return s.officer;
}
