import { z } from 'zod';
import { isoDate } from '#shared/platform/http/list.ts';

/** The rules of one employee row of an import: pure, no I/O, so every rule is unit-tested. */

export type EmployeeRowError = { column: string | null; message: string };

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

const employeeRow = z.object({
  employee_no: z
    .string()
    .trim()
    .min(1, 'Required')
    .max(32)
    .regex(/^[A-Za-z0-9-]+$/, 'Letters, digits and - only'),
  full_name: z.string().trim().min(1, 'Required').max(200),
  site_code: z.string().trim().min(1, 'Required').max(32),
  department: z.string().trim().min(1, 'Required').max(100),
  hire_date: isoDate,
  leave_date: z.preprocess(blankToNull, isoDate.nullable()).optional(),
  email: z
    .preprocess(blankToNull, z.string().trim().email('Not an email address').max(254).nullable())
    .optional(),
  job_title: z.preprocess(blankToNull, z.string().trim().max(100).nullable()).optional(),
});
export type EmployeeRow = {
  employee_no: string;
  full_name: string;
  site_code: string;
  department: string;
  hire_date: string;
  leave_date: string | null;
  email: string | null;
  job_title: string | null;
};

/**
 * A record of the file (field → cell text, blank for a column the file lacks) as an employee row, or the
 * reasons it is refused, each naming its column. A row whose cells are well formed but whose leave date
 * comes before its hire date is returned with that error, so that the file's other checks still see it.
 */
export function checkEmployeeRow(record: Record<string, string>): {
  row: EmployeeRow | null;
  errors: EmployeeRowError[];
} {
  const result = employeeRow.safeParse(record);
  if (!result.success)
    return {
      row: null,
      errors: result.error.issues.map((issue) => ({
        column: String(issue.path[0] ?? ''),
        message: issue.message,
      })),
    };
  const r = result.data;
  const row: EmployeeRow = {
    ...r,
    leave_date: r.leave_date ?? null,
    email: r.email ?? null,
    job_title: r.job_title ?? null,
  };
  if (row.leave_date && row.leave_date < row.hire_date)
    return {
      row,
      errors: [{ column: 'leave_date', message: 'The leave date cannot be before the hire date' }],
    };
  return { row, errors: [] };
}

/**
 * Remembers the row of each employee number of a file, whatever its letter case; for a number seen before,
 * the error naming the row of its first appearance.
 */
export function repeatedNumber(
  seen: Map<string, number>,
  employeeNo: string,
  rowNumber: number,
): EmployeeRowError | null {
  const key = employeeNo.toUpperCase();
  const first = seen.get(key);
  if (first === undefined) {
    seen.set(key, rowNumber);
    return null;
  }
  return { column: 'employee_no', message: `Employee number ${employeeNo} also appears on row ${first}` };
}
