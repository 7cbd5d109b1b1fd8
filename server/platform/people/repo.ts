import type { Db } from '../../db/types.ts';
import type { SiteScope } from '../access/actor.ts';
import { inScope } from '../access/sql.ts';
import { likePattern } from '../http/list.ts';
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
