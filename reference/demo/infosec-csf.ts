import { readFileSync } from 'node:fs';
import { CSF_2_0_CATALOGUE_ID } from '../../server/modules/infosec/csf/catalogues.ts';
import { parseCsfCatalogue } from '../../server/modules/infosec/csf/rules/catalogue.ts';
import type { DemoDataset } from './generate.ts';
import { recommend } from './infosec-csf-actions.ts';
import type {
  CsfActionRow,
  CsfAnswerRow,
  CsfAssessmentRow,
  CsfAssessmentStatus,
  CsfBenchmarkRow,
  CsfCampaignRow,
  CsfHistory,
  CsfObligationRow,
} from './infosec-csf-rows.ts';
import { GAP_NOTES, GOOD_PRACTICE, NOT_APPLICABLE_NOTES, OT_NOT_APPLICABLE } from './infosec-csf-text.ts';
import { SITES, writesChinese } from './organisation.ts';
import { Random } from './random.ts';
import type { SiteRow } from './rows.ts';

/**
 * The NIST CSF maturity history of the security seed: "ASEH began implementing the NIST CSF maturity
 * assessment mechanism in partnership with third-party consultants in 2019", every facility every year, on
 * the five functions Identify, Protect, Detect, Respond and Recover (CSF 1.1, so Govern is left unassessed
 * before the group moved to CSF 2.0 in 2024); "NIST CSF maturity assessment for 25 sites" and "OT
 * cybersecurity assessment at four sites" in 2023, the OT scope growing since; benchmarked "against the
 * semiconductor industry".
 *
 * One campaign a year from 2019 to the demo year, closed but for the demo year's, whose assessments are under
 * way: most approved, some drafts half answered, some waiting for review, one signed off and waiting for the
 * CISO's approval. Levels (0–5) improve over the years, from about 2.2 for the group in 2019 to about 3.4 in
 * the demo year; ASE leads, SPIL (in the group since 2018) starts behind and closes part of the gap; OT sits
 * below IT and draws closer. Notes at the Taiwanese and Chinese sites are in Traditional Chinese.
 *
 * The consultants' recommendations become platform actions ("recommendations as actions (some done, some
 * open)"): 1 to 4 per approved assessment on its weakest subcategories, owned by the site's officer, due 3 to
 * 9 months after the approval and on the calendar as the action's due date; past years' done, some of last
 * year's still under way, this year's open.
 */

/** The CSF 2.0 catalogue as the migration loads it (read once). */
export const CSF_CATALOGUE = parseCsfCatalogue(
  readFileSync(new URL('../nist-csf-2.0/NIST_CSF_v2.0_catalog.xml', import.meta.url), 'utf8'),
);
/** The 106 subcategories of CSF 2.0, in catalogue order. */
export const CSF_SUBCATEGORIES: readonly string[] = CSF_CATALOGUE.items
  .filter((i) => i.kind === 'subcategory')
  .map((i) => i.identifier);

export const CSF_FIRST_YEAR = 2019;
/** The first campaign on CSF 2.0 (Govern assessed); earlier campaigns were on CSF 1.1. */
export const CSF_2_0_FROM = 2024;
/** The seed's 2023 figures. */
export const CSF_IT_SITES = 25;
export const CSF_OT_FIRST_YEAR = 2023;
export const CSF_OT_SITES_FIRST_YEAR = 4;
/** OT sites added to the scope each year after the first. */
const OT_SITES_ADDED_YEARLY = 2;

const FIRMS = ['Meridian Cyber Advisory', 'Harborline Security Consulting', 'Kestrel Risk Partners'] as const;
const OT_FIRM = 'Ironbridge Industrial Security';
const SUBSIDIARY_ORDER = ['ASE', 'SPIL', 'USI'];

/** Where each function stands against a site's overall level (Govern new in 2.0, Recover the weakest). */
const FUNCTION_OFFSET: Record<string, number> = {
  GV: -0.35,
  ID: 0.1,
  PR: 0.25,
  DE: -0.05,
  RS: -0.15,
  RC: -0.35,
};
/** Categories whose target is 4 (managed) rather than 3 (defined). */
const CRITICAL_CATEGORIES = new Set(['PR.AA', 'PR.DS', 'PR.PS', 'DE.CM']);

/** The demo year's assessments still under way, by site: the rest of that year's are approved. */
const UNDER_WAY_IT: Record<string, CsfAssessmentStatus> = {
  'ASE-KH': 'draft',
  'ASE-WH': 'draft',
  'USI-MX': 'draft',
  'SPIL-DF': 'in_review',
  'SPIL-ZK': 'in_review',
  'USI-SZ': 'in_review',
  'SPIL-HC': 'reviewed',
  'ASE-PG': 'signed_off',
};
/** The demo year's assessments that the site's own officer does rather than a consultancy. */
const INTERNAL_IT = new Set(['ASE-KH']);

const DAY_MS = 86_400_000;
const STEPS: readonly CsfAssessmentStatus[] = ['draft', 'in_review', 'reviewed', 'signed_off', 'approved'];
const functionOf = (subcategory: string) => subcategory.slice(0, 2);
const categoryOf = (subcategory: string) => subcategory.slice(0, 5);
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const employeesOf = new Map(SITES.map((s) => [s.code, s.employees]));

/** The sites assessed for IT (the manufacturing sites first, then by size) and the order OT joins in. */
export function csfScope(sites: readonly SiteRow[]): { it: SiteRow[]; ot: SiteRow[] } {
  const ranked = [...sites].sort(
    (a, b) =>
      Number(b.kind === 'manufacturing') - Number(a.kind === 'manufacturing') ||
      (employeesOf.get(b.code) ?? 0) - (employeesOf.get(a.code) ?? 0) ||
      a.code.localeCompare(b.code),
  );
  const chosen = new Set(ranked.slice(0, CSF_IT_SITES));
  return {
    it: sites.filter((s) => chosen.has(s)),
    ot: ranked.filter((s) => s.kind === 'manufacturing'),
  };
}

export function otSiteCount(year: number, available: number): number {
  if (year < CSF_OT_FIRST_YEAR) return 0;
  return Math.min(available, CSF_OT_SITES_FIRST_YEAR + OT_SITES_ADDED_YEARLY * (year - CSF_OT_FIRST_YEAR));
}

export function generateCsfHistory(data: DemoDataset): CsfHistory {
  const root = new Random(`${data.seed}:infosec-csf`);
  const ids = root.fork('ids');
  const demoYear = Number(data.clock.slice(0, 4));
  const lastYear = Math.max(demoYear, CSF_FIRST_YEAR);
  const owner = data.users.find((u) => u.email.startsWith('infosec.owner@'))?.id ?? null;
  const officers = siteOfficers(data);
  const subsidiaryCode = new Map(data.subsidiaries.map((s) => [s.id, s.code]));
  const scope = csfScope(data.sites);

  // What stays with a site over the years: its standing, and its strong and weak subcategories.
  const siteRng = root.fork('sites');
  const siteOffset = new Map<string, number>();
  const persistent = new Map<string, number[]>();
  for (const site of data.sites) {
    siteOffset.set(site.id, (siteRng.next() - 0.5) * 0.6);
    persistent.set(
      site.id,
      CSF_SUBCATEGORIES.map(() => (siteRng.next() - 0.5) * 1.5),
    );
  }
  const subcategoryRng = root.fork('subcategories');
  const subcategoryOffset = CSF_SUBCATEGORIES.map(() => (subcategoryRng.next() - 0.5) * 0.6);
  const structural = CSF_SUBCATEGORIES.map((s, i) => FUNCTION_OFFSET[functionOf(s)] + subcategoryOffset[i]);

  const progress = (year: number) =>
    clamp((year - CSF_FIRST_YEAR) / Math.max(1, lastYear - CSF_FIRST_YEAR), 0, 1);
  const subsidiaryOffset = (code: string, t: number) =>
    code === 'ASE' ? 0.35 : code === 'SPIL' ? -0.6 + 0.25 * t : -0.05;
  const standing = (site: SiteRow, t: number) =>
    subsidiaryOffset(subsidiaryCode.get(site.subsidiary_id) ?? '', t) + (siteOffset.get(site.id) ?? 0);

  const campaigns: CsfCampaignRow[] = [];
  const assessments: CsfAssessmentRow[] = [];
  const answers: CsfAnswerRow[] = [];
  const benchmarks: CsfBenchmarkRow[] = [];
  const actions: CsfActionRow[] = [];
  const obligations: CsfObligationRow[] = [];
  const clockStart = new Date(`${data.clock}T00:00:00+08:00`).getTime();

  for (let year = CSF_FIRST_YEAR; year <= lastYear; year++) {
    const yearRng = root.fork(`year/${year}`);
    const current = year === demoYear;
    const basis = year < CSF_2_0_FROM ? '1.1' : '2.0';
    const subcategories = CSF_SUBCATEGORIES.map((_, i) => i).filter(
      (i) => basis === '2.0' || functionOf(CSF_SUBCATEGORIES[i]) !== 'GV',
    );
    // A day of the year as a moment; the demo year's calendar is squeezed into the days gone by so far.
    const jan1 = Date.parse(`${year}-01-01T00:00:00+08:00`);
    const squeeze = current ? clamp((clockStart - 3_600_000 - jan1) / (330 * DAY_MS), 0, 1) : 1;
    const at = (day: number, hour = 10) => new Date(jan1 + (day * DAY_MS + hour * 3_600_000) * squeeze);

    const t = progress(year);
    const groupMean = 2.2 + 1.2 * t;
    const centreSites = mean(scope.it.map((s) => standing(s, t)));
    const centreItems = mean(subcategories.map((i) => structural[i]));
    const firm = (site: SiteRow) => {
      const k = SUBSIDIARY_ORDER.indexOf(subsidiaryCode.get(site.subsidiary_id) ?? '');
      // Each subsidiary's consultancy, re-tendered every three years.
      return FIRMS[(Math.max(0, k) + Math.floor((year - CSF_FIRST_YEAR) / 3)) % FIRMS.length];
    };

    const campaign: CsfCampaignRow = {
      id: ids.uuid(),
      year,
      name: `NIST CSF maturity assessment ${year}`,
      catalogue_id: CSF_2_0_CATALOGUE_ID,
      basis,
      due_on: `${year}-11-30`,
      status: current ? 'open' : 'closed',
      version: 1,
      created_at: at(9),
      created_by: owner,
      updated_at: current ? at(9) : at(348),
      updated_by: owner,
    };
    campaigns.push(campaign);

    const itLevels = new Map<string, number[]>();
    const otSites = scope.ot.slice(0, otSiteCount(year, scope.ot.length));
    const newOt = new Set(otSites.slice(otSiteCount(year - 1, scope.ot.length)));
    const plans = [
      ...scope.it.map((site, k) => ({ site, domain: 'it' as const, k, n: scope.it.length })),
      ...otSites.map((site, k) => ({ site, domain: 'ot' as const, k, n: otSites.length })),
    ];
    for (const { site, domain, k, n } of plans) {
      const rng = yearRng.fork(`${site.code}/${domain}`);
      const zh = writesChinese(site.country);
      let status: CsfAssessmentStatus = 'approved';
      if (current)
        status =
          domain === 'it'
            ? (UNDER_WAY_IT[site.code] ?? 'approved')
            : newOt.has(site)
              ? 'draft'
              : k === 0
                ? 'in_review'
                : 'approved';
      const officer = officers.get(site.id) ?? null;
      const internal = current && domain === 'it' && INTERNAL_IT.has(site.code) && officer !== null;
      const assessor = internal ? officer : null;

      // Fieldwork from April (IT) or July (OT), site after site; then the report, review, sign-off, approval.
      const start =
        (domain === 'it' ? 91 : 182) + Math.floor((k / n) * (domain === 'it' ? 130 : 60)) + rng.int(0, 6);
      const submitted = start + 3 + rng.int(7, 20);
      const reviewed = submitted + rng.int(5, 15);
      const signedOff = reviewed + rng.int(3, 10);
      const approved = signedOff + rng.int(3, 14);
      const reached = STEPS.indexOf(status);
      const when = (step: CsfAssessmentStatus, day: number) =>
        reached >= STEPS.indexOf(step) ? at(day, 15) : null;
      const events = [
        when('in_review', submitted),
        when('reviewed', reviewed),
        when('signed_off', signedOff),
        when('approved', approved),
      ];
      const lastEvent = events.filter((e): e is Date => e !== null).at(-1) ?? at(start + 2, 17);
      const assessment: CsfAssessmentRow = {
        id: ids.uuid(),
        campaign_id: campaign.id,
        site_id: site.id,
        domain,
        revision: 1,
        status,
        assessor_id: assessor,
        consultancy: internal ? null : domain === 'ot' ? OT_FIRM : firm(site),
        correction_of: null,
        correction_reason: null,
        submitted_at: events[0],
        reviewed_at: events[1],
        reviewed_by: events[1] ? (officer ?? owner) : null,
        signed_off_at: events[2],
        signed_off_by: events[2] ? (officer ?? owner) : null,
        approved_at: events[3],
        approved_by: events[3] ? owner : null,
        version: 1 + events.filter((e) => e !== null).length,
        created_at: at(start - 14),
        created_by: owner,
        updated_at: lastEvent,
        updated_by: events[1] ? (events[3] ? owner : (officer ?? owner)) : (assessor ?? owner),
      };
      assessments.push(assessment);

      // A draft is answered in catalogue order as far as the assessors have got.
      const answered =
        status === 'draft'
          ? subcategories.slice(0, Math.round(subcategories.length * (0.3 + rng.next() * 0.4)))
          : subcategories;
      const notApplicable = new Set<string>();
      if (domain === 'ot') {
        const pool = OT_NOT_APPLICABLE.filter((s) => basis === '2.0' || functionOf(s) !== 'GV');
        const count = rng.int(5, Math.min(15, pool.length));
        while (notApplicable.size < count) notApplicable.add(rng.pick(pool));
      }
      const firstAnswer = answers.length;
      const otGap = Math.max(0.4, 1.2 - 0.2 * (year - CSF_OT_FIRST_YEAR));
      const flagship = site.code === 'ASE-KH' && basis === '2.0';
      for (const i of answered) {
        const subcategory = CSF_SUBCATEGORIES[i];
        const category = categoryOf(subcategory);
        const assessedAt = at(start + rng.int(0, 2), 9 + rng.int(0, 7));
        const target = CRITICAL_CATEGORIES.has(category) || flagship ? 4 : 3;
        if (notApplicable.has(subcategory)) {
          const [en, zhNote] = rng.pick(NOT_APPLICABLE_NOTES);
          answers.push({
            assessment_id: assessment.id,
            site_id: site.id,
            subcategory,
            current_level: null,
            not_applicable: true,
            target_level: null,
            notes: rng.chance(0.6) ? (zh ? zhNote : en) : null,
            assessed_by: assessor,
            assessed_at: assessedAt,
          });
          continue;
        }
        const value =
          groupMean +
          standing(site, t) -
          centreSites +
          structural[i] -
          centreItems +
          (persistent.get(site.id)?.[i] ?? 0) +
          (rng.next() - 0.5) * 0.7 -
          (domain === 'ot' ? otGap : 0);
        const level = clamp(Math.round(value), 0, 5);
        if (domain === 'it') {
          const fn = functionOf(subcategory);
          const list = itLevels.get(fn) ?? [];
          list.push(level);
          itLevels.set(fn, list);
        }
        let notes: string | null = null;
        if (level < target && rng.chance(0.12)) {
          const note = GAP_NOTES[category];
          notes = note ? (zh ? note[1] : note[0]) : null;
        } else if (level === 5 && rng.chance(0.25)) notes = zh ? GOOD_PRACTICE[1] : GOOD_PRACTICE[0];
        answers.push({
          assessment_id: assessment.id,
          site_id: site.id,
          subcategory,
          current_level: level,
          not_applicable: false,
          target_level: domain === 'ot' ? Math.min(target, 3 + Number(year >= 2025)) : target,
          notes,
          assessed_by: assessor,
          assessed_at: assessedAt,
        });
      }
      if (status === 'approved')
        recommend({
          rng: root.fork(`actions/${year}/${site.code}/${domain}`),
          assessment,
          answers: answers.slice(firstAnswer),
          year,
          demoYear,
          zh,
          owner: officer ?? owner,
          ciso: owner,
          clockStart,
          actions,
          obligations,
        });
    }

    // The consultants' semiconductor benchmark: ahead of the group at first, overtaken by the demo year.
    const benchmarkRng = root.fork(`benchmark/${year}`);
    for (const fn of ['GV', 'ID', 'PR', 'DE', 'RS', 'RC']) {
      if (fn === 'GV' && basis === '1.1') continue;
      const ours = mean(itLevels.get(fn) ?? [groupMean]);
      const lead = 0.3 - 0.45 * t + (benchmarkRng.next() - 0.5) * 0.2;
      benchmarks.push({
        year,
        function: fn,
        score: Math.round(clamp(ours + lead, 0, 5) * 10) / 10,
        source: `Semiconductor industry benchmark ${year}, ${FIRMS[0]}`,
        updated_at: at(325),
        updated_by: owner,
      });
    }
  }
  return { campaigns, assessments, answers, benchmarks, actions, obligations };
}

/** Each site's officer among the demo users: one named for the site, or for its whole subsidiary. */
function siteOfficers(data: DemoDataset): Map<string, string> {
  const officers = new Map<string, string>();
  for (const r of data.roleAssignments) {
    if (r.role !== 'site_officer') continue;
    const sites =
      r.scope_kind === 'sites'
        ? r.site_ids
        : r.scope_kind === 'subsidiary'
          ? data.sites.filter((s) => s.subsidiary_id === r.subsidiary_id).map((s) => s.id)
          : [];
    for (const id of sites) if (!officers.has(id)) officers.set(id, r.user_id);
  }
  return officers;
}

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}
