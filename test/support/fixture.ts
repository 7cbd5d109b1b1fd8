import type { Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import { hashPassword } from '../../server/platform/auth/passwords.ts';

/**
 * The small organisation every API and browser test starts from: one holding, two subsidiaries, four sites
 * in three countries, a few areas, twenty employees (some of them leavers), a contractor company with
 * workers at two sites, two external persons and one user per role with a known password.
 *
 * Ids are fixed so that tests can name records directly. Each id is a valid version-4 UUID whose first
 * group says what it is (5173… a site, e0… an employee, 05e4… a user), which makes failures readable.
 */

const id = (kind: string, n: number) =>
  `${kind.padEnd(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const HOLDING = { id: id('401d', 1), code: 'ASEH', name: 'ASE Technology Holding' } as const;

export const SUBSIDIARIES = {
  ASE: { id: id('5b5', 1), code: 'ASE', name: 'ASE Inc.' },
  SPIL: { id: id('5b5', 2), code: 'SPIL', name: 'Siliconware Precision Industries' },
} as const;

export const SITES = {
  /** ASE Kaohsiung K7, Taiwan. */
  K7: {
    id: id('5173', 1),
    code: 'K7',
    name: 'ASE Kaohsiung K7',
    subsidiaryId: SUBSIDIARIES.ASE.id,
    country: 'TW',
    timeZone: 'Asia/Taipei',
  },
  /** ASE Penang, Malaysia. */
  PG: {
    id: id('5173', 2),
    code: 'PG',
    name: 'ASE Penang',
    subsidiaryId: SUBSIDIARIES.ASE.id,
    country: 'MY',
    timeZone: 'Asia/Kuala_Lumpur',
  },
  /** SPIL Taichung, Taiwan. */
  TC: {
    id: id('5173', 3),
    code: 'TC',
    name: 'SPIL Taichung',
    subsidiaryId: SUBSIDIARIES.SPIL.id,
    country: 'TW',
    timeZone: 'Asia/Taipei',
  },
  /** SPIL Suzhou, China. */
  SZ: {
    id: id('5173', 4),
    code: 'SZ',
    name: 'SPIL Suzhou',
    subsidiaryId: SUBSIDIARIES.SPIL.id,
    country: 'CN',
    timeZone: 'Asia/Shanghai',
  },
} as const;
export type SiteCode = keyof typeof SITES;

export const AREAS = {
  K7_B1: {
    id: id('a4ea', 1),
    siteId: SITES.K7.id,
    parentId: null,
    kind: 'building',
    code: 'B1',
    name: 'Building 1',
  },
  K7_B1_F3: {
    id: id('a4ea', 2),
    siteId: SITES.K7.id,
    parentId: id('a4ea', 1),
    kind: 'floor',
    code: 'B1-F3',
    name: 'Floor 3',
  },
  K7_B1_F3_L2: {
    id: id('a4ea', 3),
    siteId: SITES.K7.id,
    parentId: id('a4ea', 2),
    kind: 'line',
    code: 'B1-F3-L2',
    name: 'Wire bonding line 2',
  },
  TC_FAB: {
    id: id('a4ea', 4),
    siteId: SITES.TC.id,
    parentId: null,
    kind: 'building',
    code: 'FAB',
    name: 'Main fab',
  },
} as const;

type EmployeeSeed = {
  no: string;
  name: string;
  site: SiteCode;
  department: string;
  hire: string;
  leave?: string;
};

/** Twenty employees; four of them have left (leave date in the past). */
const employeeSeeds: EmployeeSeed[] = [
  { no: 'K7-0001', name: 'Chen Wei-Ling', site: 'K7', department: 'Assembly', hire: '2015-03-02' },
  { no: 'K7-0002', name: 'Lin Chih-Hao', site: 'K7', department: 'Assembly', hire: '2017-07-17' },
  { no: 'K7-0003', name: 'Huang Mei-Hua', site: 'K7', department: 'Test', hire: '2019-01-07' },
  { no: 'K7-0004', name: 'Wang Jun-Jie', site: 'K7', department: 'Facilities', hire: '2012-09-03' },
  { no: 'K7-0005', name: 'Tsai Yu-Ting', site: 'K7', department: 'EHS', hire: '2020-05-18' },
  {
    no: 'K7-0006',
    name: 'Liu Kuan-Yu',
    site: 'K7',
    department: 'Test',
    hire: '2016-02-15',
    leave: '2024-06-30',
  },
  { no: 'K7-0007', name: 'Yang Shu-Fen', site: 'K7', department: 'Assembly', hire: '2021-11-01' },
  {
    no: 'K7-0008',
    name: 'Hsu Ming-Che',
    site: 'K7',
    department: 'Quality',
    hire: '2018-04-09',
    leave: '2025-01-31',
  },
  { no: 'PG-0001', name: 'Tan Mei Ling', site: 'PG', department: 'Assembly', hire: '2016-08-01' },
  { no: 'PG-0002', name: 'Muhammad Faiz', site: 'PG', department: 'Test', hire: '2019-03-11' },
  { no: 'PG-0003', name: 'Priya Raman', site: 'PG', department: 'EHS', hire: '2020-10-05' },
  {
    no: 'PG-0004',
    name: 'Lim Boon Keat',
    site: 'PG',
    department: 'Facilities',
    hire: '2014-01-13',
    leave: '2023-12-31',
  },
  { no: 'TC-0001', name: 'Chang Hsin-Yi', site: 'TC', department: 'Bumping', hire: '2013-06-03' },
  { no: 'TC-0002', name: 'Kuo Po-Han', site: 'TC', department: 'Bumping', hire: '2018-09-24' },
  { no: 'TC-0003', name: 'Lai Ya-Wen', site: 'TC', department: 'EHS', hire: '2022-02-14' },
  {
    no: 'TC-0004',
    name: 'Cheng Tsung-Han',
    site: 'TC',
    department: 'Test',
    hire: '2015-12-07',
    leave: '2024-09-15',
  },
  { no: 'TC-0005', name: 'Hung Chia-Jung', site: 'TC', department: 'Quality', hire: '2023-04-17' },
  { no: 'SZ-0001', name: 'Zhang Wei', site: 'SZ', department: 'Assembly', hire: '2017-05-08' },
  { no: 'SZ-0002', name: 'Li Na', site: 'SZ', department: 'Test', hire: '2021-08-16' },
  { no: 'SZ-0003', name: 'Zhou Jie', site: 'SZ', department: 'EHS', hire: '2019-11-25' },
];

export const EMPLOYEES = Object.fromEntries(
  employeeSeeds.map((e, i) => [
    e.no,
    {
      id: id('e0', i + 1),
      employeeNo: e.no,
      fullName: e.name,
      siteId: SITES[e.site].id,
      siteCode: e.site,
      department: e.department,
      hireDate: e.hire,
      leaveDate: e.leave ?? null,
    },
  ]),
) as Record<
  string,
  {
    id: string;
    employeeNo: string;
    fullName: string;
    siteId: string;
    siteCode: SiteCode;
    department: string;
    hireDate: string;
    leaveDate: string | null;
  }
>;

/** Counts the tests assert against. */
export const COUNTS = {
  employees: employeeSeeds.length,
  employeesAt: (site: SiteCode, status: 'active' | 'left' | 'all' = 'all') =>
    employeeSeeds.filter(
      (e) => e.site === site && (status === 'all' || (status === 'left' ? !!e.leave : !e.leave)),
    ).length,
};

export const CONTRACTOR_COMPANY = {
  id: id('c0c0', 1),
  name: 'Kaohsiung Scaffolding Co.',
  taxId: '24536806',
  country: 'TW',
} as const;

export const CONTRACTOR_WORKERS = {
  KS_001: {
    id: id('c0e0', 1),
    workerNo: 'KS-001',
    fullName: 'Huang Da-Wei',
    site: 'K7',
    trade: 'Scaffolder',
  },
  KS_002: { id: id('c0e0', 2), workerNo: 'KS-002', fullName: 'Wu Jian-Hong', site: 'K7', trade: 'Welder' },
  KS_003: {
    id: id('c0e0', 3),
    workerNo: 'KS-003',
    fullName: 'Pan Zhi-Ming',
    site: 'TC',
    trade: 'Scaffolder',
  },
} as const;

export const EXTERNAL_PERSONS = {
  STUDENT: {
    id: id('e0e0', 1),
    siteId: SITES.K7.id,
    kind: 'student',
    fullName: 'Chiu Pei-Shan',
    organisation: 'National Sun Yat-sen University',
  },
  SUPPLIER: {
    id: id('e0e0', 2),
    siteId: null,
    kind: 'supplier_staff',
    fullName: 'Ken Tanaka',
    organisation: 'Tokyo Electron',
  },
} as const;

type Scope =
  | { kind: 'group' }
  | { kind: 'subsidiary'; subsidiaryId: string }
  | { kind: 'sites'; siteIds: string[] };

type UserSeed = {
  id: string;
  email: string;
  password: string;
  displayName: string;
  role: 'group_admin' | 'program_owner' | 'site_officer' | 'employee' | 'auditor' | 'board' | 'medical';
  program: 'ip' | 'infosec' | 'ohs' | 'academia' | 'smart' | null;
  scope: Scope;
  employeeId?: string;
  contractorWorkerId?: string;
};

/** One user per role. Passwords meet the password policy, so tests may also set them through the API. */
export const USERS = {
  groupAdmin: {
    id: id('05e4', 1),
    email: 'admin@steward.test',
    password: 'Steward-Group-Key-1',
    displayName: 'Grace Admin',
    role: 'group_admin',
    program: null,
    scope: { kind: 'group' },
  },
  ohsOwner: {
    id: id('05e4', 2),
    email: 'ohs.owner@steward.test',
    password: 'Safety-First-Pass-2',
    displayName: 'Oscar Owner',
    role: 'program_owner',
    program: 'ohs',
    scope: { kind: 'group' },
  },
  /** Site officer of K7 only. */
  k7Officer: {
    id: id('05e4', 3),
    email: 'k7.officer@steward.test',
    password: 'Kaohsiung-Seven-3',
    displayName: 'Kai Officer',
    role: 'site_officer',
    program: null,
    scope: { kind: 'sites', siteIds: [SITES.K7.id] },
  },
  /** Site officer of every SPIL site (TC and SZ). */
  spilOfficer: {
    id: id('05e4', 4),
    email: 'spil.officer@steward.test',
    password: 'Siliconware-Pass-4',
    displayName: 'Sandy Officer',
    role: 'site_officer',
    program: null,
    scope: { kind: 'subsidiary', subsidiaryId: SUBSIDIARIES.SPIL.id },
  },
  /** An employee of K7 (Chen Wei-Ling). */
  employee: {
    id: id('05e4', 5),
    email: 'wei-ling.chen@steward.test',
    password: 'Employee-Pass-5x',
    displayName: 'Chen Wei-Ling',
    role: 'employee',
    program: null,
    scope: { kind: 'sites', siteIds: [SITES.K7.id] },
    employeeId: id('e0', 1),
  },
  auditor: {
    id: id('05e4', 6),
    email: 'auditor@steward.test',
    password: 'Audit-Trail-Pass-6',
    displayName: 'Aude Auditor',
    role: 'auditor',
    program: null,
    scope: { kind: 'group' },
  },
  board: {
    id: id('05e4', 7),
    email: 'board@steward.test',
    password: 'Chair-Person-Pass-7',
    displayName: 'Bo Board',
    role: 'board',
    program: null,
    scope: { kind: 'group' },
  },
  /** Occupational physician at K7. */
  medical: {
    id: id('05e4', 8),
    email: 'doctor.k7@steward.test',
    password: 'Medical-Pass-8xyz',
    displayName: 'Dr. Mei Medical',
    role: 'medical',
    program: null,
    scope: { kind: 'sites', siteIds: [SITES.K7.id] },
  },
  /** A contractor worker at TC, who signs in with the employee role. */
  contractor: {
    id: id('05e4', 9),
    email: 'pan.zhiming@scaffold.test',
    password: 'Contractor-Pass-9',
    displayName: 'Pan Zhi-Ming',
    role: 'employee',
    program: null,
    scope: { kind: 'sites', siteIds: [SITES.TC.id] },
    contractorWorkerId: id('c0e0', 3),
  },
} as const satisfies Record<string, UserSeed>;
export type FixtureUser = keyof typeof USERS;

/** Everything above in one object, for tests that prefer `fixture.sites.K7.id`. */
export const FIXTURE = {
  holding: HOLDING,
  subsidiaries: SUBSIDIARIES,
  sites: SITES,
  areas: AREAS,
  employees: EMPLOYEES,
  contractorCompany: CONTRACTOR_COMPANY,
  contractorWorkers: CONTRACTOR_WORKERS,
  externalPersons: EXTERNAL_PERSONS,
  users: USERS,
  counts: COUNTS,
} as const;

/**
 * Loads the fixture into a migrated, empty database, in one transaction. It writes no audit events:
 * the audit chains start empty, so tests see exactly the events their own writes produce.
 */
export async function seedFixture(db: Kysely<DB>): Promise<typeof FIXTURE> {
  const users = Object.values(USERS) as UserSeed[];
  const hashes = await Promise.all(users.map((u) => hashPassword(u.password)));
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('holdings')
      .values({ id: HOLDING.id, code: HOLDING.code, name: HOLDING.name })
      .execute();
    await trx
      .insertInto('subsidiaries')
      .values(
        Object.values(SUBSIDIARIES).map((s) => ({
          id: s.id,
          holding_id: HOLDING.id,
          code: s.code,
          name: s.name,
        })),
      )
      .execute();
    await trx
      .insertInto('sites')
      .values(
        Object.values(SITES).map((s) => ({
          id: s.id,
          subsidiary_id: s.subsidiaryId,
          code: s.code,
          name: s.name,
          country: s.country,
          time_zone: s.timeZone,
          kind: 'manufacturing' as const,
        })),
      )
      .execute();
    for (const a of Object.values(AREAS)) {
      await trx
        .insertInto('areas')
        .values({
          id: a.id,
          site_id: a.siteId,
          parent_id: a.parentId,
          kind: a.kind,
          code: a.code,
          name: a.name,
        })
        .execute();
    }
    await trx
      .insertInto('employees')
      .values(
        Object.values(EMPLOYEES).map((e) => ({
          id: e.id,
          site_id: e.siteId,
          employee_no: e.employeeNo,
          full_name: e.fullName,
          email: `${e.employeeNo.toLowerCase()}@staff.steward.test`,
          department: e.department,
          hire_date: e.hireDate,
          leave_date: e.leaveDate,
        })),
      )
      .execute();
    await trx
      .insertInto('contractor_companies')
      .values({
        id: CONTRACTOR_COMPANY.id,
        name: CONTRACTOR_COMPANY.name,
        tax_id: CONTRACTOR_COMPANY.taxId,
        country: CONTRACTOR_COMPANY.country,
        contact_name: 'Lee Kuo-Chiang',
        contact_email: 'safety@scaffold.test',
      })
      .execute();
    await trx
      .insertInto('contractor_workers')
      .values(
        Object.values(CONTRACTOR_WORKERS).map((w) => ({
          id: w.id,
          company_id: CONTRACTOR_COMPANY.id,
          site_id: SITES[w.site].id,
          worker_no: w.workerNo,
          full_name: w.fullName,
          trade: w.trade,
          start_date: '2025-01-06',
        })),
      )
      .execute();
    await trx
      .insertInto('external_persons')
      .values(
        Object.values(EXTERNAL_PERSONS).map((x) => ({
          id: x.id,
          site_id: x.siteId,
          kind: x.kind,
          full_name: x.fullName,
          organisation: x.organisation,
        })),
      )
      .execute();
    await trx
      .insertInto('users')
      .values(
        users.map((u, i) => ({
          id: u.id,
          email: u.email,
          display_name: u.displayName,
          password_hash: hashes[i],
          employee_id: u.employeeId ?? null,
          contractor_worker_id: u.contractorWorkerId ?? null,
        })),
      )
      .execute();
    await trx
      .insertInto('role_assignments')
      .values(
        users.map((u) => ({
          user_id: u.id,
          role: u.role,
          program: u.program,
          scope_kind: u.scope.kind,
          subsidiary_id: u.scope.kind === 'subsidiary' ? u.scope.subsidiaryId : null,
          site_ids: u.scope.kind === 'sites' ? u.scope.siteIds : [],
        })),
      )
      .execute();
  });
  return FIXTURE;
}
