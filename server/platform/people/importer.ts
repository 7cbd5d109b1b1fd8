import { type SiteScope, sitesWith } from '../access/actor.ts';
import { access } from '../access/service.ts';
import { platformMessage } from '../i18n/platform-messages.ts';
import type { Importer } from '../imports/importer.ts';
import * as repo from './repo.ts';
import { checkEmployeeRow, type EmployeeRowError, repeatedNumber } from './rules/employee-row.ts';

type Context = {
  siteIds: Map<string, string>;
  /** Sites where the actor manages people. */
  manage: SiteScope;
  /** Row of the first appearance of each employee number of the file. */
  seen: Map<string, number>;
  /** Codes of the sites the file's rows are at. */
  sites: Set<string>;
  created: number;
  updated: number;
};

/**
 * Employees from a spreadsheet, all or nothing: every row at a site where the actor manages people; an
 * existing employee number updates that employee (a new version), if the employee is at such a site too.
 */
export const employeesImporter: Importer<repo.EmployeeUpsert, Context> = {
  kind: 'employees',
  name: platformMessage('platform.importKind.employees'),
  permission: 'people.manage',
  columns: [
    {
      key: 'employee_no',
      label: 'Employee number',
      required: true,
      aliases: ['employee number', 'emp no', 'staff no', '工號', '員工編號', '員工代號'],
    },
    { key: 'full_name', label: 'Full name', required: true, aliases: ['name', '姓名', '員工姓名'] },
    { key: 'site_code', label: 'Site code', required: true, aliases: ['site', '廠區', '廠區代碼'] },
    { key: 'department', label: 'Department', required: true, aliases: ['dept', '部門'] },
    {
      key: 'hire_date',
      label: 'Hire date',
      required: true,
      aliases: ['hired on', '到職日', '到職日期', '入職日期'],
    },
    { key: 'leave_date', label: 'Leave date', required: false, aliases: ['left on', '離職日', '離職日期'] },
    {
      key: 'email',
      label: 'Email',
      required: false,
      aliases: ['e-mail', 'email address', '電子郵件', '電子信箱'],
    },
    { key: 'job_title', label: 'Job title', required: false, aliases: ['title', '職稱'] },
  ],

  async prepare(db, actor) {
    return {
      siteIds: await repo.siteIdsByCode(db),
      manage: sitesWith(actor, 'people.manage'),
      seen: new Map(),
      sites: new Set(),
      created: 0,
      updated: 0,
    };
  },

  check(record, context, actor, rowNumber) {
    const { row, errors } = checkEmployeeRow(record);
    if (!row) return { errors };
    const all: EmployeeRowError[] = [...errors];
    const repeated = repeatedNumber(context.seen, row.employee_no, rowNumber);
    if (repeated) all.push(repeated);
    const siteId = context.siteIds.get(row.site_code);
    // A site the actor cannot see is unknown to them (its existence is not revealed).
    if (!siteId || !access.can(actor, 'org.read', siteId))
      all.push({ column: 'site_code', message: `Unknown site ${row.site_code}` });
    else if (!access.can(actor, 'people.manage', siteId))
      all.push({ column: 'site_code', message: `You cannot manage people at ${row.site_code}` });
    if (all.length || !siteId) return { errors: all };
    context.sites.add(row.site_code);
    return {
      row: {
        siteId,
        employeeNo: row.employee_no,
        fullName: row.full_name,
        department: row.department,
        hireDate: row.hire_date,
        leaveDate: row.leave_date,
        email: row.email,
        jobTitle: row.job_title,
      },
    };
  },

  /** An existing employee of a site the actor cannot manage is not moved or changed by the file. */
  async checkBatch(db, rows, context) {
    const outside = new Set(
      await repo.employeeNumbersOutside(
        db,
        rows.map((r) => r.row.employeeNo),
        context.manage,
      ),
    );
    return rows
      .filter((r) => outside.has(r.row.employeeNo))
      .map((r) => ({
        row: r.rowNumber,
        column: 'employee_no',
        message: `Employee ${r.row.employeeNo} belongs to a site you cannot manage`,
      }));
  },

  async insert(trx, rows, context, meta) {
    const { created, written } = await repo.upsertEmployees(trx, rows, meta.actorId, context.manage);
    // The batch's check ran in this transaction; an employee moved since by someone else stops the import.
    if (written !== rows.length)
      throw new Error('an employee of the file was moved to a site you cannot manage while it was imported');
    context.created += created;
    context.updated += written - created;
    return created;
  },

  auditDetails(context) {
    return { created: context.created, updated: context.updated, sites: [...context.sites].sort() };
  },
};
