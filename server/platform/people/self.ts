import type { Db } from '../../db/types.ts';
import type { Actor } from '../access/actor.ts';

/** The person behind a signed-in user: the employee or contractor worker record the account belongs to. */
export type SelfPerson =
  | {
      kind: 'employee';
      id: string;
      siteId: string;
      fullName: string;
      department: string;
      hireDate: string;
      leaveDate: string | null;
    }
  | {
      kind: 'contractor_worker';
      id: string;
      siteId: string;
      /** The time zone of the worker's site, for the dates of their own records. */
      timeZone: string;
      fullName: string;
      companyName: string | null;
      trade: string | null;
    };

/**
 * The link between a user account and the person it belongs to (users.employee_id or
 * users.contractor_worker_id). Self-service pages (my reports, my training, my qualifications) start here;
 * what a person may see of their own records needs no role beyond signing in.
 */
export function createSelfService(db: Db) {
  return {
    /** The actor's own employee or contractor-worker record; null for a system actor or an unlinked account. */
    async personOf(actor: Actor): Promise<SelfPerson | null> {
      if (!actor.userId) return null;
      const row = await db
        .selectFrom('users as u')
        .leftJoin('employees as e', 'e.id', 'u.employee_id')
        .leftJoin('contractor_workers as w', 'w.id', 'u.contractor_worker_id')
        .leftJoin('contractor_companies as c', 'c.id', 'w.company_id')
        .leftJoin('sites as ws', 'ws.id', 'w.site_id')
        .select([
          'e.id as employee_id',
          'e.site_id as employee_site_id',
          'e.full_name as employee_name',
          'e.department',
          'e.hire_date',
          'e.leave_date',
          'w.id as worker_id',
          'w.site_id as worker_site_id',
          'w.full_name as worker_name',
          'w.trade',
          'c.name as company_name',
          'ws.time_zone as worker_time_zone',
        ])
        .where('u.id', '=', actor.userId)
        .executeTakeFirst();
      if (row?.employee_id && row.employee_site_id && row.employee_name && row.department && row.hire_date)
        return {
          kind: 'employee',
          id: row.employee_id,
          siteId: row.employee_site_id,
          fullName: row.employee_name,
          department: row.department,
          hireDate: row.hire_date,
          leaveDate: row.leave_date,
        };
      if (row?.worker_id && row.worker_site_id && row.worker_name && row.worker_time_zone)
        return {
          kind: 'contractor_worker',
          id: row.worker_id,
          siteId: row.worker_site_id,
          timeZone: row.worker_time_zone,
          fullName: row.worker_name,
          companyName: row.company_name,
          trade: row.trade,
        };
      return null;
    },
  };
}

export type SelfService = ReturnType<typeof createSelfService>;
