import { HEALTH_REVIEW_TITLE } from '../../server/modules/ohs/rules/privacy.ts';
import { addMonths, dayNumber, dec31, isoDate, jan1, zonedInstant } from './clock.ts';
import { type Context, headcount, iso, seedScreeningTargets, siteById, worksWithin } from './ohs-context.ts';
import { ohsObligation } from './ohs-obligations.ts';
import type { HealthFollowupRow, HealthScreeningRow } from './ohs-rows.ts';
import { MAX_COVERAGE, OHS_SEED, SCREENED_SHARE, screeningYears } from './ohs-seed.ts';
import { FINDINGS, FOLLOWUP_NOTES, PROVIDER_OF_COUNTRY, PROVIDERS } from './ohs-text.ts';
import { SITE_CITY } from './partners.ts';

// Health screenings: a campaign per site and year, general and special-condition, with follow-ups.

const SPECIAL_HAZARDS: Record<string, readonly (readonly [keyof typeof FINDINGS, number])[]> = {
  manufacturing: [
    ['night_work', 35],
    ['noise', 25],
    ['organic_solvents', 12],
    ['lead', 8],
    ['ionizing_radiation', 8],
    ['dust', 7],
    ['high_temperature', 5],
  ],
  materials: [
    ['heavy_metals', 30],
    ['organic_solvents', 20],
    ['dust', 20],
    ['night_work', 20],
    ['noise', 10],
  ],
};

export function generateScreenings(ctx: Context) {
  const screenings: HealthScreeningRow[] = [];
  const followups: HealthFollowupRow[] = [];
  const seedTargets = seedScreeningTargets(ctx);
  for (const year of screeningYears(ctx.data.clock)) {
    const rng = ctx.root.fork(`screenings:${year}`);
    const start = jan1(year);
    const end = Math.min(dec31(year), ctx.today - 1);
    if (end < start) continue;
    const exact = year === OHS_SEED.year && ctx.seedYearDone;
    const firstRow = screenings.length;
    ctx.sites.forEach((s, i) => {
      const pool = s.employees.filter((p) => worksWithin(p, start, end));
      const exposed = s.demo.kind === 'office' ? 0 : 0.12;
      const general = year === OHS_SEED.year;
      const wanted = exact
        ? seedTargets[i]
        : Math.round(SCREENED_SHARE * headcount(s, start + 180, ctx.today) * (general ? 1 : exposed));
      const n = Math.min(
        pool.length,
        exact ? wanted : Math.min(wanted, Math.floor(pool.length * MAX_COVERAGE)),
      );
      // A partial shuffle: the first n of the pool, drawn at random.
      for (let k = 0; k < n; k++) {
        const j = rng.int(k, pool.length - 1);
        [pool[k], pool[j]] = [pool[j], pool[k]];
      }
      const provider =
        PROVIDERS[SITE_CITY[s.row.code]?.city] ?? PROVIDER_OF_COUNTRY[s.demo.country] ?? 'Meinian Onehealth';
      const campaignStart = dayNumber(`${year}-${String(s.campaignMonth).padStart(2, '0')}-01`);
      const campaignEnd = dayNumber(addMonths(isoDate(campaignStart), 2)) - 1;
      for (let k = 0; k < n; k++) {
        const p = pool[k];
        const from = Math.max(start, p.from);
        const to = Math.min(end, p.until === null ? end : p.until - 1);
        let day = rng.int(campaignStart, campaignEnd);
        if (day < from || day > to) {
          // Not at work during the campaign: screened at another time of the year at work.
          if (!exact && day > end) continue; // the campaign of the current year is still to come
          day = rng.int(from, Math.max(from, to));
        }
        const abnormal = rng.chance(0.05);
        const finding = abnormal ? rng.pick(FINDINGS.general) : null;
        if (general)
          screenings.push({
            id: rng.uuid(),
            site_id: s.row.id,
            person_type: 'employee',
            person_id: p.id,
            kind: 'general',
            special_hazard: null,
            screened_on: isoDate(day),
            provider,
            cost_minor: rng.int(120, 200) * 100,
            management_level: null,
            abnormal,
            findings: finding?.[0] ?? null,
            recommendation: finding?.[1] ?? null,
          });
        if (!general || rng.chance(exposed)) {
          const hazard = rng.weighted(SPECIAL_HAZARDS[s.demo.kind] ?? SPECIAL_HAZARDS.manufacturing);
          const level = rng.weighted([
            [1, 78],
            [2, 14],
            [3, 6],
            [4, 2],
          ] as const);
          const f = FINDINGS[hazard] as readonly [string, string];
          screenings.push({
            id: rng.uuid(),
            site_id: s.row.id,
            person_type: 'employee',
            person_id: p.id,
            kind: 'special',
            special_hazard: hazard,
            screened_on: isoDate(day),
            provider,
            cost_minor: rng.int(260, 480) * 100,
            management_level: level,
            abnormal: level >= 2,
            findings: level >= 2 ? f[0] : null,
            recommendation: level >= 2 ? f[1] : null,
          });
        }
      }
    });
    if (exact) fitCosts(screenings, firstRow, Math.round(OHS_SEED.screeningCostMinor * ctx.scale));
    // Follow-up consultations of the abnormal results: consulted, except the ones still to come.
    for (let k = firstRow; k < screenings.length; k++) {
      const h = screenings[k];
      if (!h.abnormal) continue;
      const screened = dayNumber(h.screened_on);
      const due = screened + 30;
      const consulted = screened + rng.int(5, 30);
      const s = siteById(ctx, h.site_id);
      const clinician = s.row.code === 'ASE-KH' ? ctx.users.medical : null;
      const followup: HealthFollowupRow = {
        id: rng.uuid(),
        screening_id: h.id,
        site_id: h.site_id,
        due_date: isoDate(due),
        consulted_on: consulted < ctx.today ? isoDate(consulted) : null,
        clinician_id: clinician,
        notes: consulted < ctx.today ? rng.pick(FOLLOWUP_NOTES) : null,
      };
      followups.push(followup);
      ctx.obligations.push(
        ohsObligation(rng, {
          kind: 'ohs.health_followup',
          source_type: 'health_followup',
          source_id: followup.id,
          site_id: h.site_id,
          owner_id: clinician,
          title: HEALTH_REVIEW_TITLE,
          due_date: followup.due_date,
          due_at: null,
          state: followup.consulted_on ? 'done' : 'open',
          done_at: followup.consulted_on ? iso(zonedInstant(consulted, 16 * 60, s.row.time_zone)) : null,
          created_at: iso(zonedInstant(screened, 17 * 60, s.row.time_zone)),
        }),
      );
    }
  }
  return { screenings, followups };
}

/**
 * Scales the costs of the screenings from `from` on so that they add up to `total` cents exactly, in whole
 * NT dollars where the total allows it.
 */
export function fitCosts(rows: HealthScreeningRow[], from: number, total: number) {
  const part = rows.slice(from);
  if (part.length === 0) return;
  const raw = part.reduce((a, r) => a + r.cost_minor, 0);
  for (const r of part) r.cost_minor = Math.max(0, Math.round((r.cost_minor * total) / raw / 100) * 100);
  let left = total - part.reduce((a, r) => a + r.cost_minor, 0);
  for (let i = 0; Math.abs(left) >= 100; i = (i + 1) % part.length) {
    const step = left > 0 ? 100 : -100;
    if (part[i].cost_minor + step < 0) continue;
    part[i].cost_minor += step;
    left -= step;
  }
  part[part.length - 1].cost_minor += left;
}
