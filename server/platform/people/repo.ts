import { type SqlBool, sql } from 'kysely';
import { likePattern } from '#shared/platform/http/list.ts';
import type { Db } from '../../db/types.ts';
import type { SiteScope } from '../access/actor.ts';
import { inScope } from '../access/sql.ts';
import { matchesSearch } from './search.ts';

/** SQL of people: employees, contractor companies and workers, external persons. */

export type EmployeeFilter = {
  q?: string;
  siteId?: string;
  status: 'active' | 'left' | 'all';
  department?: string;
};

export function employeeQuery(db: Db, scope: SiteScope, f: EmployeeFilter, today: string) {
  let q = db
    .selectFrom('employees')
    .innerJoin('sites', 'sites.id', 'employees.site_id')
    .select([
      'employees.id',
      'employees.site_id',
      'sites.code as site_code',
      'employees.employee_no',
      'employees.full_name',
      'employees.email',
      'employees.department',
      'employees.job_title',
      'employees.hire_date',
      'employees.leave_date',
      'employees.version',
    ])
    .where((eb) => inScope(eb, 'employees.site_id', scope));
  if (f.siteId) q = q.where('employees.site_id', '=', f.siteId);
  if (f.department) q = q.where('employees.department', '=', f.department);
  if (f.status === 'active')
    q = q.where((eb) =>
      eb.or([eb('employees.leave_date', 'is', null), eb('employees.leave_date', '>', today)]),
    );
  if (f.status === 'left') q = q.where('employees.leave_date', '<=', today);
  if (f.q) {
    const search = f.q;
    q = q.where((eb) => matchesSearch(eb, 'employees', search));
  }
  return q;
}

export async function departmentNames(db: Db, scope: SiteScope, siteId?: string): Promise<string[]> {
  let q = db
    .selectFrom('employees')
    .select('department')
    .distinct()
    .where((eb) => inScope(eb, 'employees.site_id', scope));
  if (siteId) q = q.where('employees.site_id', '=', siteId);
  const rows = await q.orderBy('department').limit(2000).execute();
  return rows.map((r) => r.department);
}

export type EmployeeRow = Awaited<ReturnType<ReturnType<typeof employeeQuery>['execute']>>[number];

export const employeeSort = {
  fullName: 'employees.full_name',
  employeeNo: 'employees.employee_no',
  hireDate: 'employees.hire_date',
  department: 'employees.department',
  site: 'sites.code',
} as const;

export function employeeById(db: Db, id: string) {
  return employeeQuery(db, 'all', { status: 'all' }, '9999-12-31')
    .where('employees.id', '=', id)
    .executeTakeFirst();
}

export function employeeEssentials(db: Db, ids: string[]) {
  return db
    .selectFrom('employees')
    .select(['id', 'site_id', 'employee_no', 'full_name', 'email', 'hire_date'])
    .where('id', 'in', ids)
    .execute();
}

/** Employees at any site whose e-mail, trimmed and lower-cased, is one of these (already normalised). */
export function employeeEssentialsByEmail(db: Db, emails: string[]) {
  return db
    .selectFrom('employees')
    .select(['id', 'site_id', 'employee_no', 'full_name', 'email', 'hire_date'])
    .where((eb) => eb(eb.fn('lower', [eb.fn('btrim', ['email'])]), 'in', emails))
    .execute();
}

/** Employees at any site with these employee numbers (numbers are unique across the group). */
export function employeeEssentialsByNumber(db: Db, numbers: string[]) {
  return db
    .selectFrom('employees')
    .select(['id', 'site_id', 'employee_no', 'full_name', 'email', 'hire_date'])
    .where('employee_no', 'in', numbers)
    .execute();
}

/** Employees at any site whose full name, with its spaces collapsed and lower-cased, is one of these. */
export function employeeEssentialsByName(db: Db, names: string[]) {
  return db
    .selectFrom('employees')
    .select(['id', 'site_id', 'employee_no', 'full_name', 'email', 'hire_date'])
    .where((eb) =>
      eb(
        eb.fn('lower', [
          eb.fn('regexp_replace', [eb.fn('btrim', ['full_name']), eb.val('\\s+'), eb.val(' '), eb.val('g')]),
        ]),
        'in',
        names,
      ),
    )
    .execute();
}

export function contractorCompanyQuery(db: Db, q?: string) {
  let query = db
    .selectFrom('contractor_companies')
    .selectAll('contractor_companies')
    .select((eb) =>
      eb
        .selectFrom('contractor_workers')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('contractor_workers.company_id', '=', 'contractor_companies.id')
        .as('worker_count'),
    );
  if (q) {
    const p = likePattern(q);
    query = query.where((eb) =>
      eb.or([eb('contractor_companies.name', 'ilike', p), eb('contractor_companies.tax_id', 'ilike', p)]),
    );
  }
  return query;
}

export function contractorWorkerQuery(
  db: Db,
  scope: SiteScope,
  f: { q?: string; siteId?: string; companyId?: string },
) {
  let q = db
    .selectFrom('contractor_workers')
    .innerJoin('contractor_companies', 'contractor_companies.id', 'contractor_workers.company_id')
    .innerJoin('sites', 'sites.id', 'contractor_workers.site_id')
    .selectAll('contractor_workers')
    .select(['contractor_companies.name as company_name', 'sites.code as site_code'])
    .where((eb) => inScope(eb, 'contractor_workers.site_id', scope));
  if (f.siteId) q = q.where('contractor_workers.site_id', '=', f.siteId);
  if (f.companyId) q = q.where('contractor_workers.company_id', '=', f.companyId);
  if (f.q) {
    const search = f.q;
    q = q.where((eb) => matchesSearch(eb, 'contractor_workers', search));
  }
  return q;
}

export function externalPersonQuery(
  db: Db,
  scope: SiteScope,
  f: { q?: string; siteId?: string; kind?: string },
) {
  let q = db
    .selectFrom('external_persons')
    .leftJoin('sites', 'sites.id', 'external_persons.site_id')
    .selectAll('external_persons')
    .select(['sites.code as site_code'])
    // Group records (no site) are visible to whoever may read people somewhere.
    .where((eb) =>
      eb.or([eb('external_persons.site_id', 'is', null), inScope(eb, 'external_persons.site_id', scope)]),
    );
  if (f.siteId) q = q.where('external_persons.site_id', '=', f.siteId);
  if (f.kind) q = q.where('external_persons.kind', '=', f.kind as 'student');
  if (f.q) {
    const p = likePattern(f.q);
    q = q.where((eb) =>
      eb.or([eb('external_persons.full_name', 'ilike', p), eb('external_persons.organisation', 'ilike', p)]),
    );
  }
  return q;
}

/** Site id by code, every site: the sites table is small. */
export async function siteIdsByCode(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('sites').select(['id', 'code']).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Of these employee numbers, those held by an employee of a site outside `scope`. */
export async function employeeNumbersOutside(db: Db, numbers: string[], scope: SiteScope) {
  if (scope === 'all' || numbers.length === 0) return [];
  const rows = await db
    .selectFrom('employees')
    .select('employee_no')
    .where(sql<SqlBool>`employee_no = any(${numbers}::text[])`)
    .where((eb) => eb.not(inScope(eb, 'employees.site_id', scope)))
    .execute();
  return rows.map((r) => r.employee_no);
}

export type EmployeeUpsert = {
  siteId: string;
  employeeNo: string;
  fullName: string;
  department: string;
  hireDate: string;
  leaveDate: string | null;
  email: string | null;
  jobTitle: string | null;
};

/**
 * Inserts employees, or updates those whose number exists (a new version), in one statement. An existing
 * employee is only updated at a site of `scope`; returns how many rows were new and how many were written.
 */
export async function upsertEmployees(
  trx: Db,
  rows: EmployeeUpsert[],
  actorId: string | null,
  scope: SiteScope,
): Promise<{ created: number; written: number }> {
  const col = <T>(pick: (r: EmployeeUpsert) => T) => rows.map(pick);
  const guard = scope === 'all' ? sql`` : sql`where employees.site_id = any(${[...scope]}::uuid[])`;
  const result = await sql<{ created: boolean }>`
    insert into employees (site_id, employee_no, full_name, department, hire_date, leave_date, email, job_title, created_by, updated_by)
    select s, n, f, d, h, l, e, j, ${actorId}::uuid, ${actorId}::uuid
    from unnest(
      ${col((r) => r.siteId)}::uuid[], ${col((r) => r.employeeNo)}::text[], ${col((r) => r.fullName)}::text[],
      ${col((r) => r.department)}::text[], ${col((r) => r.hireDate)}::date[], ${col((r) => r.leaveDate)}::date[],
      ${col((r) => r.email)}::text[], ${col((r) => r.jobTitle)}::text[]
    ) as t(s, n, f, d, h, l, e, j)
    on conflict (employee_no) do update set
      site_id = excluded.site_id, full_name = excluded.full_name, department = excluded.department,
      hire_date = excluded.hire_date, leave_date = excluded.leave_date, email = excluded.email,
      job_title = excluded.job_title, updated_by = excluded.updated_by, updated_at = now(),
      version = employees.version + 1
    ${guard}
    returning (xmax = 0) as created`.execute(trx);
  return { created: result.rows.filter((r) => r.created).length, written: result.rows.length };
}
