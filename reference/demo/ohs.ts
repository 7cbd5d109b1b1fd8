import {
  defaultChargedDaysTable,
  type RecoveryOutcome,
  requiresAuthorityNotice,
  SIX_MONTHS_DAYS,
} from '#shared/modules/ohs/rules/injury.ts';
import {
  checklists,
  needsGasTest,
  type PermitType,
  requiredQualification,
} from '#shared/modules/ohs/rules/permits.ts';
import { reviewIntervalMonths, riskLevel } from '#shared/modules/ohs/rules/risk.ts';
import { ohsMessage, qualificationKindName } from '../../server/modules/ohs/messages.ts';
import { HEALTH_REVIEW_TITLE } from '../../server/modules/ohs/rules/privacy.ts';
import { type Message, platformMessage } from '../../server/platform/i18n/index.ts';
import { addMonths, addYears, dayNumber, dec31, isoDate, jan1, yearOf, zonedInstant } from './clock.ts';
import type { AreaRow, DemoDataset, EmployeeRow, SiteRow } from './generate.ts';
import { personName } from './names.ts';
import {
  BODY_PARTS_ZH,
  type CauseGroup,
  COMMUTING,
  FATALITY,
  FINDINGS,
  FOLLOWUP_NOTES,
  HAZARDS,
  ILLNESSES,
  INVESTIGATION_STEPS,
  type InjuryType,
  NEAR_MISSES,
  PROVIDER_OF_COUNTRY,
  PROVIDERS,
  ROOT_CAUSES,
  SCENARIOS,
  type Scenario,
  TREATMENTS_ZH,
  UNSAFE_CONDITIONS,
  WELLBEING,
} from './ohs-text.ts';
import { type DemoSite, SITES, writesChinese } from './organisation.ts';
import { SITE_CITY } from './partners.ts';
import { allocate, Random, stochasticRound } from './random.ts';
import { DEPARTMENT_ZH, departmentsFor, inSiteLanguage, JOB_TITLE_ZH } from './workforce.ts';

/**
 * The demo's occupational health and safety records, generated around the demo clock from the people of the
 * demo dataset: ten years of hours worked and incidents, investigations of the recent serious ones, health
 * screenings, wellbeing programs, the ISO 45001 certificates of the seed with their renewals, hazards,
 * permits to work, goals, and the obligations those records carry. Every figure of the seed is reproduced
 * by Steward's own reports from these rows (nothing is stored as a total), at full scale:
 *
 * - 2022: 127 recordable occupational injury cases (every classification but first aid, of employees and
 *   contractors' workers, commuting and traffic accidents not counted), with first-aid cases and traffic
 *   accidents in the same year so that the exclusions matter;
 * - 2022: 51,895 people screened for NT$8.83 million;
 * - 5 gyms, 24 social clubs and 1,500 group course engagements in 2022, 95 employees trained as counsellors;
 * - the 18 ISO 45001 certificates of the seed, with their real dates.
 *
 * At a smaller scale the figures that count people scale down with the workforce (the certificates, gyms and
 * clubs do not). Pure and deterministic like generate.ts: the same dataset gives the same rows, ids included.
 */

/** The figures of the OHS seed (../shared/seeds/003), reproduced from the records at full scale. */
export const OHS_SEED = {
  year: 2022,
  injuryCases: 127,
  peopleScreened: 51_895,
  /** NT$8.83 million in cents. */
  screeningCostMinor: 883_000_000,
  gyms: 5,
  socialClubs: 24,
  groupCourseEngagements: 1_500,
  counsellorsTrained: 95,
  /** Facility, issue date, valid until: the seed's table of ISO 45001:2018 certificates. */
  certificates: [
    ['ASE Kaohsiung', '2022-03-12', '2025-03-11'],
    ['ASE Chungli', '2021-01-04', '2024-01-03'],
    ['ASE Shanghai (Material)', '2021-03-03', '2024-03-02'],
    ['ASE Wuxi', '2022-12-07', '2025-12-06'],
    ['ASE Korea', '2020-08-23', '2023-08-22'],
    ['ASE Singapore', '2021-02-02', '2024-02-01'],
    ['SPIL Da Fong', '2022-12-07', '2025-11-25'],
    ['SPIL Chung Shan', '2022-12-07', '2025-11-25'],
    ['SPIL Zhong Ke', '2022-12-07', '2025-11-25'],
    ['SPIL Hsinchu', '2022-12-07', '2025-11-25'],
    ['SPIL Changhua', '2022-12-07', '2025-11-25'],
    ['SPIL Zhong Kong', '2022-12-07', '2025-11-25'],
    ['SPIL Suzhou', '2022-10-19', '2025-10-10'],
    ['USI Nantou', '2022-12-19', '2025-12-18'],
    ['USI Zhangjiang', '2022-11-30', '2025-11-29'],
    ['USI Kunshan', '2021-02-03', '2024-02-02'],
    ['USI Jinqiao', '2022-09-07', '2025-09-06'],
    ['USI Mexico', '2021-09-08', '2024-09-07'],
  ] as readonly (readonly [string, string, string])[],
} as const;

/** Years of hours and incidents up to the demo clock (the clock's year included). */
export const HISTORY_YEARS = 10;

/** Share of the people who worked in a year that a screening campaign reaches at most. */
const MAX_COVERAGE = 0.93;
/** People screened in a year, as a share of the site's headcount (the seed: 51,895 of about 95,000). */
const SCREENED_SHARE = 0.55;
/**
 * The years whose screenings the demo holds: the seed's, with its general campaign and the special-condition
 * screenings, and the last two years up to the clock with their special-condition screenings (yearly, by
 * law). A general campaign is some 52,000 rows at full scale: the other years' are left out to keep the demo
 * load fast.
 */
export function screeningYears(clock: string): number[] {
  const y = Number(clock.slice(0, 4));
  return [...new Set([OHS_SEED.year, y - 1, y])].filter((x) => x <= y).sort();
}

// ---------------------------------------------------------------------------------------------------------
// Rows, named and shaped like the tables they go into.

export type OhsHoursRow = {
  id: string;
  site_id: string;
  month: string;
  employee_hours: number;
  non_employee_hours: number;
};
export type OhsIncidentRow = {
  id: string;
  site_id: string;
  area_id: string | null;
  reference: string;
  kind: 'injury' | 'illness' | 'near_miss' | 'unsafe_condition';
  occurred_at: string;
  occurred_on: string;
  reported_by: string | null;
  anonymous: boolean;
  title: string;
  description: string;
  immediate_actions: string | null;
  commuting: boolean;
  fatalities: number;
  injured: number;
  hospitalised: number;
  authority_notified_at: string | null;
  authority_reference: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
};
export type OhsInjuryRow = {
  id: string;
  incident_id: string;
  site_id: string;
  person_type: 'employee' | 'contractor_worker';
  person_id: string;
  injury_type: InjuryType;
  body_part: string;
  treatment: string | null;
  classification:
    | 'fatality'
    | 'permanent_total_disability'
    | 'permanent_partial_disability'
    | 'temporary_total_disability'
    | 'medical_treatment'
    | 'first_aid';
  injury_date: string;
  return_date: string | null;
  charged_days: number | null;
  charged_days_key: string | null;
  restricted_days: number;
  hospitalised: boolean;
  recovery: RecoveryOutcome;
  created_at: string;
  updated_at: string;
};
export type OhsInvestigationRow = {
  id: string;
  incident_id: string;
  site_id: string;
  status: 'draft' | 'investigating' | 'review' | 'closed';
  lead_id: string | null;
  team_ids: string[];
  summary: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
};
export type OhsInvestigationEventRow = {
  id: string;
  investigation_id: string;
  at: string;
  description: string;
  created_at: string;
};
export type OhsRootCauseRow = {
  id: string;
  investigation_id: string;
  site_id: string;
  method: 'five_whys' | 'fishbone';
  category: string | null;
  whys: string[];
  statement: string;
  created_at: string;
};
export type ActionRow = {
  id: string;
  site_id: string | null;
  program: 'ohs';
  kind: 'corrective' | 'preventive' | 'improvement';
  title: string;
  description: null;
  description_key: string;
  description_params: Message['params'];
  source_type: string;
  source_id: string;
  owner_id: string | null;
  due_date: string;
  status: 'open' | 'in_progress' | 'done' | 'verified';
  done_at: string | null;
  verified_at: string | null;
  verified_by: string | null;
  effectiveness_note: string | null;
  created_at: string;
};
export type HealthScreeningRow = {
  id: string;
  site_id: string;
  person_type: 'employee' | 'contractor_worker';
  person_id: string;
  kind: 'general' | 'special';
  special_hazard: string | null;
  screened_on: string;
  provider: string;
  cost_minor: number;
  management_level: number | null;
  abnormal: boolean;
  findings: string | null;
  recommendation: string | null;
};
export type HealthFollowupRow = {
  id: string;
  screening_id: string;
  site_id: string;
  due_date: string;
  consulted_on: string | null;
  clinician_id: string | null;
  notes: string | null;
};
export type WellbeingProgramRow = {
  id: string;
  site_id: string | null;
  kind: 'clinic' | 'counselling' | 'gym' | 'club' | 'group_course' | 'counsellor_training' | 'other';
  name: string;
  name_zh: string | null;
  started_on: string;
  ended_on: string | null;
};
export type WellbeingParticipationRow = {
  program_id: string;
  site_id: string | null;
  person_id: string | null;
  participated_on: string;
};
export type CertificationRow = {
  id: string;
  standard: string;
  site_id: string;
  subsidiary_id: null;
  certificate_no: string;
  issuer: string;
  scope: string;
  issued_on: string;
  valid_until: string;
  renewal_in_progress: boolean;
  owner_id: string | null;
  previous_id: string | null;
  created_at: string;
};
export type OhsGoalRow = {
  id: string;
  site_id: string | null;
  title: string;
  horizon: 'short' | 'medium' | 'long';
  metric: 'fatalities' | 'disabling_injuries' | 'fr' | 'sr' | 'contractor_injuries' | 'screening_coverage';
  comparison: 'at_most' | 'at_least';
  target: number;
  from_year: number;
  to_year: number;
};
export type OhsHazardRow = {
  id: string;
  site_id: string;
  area_id: string | null;
  activity: string;
  hazard: string;
  consequence: string;
  likelihood: number;
  severity: number;
  controls: { type: string; description: string; inPlace: boolean }[];
  residual_likelihood: number;
  residual_severity: number;
  owner_id: string | null;
  next_review: string;
  last_reviewed_on: string;
};
export type ContractorQualificationRow = {
  id: string;
  worker_id: string;
  site_id: string;
  kind: string;
  certificate_no: string;
  issued_on: string;
  valid_until: string;
};
export type PermitHistoryEntry = {
  at: string;
  by: string | null;
  transition: string;
  from: string;
  to: string;
  note?: string;
};
export type OhsPermitRow = {
  id: string;
  site_id: string;
  area_id: string;
  reference: string;
  type: PermitType;
  status: string;
  company_id: string;
  worker_ids: string[];
  description: string;
  starts_at: string;
  ends_at: string;
  checklist: Record<string, boolean>;
  gas_test: {
    oxygenPercent: number;
    lelPercent: number;
    toxicPpm: number | null;
    testedAt: string;
    testedBy: string | null;
  } | null;
  requested_by: string | null;
  approved_by: string | null;
  issued_by: string | null;
  history: PermitHistoryEntry[];
  rejection_reason: string | null;
  created_at: string;
};
/** An obligation's title as the platform stores a message: key and parameters, no English sentence. */
function titled(message: Message) {
  return { title: null, title_key: message.key, title_params: message.params ?? {} };
}

export type ObligationRow = {
  id: string;
  kind: string;
  source_type: string;
  source_id: string;
  site_id: string | null;
  program: 'ohs';
  owner_id: string | null;
  /** Null: the title is a message (`title_key`, `title_params`), shown in the reader's language. */
  title: null;
  title_key: string;
  title_params: Message['params'];
  due_date: string;
  due_at: string | null;
  state: 'open' | 'done' | 'cancelled';
  done_at: string | null;
  created_at: string;
};

export type OhsDataset = {
  /**
   * People who worked at the sites during the OHS history and left before the recent past. The workforce of
   * generate.ts is today's, with the last two years' leavers; the seed's year needs the people who worked
   * then (51,895 of them were screened), so the ones missing are added here, as leavers.
   */
  formerEmployees: EmployeeRow[];
  hours: OhsHoursRow[];
  incidents: OhsIncidentRow[];
  injuries: OhsInjuryRow[];
  investigations: OhsInvestigationRow[];
  investigationEvents: OhsInvestigationEventRow[];
  rootCauses: OhsRootCauseRow[];
  actions: ActionRow[];
  screenings: HealthScreeningRow[];
  followups: HealthFollowupRow[];
  wellbeingPrograms: WellbeingProgramRow[];
  wellbeingParticipation: WellbeingParticipationRow[];
  certifications: CertificationRow[];
  goals: OhsGoalRow[];
  hazards: OhsHazardRow[];
  qualifications: ContractorQualificationRow[];
  permits: OhsPermitRow[];
  obligations: ObligationRow[];
};

// ---------------------------------------------------------------------------------------------------------
// Calendar helpers.

const YEAR = 365.25;
const iso = (d: Date) => d.toISOString();

// ---------------------------------------------------------------------------------------------------------
// The people of a site, by the days they worked there.

type Person = {
  id: string;
  type: 'employee' | 'contractor_worker';
  from: number;
  until: number | null;
  companyId: string | null;
  name: string;
  /** A contractor's worker's trade. */
  trade?: string | null;
};
/** At work on a day: hired (or engaged) by then and not yet gone. */
const worksOn = (p: Person, day: number) => p.from <= day && (p.until === null || day < p.until);
/** At work on some day of [from, to]. */
const worksWithin = (p: Person, from: number, to: number) =>
  p.from <= to && (p.until === null || p.until > from);

function pickWorking(rng: Random, people: readonly Person[], day: number): Person | null {
  if (people.length === 0) return null;
  for (let i = 0; i < 40; i++) {
    const p = people[rng.int(0, people.length - 1)];
    if (worksOn(p, day)) return p;
  }
  const working = people.filter((p) => worksOn(p, day));
  return working.length ? rng.pick(working) : null;
}

type SiteInfo = {
  row: SiteRow;
  demo: DemoSite;
  areas: AreaRow[];
  employees: Person[];
  workers: Person[];
  /** Employees at work on the demo clock's day. */
  headcountNow: number;
  /** Yearly growth of the headcount over the history (the headcount of n years ago is (1 − n·growth) of today's). */
  growth: number;
  /** Contractors' workers on site, as a share of the headcount. */
  contractorShare: number;
  /** How injury-prone the site's work is, relative to a packaging and test factory. */
  risk: number;
  /** The month (1–12) the site's yearly screening campaign starts. */
  campaignMonth: number;
  officer: string | null;
};

type Users = {
  ohsOwner: string | null;
  officerKh: string | null;
  officerSpil: string | null;
  medical: string | null;
  employee: string | null;
  names: Map<string, string>;
};

type Context = {
  data: DemoDataset;
  scale: number;
  today: number;
  clockYear: number;
  firstYear: number;
  /** The seed's year is over by the demo clock: its figures are reproduced exactly. */
  seedYearDone: boolean;
  root: Random;
  sites: SiteInfo[];
  siteByCode: Map<string, SiteInfo>;
  users: Users;
  obligations: ObligationRow[];
};

/** Employees expected at work on a day, by the site's headcount today and its growth. */
function headcount(s: SiteInfo, day: number, today: number): number {
  const yearsBefore = Math.max(0, (today - day) / YEAR);
  const opened = jan1(s.demo.opened);
  const ramp = Math.min(1, Math.max(0.15, (day - opened) / (2 * YEAR)));
  return s.headcountNow * Math.max(0.5, 1 - s.growth * yearsBefore) * ramp;
}

// ---------------------------------------------------------------------------------------------------------

export function generateOhsDataset(data: DemoDataset): OhsDataset {
  const scale = data.scale;
  const today = dayNumber(data.clock);
  const clockYear = Number(data.clock.slice(0, 4));
  const root = new Random(`${data.seed}/ohs`);
  const userId = (email: string) => data.users.find((u) => u.email === email)?.id ?? null;
  const users: Users = {
    ohsOwner: userId('ohs.owner@steward.demo'),
    officerKh: userId('officer.kh@steward.demo'),
    officerSpil: userId('officer.spil@steward.demo'),
    medical: userId('medical@steward.demo'),
    employee: userId('employee@steward.demo'),
    names: new Map(data.users.map((u) => [u.id, u.display_name])),
  };

  const setup = root.fork('sites');
  const sites: SiteInfo[] = data.sites.map((row) => {
    const demo = SITES.find((s) => s.code === row.code) as DemoSite;
    const employees: Person[] = [];
    return {
      row,
      demo,
      areas: data.areas.filter((a) => a.site_id === row.id),
      employees,
      workers: [],
      headcountNow: 0,
      growth: setup.next() * 0.03 + 0.005,
      contractorShare: demo.kind === 'office' ? 0.02 : 0.05 + setup.next() * 0.06,
      risk: (demo.kind === 'office' ? 0.1 : demo.kind === 'materials' ? 1.3 : 1) * (0.6 + setup.next() * 0.9),
      campaignMonth: setup.int(3, 9),
      officer:
        row.code === 'ASE-KH' ? users.officerKh : demo.subsidiary === 'SPIL' ? users.officerSpil : null,
    };
  });
  const siteById = new Map(sites.map((s) => [s.row.id, s]));
  for (const e of data.employees) {
    siteById.get(e.site_id)?.employees.push({
      id: e.id,
      type: 'employee',
      from: dayNumber(e.hire_date),
      until: e.leave_date ? dayNumber(e.leave_date) : null,
      companyId: null,
      name: e.full_name,
    });
  }
  for (const w of data.contractorWorkers) {
    siteById.get(w.site_id)?.workers.push({
      id: w.id,
      type: 'contractor_worker',
      from: w.start_date ? dayNumber(w.start_date) : today - 3650,
      until: w.end_date ? dayNumber(w.end_date) : null,
      companyId: w.company_id,
      name: w.full_name,
      trade: w.trade,
    });
  }
  for (const s of sites) s.headcountNow = s.employees.filter((p) => worksOn(p, today)).length;

  const ctx: Context = {
    data,
    scale,
    today,
    clockYear,
    firstYear: clockYear - HISTORY_YEARS + 1,
    seedYearDone: today > dec31(OHS_SEED.year),
    root,
    sites,
    siteByCode: new Map(sites.map((s) => [s.row.code, s])),
    users,
    obligations: [],
  };

  const formerEmployees = generateFormerEmployees(ctx);
  const hours = generateHours(ctx);
  const { incidents, injuries, serious } = generateIncidents(ctx, hours);
  const investigation = generateInvestigations(ctx, serious);
  const health = generateScreenings(ctx);
  const wellbeing = generateWellbeing(ctx);
  const certifications = generateCertificates(ctx);
  const hazards = generateHazards(ctx);
  const work = generatePermits(ctx);
  const goals = generateGoals(ctx);

  return {
    formerEmployees,
    hours,
    incidents,
    injuries,
    ...investigation,
    ...health,
    ...wellbeing,
    certifications,
    goals,
    hazards,
    ...work,
    obligations: ctx.obligations,
  };
}

/** Row counts per table, for progress lines and the audit event of the demo load. */
export function ohsCounts(o: OhsDataset): Record<string, number> {
  return {
    former_employees: o.formerEmployees.length,
    ohs_hours: o.hours.length,
    ohs_incidents: o.incidents.length,
    ohs_injuries: o.injuries.length,
    ohs_investigations: o.investigations.length,
    health_screenings: o.screenings.length,
    wellbeing_participation: o.wellbeingParticipation.length,
    certifications: o.certifications.length,
    ohs_hazards: o.hazards.length,
    ohs_permits: o.permits.length,
    obligations: o.obligations.length,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Former employees: enough people at work in the seed's year for its screening campaign.

/** The seed year's people to screen, per site, in proportion to each site's headcount then. */
function seedScreeningTargets(ctx: Context): number[] {
  const mid = dayNumber(`${OHS_SEED.year}-07-01`);
  return allocate(
    Math.round(OHS_SEED.peopleScreened * ctx.scale),
    ctx.sites.map((s) => headcount(s, mid, ctx.today)),
  );
}

function generateFormerEmployees(ctx: Context): EmployeeRow[] {
  if (!ctx.seedYearDone) return [];
  const rng = ctx.root.fork('former-employees');
  const targets = seedScreeningTargets(ctx);
  const from = jan1(OHS_SEED.year);
  const to = dec31(OHS_SEED.year);
  // They left after the seed's year, before the last two years (whose leavers generate.ts has).
  const leaveFrom = to + 1;
  const leaveTo = Math.max(leaveFrom + 30, Math.min(ctx.today - 1, ctx.today - 540));
  const out: EmployeeRow[] = [];
  ctx.sites.forEach((s, i) => {
    const pool = s.employees.filter((p) => worksWithin(p, from, to)).length;
    const missing = Math.max(0, Math.ceil(targets[i] / MAX_COVERAGE) - pool);
    const numbered = ctx.data.employees.filter((e) => e.site_id === s.row.id).length;
    const departments = departmentsFor(s.demo.kind);
    const opened = jan1(s.demo.opened);
    for (let k = 0; k < missing; k++) {
      const name = personName(rng, rng.weighted(s.demo.cultures));
      const department = rng.weighted(departments.map((d) => [d, d.weight] as const));
      const [title] = rng.weighted(department.titles.map((t) => [t, t[1]] as const));
      const hire = Math.max(opened, from - 1 - Math.round(rng.exponential(4 * YEAR)));
      const leave = Math.min(ctx.today - 1, rng.int(leaveFrom, leaveTo));
      const row: EmployeeRow = {
        id: rng.uuid(),
        site_id: s.row.id,
        // After the site's current numbers, as the HR system numbered the records it took over.
        employee_no: `${s.row.code}-${String(numbered + k + 1).padStart(6, '0')}`,
        full_name: name.fullName,
        email: null,
        department: inSiteLanguage(department.name, writesChinese(s.row.country), DEPARTMENT_ZH),
        job_title: inSiteLanguage(title, writesChinese(s.row.country), JOB_TITLE_ZH),
        hire_date: isoDate(hire),
        leave_date: isoDate(Math.max(hire, leave)),
      };
      out.push(row);
      s.employees.push({
        id: row.id,
        type: 'employee',
        from: hire,
        until: Math.max(hire, leave),
        companyId: null,
        name: row.full_name,
      });
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Hours worked per site and month: the headcount of the month × about 2,050 hours a year.

const LUNAR_NEW_YEAR_COUNTRIES = new Set(['TW', 'CN', 'SG', 'MY', 'KR']);

function generateHours(ctx: Context): OhsHoursRow[] {
  const rng = ctx.root.fork('hours');
  const out: OhsHoursRow[] = [];
  const lastMonth = addMonths(`${isoDate(ctx.today).slice(0, 7)}-01`, -1);
  for (const s of ctx.sites) {
    const yearly = s.demo.kind === 'office' ? 1_980 : 2_060;
    const firstMonth = `${Math.max(ctx.firstYear, s.demo.opened)}-01-01`;
    for (let month = firstMonth; month <= lastMonth; month = addMonths(month, 1)) {
      const m = Number(month.slice(5, 7));
      const start = dayNumber(month);
      const days = dayNumber(addMonths(month, 1)) - start;
      let factor = days / 30.4375;
      if (m === 2 && LUNAR_NEW_YEAR_COUNTRIES.has(s.demo.country)) factor *= 0.9;
      if (m === 10 && s.demo.country === 'CN') factor *= 0.93;
      const heads = headcount(s, start + 14, ctx.today);
      const employeeHours = heads * (yearly / 12) * factor * (0.97 + rng.next() * 0.06);
      const nonEmployeeHours = heads * s.contractorShare * 190 * factor * (0.85 + rng.next() * 0.3);
      out.push({
        id: rng.uuid(),
        site_id: s.row.id,
        month,
        employee_hours: Math.round(employeeHours * 2) / 2,
        non_employee_hours: Math.round(nonEmployeeHours * 2) / 2,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Incidents and injuries.

type Classification = OhsInjuryRow['classification'];
type InjuryDraft = Omit<
  OhsInjuryRow,
  'id' | 'incident_id' | 'site_id' | 'injury_date' | 'created_at' | 'updated_at'
>;
type IncidentDraft = {
  site: SiteInfo;
  day: number;
  minute: number;
  kind: OhsIncidentRow['kind'];
  commuting: boolean;
  anonymous: boolean;
  title: string;
  description: string;
  immediate: string | null;
  areaId: string | null;
  injuries: InjuryDraft[];
  cause: CauseGroup | 'fatality' | null;
};

export type SeriousIncident = {
  incident: OhsIncidentRow;
  site: SiteInfo;
  day: number;
  cause: CauseGroup | 'fatality';
};

const SIDES = ['left', 'right'];
const LIMBS = new Set([
  'finger',
  'hand',
  'arm',
  'wrist',
  'elbow',
  'shoulder',
  'leg',
  'knee',
  'ankle',
  'foot',
  'eye',
  'ear',
  'hip',
]);
const describePart = (rng: Random, part: string) => (LIMBS.has(part) ? `${rng.pick(SIDES)} ${part}` : part);
/** 'left finger' → 左手指. */
const partZh = (described: string) =>
  described
    .split(' ')
    .map((w) => BODY_PARTS_ZH[w] ?? w)
    .join('');
/** A treatment in Traditional Chinese: a scenario's own, or one the generator writes. */
const TREATMENT_ZH = new Map<string, string>([
  ...Object.entries(TREATMENTS_ZH),
  ...SCENARIOS.flatMap((sc) => [
    [sc.firstAid, sc.firstAidZh] as [string, string],
    ...sc.treatment.map((t, i) => [t, sc.treatmentZh[i]] as [string, string]),
  ]),
]);
const FINGER_KEYS = [
  ['little_finger', 3],
  ['ring_finger', 3],
  ['middle_finger', 3],
  ['index_finger', 4],
  ['thumb', 1],
] as const;

function areaFor(
  rng: Random,
  s: SiteInfo,
  cause: CauseGroup | 'fatality' | null,
  want?: string,
): string | null {
  const zone = (code: string) => s.areas.find((a) => a.code === code);
  const lines = s.areas.filter((a) => a.kind === 'line');
  const floors = s.areas.filter((a) => a.kind === 'floor');
  const pick = (list: AreaRow[]) => (list.length ? rng.pick(list).id : null);
  if (want) return zone(want)?.id ?? pick(lines.length ? lines : floors);
  if (cause === 'chemical' && rng.chance(0.5)) return zone('CHEM')?.id ?? pick(lines);
  if (cause === 'traffic' && rng.chance(0.6)) return zone('WH')?.id ?? pick(floors);
  if (rng.chance(0.75) && lines.length) return pick(lines);
  return pick(floors.length ? floors : s.areas);
}

/** Minute of the day an event happens: three shifts, the day shift busiest. */
function shiftMinute(rng: Random): number {
  const shift = rng.weighted([
    [0, 58],
    [1, 27],
    [2, 15],
  ] as const);
  return shift === 0
    ? rng.int(8 * 60, 17 * 60)
    : shift === 1
      ? rng.int(17 * 60, 23 * 60 + 50)
      : rng.int(10, 7 * 60 + 50);
}

function injured(
  rng: Random,
  s: SiteInfo,
  day: number,
  contractorShare: number,
): { person: Person; type: 'employee' | 'contractor_worker' } | null {
  if (rng.chance(contractorShare)) {
    const w = pickWorking(rng, s.workers, day);
    if (w) return { person: w, type: 'contractor_worker' };
  }
  const e = pickWorking(rng, s.employees, day);
  if (e) return { person: e, type: 'employee' };
  // A tiny site at a small scale may have nobody on its books that day: its longest-serving employee.
  const earliest = [...s.employees].sort((a, b) => a.from - b.from)[0];
  return earliest ? { person: earliest, type: 'employee' } : null;
}

function recordableInjury(
  rng: Random,
  ctx: Context,
  scenario: Scenario,
  day: number,
): Omit<InjuryDraft, 'person_type' | 'person_id'> {
  const part = rng.weighted(scenario.parts);
  const cls = rng.weighted([
    ['medical_treatment', scenario.classes[0]],
    ['temporary_total_disability', scenario.classes[1]],
    ['permanent_partial_disability', scenario.classes[2]],
  ] as const);
  return injuryFacts(rng, ctx, scenario, part, cls, day);
}

/**
 * The GRI 403-9 recovery outcome the site would have recorded: a finger lost is not a full recovery; more than
 * six months off did not (or, still off, is not expected to) recover within six months; everyone else
 * recovered fully once back at work (a month after a medical-treatment case), or is expected to.
 * Deterministic, drawing nothing, so that the rest of the history stays the same.
 */
function recoveryOf(
  classification: Classification,
  day: number,
  away: number,
  returned: boolean,
  today: number,
): RecoveryOutcome {
  switch (classification) {
    case 'permanent_total_disability':
    case 'permanent_partial_disability':
      return 'not_expected_full_recovery';
    case 'temporary_total_disability':
      if (away > SIX_MONTHS_DAYS)
        return returned || today - day > SIX_MONTHS_DAYS
          ? 'not_recovered_within_six_months'
          : 'not_expected_full_recovery';
      return returned ? 'recovered_fully' : 'expected_full_recovery';
    case 'medical_treatment':
    case 'first_aid':
      return today - day > 30 ? 'recovered_fully' : 'expected_full_recovery';
    default:
      return 'expected_full_recovery';
  }
}

function injuryFacts(
  rng: Random,
  ctx: Context,
  scenario: Pick<Scenario, 'type' | 'lostDaysMean' | 'mayHospitalise'> &
    Partial<Pick<Scenario, 'firstAid' | 'treatment'>>,
  part: string,
  classification: Classification,
  day: number,
): Omit<InjuryDraft, 'person_type' | 'person_id'> {
  let returnDay: number | null = null;
  let away = 0;
  let charged: number | null = null;
  let chargedKey: string | null = null;
  let restricted = 0;
  let hospitalised = false;
  let treatment: string;
  switch (classification) {
    case 'first_aid':
      treatment = scenario.firstAid ?? 'Seen at the first-aid room';
      break;
    case 'medical_treatment':
      treatment = rng.pick(
        scenario.treatment ?? ['Seen by the occupational physician; prescription medication'],
      );
      if (rng.chance(0.25)) restricted = rng.int(1, 10);
      break;
    case 'temporary_total_disability': {
      away = 1 + Math.min(360, Math.round(rng.exponential(scenario.lostDaysMean)));
      returnDay = day + away + 1;
      hospitalised = scenario.mayHospitalise && rng.chance(scenario.type === 'fracture' ? 0.45 : 0.3);
      treatment = hospitalised
        ? 'Admitted to hospital; sick leave until recovered'
        : 'Treated at the hospital; sick leave until recovered';
      if (rng.chance(0.3)) restricted = rng.int(3, 20);
      break;
    }
    case 'permanent_partial_disability': {
      // The loss of (part of) a finger: no loss of a hand or more in this history.
      const key = rng.weighted(FINGER_KEYS);
      chargedKey = key;
      charged = (defaultChargedDaysTable.find((e) => e.key === key) as { days: number }).days;
      returnDay = day + rng.int(25, 80) + 1;
      hospitalised = rng.chance(0.8);
      treatment = 'Surgery at the hospital; permanent partial loss of use';
      restricted = rng.int(10, 40);
      break;
    }
    default:
      treatment = 'Emergency response; died of the injuries';
      hospitalised = true;
  }
  // Still off work on the demo clock's day: no return date yet.
  if (returnDay !== null && returnDay > ctx.today) returnDay = null;
  return {
    recovery: recoveryOf(classification, day, away, returnDay !== null, ctx.today),
    injury_type: scenario.type,
    body_part: part,
    treatment,
    classification,
    return_date: returnDay === null ? null : isoDate(returnDay),
    charged_days: charged,
    charged_days_key: chargedKey,
    restricted_days: restricted,
    hospitalised,
  };
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

function generateIncidents(ctx: Context, hours: OhsHoursRow[]) {
  const drafts: IncidentDraft[] = [];
  const yearlyHours = new Map<string, number>();
  for (const h of hours) {
    const key = `${h.site_id}|${h.month.slice(0, 4)}`;
    yearlyHours.set(key, (yearlyHours.get(key) ?? 0) + h.employee_hours + h.non_employee_hours);
  }
  const recordables = SCENARIOS.map((s) => [s, s.weight] as const);
  const firstAids = SCENARIOS.filter((s) => s.firstAidWeight > 0).map((s) => [s, s.firstAidWeight] as const);
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
    let recordable = exact ? Math.round(OHS_SEED.injuryCases * ctx.scale) : stochasticRound(rng, expected);
    const day = () => rng.int(start, end);

    // The one fatality of the history: a contractor's worker, years before the seed's year.
    if (year === fatalityYear && ctx.scale >= 0.1 && recordable > 0) {
      const atWork = (x: SiteInfo) => x.workers.filter((w) => worksWithin(w, start, end));
      const withRoofers = ctx.sites.filter(
        (x) => x.demo.kind !== 'office' && atWork(x).some((w) => ROOF_TRADES.has(w.trade ?? '')),
      );
      const candidates = withRoofers.length
        ? withRoofers
        : ctx.sites.filter((x) => x.demo.kind !== 'office' && atWork(x).length > 0);
      if (candidates.length) {
        const s = rng.weighted(candidates.map((c) => [c, c.headcountNow] as const));
        const working = s.workers.filter((w) => worksWithin(w, start, end));
        const roofers = working.filter((w) => ROOF_TRADES.has(w.trade ?? ''));
        const w = rng.pick(roofers.length ? roofers : working);
        const d = Math.max(
          start,
          Math.min(end, w.from + rng.int(0, 60), w.until === null ? end : w.until - 1),
        );
        drafts.push({
          site: s,
          day: d,
          minute: rng.int(9 * 60, 16 * 60),
          kind: 'injury',
          commuting: false,
          anonymous: false,
          title: writesChinese(s.row.country) ? FATALITY.zh.title : FATALITY.title,
          description: writesChinese(s.row.country) ? FATALITY.zh.description : FATALITY.description,
          immediate: writesChinese(s.row.country) ? FATALITY.zh.immediate : FATALITY.immediate,
          areaId: areaFor(rng, s, null, 'WH'),
          injuries: [
            {
              person_type: 'contractor_worker',
              person_id: w.id,
              ...injuryFacts(
                rng,
                ctx,
                { type: 'fall', lostDaysMean: 0, mayHospitalise: true },
                'multiple',
                'fatality',
                d,
              ),
            },
          ],
          cause: 'fatality',
        });
        recordable--;
      }
    }

    // Recordable injuries (and a few occupational illnesses), employees and contractors' workers.
    while (recordable > 0) {
      const s = rng.weighted(weights);
      const d = day();
      if (recordable >= 2 && s.demo.kind !== 'office' && rng.chance(0.03)) {
        // A chemical release that hurt several people at once.
        const n = Math.min(recordable, rng.int(2, 3));
        const releaseType = rng.chance(0.5) ? 'inhalation' : 'chemical_burn';
        const scenario = SCENARIOS.find((x) => x.type === releaseType) as Scenario;
        const hurt: InjuryDraft[] = [];
        for (let k = 0, tries = 0; k < n && tries < 20; tries++) {
          const who = injured(rng, s, d, 0.15);
          if (!who) break;
          if (hurt.some((h) => h.person_id === who.person.id)) continue;
          k++;
          const facts = recordableInjury(rng, ctx, scenario, d);
          hurt.push({ person_type: who.type, person_id: who.person.id, ...facts });
        }
        if (hurt.length === 0) break;
        drafts.push({
          site: s,
          day: d,
          minute: shiftMinute(rng),
          kind: 'injury',
          commuting: false,
          anonymous: false,
          ...chemicalRelease(rng, s, scenario, hurt.length),
          areaId: areaFor(rng, s, 'chemical'),
          injuries: hurt,
          cause: 'chemical',
        });
        recordable -= hurt.length;
        continue;
      }
      const who = injured(rng, s, d, 0.12);
      if (!who) break;
      if (rng.chance(0.03) && who.type === 'employee') {
        const illness = rng.pick(ILLNESSES);
        drafts.push({
          site: s,
          day: d,
          minute: rng.int(9 * 60, 17 * 60),
          kind: 'illness',
          commuting: false,
          anonymous: false,
          title: writesChinese(s.row.country) ? illness.zh.title : illness.title,
          description: writesChinese(s.row.country) ? illness.zh.detail : illness.detail,
          immediate: writesChinese(s.row.country) ? illness.zh.immediate : illness.immediate,
          areaId: areaFor(rng, s, null),
          injuries: [
            {
              person_type: 'employee',
              person_id: who.person.id,
              ...injuryFacts(
                rng,
                ctx,
                { type: illness.type, lostDaysMean: 3, mayHospitalise: false },
                illness.part,
                'medical_treatment',
                d,
              ),
              restricted_days: rng.int(5, 30),
            },
          ],
          cause: 'handling',
        });
        recordable--;
        continue;
      }
      const scenario = rng.weighted(recordables);
      const facts = recordableInjury(rng, ctx, scenario, d);
      drafts.push(
        singleInjury(rng, s, d, scenario, { person_type: who.type, person_id: who.person.id, ...facts }),
      );
      recordable--;
    }

    // First-aid cases: not recordable, so not counted, but reported.
    const firstAidCount = Math.max(year === OHS_SEED.year ? 1 : 0, stochasticRound(rng, expected * 2.5));
    for (let k = 0; k < firstAidCount; k++) {
      const s = rng.weighted(weights);
      const d = day();
      const who = injured(rng, s, d, 0.1);
      if (!who) continue;
      const scenario = rng.weighted(firstAids);
      const facts = injuryFacts(rng, ctx, scenario, rng.weighted(scenario.parts), 'first_aid', d);
      drafts.push(
        singleInjury(rng, s, d, scenario, { person_type: who.type, person_id: who.person.id, ...facts }),
      );
    }

    // Commuting and traffic accidents: reported, excluded from the statistics.
    const commutingCount = Math.max(year === OHS_SEED.year ? 2 : 0, stochasticRound(rng, expected * 0.18));
    for (let k = 0; k < commutingCount; k++) {
      const s = rng.weighted(ctx.sites.map((x) => [x, x.headcountNow] as const));
      const d = day();
      const e = pickWorking(rng, s.employees, d);
      if (!e) continue;
      const type = rng.weighted(COMMUTING.types);
      const part = rng.weighted(COMMUTING.parts);
      // The seed's year has a recordable one for certain, so that the exclusion shows.
      const cls: Classification =
        year === OHS_SEED.year && k === 0
          ? 'temporary_total_disability'
          : rng.weighted([
              ['temporary_total_disability', 45],
              ['medical_treatment', 35],
              ['first_aid', 20],
            ] as const);
      const facts = injuryFacts(
        rng,
        ctx,
        {
          type,
          lostDaysMean: type === 'fracture' ? 35 : 8,
          mayHospitalise: false,
          firstAid: 'Minor injury seen at the first-aid room on arrival',
          treatment: ['Treated at the emergency department and released'],
        },
        part,
        cls,
        d,
      );
      const title = rng.pick(COMMUTING.titles);
      const zh = writesChinese(s.row.country);
      const minute = rng.chance(0.5) ? rng.int(6 * 60 + 30, 8 * 60) : rng.int(17 * 60 + 15, 20 * 60 + 30);
      const detail = rng.pick(COMMUTING.details);
      const injuredPart = describePart(rng, part);
      drafts.push({
        site: s,
        day: d,
        minute,
        kind: 'injury',
        commuting: true,
        anonymous: false,
        title: zh ? COMMUTING.titlesZh[COMMUTING.titles.indexOf(title)] : title,
        description: zh
          ? `${COMMUTING.titlesZh[COMMUTING.titles.indexOf(title)]}。${COMMUTING.detailsZh[COMMUTING.details.indexOf(detail)]}受傷部位：${partZh(injuredPart)}。`
          : `${title}. ${detail} Injured: ${injuredPart}.`,
        immediate: null,
        areaId: null,
        injuries: [{ person_type: 'employee', person_id: e.id, ...facts }],
        cause: null,
      });
    }

    // Near misses and unsafe conditions, some reported anonymously.
    for (const [list, kind, factor] of [
      [NEAR_MISSES, 'near_miss', 1.5],
      [UNSAFE_CONDITIONS, 'unsafe_condition', 1],
    ] as const) {
      const n = stochasticRound(rng, expected * factor);
      for (let k = 0; k < n; k++) {
        const s = rng.weighted(weights);
        const [title, fix, titleZh, fixZh] = rng.pick<readonly [string, string, string, string]>(list);
        const zh = writesChinese(s.row.country);
        drafts.push({
          site: s,
          day: day(),
          minute: shiftMinute(rng),
          kind,
          commuting: false,
          anonymous: rng.chance(0.25),
          title: zh ? titleZh : title,
          description: zh
            ? `${titleZh}。現場通報，無人受傷。`
            : `${title}. Reported from the floor; nobody was hurt.`,
          immediate: zh ? fixZh : fix,
          areaId: areaFor(rng, s, null),
          injuries: [],
          cause: null,
        });
      }
    }
  }

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
      ctx.obligations.push({
        id: rng.uuid(),
        kind: 'ohs.authority_notice',
        source_type: 'ohs_incident',
        source_id: incident.id,
        site_id: incident.site_id,
        program: 'ohs',
        owner_id: null,
        ...titled(ohsMessage('ohs.obligation.authorityNotice', { reference: incident.reference, hours: 8 })),
        due_date: date,
        due_at: iso(new Date(at.getTime() + 8 * 3_600_000)),
        state: 'done',
        done_at: incident.authority_notified_at,
        created_at: iso(created),
      });
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

function singleInjury(
  rng: Random,
  s: SiteInfo,
  day: number,
  scenario: Scenario,
  injury: InjuryDraft,
): IncidentDraft {
  const c = rng.pick(scenario.cases);
  const zh = writesChinese(s.row.country);
  const minute = shiftMinute(rng);
  const part = describePart(rng, injury.body_part);
  return {
    site: s,
    day,
    minute,
    kind: 'injury',
    commuting: false,
    anonymous: false,
    title: zh ? c.zh.title : c.title,
    description: zh ? `${c.zh.detail}受傷部位：${partZh(part)}。` : `${c.detail} Injured: ${part}.`,
    immediate: zh ? c.zh.immediate : c.immediate,
    areaId: areaFor(rng, s, c.cause),
    injuries: [injury],
    cause: c.cause,
  };
}

/** The title, account and first measures of a chemical release that hurt several people. */
function chemicalRelease(rng: Random, s: SiteInfo, scenario: Scenario, hurt: number) {
  const places = [
    ['plating line', '電鍍線'],
    ['chemical supply room', '化學品供應室'],
    ['wet bench', '濕式工作台'],
  ] as const;
  const place = rng.pick(places);
  const c = rng.pick(scenario.cases);
  if (writesChinese(s.row.country))
    return {
      title: `${place[1]}${scenario.type === 'inhalation' ? '化學品蒸氣逸散' : '化學品洩漏'}：${hurt} 人受傷`,
      description: `${c.zh.detail}附近作業之 ${hurt} 人遭暴露。`,
      immediate: '現場疏散、供應源隔離，暴露人員送醫務室及醫院。',
    };
  return {
    title: `${scenario.type === 'inhalation' ? 'Chemical vapour release' : 'Chemical leak'} at the ${place[0]}: ${hurt} people hurt`,
    description: `${c.detail} ${hurt} people working nearby were exposed.`,
    immediate:
      'Area evacuated, the supply isolated and the people exposed taken to the clinic and the hospital.',
  };
}

/** Who reported an incident: the site's officer or the employee of the demo at ASE Kaohsiung, else nobody on record. */
function reporterOf(rng: Random, ctx: Context, s: SiteInfo): string | null {
  if (s.row.code === 'ASE-KH')
    return rng.chance(0.15) && ctx.users.employee ? ctx.users.employee : ctx.users.officerKh;
  return s.officer;
}

// ---------------------------------------------------------------------------------------------------------
// Investigations of the recent serious incidents, with their root causes and actions.

function generateInvestigations(ctx: Context, serious: SeriousIncident[]) {
  const rng = ctx.root.fork('investigations');
  const investigations: OhsInvestigationRow[] = [];
  const investigationEvents: OhsInvestigationEventRow[] = [];
  const rootCauses: OhsRootCauseRow[] = [];
  const actions: ActionRow[] = [];
  const at = (day: number, minute: number, s: SiteInfo) => zonedInstant(day, minute, s.row.time_zone);
  const now = at(ctx.today, 0, ctx.sites[0]);
  for (const { incident, site: s, day, cause } of serious) {
    const age = ctx.today - day;
    const status: OhsInvestigationRow['status'] =
      age > 75 ? 'closed' : age > 30 ? 'review' : age > 6 ? 'investigating' : 'draft';
    const lead = s.officer ?? ctx.users.ohsOwner;
    const team = [...new Set([lead, ctx.users.ohsOwner].filter((x): x is string => !!x))];
    const opened = new Date(Date.parse(incident.occurred_at) + rng.int(2, 20) * 3_600_000);
    const investigation: OhsInvestigationRow = {
      id: rng.uuid(),
      incident_id: incident.id,
      site_id: s.row.id,
      status,
      lead_id: lead,
      team_ids: team,
      summary: null,
      closed_at: null,
      created_at: iso(opened),
      updated_at: iso(opened),
    };
    investigations.push(investigation);
    const zh = writesChinese(s.row.country);
    const say = (text: readonly [string, string]) => (zh ? text[1] : text[0]);
    const events: [number, string][] = [
      [0, say(INVESTIGATION_STEPS.secured)],
      [1, say(INVESTIGATION_STEPS.interviews)],
      [3, say(INVESTIGATION_STEPS.workshop)],
      [8, say(INVESTIGATION_STEPS.agreed)],
    ];
    for (const [offset, description] of events) {
      const when =
        offset === 0
          ? new Date(Date.parse(incident.occurred_at) + 90 * 60_000)
          : at(day + offset, rng.int(9 * 60, 17 * 60), s);
      if (when >= now) break;
      investigationEvents.push({
        id: rng.uuid(),
        investigation_id: investigation.id,
        at: iso(when),
        description,
        created_at: iso(when),
      });
    }
    if (status === 'draft') continue;
    const group = cause === 'fatality' ? null : ROOT_CAUSES[cause];
    const detail = zh
      ? `${incident.description.split('。')[0]}。`
      : incident.description.split(/(?<=\.) /)[0];
    // The causes as the site writes them: statement, whys and actions' titles in its language.
    const causes = (
      group
        ? [
            {
              method: 'five_whys' as const,
              ...group.fiveWhys,
              whys: zh
                ? [`為何有人受傷？${incident.title}。`, `為何會發生？${detail}`, ...group.whysZh]
                : [
                    `Why was the person hurt? ${incident.title}.`,
                    `Why did it happen? ${detail}`,
                    ...group.whys,
                  ],
            },
            { method: 'fishbone' as const, ...group.fishbone, whys: [] as string[] },
          ]
        : FATALITY.causes.map((c) => ({ ...c, whys: zh ? c.zh.whys : c.whys }))
    ).map((c) =>
      zh
        ? {
            ...c,
            statement: c.zh.statement,
            actions: c.actions.map(([kind], i) => [kind, c.zh.actions[i]] as const),
          }
        : c,
    );
    const statements: string[] = [];
    let lastDone = day;
    for (const c of causes) {
      const created = at(day + 3, rng.int(10 * 60, 16 * 60), s);
      const rc: OhsRootCauseRow = {
        id: rng.uuid(),
        investigation_id: investigation.id,
        site_id: s.row.id,
        method: c.method,
        category: c.category,
        whys: [...c.whys],
        statement: c.statement,
        created_at: iso(created),
      };
      rootCauses.push(rc);
      statements.push(c.statement);
      for (const [kind, title] of c.actions) {
        // Closed: every action done (most verified effective). Under way: due in the coming weeks.
        let due: number;
        let actionStatus: ActionRow['status'];
        let doneDay: number | null = null;
        let verifiedDay: number | null = null;
        if (status === 'closed') {
          due = day + rng.int(20, 60);
          doneDay = Math.min(ctx.today - 12, due - rng.int(0, 12));
          actionStatus = rng.chance(0.7) ? 'verified' : 'done';
          if (actionStatus === 'verified') verifiedDay = Math.min(ctx.today - 3, doneDay + rng.int(5, 20));
          lastDone = Math.max(lastDone, verifiedDay ?? doneDay);
        } else {
          due = ctx.today + rng.int(10, 60);
          actionStatus =
            status === 'review' && rng.chance(0.5) ? 'done' : rng.chance(0.5) ? 'in_progress' : 'open';
          if (actionStatus === 'done') doneDay = ctx.today - rng.int(1, Math.max(1, Math.min(20, age - 10)));
        }
        const action: ActionRow = {
          id: rng.uuid(),
          site_id: s.row.id,
          program: 'ohs',
          kind,
          title,
          description: null,
          description_key: 'ohs.action.fromInvestigation',
          description_params: {
            reference: incident.reference,
            cause: zh ? c.statement : c.statement.toLowerCase(),
          },
          source_type: 'ohs_root_cause',
          source_id: rc.id,
          owner_id: lead,
          due_date: isoDate(due),
          status: actionStatus,
          done_at: doneDay === null ? null : iso(at(doneDay, 16 * 60, s)),
          verified_at: verifiedDay === null ? null : iso(at(verifiedDay, 11 * 60, s)),
          verified_by: verifiedDay === null ? null : ctx.users.ohsOwner,
          effectiveness_note: verifiedDay === null ? null : say(INVESTIGATION_STEPS.effective),
          created_at: iso(created),
        };
        actions.push(action);
        ctx.obligations.push({
          id: rng.uuid(),
          kind: 'action.due',
          source_type: 'action',
          source_id: action.id,
          site_id: s.row.id,
          program: 'ohs',
          owner_id: lead,
          ...titled(platformMessage('platform.action.due', { title })),
          due_date: action.due_date,
          due_at: null,
          state: doneDay === null ? 'open' : 'done',
          done_at: action.done_at,
          created_at: iso(created),
        });
      }
    }
    investigation.summary = zh
      ? `${incident.title}。根本原因：${statements.join('；')}。`
      : `${incident.title}. Root causes: ${statements.join('; ')}.`;
    if (status === 'closed') {
      const closed = at(Math.min(ctx.today - 1, lastDone + rng.int(2, 10)), 15 * 60, s);
      investigation.closed_at = iso(closed);
      investigation.updated_at = iso(closed);
      investigationEvents.push({
        id: rng.uuid(),
        investigation_id: investigation.id,
        at: iso(closed),
        description: say(INVESTIGATION_STEPS.closed),
        created_at: iso(closed),
      });
    }
  }
  return { investigations, investigationEvents, rootCauses, actions };
}

// ---------------------------------------------------------------------------------------------------------
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

function generateScreenings(ctx: Context) {
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
      ctx.obligations.push({
        id: rng.uuid(),
        kind: 'ohs.health_followup',
        source_type: 'health_followup',
        source_id: followup.id,
        site_id: h.site_id,
        program: 'ohs',
        owner_id: clinician,
        ...titled(HEALTH_REVIEW_TITLE),
        due_date: followup.due_date,
        due_at: null,
        state: followup.consulted_on ? 'done' : 'open',
        done_at: followup.consulted_on ? iso(zonedInstant(consulted, 16 * 60, s.row.time_zone)) : null,
        created_at: iso(zonedInstant(screened, 17 * 60, s.row.time_zone)),
      });
    }
  }
  return { screenings, followups };
}

const siteById = (ctx: Context, id: string) => ctx.sites.find((s) => s.row.id === id) as SiteInfo;

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

// ---------------------------------------------------------------------------------------------------------
// Wellbeing: gyms, social clubs, group courses, the counsellor seeding program, counselling and the clinic.

function generateWellbeing(ctx: Context) {
  const rng = ctx.root.fork('wellbeing');
  const programs: WellbeingProgramRow[] = [];
  const participation: WellbeingParticipationRow[] = [];
  const clock = ctx.data.clock;
  const add = (
    code: string,
    kind: WellbeingProgramRow['kind'],
    name: string,
    nameZh: string,
    started: string,
    ended: string | null = null,
  ) => {
    if (started > clock) return null;
    const s = ctx.siteByCode.get(code) as SiteInfo;
    const row: WellbeingProgramRow = {
      id: rng.uuid(),
      site_id: s.row.id,
      kind,
      name,
      name_zh: nameZh,
      started_on: started,
      ended_on: ended,
    };
    programs.push(row);
    return { row, site: s };
  };
  const attend = (p: { row: WellbeingProgramRow; site: SiteInfo }, day: number, named: boolean) => {
    const person = named ? pickWorking(rng, p.site.employees, day) : null;
    participation.push({
      program_id: p.row.id,
      site_id: p.row.site_id,
      person_id: person?.id ?? null,
      participated_on: isoDate(day),
    });
  };
  // Participation of the seed's year and the last two (the load stays fast).
  const recentYears = [...new Set([OHS_SEED.year, ctx.clockYear - 1, ctx.clockYear])]
    .filter((y) => y <= ctx.clockYear)
    .sort();
  const yearSpan = (year: number) => [Math.max(jan1(year), 0), Math.min(dec31(year), ctx.today - 1)] as const;

  const gyms = WELLBEING.gyms
    .map(([code, name, zh, started]) => add(code, 'gym', name, zh, started))
    .filter((x) => x !== null);
  const clubs = WELLBEING.clubs
    .map(([code, name, zh]) =>
      add(code, 'club', name, zh, isoDate(rng.int(dayNumber('2008-01-01'), dayNumber('2021-06-30')))),
    )
    .filter((x) => x !== null);
  for (const [code, name, zh, started, ended] of WELLBEING.formerClubs)
    add(code, 'club', name, zh, started, ended);
  for (const [code, name, zh, started] of WELLBEING.laterClubs) add(code, 'club', name, zh, started);
  const courses = WELLBEING.courses
    .map(([code, name, zh]) =>
      add(code, 'group_course', name, zh, isoDate(rng.int(dayNumber('2015-01-01'), dayNumber('2016-12-31')))),
    )
    .filter((x) => x !== null);
  const counsellors = add(
    'ASE-KH',
    'counsellor_training',
    'Employee counsellor seeding program',
    '員工關懷種子培訓',
    '2017-03-01',
  );
  const counselling = add('ASE-KH', 'counselling', 'Stress relief centre', '紓壓中心', '2015-01-05');
  const clinic = add('ASE-KH', 'clinic', "Employees' clinic", '員工診所', '2016-01-04');

  // Group courses: 1,500 engagements in the seed's year; fewer in the pandemic years.
  const courseWeights = courses.map((c) => (c.site.row.code === 'ASE-KH' ? 3 : 1));
  for (const year of recentYears) {
    const [from, to] = yearSpan(year);
    if (to < from) continue;
    const share = (to - from + 1) / (dec31(year) - jan1(year) + 1);
    const factor = year === 2020 ? 0.45 : year === 2021 ? 0.55 : 0.95 + rng.next() * 0.2;
    const total =
      year === OHS_SEED.year && ctx.seedYearDone
        ? Math.round(OHS_SEED.groupCourseEngagements * ctx.scale)
        : stochasticRound(rng, OHS_SEED.groupCourseEngagements * factor * share * ctx.scale);
    allocate(total, courseWeights).forEach((n, i) => {
      for (let k = 0; k < n; k++) attend(courses[i], rng.int(from, to), true);
    });
  }

  // The seeding program: three sessions of volunteer counsellors at ASE Kaohsiung, 95 people in all.
  if (counsellors) {
    const sessions = ['2017-05-20', '2019-05-18', '2021-10-16'].map(dayNumber).filter((d) => d < ctx.today);
    const total =
      ctx.scale >= 1
        ? OHS_SEED.counsellorsTrained
        : Math.max(sessions.length, Math.round(OHS_SEED.counsellorsTrained * ctx.scale));
    const trained = new Set<string>();
    allocate(
      total,
      sessions.map(() => 1),
    ).forEach((n, i) => {
      const day = sessions[i];
      const candidates = counsellors.site.employees.filter((p) => worksOn(p, day) && !trained.has(p.id));
      for (let k = 0; k < n && k < candidates.length; k++) {
        const j = rng.int(k, candidates.length - 1);
        [candidates[k], candidates[j]] = [candidates[j], candidates[k]];
        trained.add(candidates[k].id);
        participation.push({
          program_id: counsellors.row.id,
          site_id: counsellors.row.site_id,
          person_id: candidates[k].id,
          participated_on: isoDate(day),
        });
      }
    });
  }

  // Counselling sessions (anonymous) since the seeding program began; gym, club and clinic visits recently.
  for (let year = Math.max(ctx.firstYear, 2017); year <= ctx.clockYear; year++) {
    const [from, to] = yearSpan(year);
    if (to < from || !counselling) continue;
    const n = stochasticRound(rng, 75 * ((to - from + 1) / 365) * Math.max(ctx.scale, 0.05));
    for (let k = 0; k < n; k++) attend(counselling, rng.int(from, to), false);
  }
  for (const year of recentYears.filter((y) => y === OHS_SEED.year || y === ctx.clockYear)) {
    const [from, to] = yearSpan(year);
    if (to < from) continue;
    const share = (to - from + 1) / 365;
    for (const g of gyms)
      for (let k = stochasticRound(rng, 80 * share * ctx.scale); k > 0; k--)
        attend(g, rng.int(from, to), true);
    for (const c of clubs)
      for (let k = stochasticRound(rng, 20 * share * ctx.scale); k > 0; k--)
        attend(c, rng.int(from, to), true);
    if (clinic)
      for (let k = stochasticRound(rng, 300 * share * ctx.scale); k > 0; k--)
        attend(clinic, rng.int(from, to), false);
  }
  return { wellbeingPrograms: programs, wellbeingParticipation: participation };
}

// ---------------------------------------------------------------------------------------------------------
// The seed's ISO 45001 certificates and their renewals, with their renewal obligations.

const ISSUERS: Record<
  DemoSite['subsidiary'],
  { name: string; number: (rng: Random, issued: string) => string }
> = {
  ASE: { name: 'SGS', number: (rng, issued) => `TW${issued.slice(2, 4)}/${rng.digits(5)}` },
  SPIL: { name: 'BSI', number: (rng) => `OHS ${rng.digits(6)}` },
  USI: { name: 'TÜV Rheinland', number: (rng) => `01 213 ${rng.digits(7)}` },
};

function certificateScope(s: DemoSite): string {
  if (s.kind === 'materials') return 'Manufacture of IC substrates and packaging materials';
  if (s.subsidiary === 'USI') return 'Design, manufacture and testing of electronic modules and systems';
  return 'Semiconductor assembly, packaging and testing services';
}

function generateCertificates(ctx: Context): CertificationRow[] {
  const rng = ctx.root.fork('certificates');
  const clock = ctx.data.clock;
  const chains: CertificationRow[][] = [];
  for (const [facility, issued, until] of OHS_SEED.certificates) {
    const s = ctx.sites.find((x) => x.row.name === facility) as SiteInfo;
    const issuer = ISSUERS[s.demo.subsidiary];
    // The site's officer, or the group OHS office where the site has none: someone is reminded to renew.
    const owner = s.officer ?? ctx.users.ohsOwner;
    const cert = (
      issuedOn: string,
      validUntil: string,
      previous: CertificationRow | null,
    ): CertificationRow => ({
      id: rng.uuid(),
      standard: 'ISO 45001',
      site_id: s.row.id,
      subsidiary_id: null,
      certificate_no: issuer.number(rng, issuedOn),
      issuer: issuer.name,
      scope: certificateScope(s.demo),
      issued_on: issuedOn,
      valid_until: validUntil,
      renewal_in_progress: false,
      owner_id: owner,
      previous_id: previous?.id ?? null,
      created_at: iso(zonedInstant(dayNumber(issuedOn), 10 * 60, s.row.time_zone)),
    });
    const chain = [cert(issued, until, null)];
    // Recertified before each expiry, for three years from it, until the current certificate is valid.
    for (let last = chain[0]; last.valid_until < clock; last = chain[chain.length - 1]) {
      const renewedOn = isoDate(
        Math.max(dayNumber(last.issued_on) + 1, dayNumber(last.valid_until) - rng.int(3, 40)),
      );
      if (renewedOn > clock) break;
      chain.push(cert(renewedOn, addYears(last.valid_until, 3), last));
    }
    chains.push(chain);
  }
  // A few current certificates fall due within 90 days of the clock, so that renewals are chased.
  const current = chains.map((c) => c[c.length - 1]);
  const daysLeft = (c: CertificationRow) => dayNumber(c.valid_until) - ctx.today;
  const due = current.filter((c) => daysLeft(c) >= 0 && daysLeft(c) <= 90).length;
  const later = current
    .filter((c) => daysLeft(c) > 90 && c.previous_id)
    .sort((a, b) => daysLeft(a) - daysLeft(b));
  [35, 60, 82].slice(0, Math.max(0, 3 - due)).forEach((days, i) => {
    if (later[i]) later[i].valid_until = isoDate(ctx.today + days);
  });
  for (const chain of chains) {
    chain.forEach((c, i) => {
      const next = chain[i + 1];
      const s = siteById(ctx, c.site_id);
      ctx.obligations.push({
        id: rng.uuid(),
        kind: 'certification.renewal',
        source_type: 'certification',
        source_id: c.id,
        site_id: c.site_id,
        program: 'ohs',
        owner_id: c.owner_id,
        ...titled(
          platformMessage('platform.certification.renew', { standard: 'ISO 45001', holder: s.row.code }),
        ),
        due_date: c.valid_until,
        due_at: null,
        state: next ? 'done' : 'open',
        done_at: next ? next.created_at : null,
        created_at: c.created_at,
      });
    });
  }
  return chains.flat();
}

// ---------------------------------------------------------------------------------------------------------
// Hazards with their risk assessment at the large sites.

function generateHazards(ctx: Context): OhsHazardRow[] {
  const rng = ctx.root.fork('hazards');
  const out: OhsHazardRow[] = [];
  // Every plant assesses the hazards of each of its areas: the zones' own, and those of the lines and floors.
  for (const s of ctx.sites.filter((x) => x.demo.kind !== 'office')) {
    const zh = writesChinese(s.row.country);
    for (const area of s.areas.filter((a) => a.kind !== 'building')) {
      const matching = HAZARDS.filter((t) =>
        area.kind === 'line'
          ? t.area === 'line'
          : area.kind === 'floor'
            ? t.area === 'floor'
            : t.area === area.code,
      );
      const picked = area.kind === 'line' ? matching.filter(() => rng.chance(0.6)) : matching;
      for (const t of picked.length ? picked : matching.slice(0, 1)) {
        const text = zh ? t.zh : t;
        const months = reviewIntervalMonths(riskLevel(t.residual[0], t.residual[1]));
        // Reviewed within the interval; the next review mostly a while away, a few in the coming weeks.
        const next =
          ctx.today + (rng.chance(0.03) ? rng.int(8, 28) : rng.int(35, Math.max(40, months * 30 - 20)));
        const last = dayNumber(addMonths(isoDate(next), -months));
        const owner = s.officer ?? ctx.users.ohsOwner;
        const hazard: OhsHazardRow = {
          id: rng.uuid(),
          site_id: s.row.id,
          area_id: area.id,
          activity: text.activity,
          hazard: text.hazard,
          consequence: text.consequence,
          likelihood: t.likelihood,
          severity: t.severity,
          controls: t.controls.map(([type, description, inPlace], i) => ({
            type,
            description: zh ? t.zh.controls[i] : description,
            inPlace,
          })),
          residual_likelihood: t.residual[0],
          residual_severity: t.residual[1],
          owner_id: owner,
          next_review: isoDate(next),
          last_reviewed_on: isoDate(Math.min(last, ctx.today - 1)),
        };
        out.push(hazard);
        ctx.obligations.push({
          id: rng.uuid(),
          kind: 'ohs.hazard_review',
          source_type: 'ohs_hazard',
          source_id: hazard.id,
          site_id: s.row.id,
          program: 'ohs',
          owner_id: owner,
          ...titled(
            ohsMessage('ohs.obligation.hazardReview', { hazard: text.hazard, activity: text.activity }),
          ),
          due_date: hazard.next_review,
          due_at: null,
          state: 'open',
          done_at: null,
          created_at: iso(zonedInstant(Math.min(last, ctx.today - 1), 11 * 60, s.row.time_zone)),
        });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Permits to work with qualified contractors' workers: closed ones, a rejected one, one active now and a
// request that overlaps it.

/** The trades that do each type of permit work. */
const PERMIT_TRADES: Record<PermitType, readonly string[]> = {
  pipeline: ['Pipefitter', 'Gas technician'],
  hot_work: ['Welder', 'Pipefitter'],
  confined_space: ['Confined space worker', 'Wastewater operator'],
  live_line_electrical: ['Live-line electrician', 'Electrician'],
  crane: ['Crane operator', 'Rigger', 'Signaller'],
  elevated_work: ['Scaffolder'],
  chemical_filling: ['Chemical filling operator', 'Chemical handler'],
  roof_work: ['Roof worker', 'Construction worker'],
};
const ROOF_TRADES = new Set(PERMIT_TRADES.roof_work);

type PermitPlan = {
  site: string;
  type: PermitType;
  status: 'closed' | 'rejected' | 'active' | 'requested' | 'approved' | 'cancelled';
  area: 'WWT' | 'CHEM' | 'GAS' | 'WH' | 'floor' | 'building';
  /** A routine permit's area, drawn beforehand (not the planned active permit's). */
  areaId?: string;
  /** Start, in days from the demo clock's day. */
  start: number;
  days: number;
  description: string;
  descriptionZh?: string;
  /** The demo contractor's company and the demo contractor among the workers. */
  demoCrew?: boolean;
  overlapsActive?: boolean;
};

const PERMITS: readonly PermitPlan[] = [
  {
    site: 'ASE-KH',
    type: 'hot_work',
    status: 'closed',
    area: 'floor',
    start: -150,
    days: 1,
    description: 'Welding of supports for a new exhaust duct',
    descriptionZh: '新設排氣風管支架焊接',
  },
  {
    site: 'ASE-KH',
    type: 'confined_space',
    status: 'closed',
    area: 'WWT',
    start: -95,
    days: 2,
    description: 'Cleaning of the equalisation tank of the wastewater plant',
    descriptionZh: '廢水處理場調勻池清理',
  },
  {
    site: 'ASE-KH',
    type: 'chemical_filling',
    status: 'closed',
    area: 'CHEM',
    start: -40,
    days: 1,
    description: 'Filling of the sulphuric acid bulk tank from a tanker',
    descriptionZh: '硫酸儲槽槽車灌充作業',
  },
  {
    site: 'SPIL-DF',
    type: 'crane',
    status: 'closed',
    area: 'WH',
    start: -70,
    days: 1,
    description: 'Lifting a chiller onto the roof of the warehouse',
    descriptionZh: '冰水主機吊掛至倉庫屋頂',
  },
  {
    site: 'USI-ZJ',
    type: 'live_line_electrical',
    status: 'closed',
    area: 'floor',
    start: -55,
    days: 1,
    description: 'Connection of a new SMT line to a live busway',
    descriptionZh: '新 SMT 產線接駁帶電匯流排',
  },
  {
    site: 'SPIL-ZK',
    type: 'pipeline',
    status: 'closed',
    area: 'GAS',
    start: -20,
    days: 1,
    description: 'Replacement of a nitrogen line valve at the bulk gas yard',
    descriptionZh: '大宗氣體區氮氣管線閥件更換',
  },
  {
    site: 'ASE-KH',
    type: 'roof_work',
    status: 'rejected',
    area: 'building',
    start: 3,
    days: 1,
    description: 'Replacement of damaged roof sheets above the K11 warehouse',
    descriptionZh: 'K11 倉庫屋頂破損浪板更換',
  },
  {
    site: 'ASE-KH',
    type: 'elevated_work',
    status: 'active',
    area: 'floor',
    start: -1,
    days: 4,
    description: 'Scaffolding for the cable tray extension above the bumping line',
    descriptionZh: '凸塊產線上方電纜架延伸工程施工架搭設',
    demoCrew: true,
  },
  {
    site: 'ASE-KH',
    type: 'hot_work',
    status: 'requested',
    area: 'floor',
    start: 1,
    days: 1,
    description: 'Cutting of old cable tray brackets',
    descriptionZh: '舊電纜架托架切割拆除',
    overlapsActive: true,
  },
];

function generatePermits(ctx: Context) {
  const rng = ctx.root.fork('permits');
  const permits: OhsPermitRow[] = [];
  const qualifications: ContractorQualificationRow[] = [];
  const qualified = new Set<string>();
  const demoWorkerId =
    ctx.data.users.find((u) => u.email === 'contractor@steward.demo')?.contractor_worker_id ?? null;
  let activeArea: string | null = null;
  const siteOfWorker = new Map(ctx.sites.flatMap((x) => x.workers.map((w) => [w, x] as const)));
  const qualify = (w: Person, kind: string, until: number, expiring = false) => {
    const key = `${w.id}|${kind}`;
    if (qualified.has(key)) return;
    qualified.add(key);
    const s = siteOfWorker.get(w) as SiteInfo;
    // Three-year qualifications taken some time ago, valid well past the permit (one expiring soon).
    const validUntil = expiring ? ctx.today + 45 : Math.max(until + 60, ctx.today + rng.int(200, 900));
    const issued = dayNumber(addYears(isoDate(validUntil), -3)) + 1;
    const row: ContractorQualificationRow = {
      id: rng.uuid(),
      worker_id: w.id,
      site_id: s.row.id,
      kind,
      certificate_no: `${s.demo.country}-${kind.slice(0, 3).toUpperCase()}-${yearOf(issued)}-${rng.digits(5)}`,
      issued_on: isoDate(issued),
      valid_until: isoDate(validUntil),
    };
    qualifications.push(row);
    ctx.obligations.push({
      id: rng.uuid(),
      kind: 'ohs.qualification_expiry',
      source_type: 'contractor_qualification',
      source_id: row.id,
      site_id: s.row.id,
      program: 'ohs',
      owner_id: null,
      ...titled(
        ohsMessage('ohs.obligation.qualificationExpiry', {
          worker: w.name,
          kind: qualificationKindName(kind),
        }),
      ),
      due_date: row.valid_until,
      due_at: null,
      state: 'open',
      done_at: null,
      created_at: iso(zonedInstant(Math.min(issued, ctx.today - 1), 10 * 60, s.row.time_zone)),
    });
  };

  const plans = [...PERMITS].sort((a, b) => Number(!!a.overlapsActive) - Number(!!b.overlapsActive));
  const build = (plan: PermitPlan) => {
    const zh = writesChinese((ctx.siteByCode.get(plan.site) as SiteInfo).row.country);
    const s = ctx.siteByCode.get(plan.site) as SiteInfo;
    const startDay = ctx.today + plan.start;
    const endDay = startDay + plan.days - 1;
    // The crew: workers of one company at the site, engaged for the whole permit.
    let crew: Person[];
    if (plan.demoCrew && demoWorkerId) {
      const demo = s.workers.find((w) => w.id === demoWorkerId);
      if (!demo) return;
      crew = [
        demo,
        ...s.workers
          .filter(
            (w) => w !== demo && w.companyId === demo.companyId && worksOn(w, startDay) && worksOn(w, endDay),
          )
          .slice(0, 2),
      ];
    } else {
      const available = s.workers.filter((w) => worksOn(w, startDay) && worksOn(w, endDay));
      if (available.length === 0) return;
      // A company whose workers have the trade of the work, where the site has one.
      const skilled = available.filter((w) => PERMIT_TRADES[plan.type].includes(w.trade ?? ''));
      const company = rng.pick(skilled.length ? skilled : available).companyId;
      const unskilled = (w: Person) => Number(!PERMIT_TRADES[plan.type].includes(w.trade ?? ''));
      crew = available
        .filter((w) => w.companyId === company)
        .sort((a, b) => unskilled(a) - unskilled(b))
        .slice(0, rng.int(1, 3));
    }
    const companyId = crew[0].companyId as string;
    const floors = s.areas.filter((a) => a.kind === 'floor');
    const area: string | undefined = plan.areaId
      ? plan.areaId
      : plan.overlapsActive && activeArea
        ? activeArea
        : plan.area === 'floor'
          ? rng.pick(floors).id
          : plan.area === 'building'
            ? (
                s.areas.find((a) => a.kind === 'building' && a.code === 'K11') ??
                s.areas.find((a) => a.kind === 'building')
              )?.id
            : (s.areas.find((a) => a.code === plan.area) ?? rng.pick(floors)).id;
    if (!area) return;
    if (plan.status === 'active') activeArea = area;
    const tz = s.row.time_zone;
    const startsAt = zonedInstant(startDay, 8 * 60, tz);
    const endsAt = zonedInstant(endDay, 18 * 60, tz);
    const officer = s.officer ?? ctx.users.ohsOwner;
    const by = officer ? (ctx.users.names.get(officer) ?? null) : null;
    const gas = needsGasTest.has(plan.type);
    const history: PermitHistoryEntry[] = [];
    const step = (at: Date, transition: string, from: string, to: string, note?: string) =>
      history.push({ at: iso(at), by, transition, from, to, ...(note ? { note } : {}) });
    const minutes = (t: Date, m: number) => new Date(t.getTime() + m * 60_000);
    // A routine permit is requested a few days ahead (yesterday at the latest); decided the day after.
    const decidedDay = Math.min(startDay - 2, ctx.today - 1);
    const requestedAt = plan.areaId
      ? zonedInstant(Math.min(startDay - 3, ctx.today - 1), 10 * 60, tz)
      : plan.status === 'requested' || plan.status === 'rejected'
        ? zonedInstant(ctx.today - 1, 15 * 60, tz)
        : zonedInstant(startDay - 3, 10 * 60, tz);
    step(requestedAt, 'request', '', 'requested');
    let status: string = 'requested';
    let gasTest: OhsPermitRow['gas_test'] = null;
    let rejection: string | null = null;
    if (plan.status === 'rejected') {
      rejection = plan.areaId
        ? zh
          ? '施工人員資格證明不齊，請補齊證照後重新申請。'
          : "The crew's certificates are incomplete; request again with every certificate attached."
        : zh
          ? '當日預報強風豪雨，請改於天候良好之日重新申請，並先覆蓋採光罩。'
          : 'Strong wind and rain forecast for the day; request again for a calm day, with the skylights covered.';
      step(
        zonedInstant(plan.areaId ? decidedDay : ctx.today - 1, 17 * 60, tz),
        'reject',
        'requested',
        'rejected',
        rejection,
      );
      status = 'rejected';
    } else if (plan.status === 'cancelled') {
      const note = zh
        ? '業主變更施工排程，本次作業取消。'
        : 'The work was rescheduled by the owner; this permit is cancelled.';
      step(zonedInstant(decidedDay, 16 * 60, tz), 'cancel', 'requested', 'cancelled', note);
      status = 'cancelled';
    } else if (plan.status === 'approved') {
      step(zonedInstant(decidedDay, 14 * 60, tz), 'approve', 'requested', 'approved');
      status = 'approved';
    } else if (plan.status !== 'requested') {
      step(zonedInstant(startDay - 2, 14 * 60, tz), 'approve', 'requested', 'approved');
      step(minutes(startsAt, -40), 'verify_isolations', 'approved', 'isolations_verified');
      let before = 'isolations_verified';
      if (gas) {
        const testedAt = minutes(startsAt, -20);
        gasTest = {
          oxygenPercent: Math.round((20.6 + rng.next() * 0.4) * 10) / 10,
          lelPercent: rng.int(0, 3),
          toxicPpm: plan.type === 'confined_space' ? rng.int(0, 2) : null,
          testedAt: iso(testedAt),
          testedBy: by,
        };
        step(testedAt, 'record_gas_test', before, 'gas_test_passed');
        before = 'gas_test_passed';
      }
      step(minutes(startsAt, -5), 'issue', before, 'issued');
      step(startsAt, 'start', 'issued', 'active');
      status = 'active';
      if (plan.status === 'closed') {
        step(minutes(endsAt, -30), 'complete', 'active', 'completed');
        step(minutes(endsAt, 60), 'close', 'completed', 'closed');
        status = 'closed';
      }
    }
    const issued = status === 'active' || status === 'closed';
    for (const w of crew) {
      qualify(w, 'safety_induction', endDay, w.id === demoWorkerId);
      if (status !== 'rejected' && status !== 'cancelled')
        qualify(w, requiredQualification[plan.type], endDay);
    }
    permits.push({
      id: rng.uuid(),
      site_id: s.row.id,
      area_id: area,
      reference: '',
      type: plan.type,
      status,
      company_id: companyId,
      worker_ids: crew.map((w) => w.id),
      description: zh && plan.descriptionZh ? plan.descriptionZh : plan.description,
      starts_at: iso(startsAt),
      ends_at: iso(endsAt),
      checklist: issued ? Object.fromEntries(checklists[plan.type].map((c) => [c.key, true])) : {},
      gas_test: gasTest,
      requested_by: officer,
      approved_by: issued ? officer : null,
      issued_by: issued ? officer : null,
      history,
      rejection_reason: rejection,
      created_at: iso(requestedAt),
    });
  };
  for (const plan of plans) build(plan);
  for (const plan of routinePermitPlans(ctx, rng, activeArea)) build(plan);
  // References per site and year (of the start, in Taipei, as the service numbers them), in the order of start.
  const counters = new Map<string, number>();
  const bySite = (p: OhsPermitRow) => siteById(ctx, p.site_id).row.code;
  for (const p of [...permits].sort(
    (a, b) => bySite(a).localeCompare(bySite(b)) || a.starts_at.localeCompare(b.starts_at),
  )) {
    const year = new Date(Date.parse(p.starts_at) + 8 * 3_600_000).toISOString().slice(0, 4);
    const prefix = `PTW-${bySite(p)}-${year}-`;
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    p.reference = `${prefix}${String(n).padStart(4, '0')}`;
  }
  // The contractors' workforce on site now or soon holds its safety induction and its trade's
  // qualification (a few of them expiring within two months: renewals to chase).
  const kindOfTrade = new Map<string, string>();
  for (const type of Object.keys(PERMIT_TRADES) as PermitType[])
    for (const trade of PERMIT_TRADES[type])
      if (!kindOfTrade.has(trade)) kindOfTrade.set(trade, requiredQualification[type]);
  for (const s of ctx.sites)
    for (const w of s.workers) {
      if (!(worksOn(w, ctx.today) || (w.from > ctx.today && w.from <= ctx.today + 30))) continue;
      qualify(w, 'safety_induction', ctx.today, rng.chance(0.02));
      const kind = kindOfTrade.get(w.trade ?? '');
      if (kind) qualify(w, kind, ctx.today, rng.chance(0.02));
    }
  return { permits, qualifications };
}

/** What routine permits are for, by type: [English, Traditional Chinese]. */
const PERMIT_WORK: Record<PermitType, readonly (readonly [string, string])[]> = {
  pipeline: [
    ['Replacement of a valve on the process cooling water line', '製程冷卻水管線閥件更換'],
    ['Tie-in of a new nitrogen branch line', '新設氮氣分支管線接駁'],
    ['Repair of a leaking flange on the compressed dry air header', '壓縮乾燥空氣主管洩漏法蘭修繕'],
  ],
  hot_work: [
    ['Welding of supports for an exhaust duct', '排氣風管支架焊接'],
    ['Cutting of disused pipe brackets', '廢棄管架切割拆除'],
    ['Welding repair of a handrail on the mezzanine', '夾層平台扶手焊接修補'],
  ],
  confined_space: [
    ['Cleaning of a wastewater neutralisation tank', '廢水中和槽清理'],
    ['Inspection inside a cooling tower basin', '冷卻水塔水槽內部檢查'],
    ['Sludge removal from a collection pit', '集水井污泥清除'],
  ],
  live_line_electrical: [
    ['Connection of a new test handler to a live busway', '新測試機台接駁帶電匯流排'],
    ['Thermographic inspection of a live switchboard', '帶電配電盤紅外線熱影像檢測'],
    ['Replacement of a breaker in a live distribution panel', '帶電配電箱斷路器更換'],
  ],
  crane: [
    ['Lifting a chiller onto the roof', '冰水主機吊掛至屋頂'],
    ['Hoisting a new scrubber into the facility yard', '新洗滌塔吊裝至廠務區'],
    ['Lifting equipment through the roof hatch', '機台經屋頂吊口吊運'],
  ],
  elevated_work: [
    ['Scaffolding for a cable tray extension', '電纜架延伸工程施工架搭設'],
    ['Replacement of ceiling lights above a production line', '產線上方天花板燈具更換'],
    ['Installation of an exhaust duct at ceiling height', '天花板高度排氣風管安裝'],
  ],
  chemical_filling: [
    ['Filling of the sulphuric acid bulk tank from a tanker', '硫酸儲槽槽車灌充作業'],
    ['Filling of the developer supply tank', '顯影液供應槽灌充'],
    ['Transfer of IPA into the solvent supply system', '異丙醇灌充至溶劑供應系統'],
  ],
  roof_work: [
    ['Repair of roof sheets above the warehouse', '倉庫屋頂浪板修繕'],
    ['Cleaning of roof gutters before the typhoon season', '颱風季前屋頂排水溝清理'],
    ['Maintenance of the roof exhaust fans', '屋頂排風機保養'],
  ],
};

/** Where each type of routine work is done. */
const PERMIT_AREA: Record<PermitType, PermitPlan['area']> = {
  pipeline: 'GAS',
  hot_work: 'floor',
  confined_space: 'WWT',
  live_line_electrical: 'floor',
  crane: 'WH',
  elevated_work: 'floor',
  chemical_filling: 'CHEM',
  roof_work: 'building',
};

/** Routine permits of the group per year, in proportion to the plants' workforce. */
const ROUTINE_PERMITS_PER_YEAR = 420;

/**
 * The year's routine permits at every plant (closed, a few rejected or cancelled), those running now and
 * those requested or approved for the coming days. Never in the area of the planned active permit, whose
 * overlapping request is the one to flag.
 */
function routinePermitPlans(ctx: Context, rng: Random, reserved: string | null): PermitPlan[] {
  const plants = ctx.sites.filter((s) => s.demo.kind !== 'office' && s.workers.length > 0);
  const counts = allocate(
    ROUTINE_PERMITS_PER_YEAR,
    plants.map((s) => s.demo.employees),
  );
  const types = Object.keys(PERMIT_WORK) as PermitType[];
  const out: PermitPlan[] = [];
  plants.forEach((s, i) => {
    for (let k = 0; k < counts[i]; k++) {
      const type = rng.weighted(types.map((t) => [t, t === 'roof_work' || t === 'crane' ? 1 : 3] as const));
      const start = -365 + rng.int(0, 378);
      const days = rng.int(1, 3);
      const end = start + days - 1;
      const status: PermitPlan['status'] =
        end < 0
          ? rng.weighted([
              ['closed', 94],
              ['rejected', 3],
              ['cancelled', 3],
            ] as const)
          : start < 0
            ? 'active'
            : rng.chance(0.5)
              ? 'requested'
              : 'approved';
      const kind = PERMIT_AREA[type];
      const candidates =
        kind === 'floor'
          ? s.areas.filter((a) => a.kind === 'floor' || a.kind === 'line')
          : kind === 'building'
            ? s.areas.filter((a) => a.kind === 'building')
            : s.areas.filter((a) => a.code === kind);
      const areas = (candidates.length ? candidates : s.areas.filter((a) => a.kind === 'floor')).filter(
        (a) => a.id !== reserved,
      );
      if (areas.length === 0) continue;
      const [description, descriptionZh] = rng.pick(PERMIT_WORK[type]);
      out.push({
        site: s.row.code,
        type,
        status,
        area: kind,
        areaId: rng.pick(areas).id,
        start,
        days,
        description,
        descriptionZh,
      });
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Goals of the group and of ASE Kaohsiung.

function generateGoals(ctx: Context): OhsGoalRow[] {
  const rng = ctx.root.fork('goals');
  const y = ctx.clockYear;
  const kh = ctx.siteByCode.get('ASE-KH')?.row.id ?? null;
  const goal = (g: Omit<OhsGoalRow, 'id'>): OhsGoalRow => ({ id: rng.uuid(), ...g });
  return [
    goal({
      site_id: null,
      title: 'Zero fatalities',
      horizon: 'long',
      metric: 'fatalities',
      comparison: 'at_most',
      target: 0,
      from_year: y - 1,
      to_year: y + 4,
    }),
    goal({
      site_id: null,
      title: 'No fatal accident this year',
      horizon: 'short',
      metric: 'fatalities',
      comparison: 'at_most',
      target: 0,
      from_year: y,
      to_year: y,
    }),
    goal({
      site_id: null,
      title: 'Disabling injury frequency rate (FR) at most 0.35',
      horizon: 'medium',
      metric: 'fr',
      comparison: 'at_most',
      target: 0.35,
      from_year: y - 1,
      to_year: y + 1,
    }),
    goal({
      site_id: null,
      title: 'Disabling injury severity rate (SR) at most 25',
      horizon: 'medium',
      metric: 'sr',
      comparison: 'at_most',
      target: 25,
      from_year: y - 1,
      to_year: y + 1,
    }),
    goal({
      site_id: null,
      title: 'Zero contractor occupational injuries',
      horizon: 'short',
      metric: 'contractor_injuries',
      comparison: 'at_most',
      target: 0,
      from_year: y,
      to_year: y,
    }),
    goal({
      site_id: null,
      // Over the years the demo holds screenings of (the general campaign of the seed's year included).
      title: 'Health screening of at least half of the employees since the 2022 campaign',
      horizon: 'medium',
      metric: 'screening_coverage',
      comparison: 'at_least',
      target: 50,
      from_year: Math.min(OHS_SEED.year, y),
      to_year: y,
    }),
    goal({
      site_id: kh,
      title: '日月光高雄廠：承攬商零職業傷害',
      horizon: 'short',
      metric: 'contractor_injuries',
      comparison: 'at_most',
      target: 0,
      from_year: y,
      to_year: y,
    }),
    ...ctx.sites
      .filter((s) => s.demo.kind !== 'office' && s.row.code !== 'ASE-KH' && s.demo.employees >= 4_000)
      .map((s) =>
        goal({
          site_id: s.row.id,
          title: writesChinese(s.row.country)
            ? `${s.row.name_zh}：失能傷害頻率（FR）不超過 0.40`
            : `${s.row.name}: FR at most 0.40`,
          horizon: 'medium',
          metric: 'fr',
          comparison: 'at_most',
          target: 0.4,
          from_year: y - 1,
          to_year: y + 1,
        }),
      ),
    goal({
      site_id: kh,
      title: '日月光高雄廠：失能傷害頻率（FR）不超過 0.30',
      horizon: 'medium',
      metric: 'fr',
      comparison: 'at_most',
      target: 0.3,
      from_year: y - 1,
      to_year: y + 1,
    }),
  ];
}
