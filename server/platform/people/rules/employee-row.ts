import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { isoDate } from '../http/list.ts';
import { employeeCsvColumns } from './contract.ts';

/** Pure parsing and validation of an employee CSV: no I/O, so every rule is unit-tested. */

export type ImportRowError = { row: number; column: string | null; message: string };

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

const csvRow = z.object({
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
export type EmployeeCsvRow = z.infer<typeof csvRow>;

/** `rowNumbers[i]` is the file row of `rows[i]` (rows with errors are left out of `rows`). */
export type ParsedEmployees = {
  rows: EmployeeCsvRow[];
  rowNumbers: number[];
  errors: ImportRowError[];
  checksum: string;
};

const REQUIRED = ['employee_no', 'full_name', 'site_code', 'department', 'hire_date'];

/** Row numbers count the header as row 1, as a spreadsheet shows them. */
export function parseEmployeeCsv(text: string): ParsedEmployees {
  const checksum = createHash('sha256').update(text).digest('hex');
  const errors: ImportRowError[] = [];
  let records: Record<string, string>[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      relax_column_count: false,
    });
  } catch (error) {
    const e = error as { lines?: number; message: string };
    return {
      rows: [],
      rowNumbers: [],
      errors: [{ row: e.lines ?? 0, column: null, message: `The file is not valid CSV: ${e.message}` }],
      checksum,
    };
  }
  if (records.length === 0)
    return {
      rows: [],
      rowNumbers: [],
      errors: [{ row: 1, column: null, message: 'The file has no data rows.' }],
      checksum,
    };
  const header = Object.keys(records[0]);
  const missing = REQUIRED.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !(employeeCsvColumns as readonly string[]).includes(c));
  if (missing.length)
    errors.push({ row: 1, column: null, message: `Missing column(s): ${missing.join(', ')}` });
  if (unknown.length)
    errors.push({
      row: 1,
      column: null,
      message: `Unknown column(s): ${unknown.join(', ')}. Expected: ${employeeCsvColumns.join(', ')}`,
    });
  if (errors.length) return { rows: [], rowNumbers: [], errors, checksum };

  const rows: EmployeeCsvRow[] = [];
  const rowNumbers: number[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const rowNumber = index + 2;
    const result = csvRow.safeParse(record);
    if (!result.success) {
      for (const issue of result.error.issues)
        errors.push({ row: rowNumber, column: String(issue.path[0] ?? ''), message: issue.message });
      return;
    }
    const r = result.data;
    if (r.leave_date && r.leave_date < r.hire_date)
      errors.push({
        row: rowNumber,
        column: 'leave_date',
        message: 'The leave date cannot be before the hire date',
      });
    const first = seen.get(r.employee_no.toUpperCase());
    if (first)
      errors.push({
        row: rowNumber,
        column: 'employee_no',
        message: `Employee number ${r.employee_no} also appears on row ${first}`,
      });
    else seen.set(r.employee_no.toUpperCase(), rowNumber);
    rows.push(r);
    rowNumbers.push(rowNumber);
  });
  return { rows, rowNumbers, errors, checksum };
}
