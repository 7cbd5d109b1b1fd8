import { likePattern } from '#shared/platform/http/list.ts';
import type { Db } from '../../db/types.ts';
import type { SiteScope } from '../access/actor.ts';
import { inScope } from '../access/sql.ts';
import { matchesSearch } from './search.ts';

/** A person a module's record names: an employee or a contractor worker. */
export type PersonType = 'employee' | 'contractor_worker';
export type PersonRef = { type: PersonType; id: string };

/** An employee found by email (`employeesByEmail`). */
export type EmployeeByEmail = { id: string; fullName: string; department: string; userId: string | null };

/** The key of a person in the maps below. */
export const personKey = (type: PersonType, id: string) => `${type}:${id}`;

/**
 * Narrow batch lookups of people for modules that name them on their own records (the injured, the screened,
 * a permit's workers): one query per list of ids, never one per row, and no access check (the caller scoped
 * its own records).
 */
export function createPeopleLookups(db: Db) {
  return {
    /** Name and number of each of these people, keyed by `personKey`. */
    async personNames(refs: readonly PersonRef[], handle: Db = db) {
      const ids = (type: PersonType) => [...new Set(refs.filter((r) => r.type === type).map((r) => r.id))];
      const employees = ids('employee');
      const workers = ids('contractor_worker');
      const [e, w] = await Promise.all([
        employees.length
          ? handle
              .selectFrom('employees')
              .select(['id', 'full_name', 'employee_no as no'])
              .where('id', 'in', employees)
              .execute()
          : [],
        workers.length
          ? handle
              .selectFrom('contractor_workers')
              .select(['id', 'full_name', 'worker_no as no'])
              .where('id', 'in', workers)
              .execute()
          : [],
      ]);
      const names = new Map<string, { name: string; no: string | null }>();
      for (const r of e) names.set(personKey('employee', r.id), { name: r.full_name, no: r.no });
      for (const r of w) names.set(personKey('contractor_worker', r.id), { name: r.full_name, no: r.no });
      return names;
    },

    /** The site of an employee or contractor worker; undefined when there is no such person. */
    async personSite(type: PersonType, id: string, handle: Db = db) {
      const row =
        type === 'employee'
          ? await handle
              .selectFrom('employees')
              .select(['id', 'site_id'])
              .where('id', '=', id)
              .executeTakeFirst()
          : await handle
              .selectFrom('contractor_workers')
              .select(['id', 'site_id'])
              .where('id', '=', id)
              .executeTakeFirst();
      return row && { id: row.id, siteId: row.site_id };
    },

    /** Name, company and site of each of these contractor workers. */
    async contractorWorkers(ids: readonly string[], handle: Db = db) {
      const unique = [...new Set(ids)];
      const rows = unique.length
        ? await handle
            .selectFrom('contractor_workers')
            .select(['id', 'full_name', 'company_id', 'site_id'])
            .where('id', 'in', unique)
            .execute()
        : [];
      return new Map(
        rows.map((r) => [
          r.id,
          { id: r.id, fullName: r.full_name, companyId: r.company_id, siteId: r.site_id },
        ]),
      );
    },

    /** Names of these contractor companies. */
    async companyNames(ids: readonly string[], handle: Db = db) {
      const unique = [...new Set(ids)];
      const rows = unique.length
        ? await handle
            .selectFrom('contractor_companies')
            .select(['id', 'name'])
            .where('id', 'in', unique)
            .execute()
        : [];
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    /** Ids of the contractor companies whose name contains this text (a module's search by company). */
    async companyIdsNamed(text: string, handle: Db = db) {
      const rows = await handle
        .selectFrom('contractor_companies')
        .select('id')
        .where('name', 'ilike', likePattern(text))
        .execute();
      return rows.map((r) => r.id);
    },

    /**
     * The employees of a site with these email addresses (compared without case), with their department and
     * the user account each signs in with (if any): for matching a mailing list's recipients to people.
     */
    async employeesByEmail(siteId: string, emails: readonly string[], handle: Db = db) {
      const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
      if (wanted.length === 0) return new Map<string, EmployeeByEmail>();
      const rows = await handle
        .selectFrom('employees')
        .leftJoin('users', (j) =>
          j.onRef('users.employee_id', '=', 'employees.id').on('users.active', '=', true),
        )
        .select([
          'employees.id',
          'employees.email',
          'employees.full_name',
          'employees.department',
          'users.id as user_id',
        ])
        .where('employees.site_id', '=', siteId)
        .where((eb) => eb(eb.fn('lower', ['employees.email']), 'in', wanted))
        .execute();
      return new Map<string, EmployeeByEmail>(
        rows.map((r) => [
          (r.email ?? '').toLowerCase(),
          { id: r.id, fullName: r.full_name, department: r.department, userId: r.user_id },
        ]),
      );
    },

    /**
     * Employees still employed at these sites whose name or number matches, for a form where a person names
     * a colleague (an invention's co-inventors): name and number only, at most `limit`.
     */
    async employeesNamed(sites: SiteScope, text: string, limit = 20, handle: Db = db) {
      let q = handle
        .selectFrom('employees')
        .select(['id', 'site_id', 'full_name', 'employee_no'])
        .where('leave_date', 'is', null)
        .where((eb) => inScope(eb, 'site_id', sites));
      if (text) q = q.where((eb) => matchesSearch(eb, 'employees', text));
      const rows = await q.orderBy('full_name').orderBy('id').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id,
        siteId: r.site_id,
        fullName: r.full_name,
        employeeNo: r.employee_no,
      }));
    },

    /**
     * The employees on the roll at these sites on a day who sign in with an active user account: whom a
     * program may ask something of (to acknowledge a policy), with the account, site and name of each.
     */
    async accountHoldersAt(siteIds: readonly string[], on: string, handle: Db = db) {
      if (siteIds.length === 0) return [];
      const rows = await handle
        .selectFrom('employees as e')
        .innerJoin('users as u', (j) => j.onRef('u.employee_id', '=', 'e.id').on('u.active', '=', true))
        .select(['u.id as user_id', 'e.id as employee_id', 'e.site_id', 'e.full_name'])
        .where('e.site_id', 'in', [...new Set(siteIds)])
        .where('e.hire_date', '<=', on)
        .where((eb) => eb.or([eb('e.leave_date', 'is', null), eb('e.leave_date', '>', on)]))
        .orderBy('e.full_name')
        .orderBy('u.id')
        .execute();
      return rows.map((r) => ({
        userId: r.user_id,
        employeeId: r.employee_id,
        siteId: r.site_id,
        fullName: r.full_name,
      }));
    },

    /**
     * Employees whose leave date is on or after a day, at any site, with the user accounts linked to them: for
     * a module that must see people before they go (an exit interview). Whether the actor may see them is the
     * caller's check, on the sites returned.
     */
    async employeesLeavingFrom(on: string, handle: Db = db) {
      const rows = await handle
        .selectFrom('employees as e')
        .leftJoin('users as u', 'u.employee_id', 'e.id')
        .select(['e.id', 'e.site_id', 'e.leave_date', 'u.id as user_id'])
        .where('e.leave_date', '>=', on)
        .orderBy('e.id')
        .execute();
      const byId = new Map<string, { id: string; siteId: string; leaveDate: string; userIds: string[] }>();
      for (const r of rows) {
        const e = byId.get(r.id) ?? {
          id: r.id,
          siteId: r.site_id,
          leaveDate: r.leave_date as string,
          userIds: [],
        };
        if (r.user_id) e.userIds.push(r.user_id);
        byId.set(r.id, e);
      }
      return [...byId.values()];
    },

    /**
     * The ids of employees at these sites whose name, number or e-mail holds the text, leavers included, for a
     * module that searches its own records by the person they name (at most `limit`).
     */
    async employeeIdsMatching(sites: SiteScope, text: string, limit = 500, handle: Db = db) {
      const rows = await handle
        .selectFrom('employees')
        .select('id')
        .where((eb) => inScope(eb, 'site_id', sites))
        .where((eb) => matchesSearch(eb, 'employees', text))
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },

    /** The leave date of each of these employees (null: none recorded); an unknown id is left out. */
    async leaveDates(ids: readonly string[], handle: Db = db) {
      const unique = [...new Set(ids)];
      const rows = unique.length
        ? await handle
            .selectFrom('employees')
            .select(['id', 'leave_date'])
            .where('id', 'in', unique)
            .execute()
        : [];
      return new Map(rows.map((r) => [r.id, r.leave_date]));
    },

    /** Employees on the roll at these sites on a day: hired by then and not yet gone. */
    async employeesOnRoll(sites: SiteScope, on: string, handle: Db = db) {
      const row = await handle
        .selectFrom('employees')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('hire_date', '<=', on)
        .where((eb) => eb.or([eb('leave_date', 'is', null), eb('leave_date', '>', on)]))
        .where((eb) => inScope(eb, 'site_id', sites))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
