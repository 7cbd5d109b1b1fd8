import { siteAreas } from './areas.ts';
import { dayNumber } from './clock.ts';
import { generateContractors } from './contractors.ts';
import { generateEmployees } from './employees.ts';
import { generateExternalPersons } from './external-persons.ts';
import { HOLDING, SITES, SUBSIDIARIES } from './organisation.ts';
import { Random } from './random.ts';
import type {
  AreaRow,
  ContractorCompanyRow,
  ContractorWorkerRow,
  EmployeeRow,
  ExternalPersonRow,
  HoldingRow,
  RoleAssignmentRow,
  SiteRow,
  SubsidiaryRow,
  UserRow,
} from './rows.ts';
import { DEMO_GUESTS, DEMO_USERS } from './users.ts';

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

/**
 * The group of the seeds: its organisation (fixed, whatever the scale) with the areas of its sites, its
 * employees, contractors and people from outside in proportion to the scale, and one demo user per role.
 */
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

  const { employees, demoEmployeeIds } = generateEmployees(root, scale, today, siteId);
  const contractors = generateContractors(root, scale, clock, siteId);
  const demoWorkerId = contractors.demoWorkerId;

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

  // People outside the company: a sign-in and no role (their programs give them their own records).
  for (const g of DEMO_GUESTS)
    users.push({
      id: userRng.uuid(),
      email: g.email,
      display_name: g.displayName,
      locale: g.locale,
      employee_id: null,
      contractor_worker_id: null,
    });

  return {
    seed,
    scale,
    clock,
    holdings: [holding],
    subsidiaries,
    sites,
    areas,
    employees,
    contractorCompanies: contractors.companies,
    contractorWorkers: contractors.workers,
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
