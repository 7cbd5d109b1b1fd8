import { readFileSync } from 'node:fs';
import { CSF_2_0_CATALOGUE_ID } from '../../server/modules/infosec/csf/catalogues.ts';
import { parseCsfCatalogue } from '../../server/modules/infosec/csf/rules/catalogue.ts';
import type { DemoDataset, SiteRow } from './generate.ts';
import { uuidFrom } from './ohs.ts';
import { SITES, writesChinese } from './organisation.ts';
import { Random } from './random.ts';

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

/** What a consultant wrote of a gap, by category; English and Traditional Chinese. */
const GAP_NOTES: Record<string, readonly [string, string]> = {
  'GV.OC': [
    'Legal and customer security requirements listed, not yet mapped to controls.',
    '法規與客戶資安要求已列出，尚未對應至控制措施。',
  ],
  'GV.OV': [
    'Results reported to the committee; no follow-up of agreed changes.',
    '結果已向委員會報告，但未追蹤決議事項之執行。',
  ],
  'GV.PO': ['Site policy last reviewed three years ago.', '廠區資安政策已三年未檢討。'],
  'GV.RM': ['Risk appetite not stated; risks accepted case by case.', '未明訂風險胃納，風險個案接受。'],
  'GV.RR': [
    'Security roles at the site not written into job descriptions.',
    '廠區資安角色尚未納入職務說明。',
  ],
  'GV.SC': [
    'Supplier security clauses in new contracts only; older contracts lack them.',
    '僅新合約納入供應商資安條款，舊合約尚未補齊。',
  ],
  'ID.AM': [
    'Inventory misses equipment PCs added by vendors since the last audit.',
    '資產清冊未涵蓋上次稽核後廠商新增之機台電腦。',
  ],
  'ID.IM': [
    'Lessons from exercises recorded but not tracked to closure.',
    '演練檢討事項已記錄，但未追蹤至結案。',
  ],
  'ID.RA': [
    'Risk assessment done yearly, not after major changes.',
    '每年執行風險評鑑，但重大變更後未重新評估。',
  ],
  'PR.AA': ['Shared accounts still in use on some production line PCs.', '部分產線電腦仍使用共用帳號。'],
  'PR.AT': [
    'Awareness training done; no targeted training for administrators.',
    '已完成全員資安宣導，系統管理者尚無專業訓練。',
  ],
  'PR.DS': [
    'Backups tested twice a year; restore time not measured.',
    '備份每年測試兩次，但未量測還原時間。',
  ],
  'PR.IR': ['Office and production networks still share a flat segment.', '辦公網路與生產網路尚未完全區隔。'],
  'PR.PS': [
    'Patching of legacy equipment PCs waits for vendor approval.',
    '老舊機台電腦之修補需待設備商核可。',
  ],
  'DE.AE': ['Alerts reviewed in office hours only.', '告警僅於上班時間檢視。'],
  'DE.CM': ['Production network logs not yet sent to the SOC.', '生產網路日誌尚未送至 SOC 監控。'],
  'RS.AN': ['Root cause analysis done for major incidents only.', '僅重大事件進行根因分析。'],
  'RS.CO': [
    'Contact list for customers and authorities not kept up to date.',
    '客戶與主管機關聯絡清單未定期更新。',
  ],
  'RS.MA': ['Playbooks cover ransomware and phishing only.', '事件應變劇本僅涵蓋勒索軟體與釣魚郵件。'],
  'RS.MI': [
    'Containment relies on the on-call engineer; no isolation procedure.',
    '事件圍堵仰賴值班工程師，尚無隔離程序。',
  ],
  'RC.CO': [
    'Recovery communication plan not agreed with the business.',
    '復原期間之溝通計畫尚未與業務單位確認。',
  ],
  'RC.RP': ['Recovery plan not yet exercised with the production teams.', '復原計畫尚未與生產單位共同演練。'],
};
const GOOD_PRACTICE = [
  'Good practice, shared with the other sites at the committee meeting.',
  '良好實務，已於委員會分享至其他廠區。',
] as const;
const NOT_APPLICABLE_NOTES = [
  ['Handled for this site by group IT.', '由集團資訊處統一負責。'],
  ['No such systems in the OT network.', 'OT 網路無此類系統。'],
] as const;

/** Subcategories an OT network may not have: group-level governance, services to outsiders, software built. */
const OT_NOT_APPLICABLE = [
  'GV.OC-01',
  'GV.OC-04',
  'GV.OV-01',
  'GV.OV-02',
  'GV.OV-03',
  'GV.PO-01',
  'GV.RM-01',
  'GV.RM-02',
  'GV.RM-03',
  'GV.RM-07',
  'GV.SC-01',
  'GV.SC-02',
  'GV.SC-03',
  'ID.AM-04',
  'ID.AM-07',
  'ID.IM-04',
  'ID.RA-09',
  'ID.RA-10',
  'PR.AA-04',
  'PR.DS-02',
  'PR.DS-10',
  'PR.PS-06',
  'DE.AE-07',
  'RS.AN-08',
  'RS.CO-03',
  'RC.CO-04',
  'RC.RP-06',
];

type Stamped = {
  version: number;
  created_at: Date;
  created_by: string | null;
  updated_at: Date;
  updated_by: string | null;
};
export type CsfCampaignRow = Stamped & {
  id: string;
  year: number;
  name: string;
  catalogue_id: string;
  basis: '1.1' | '2.0';
  due_on: string;
  status: 'open' | 'closed';
};
export type CsfAssessmentStatus = 'draft' | 'in_review' | 'reviewed' | 'signed_off' | 'approved';
export type CsfAssessmentRow = Stamped & {
  id: string;
  campaign_id: string;
  site_id: string;
  domain: 'it' | 'ot';
  revision: number;
  status: CsfAssessmentStatus;
  assessor_id: string | null;
  consultancy: string | null;
  correction_of: string | null;
  correction_reason: string | null;
  submitted_at: Date | null;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  signed_off_at: Date | null;
  signed_off_by: string | null;
  approved_at: Date | null;
  approved_by: string | null;
};
export type CsfAnswerRow = {
  assessment_id: string;
  site_id: string;
  subcategory: string;
  current_level: number | null;
  not_applicable: boolean;
  target_level: number | null;
  notes: string | null;
  assessed_by: string | null;
  assessed_at: Date;
};
export type CsfBenchmarkRow = {
  year: number;
  function: string;
  score: number;
  source: string;
  updated_at: Date;
  updated_by: string | null;
};
export type CsfHistory = {
  campaigns: CsfCampaignRow[];
  assessments: CsfAssessmentRow[];
  answers: CsfAnswerRow[];
  benchmarks: CsfBenchmarkRow[];
};

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
      id: uuidFrom(ids),
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
        id: uuidFrom(ids),
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
  return { campaigns, assessments, answers, benchmarks };
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
