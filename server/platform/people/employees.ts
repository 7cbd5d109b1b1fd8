import type { z } from 'zod';
import type * as c from '#shared/platform/people/contract.ts';
import { paginate } from '../../db/paging.ts';
import type { Db } from '../../db/types.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import type { Actor } from '../access/actor.ts';
import { access } from '../access/service.ts';
import { recordAudit } from '../audit/service.ts';
import { NotFoundError, ValidationError } from '../http/errors.ts';
import type { OrgService } from '../org/service.ts';
import * as repo from './repo.ts';

const toEmployeeView = (r: repo.EmployeeRow): c.EmployeeView => ({
  id: r.id,
  siteId: r.site_id,
  siteCode: r.site_code,
  employeeNo: r.employee_no,
  fullName: r.full_name,
  email: r.email,
  department: r.department,
  jobTitle: r.job_title,
  hireDate: r.hire_date,
  leaveDate: r.leave_date,
  version: r.version,
});

export type EmployeeEssentials = {
  id: string;
  siteId: string;
  employeeNo: string;
  fullName: string;
  email: string | null;
  hireDate: string;
};

/** A name as `employeeEssentialsByName` compares it: trimmed, spaces collapsed, lower case. */
export const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

const essentialsOf = (r: {
  id: string;
  site_id: string;
  employee_no: string;
  full_name: string;
  email: string | null;
  hire_date: string;
}): EmployeeEssentials => ({
  id: r.id,
  siteId: r.site_id,
  employeeNo: r.employee_no,
  fullName: r.full_name,
  email: r.email,
  hireDate: r.hire_date,
});

/** Employees: the list, departments, one employee, create and update (bulk files go through the importer). */
export function createEmployeesService(db: Db, org: OrgService, now: () => Date) {
  const today = () => now().toISOString().slice(0, 10);

  async function employeeOrNotFound(id: string) {
    const row = await repo.employeeById(db, id);
    if (!row) throw new NotFoundError('employee');
    return row;
  }

  return {
    async listEmployees(actor: Actor, query: z.infer<typeof c.employeeListQuery>) {
      const scope = access.listScope(actor, 'people.read');
      const base = repo.employeeQuery(db, scope, query, today());
      const { items, ...paging } = await paginate<repo.EmployeeRow>(db, base, {
        sortColumn: repo.employeeSort[query.sort],
        order: query.order,
        tieBreaker: 'employees.id',
        sites: { column: 'employees.site_id', scope },
        page: query.page,
        cursor: query.cursor,
        count: query.count,
        pageSize: query.pageSize,
      });
      return {
        items: items.map(toEmployeeView),
        ...paging,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async listDepartments(actor: Actor, query: z.infer<typeof c.departmentListQuery>) {
      const scope = access.listScope(actor, 'people.read');
      return { items: await repo.departmentNames(db, scope, query.siteId) };
    },

    /**
     * The essentials of these employees (site, number, name, e-mail), by id, for a module that links its
     * records to employees: whether the actor may see or link them is the caller's check, on the sites
     * returned. An unknown id is left out.
     */
    async employeeEssentials(ids: readonly string[], handle: Db = db) {
      if (ids.length === 0) return new Map<string, EmployeeEssentials>();
      const rows = await repo.employeeEssentials(handle, [...new Set(ids)]);
      return new Map<string, EmployeeEssentials>(
        rows.map((r) => [
          r.id,
          {
            id: r.id,
            siteId: r.site_id,
            employeeNo: r.employee_no,
            fullName: r.full_name,
            email: r.email,
            hireDate: r.hire_date,
          },
        ]),
      );
    },

    /**
     * The essentials of the employees at any site whose e-mail is one of these (compared trimmed and without
     * case), for a module that recognises a person it knew by e-mail: whether the actor may see them is the
     * caller's check, on the sites returned. The employee record holds no date of birth.
     */
    async employeeEssentialsByEmail(emails: readonly string[], handle: Db = db) {
      const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
      if (wanted.length === 0) return [];
      const rows = await repo.employeeEssentialsByEmail(handle, wanted);
      return rows.map(
        (r): EmployeeEssentials => ({
          id: r.id,
          siteId: r.site_id,
          employeeNo: r.employee_no,
          fullName: r.full_name,
          email: r.email,
          hireDate: r.hire_date,
        }),
      );
    },

    /**
     * The essentials of the employees with these numbers, keyed by number, for a module whose files name
     * employees by number (an import): whether the actor may see them is the caller's check, on the sites
     * returned. A number no employee has is left out.
     */
    async employeeEssentialsByNumber(numbers: readonly string[], handle: Db = db) {
      const wanted = [...new Set(numbers.map((n) => n.trim()).filter(Boolean))];
      if (wanted.length === 0) return new Map<string, EmployeeEssentials>();
      const rows = await repo.employeeEssentialsByNumber(handle, wanted);
      return new Map<string, EmployeeEssentials>(rows.map((r) => [r.employee_no, essentialsOf(r)]));
    },

    /**
     * The employees whose full name is one of these (compared without case, spaces collapsed), for a module
     * that reads people by name from a published document (a patent's inventors): several may share a name,
     * so each name gives a list. Whether the actor may see them is the caller's check.
     */
    async employeeEssentialsByName(names: readonly string[], handle: Db = db) {
      const wanted = [...new Set(names.map(nameKey).filter(Boolean))];
      const out = new Map<string, EmployeeEssentials[]>();
      if (wanted.length === 0) return out;
      for (const r of await repo.employeeEssentialsByName(handle, wanted)) {
        const key = nameKey(r.full_name);
        out.set(key, [...(out.get(key) ?? []), essentialsOf(r)]);
      }
      return out;
    },

    async getEmployee(actor: Actor, id: string) {
      const row = await employeeOrNotFound(id);
      access.assert(actor, { permission: 'people.read', siteId: row.site_id, what: 'employee' });
      return toEmployeeView(row);
    },

    async createEmployee(actor: Actor, input: z.infer<typeof c.employeeInput>) {
      await org.getSite(actor, input.siteId);
      access.assert(actor, { permission: 'people.manage', siteId: input.siteId, what: 'site' });
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('employees')
          .values({
            site_id: input.siteId,
            employee_no: input.employeeNo,
            full_name: input.fullName,
            email: input.email ?? null,
            department: input.department,
            job_title: input.jobTitle ?? null,
            hire_date: input.hireDate,
            leave_date: input.leaveDate ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'employee.created',
          entityType: 'employee',
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        return toEmployeeView((await repo.employeeById(trx, row.id)) as repo.EmployeeRow);
      });
    },

    async updateEmployee(actor: Actor, id: string, patch: z.infer<typeof c.employeePatch>) {
      const before = await employeeOrNotFound(id);
      access.assert(actor, { permission: 'people.manage', siteId: before.site_id, what: 'employee' });
      if (patch.siteId && patch.siteId !== before.site_id) {
        await org.getSite(actor, patch.siteId);
        access.assert(actor, { permission: 'people.manage', siteId: patch.siteId, what: 'site' });
      }
      const hire = patch.hireDate ?? before.hire_date;
      const leave = patch.leaveDate === undefined ? before.leave_date : patch.leaveDate;
      if (leave && leave < hire)
        throw new ValidationError('The leave date cannot be before the hire date.', [
          { path: 'leaveDate', message: 'Before the hire date' },
        ]);
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'employees',
          id,
          patch.version,
          definedOnly({
            site_id: patch.siteId,
            employee_no: patch.employeeNo,
            full_name: patch.fullName,
            email: patch.email,
            department: patch.department,
            job_title: patch.jobTitle,
            hire_date: patch.hireDate,
            leave_date: patch.leaveDate,
          }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'employee.updated',
          entityType: 'employee',
          entityId: id,
          siteId: after.site_id,
          before,
          after,
        });
        return toEmployeeView((await repo.employeeById(trx, id)) as repo.EmployeeRow);
      });
    },
  };
}
