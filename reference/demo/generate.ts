import { addDays, dayNumber, isoDate } from './clock.ts';
import { emailLocalPart, type PersonName, personName } from './names.ts';
import { type Culture, type DemoSite, HOLDING, SITES, SUBSIDIARIES, writesChinese } from './organisation.ts';
import {
  BUSINESSES,
  companyName,
  phoneNumber,
  SITE_CITY,
  SUPPLIERS,
  slug,
  taxId,
  UNIVERSITIES,
  VISITOR_ORGANISATIONS,
} from './partners.ts';
import { Random } from './random.ts';
import { DEMO_USERS } from './users.ts';
import { DEPARTMENT_ZH, departmentsFor, inSiteLanguage, isSenior, JOB_TITLE_ZH } from './workforce.ts';

/**
 * The demo dataset as plain rows, named and shaped like the tables they go into. Pure: the same seed,
 * scale and clock give the same rows (ids included), so the loader, the tests and a second machine agree.
 */

export type GenerateOptions = {
  /** The demo's "today", 'YYYY-MM-DD'. */
  clock: string;
  /** 1 is the full group (about 100,000 employees); the tests use 0.01. */
  scale?: number;
  seed?: string;
};

export const DEFAULT_SEED = 'steward-demo-1';

export type HoldingRow = { id: string; code: string; name: string; name_zh: string };
export type SubsidiaryRow = { id: string; holding_id: string; code: string; name: string; name_zh: string };
export type SiteRow = {
  id: string;
  subsidiary_id: string;
  code: string;
  name: string;
  name_zh: string;
  country: string;
  time_zone: string;
  kind: DemoSite['kind'];
};
export type AreaRow = {
  id: string;
  site_id: string;
  parent_id: string | null;
  kind: 'building' | 'floor' | 'line' | 'room' | 'zone';
  code: string;
  name: string;
};
export type EmployeeRow = {
  id: string;
  site_id: string;
  employee_no: string;
  full_name: string;
  email: string | null;
  department: string;
  job_title: string | null;
  hire_date: string;
  leave_date: string | null;
};
export type ContractorCompanyRow = {
  id: string;
  name: string;
  tax_id: string;
  country: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
};
export type ContractorWorkerRow = {
  id: string;
  company_id: string;
  site_id: string;
  worker_no: string;
  full_name: string;
  trade: string;
  start_date: string;
  end_date: string | null;
};
export type ExternalPersonRow = {
  id: string;
  site_id: string | null;
  kind: 'student' | 'supplier_staff' | 'visitor' | 'researcher' | 'other';
  full_name: string;
  organisation: string;
  email: string | null;
};
export type UserRow = {
  id: string;
  email: string;
  display_name: string;
  locale: 'en' | 'zh-TW';
  employee_id: string | null;
  contractor_worker_id: string | null;
};
export type RoleAssignmentRow = {
  id: string;
  user_id: string;
  role: string;
  program: string | null;
  scope_kind: 'group' | 'subsidiary' | 'sites';
  subsidiary_id: string | null;
  site_ids: string[];
};

export type DemoDataset = {
  seed: string;
  scale: number;
  clock: string;
  holdings: HoldingRow[];
  subsidiaries: SubsidiaryRow[];
  sites: SiteRow[];
  areas: AreaRow[];
  employees: EmployeeRow[];
  contractorCompanies: ContractorCompanyRow[];
  contractorWorkers: ContractorWorkerRow[];
  externalPersons: ExternalPersonRow[];
  users: UserRow[];
  roleAssignments: RoleAssignmentRow[];
};

/** Figures at full scale. */
export const FULL_SCALE = {
  contractorCompanies: 150,
  contractorWorkers: 15_000,
  externalPersons: 400,
} as const;

const YEAR = 365.25;
const MIGRANT_CULTURES: ReadonlySet<Culture> = new Set(['ph', 'vn', 'id']);

export function generateDemoDataset(options: GenerateOptions): DemoDataset {
  const scale = options.scale ?? 1;
  if (!(scale > 0 && scale <= 10)) throw new Error(`The demo scale must be in (0, 10], not ${scale}.`);
  const seed = options.seed ?? DEFAULT_SEED;
  const clock = options.clock;
  const today = dayNumber(clock);
  const root = new Random(seed);

  // Organisation: fixed, whatever the scale.
  const ids = root.fork('organisation');
  const holding: HoldingRow = {
    id: ids.uuid(),
    code: HOLDING.code,
    name: HOLDING.name,
    name_zh: HOLDING.nameZh,
  };
  const subsidiaries: SubsidiaryRow[] = SUBSIDIARIES.map((s) => ({
    id: ids.uuid(),
    holding_id: holding.id,
    code: s.code,
    name: s.name,
    name_zh: s.nameZh,
  }));
  const subsidiaryId = new Map(subsidiaries.map((s) => [s.code, s.id]));
  const sites: SiteRow[] = SITES.map((s) => ({
    id: ids.uuid(),
    subsidiary_id: subsidiaryId.get(s.subsidiary) as string,
    code: s.code,
    name: s.name,
    name_zh: s.nameZh,
    country: s.country,
    time_zone: s.timeZone,
    kind: s.kind,
  }));
  const siteId = new Map(sites.map((s) => [s.code, s.id]));
  const areas = SITES.flatMap((s) => siteAreas(ids, s, siteId.get(s.code) as string));

  // Employees, site by site; the people behind the demo sign-ins are among them.
  const employees: EmployeeRow[] = [];
  const emailTaken = new Set<string>();
  // Where the search for a free `local<n>@domain` resumes: every smaller n is taken already, and taken
  // addresses stay taken, so the result is the same as counting from 2 (which is quadratic at scale 10).
  const nextSuffix = new Map<string, number>();
  const uniqueEmail = (local: string, domain: string) => {
    let candidate = `${local}@${domain}`;
    const key = candidate;
    let n = nextSuffix.get(key) ?? 2;
    if (emailTaken.has(candidate)) {
      for (candidate = `${local}${n}@${domain}`; emailTaken.has(candidate); n++)
        candidate = `${local}${n + 1}@${domain}`;
      nextSuffix.set(key, n);
    }
    emailTaken.add(candidate);
    return candidate;
  };
  const demoEmployeeIds = new Map<string, string>();
  for (const site of SITES) {
    const rng = root.fork(`employees:${site.code}`);
    const domain = (SUBSIDIARIES.find((s) => s.code === site.subsidiary) as (typeof SUBSIDIARIES)[number])
      .emailDomain;
    const opened = dayNumber(`${site.opened}-01-01`);
    const departments = departmentsFor(site.kind);
    const zh = writesChinese(site.country);
    const drafts: (Omit<EmployeeRow, 'employee_no'> & { order: number })[] = [];
    const count = Math.max(4, Math.round(site.employees * scale));
    for (let i = 0; i < count; i++) {
      const culture = rng.weighted(site.cultures);
      const name = personName(rng, culture);
      let department = rng.weighted(departments.map((d) => [d, d.weight] as const));
      let [title, , emailShare] = rng.weighted(department.titles.map((t) => [t, t[1]] as const));
      // Migrant workers of the Taiwanese factories work on the lines, on contracts of at most 12 years.
      const migrant = MIGRANT_CULTURES.has(culture) && site.country === 'TW';
      if (migrant) {
        department = departments[0];
        [title, , emailShare] = rng.weighted(department.titles.slice(0, 2).map((t) => [t, t[1]] as const));
      }
      const hire = migrant
        ? today - Math.min(Math.round(rng.exponential(3 * YEAR)), Math.round(12 * YEAR) - rng.int(0, 400))
        : hireDay(rng, today, opened, isSenior(title));
      const leave = leaveDay(rng, today, hire);
      drafts.push({
        id: rng.uuid(),
        site_id: siteId.get(site.code) as string,
        full_name: name.fullName,
        email: rng.chance(emailShare) ? uniqueEmail(emailLocalPart(name), domain) : null,
        department: inSiteLanguage(department.name, zh, DEPARTMENT_ZH),
        job_title: inSiteLanguage(title, zh, JOB_TITLE_ZH),
        hire_date: isoDate(hire),
        leave_date: leave === null ? null : isoDate(leave),
        order: i,
      });
    }
    for (const u of DEMO_USERS) {
      if (u.person.kind !== 'employee' || u.person.site !== site.code) continue;
      const name: PersonName = {
        fullName: u.person.fullName,
        given: u.displayName.replace(/^Dr\. /, '').split(' ')[0],
        family: u.displayName.split(' ').slice(-1)[0],
      };
      const id = rng.uuid();
      demoEmployeeIds.set(u.email, id);
      drafts.push({
        id,
        site_id: siteId.get(site.code) as string,
        full_name: name.fullName,
        email: uniqueEmail(emailLocalPart(name), domain),
        department: inSiteLanguage(u.person.department ?? 'Production', zh, DEPARTMENT_ZH),
        job_title: u.person.jobTitle ? inSiteLanguage(u.person.jobTitle, zh, JOB_TITLE_ZH) : null,
        hire_date: isoDate(Math.max(opened, today - Math.round(rng.int(6, 14) * YEAR))),
        leave_date: null,
        order: drafts.length,
      });
    }
    // Employee numbers follow the order of hiring, as an HR system hands them out.
    drafts.sort((a, b) =>
      a.hire_date < b.hire_date ? -1 : a.hire_date > b.hire_date ? 1 : a.order - b.order,
    );
    drafts.forEach(({ order: _order, ...e }, i) => {
      employees.push({ ...e, employee_no: `${site.code}-${String(i + 1).padStart(6, '0')}` });
    });
  }

  // Contractor companies (group records) and their workers at the sites of their country.
  const partners = root.fork('contractors');
  const companyCount = Math.max(12, Math.round(FULL_SCALE.contractorCompanies * scale));
  const workerCount = Math.max(30, Math.round(FULL_SCALE.contractorWorkers * scale));
  const countries = [...new Set(SITES.map((s) => s.country))];
  const siteWeight = (s: DemoSite) => s.employees * (s.kind === 'office' ? 0.2 : 1);
  const taxIds = new Set<string>();
  const companies: (ContractorCompanyRow & {
    sites: DemoSite[];
    trades: readonly (readonly [string, number])[];
    size: number;
  })[] = [];
  for (let i = 0; i < companyCount; i++) {
    // Every country has at least one company; the rest follow the workforce.
    const home =
      i < countries.length
        ? partners.weighted(
            SITES.filter((s) => s.country === countries[i]).map((s) => [s, siteWeight(s)] as const),
          )
        : partners.weighted(SITES.map((s) => [s, siteWeight(s)] as const));
    // The first company is the scaffolding contractor of ASE Kaohsiung that employs the demo contractor.
    const business =
      i === 0
        ? (BUSINESSES.find((b) => b.en === 'Scaffolding') as (typeof BUSINESSES)[number])
        : partners.weighted(BUSINESSES.map((b) => [b, b.weight] as const));
    const site = i === 0 ? (SITES.find((s) => s.code === 'ASE-KH') as DemoSite) : home;
    const { city, phone } = SITE_CITY[site.code];
    const name = companyName(partners, site.country, city, business);
    let tax = taxId(partners, site.country, city);
    while (taxIds.has(tax)) tax = taxId(partners, site.country, city);
    taxIds.add(tax);
    const others = SITES.filter(
      (s) => s.country === site.country && s.code !== site.code && s.kind !== 'office',
    );
    const served = [site];
    const extra = Math.min(
      others.length,
      partners.weighted([
        [0, 5],
        [1, 3],
        [2, 2],
      ] as const),
    );
    for (let k = 0; k < extra; k++) {
      const next = partners.weighted(
        others.filter((o) => !served.includes(o)).map((o) => [o, siteWeight(o)] as const),
      );
      served.push(next);
    }
    const contact = personName(
      partners,
      partners.weighted(site.cultures.filter(([c]) => !['ph', 'vn', 'id'].includes(c))),
    );
    companies.push({
      id: partners.uuid(),
      name: dedupe(
        name,
        companies.map((c) => c.name),
      ),
      tax_id: tax,
      country: site.country,
      contact_name: contact.fullName,
      contact_email: `${emailLocalPart(contact) || 'safety'}@${slug(name)}.example`,
      contact_phone: phoneNumber(partners, phone),
      sites: served,
      trades: business.trades,
      size: 0.15 + partners.exponential(1),
    });
  }
  const totalSize = companies.reduce((sum, c) => sum + c.size, 0);
  const contractorWorkers: ContractorWorkerRow[] = [];
  const workerRng = root.fork('contractor-workers');
  let demoWorkerId: string | null = null;
  for (const company of companies) {
    const n = Math.max(1, Math.round((company.size / totalSize) * workerCount));
    for (let i = 0; i < n; i++) {
      const site = workerRng.weighted(company.sites.map((s) => [s, siteWeight(s)] as const));
      const name = personName(workerRng, workerRng.weighted(site.cultures));
      const { start, end } = engagement(workerRng, today);
      contractorWorkers.push({
        id: workerRng.uuid(),
        company_id: company.id,
        site_id: siteId.get(site.code) as string,
        worker_no: '',
        full_name: name.fullName,
        trade: workerRng.weighted(company.trades),
        start_date: isoDate(start),
        end_date: end === null ? null : isoDate(end),
      });
    }
    if (company === companies[0]) {
      const demo = DEMO_USERS.find((u) => u.person.kind === 'contractor_worker');
      if (demo) {
        demoWorkerId = workerRng.uuid();
        contractorWorkers.push({
          id: demoWorkerId,
          company_id: company.id,
          site_id: siteId.get(demo.person.site) as string,
          worker_no: '',
          full_name: demo.person.fullName,
          trade: 'Scaffolder',
          start_date: addDays(clock, -420),
          end_date: addDays(clock, 180),
        });
      }
    }
  }
  contractorWorkers.forEach((w, i) => {
    w.worker_no = `CW-${String(i + 1).padStart(6, '0')}`;
  });

  const externalPersons = generateExternalPersons(root.fork('external'), scale, siteId);

  // Users and their roles.
  const userRng = root.fork('users');
  const users: UserRow[] = [];
  const roleAssignments: RoleAssignmentRow[] = [];
  for (const u of DEMO_USERS) {
    const id = userRng.uuid();
    users.push({
      id,
      email: u.email,
      display_name: u.displayName,
      locale: u.locale,
      employee_id: u.person.kind === 'employee' ? (demoEmployeeIds.get(u.email) ?? null) : null,
      contractor_worker_id: u.person.kind === 'contractor_worker' ? demoWorkerId : null,
    });
    roleAssignments.push({
      id: userRng.uuid(),
      user_id: id,
      role: u.role,
      program: u.program,
      scope_kind: u.scope.kind,
      subsidiary_id: u.scope.kind === 'subsidiary' ? (subsidiaryId.get(u.scope.subsidiary) as string) : null,
      site_ids:
        u.scope.kind === 'sites'
          ? u.scope.sites.map((code) => {
              const found = siteId.get(code);
              if (!found) throw new Error(`Demo user ${u.email} names an unknown site ${code}`);
              return found;
            })
          : [],
    });
  }

  return {
    seed,
    scale,
    clock,
    holdings: [holding],
    subsidiaries,
    sites,
    areas,
    employees,
    contractorCompanies: companies.map(({ sites: _s, trades: _t, size: _z, ...c }) => c),
    contractorWorkers,
    externalPersons,
    users,
    roleAssignments,
  };
}

/** Row counts per table, for progress lines and the audit event. */
export function datasetCounts(d: DemoDataset): Record<string, number> {
  return {
    holdings: d.holdings.length,
    subsidiaries: d.subsidiaries.length,
    sites: d.sites.length,
    areas: d.areas.length,
    employees: d.employees.length,
    leavers: d.employees.filter((e) => e.leave_date !== null).length,
    contractor_companies: d.contractorCompanies.length,
    contractor_workers: d.contractorWorkers.length,
    external_persons: d.externalPersons.length,
    users: d.users.length,
  };
}

function dedupe(name: string, taken: string[]): string {
  if (!taken.includes(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = name.replace(
      / (Co\., Ltd\.|Pte\. Ltd\.|Sdn\. Bhd\.|S\.A\. de C\.V\.)$/,
      ` ${toRoman(n)} $1`,
    );
    if (!taken.includes(candidate)) return candidate;
  }
}

function toRoman(n: number): string {
  return ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][n] ?? String(n);
}

/**
 * Length of service: mostly recent hires (factories turn over), with a long tail to 30 years; senior staff
 * have served longer. Nobody joined before the site opened; a few join in the coming weeks.
 */
function hireDay(rng: Random, today: number, opened: number, senior: boolean): number {
  if (rng.chance(0.003)) return today + rng.int(1, 21);
  const earliest = Math.max(opened, today - Math.round(30 * YEAR));
  let tenure = Math.round(rng.exponential(senior ? 9 * YEAR : 5 * YEAR));
  if (senior) tenure += Math.round(2 * YEAR);
  let hire = today - tenure;
  if (hire < earliest) hire = rng.int(earliest, today - 30);
  return hire;
}

/** About 8% have left, most within the last two years; a few leave within the next month. */
function leaveDay(rng: Random, today: number, hire: number): number | null {
  if (hire > today - 60) return null;
  const r = rng.next();
  if (r < 0.005) return today + rng.int(1, 30);
  if (r >= 0.085) return null;
  const leave = today - Math.round(rng.exponential(420)) - 1;
  return Math.max(hire + 30, leave);
}

/**
 * Contractor engagements around the demo clock: long-running ones, some ending within the next 30 days
 * (renewals to chase), some over, a few starting soon.
 */
function engagement(rng: Random, today: number): { start: number; end: number | null } {
  const kind = rng.weighted([
    ['open', 33],
    ['running', 32],
    ['ending', 10],
    ['ended', 20],
    ['starting', 5],
  ] as const);
  switch (kind) {
    case 'open':
      return { start: today - rng.int(30, Math.round(6 * YEAR)), end: null };
    case 'running':
      return { start: today - rng.int(14, 720), end: today + rng.int(31, 365) };
    case 'ending':
      return { start: today - rng.int(60, 540), end: today + rng.int(0, 30) };
    case 'ended': {
      const end = today - rng.int(1, 720);
      return { start: end - rng.int(14, 400), end };
    }
    case 'starting': {
      const start = today + rng.int(1, 21);
      return { start, end: rng.chance(0.5) ? start + rng.int(7, 180) : null };
    }
  }
}

function generateExternalPersons(
  rng: Random,
  scale: number,
  siteId: Map<string, string>,
): ExternalPersonRow[] {
  const total = Math.max(12, Math.round(FULL_SCALE.externalPersons * scale));
  const out: ExternalPersonRow[] = [];
  const culturesOf = (code: string): readonly (readonly [Culture, number])[] =>
    (SITES.find((s) => s.code === code) as DemoSite).cultures.filter(
      ([c]) => !['ph', 'vn', 'id'].includes(c),
    );
  for (let i = 0; i < total; i++) {
    const kind = rng.weighted([
      ['student', 62],
      ['supplier_staff', 27],
      ['researcher', 6],
      ['visitor', 5],
    ] as const);
    if (kind === 'student' || kind === 'researcher') {
      const uni = rng.weighted(UNIVERSITIES.map((u) => [u, u.weight] as const));
      const site = rng.pick(uni.sites);
      const name = personName(rng, rng.weighted(culturesOf(site)));
      const prefix = kind === 'researcher' ? 'Prof. ' : '';
      out.push({
        id: rng.uuid(),
        site_id: siteId.get(site) as string,
        kind,
        full_name: `${prefix}${name.fullName}`,
        organisation: uni.name,
        email: rng.chance(0.6) ? `${emailLocalPart(name)}@${slug(uni.name)}.edu.example` : null,
      });
    } else if (kind === 'supplier_staff') {
      const supplier = rng.pick(SUPPLIERS);
      const site = rng.weighted(
        SITES.filter((s) => s.kind !== 'office').map((s) => [s, s.employees] as const),
      );
      const name = personName(rng, rng.chance(0.15) ? 'jp' : rng.weighted(culturesOf(site.code)));
      out.push({
        id: rng.uuid(),
        site_id: rng.chance(0.85) ? (siteId.get(site.code) as string) : null,
        kind,
        full_name: name.fullName,
        organisation: supplier,
        email: `${emailLocalPart(name)}@${slug(supplier)}.example`,
      });
    } else {
      const site = rng.weighted(SITES.map((s) => [s, s.employees] as const));
      const name = personName(rng, rng.weighted(culturesOf(site.code)));
      out.push({
        id: rng.uuid(),
        site_id: siteId.get(site.code) as string,
        kind,
        full_name: name.fullName,
        organisation: rng.pick(VISITOR_ORGANISATIONS[site.country]),
        email: null,
      });
    }
  }
  return out;
}

/** Buildings, their floors and the production lines on them, and the site's utility zones. */
function siteAreas(rng: Random, site: DemoSite, siteId: string): AreaRow[] {
  const out: AreaRow[] = [];
  // Taiwanese and Chinese sites name their areas in Chinese.
  const zh = writesChinese(site.country);
  const floors = site.employees >= 5000 ? 3 : 2;
  let line = 0;
  for (const building of site.buildings) {
    const code = building.replace(/\s+/g, '').toUpperCase();
    const buildingName = zh
      ? buildingNameZh(building)
      : /^[A-Z]+\d+$/.test(building)
        ? `${building} Building`
        : building;
    const b: AreaRow = {
      id: rng.uuid(),
      site_id: siteId,
      parent_id: null,
      kind: 'building',
      code,
      name: buildingName,
    };
    out.push(b);
    for (let f = 1; f <= floors; f++) {
      const floor: AreaRow = {
        id: rng.uuid(),
        site_id: siteId,
        parent_id: b.id,
        kind: 'floor',
        code: `${code}-${f}F`,
        name: zh ? `${buildingName} ${f}樓` : `${buildingName}, ${f}F`,
      };
      out.push(floor);
      if (site.lines.length === 0) continue;
      const process = site.lines[line % site.lines.length];
      line++;
      out.push({
        id: rng.uuid(),
        site_id: siteId,
        parent_id: floor.id,
        kind: 'line',
        code: `${code}-${f}F-L1`,
        name: zh ? `${LINE_ZH[process] ?? process}產線 ${line}` : `${process} line ${line}`,
      });
    }
  }
  const zones: [AreaRow['kind'], string, string][] =
    site.kind === 'office'
      ? [
          ['room', 'SRV', 'Server room'],
          ['zone', 'LOBBY', 'Reception and lobby'],
        ]
      : [
          ['zone', 'CHEM', 'Chemical storage'],
          ['zone', 'GAS', 'Bulk gas yard'],
          ['zone', 'WWT', 'Wastewater treatment plant'],
          ['zone', 'WH', 'Warehouse'],
        ];
  if (site.code === 'ASE-KH') zones.push(['room', 'CLINIC', "Employees' clinic"]);
  for (const [kind, code, name] of zones)
    out.push({
      id: rng.uuid(),
      site_id: siteId,
      parent_id: null,
      kind,
      code,
      name: zh ? (ZONE_ZH[code] ?? name) : name,
    });
  return out;
}

/** The Chinese names of the production processes of the lines. */
const LINE_ZH: Record<string, string> = {
  'Wafer bumping': '晶圓凸塊',
  'Flip chip': '覆晶',
  'Wire bonding': '打線',
  Molding: '封膠',
  'Final test': '成品測試',
  'System in package': '系統級封裝',
  Bumping: '凸塊',
  'Fan-out': '扇出型封裝',
  'Wafer sort': '晶圓針測',
  SMT: '表面黏著',
  'System assembly': '系統組裝',
  'Functional test': '功能測試',
  'Conformal coating': '三防塗覆',
  'Box build': '整機組裝',
};

const ZONE_ZH: Record<string, string> = {
  SRV: '機房',
  LOBBY: '接待大廳',
  CHEM: '化學品倉庫',
  GAS: '大宗氣體供應區',
  WWT: '廢水處理場',
  WH: '倉庫',
  CLINIC: '員工醫務室',
};

/** K7 → K7 棟, Plant 2 → 第2廠, Plant A → A廠, Neihu Tower → 內湖大樓. */
function buildingNameZh(building: string): string {
  if (/^[A-Z]+\d+$/.test(building)) return `${building} 棟`;
  const plant = /^Plant (\w+)$/.exec(building);
  if (plant) return /^\d+$/.test(plant[1]) ? `第${plant[1]}廠` : `${plant[1]}廠`;
  return building === 'Neihu Tower' ? '內湖大樓' : building;
}
