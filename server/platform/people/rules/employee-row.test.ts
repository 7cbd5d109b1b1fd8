import { describe, expect, it } from 'vitest';
import { checkEmployeeRow, repeatedNumber } from './employee-row.ts';

const FIELDS = [
  'employee_no',
  'full_name',
  'site_code',
  'department',
  'hire_date',
  'leave_date',
  'email',
  'job_title',
];
/** A record as the import pipeline hands it over: every field, blank when the file has no such cell. */
const record = (line: string) => {
  const cells = line.split(',');
  return Object.fromEntries(FIELDS.map((f, i) => [f, cells[i] ?? '']));
};

describe('checkEmployeeRow', () => {
  it('accepts good rows, with blank optional cells as null', () => {
    expect(
      checkEmployeeRow(record('K7-0001,Chen Wei-Ling,K7,Assembly,2015-03-02,,wl.chen@example.test,Operator')),
    ).toEqual({
      row: {
        employee_no: 'K7-0001',
        full_name: 'Chen Wei-Ling',
        site_code: 'K7',
        department: 'Assembly',
        hire_date: '2015-03-02',
        leave_date: null,
        email: 'wl.chen@example.test',
        job_title: 'Operator',
      },
      errors: [],
    });
    expect(
      checkEmployeeRow(record('K7-0002,Lin Chih-Hao,K7,Test,2017-07-17,2024-06-30,,')).row,
    ).toMatchObject({ leave_date: '2024-06-30', email: null, job_title: null });
  });

  it('accepts a record of the required fields only, and trims cells', () => {
    const { row, errors } = checkEmployeeRow({
      employee_no: 'TC-9',
      full_name: ' Kuo Po-Han ',
      site_code: ' TC ',
      department: 'Bumping',
      hire_date: '2020-01-06',
    });
    expect(errors).toEqual([]);
    expect(row).toMatchObject({ full_name: 'Kuo Po-Han', site_code: 'TC', leave_date: null });
  });

  it('keeps Chinese names intact', () => {
    expect(checkEmployeeRow(record('SZ-1,張偉,SZ,組裝,2017-05-08,,,')).row?.full_name).toBe('張偉');
  });

  it('names each bad cell: missing value, impossible date, wrong form, bad email, too long', () => {
    const cases: [string, string, string][] = [
      [',No Number,K7,X,2020-01-01,,,', 'employee_no', 'Required'],
      ['K7 1,Space In Number,K7,X,2020-01-01,,,', 'employee_no', 'Letters, digits and - only'],
      ['K7-3,Wrong Form,K7,X,01/02/2020,,,', 'hire_date', 'Use the form YYYY-MM-DD'],
      ['K7-4,Bad Mail,K7,X,2020-01-01,,not-an-email,', 'email', 'Not an email address'],
      [`K7-5,${'x'.repeat(201)},K7,X,2020-01-01,,,`, 'full_name', expect.any(String)],
      ['K7-6,Leap Day,K7,X,2023-02-29,,,', 'hire_date', 'Not a real calendar date'],
      ['K7-7,No Site,,X,2023-02-01,,,', 'site_code', 'Required'],
    ];
    for (const [line, column, message] of cases) {
      const { row, errors } = checkEmployeeRow(record(line));
      expect(row, line).toBeNull();
      expect(errors[0], line).toEqual({ column, message });
    }
  });

  it('accepts 29 February in a leap year', () => {
    expect(checkEmployeeRow(record('K7-1,Leap,K7,X,2024-02-29,,,')).errors).toEqual([]);
  });

  it('refuses a leave date before the hire date, and accepts one on the same day', () => {
    const { row, errors } = checkEmployeeRow(record('K7-1,A,K7,X,2020-05-01,2020-04-30,,'));
    expect(errors).toEqual([
      { column: 'leave_date', message: 'The leave date cannot be before the hire date' },
    ]);
    // The row is still read, so that the file's other checks (a repeated number) see it.
    expect(row?.employee_no).toBe('K7-1');
    expect(checkEmployeeRow(record('K7-1,A,K7,X,2020-05-01,2020-05-01,,')).errors).toEqual([]);
  });
});

describe('repeatedNumber', () => {
  it('names a number that appears twice, whatever its letter case, with the row of its first appearance', () => {
    const seen = new Map<string, number>();
    expect(repeatedNumber(seen, 'K7-A1', 2)).toBeNull();
    expect(repeatedNumber(seen, 'K7-B1', 3)).toBeNull();
    expect(repeatedNumber(seen, 'k7-a1', 4)).toEqual({
      column: 'employee_no',
      message: 'Employee number k7-a1 also appears on row 2',
    });
    // A third appearance still points at the first.
    expect(repeatedNumber(seen, 'K7-A1', 9)?.message).toBe('Employee number K7-A1 also appears on row 2');
  });
});
