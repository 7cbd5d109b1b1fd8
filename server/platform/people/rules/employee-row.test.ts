import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEmployeeCsv } from './employee-import.ts';

const HEADER = 'employee_no,full_name,site_code,department,hire_date,leave_date,email,job_title';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('parseEmployeeCsv', () => {
  it('parses good rows, with blank optional cells as null', () => {
    const parsed = parseEmployeeCsv(
      csv(
        'K7-0001,Chen Wei-Ling,K7,Assembly,2015-03-02,,wl.chen@example.test,Operator',
        'K7-0002,Lin Chih-Hao,K7,Test,2017-07-17,2024-06-30,,',
      ),
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toEqual([
      {
        employee_no: 'K7-0001',
        full_name: 'Chen Wei-Ling',
        site_code: 'K7',
        department: 'Assembly',
        hire_date: '2015-03-02',
        leave_date: null,
        email: 'wl.chen@example.test',
        job_title: 'Operator',
      },
      {
        employee_no: 'K7-0002',
        full_name: 'Lin Chih-Hao',
        site_code: 'K7',
        department: 'Test',
        hire_date: '2017-07-17',
        leave_date: '2024-06-30',
        email: null,
        job_title: null,
      },
    ]);
  });

  it('accepts only the required columns, in any order and letter case, and trims cells', () => {
    const parsed = parseEmployeeCsv(
      ' Hire_Date ,SITE_CODE,employee_no,full_name,department\n2020-01-06, TC ,TC-9, Kuo Po-Han ,Bumping\n',
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({
      employee_no: 'TC-9',
      full_name: 'Kuo Po-Han',
      site_code: 'TC',
      hire_date: '2020-01-06',
    });
  });

  it('reads quoted cells with commas, quotes and line breaks, a byte-order mark and CRLF line ends', () => {
    const text = `\uFEFF${HEADER}\r\nPG-1,"Ng, Wei ""Jay"" Jie",PG,"Test
Lab",2019-03-11,,,\r\n`;
    const parsed = parseEmployeeCsv(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({ full_name: 'Ng, Wei "Jay" Jie', department: 'Test\nLab' });
  });

  it('keeps Chinese names intact', () => {
    const parsed = parseEmployeeCsv(csv('SZ-1,張偉,SZ,組裝,2017-05-08,,,'));
    expect(parsed.rows[0].full_name).toBe('張偉');
  });

  it('numbers rows as a spreadsheet does: the header is row 1', () => {
    const parsed = parseEmployeeCsv(
      csv('K7-1,A,K7,X,2020-01-01,,,', 'K7-2,B,K7,X,2020-02-30,,,', 'K7-3,C,K7,X,2020-01-01,,,'),
    );
    expect(parsed.errors).toEqual([{ row: 3, column: 'hire_date', message: 'Not a real calendar date' }]);
  });

  it('names each bad cell: missing value, impossible date, wrong form, bad email, too long', () => {
    const parsed = parseEmployeeCsv(
      csv(
        ',No Number,K7,X,2020-01-01,,,',
        'K7 1,Space In Number,K7,X,2020-01-01,,,',
        'K7-3,Wrong Form,K7,X,01/02/2020,,,',
        'K7-4,Bad Mail,K7,X,2020-01-01,,not-an-email,',
        `K7-5,${'x'.repeat(201)},K7,X,2020-01-01,,,`,
        'K7-6,Leap Day,K7,X,2023-02-29,,,',
      ),
    );
    const cells = [...new Set(parsed.errors.map((e) => `${e.row}:${e.column}`))].map((c) => {
      const [row, column] = c.split(':');
      return [Number(row), column];
    });
    expect(cells).toEqual([
      [2, 'employee_no'],
      [3, 'employee_no'],
      [4, 'hire_date'],
      [5, 'email'],
      [6, 'full_name'],
      [7, 'hire_date'],
    ]);
    expect(parsed.errors.find((e) => e.row === 2)?.message).toBe('Required');
    expect(parsed.errors.find((e) => e.row === 4)?.message).toBe('Use the form YYYY-MM-DD');
    expect(parsed.errors.find((e) => e.row === 7)?.message).toBe('Not a real calendar date');
    expect(parsed.rows.map((r) => r.employee_no)).toEqual([]);
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseEmployeeCsv(csv('K7-1,Leap,K7,X,2024-02-29,,,')).errors).toEqual([]);
  });

  it('refuses a leave date before the hire date', () => {
    const parsed = parseEmployeeCsv(csv('K7-1,A,K7,X,2020-05-01,2020-04-30,,'));
    expect(parsed.errors).toEqual([
      { row: 2, column: 'leave_date', message: 'The leave date cannot be before the hire date' },
    ]);
    expect(parseEmployeeCsv(csv('K7-1,A,K7,X,2020-05-01,2020-05-01,,')).errors).toEqual([]);
  });

  it('names a number that appears twice, whatever its letter case, with the row of its first appearance', () => {
    const parsed = parseEmployeeCsv(
      csv('K7-A1,A,K7,X,2020-01-01,,,', 'K7-B1,B,K7,X,2020-01-01,,,', 'k7-a1,C,K7,X,2020-01-01,,,'),
    );
    expect(parsed.errors).toEqual([
      { row: 4, column: 'employee_no', message: 'Employee number k7-a1 also appears on row 2' },
    ]);
  });

  it('refuses missing and unknown columns before reading any row', () => {
    const missing = parseEmployeeCsv('employee_no,full_name\nK7-1,A\n');
    expect(missing.rows).toEqual([]);
    expect(missing.errors).toEqual([
      { row: 1, column: null, message: 'Missing column(s): site_code, department, hire_date' },
    ]);
    const unknown = parseEmployeeCsv(`${HEADER},salary\nK7-1,A,K7,X,2020-01-01,,,,100\n`);
    expect(unknown.errors[0]).toMatchObject({
      row: 1,
      column: null,
      message: expect.stringContaining('Unknown column(s): salary'),
    });
  });

  it('refuses a file that is not CSV or has no data rows', () => {
    expect(parseEmployeeCsv(`${HEADER}\n"unterminated,K7\n`).errors[0].message).toMatch(
      /^The file is not valid CSV/,
    );
    expect(parseEmployeeCsv(`${HEADER}\nK7-1,A,K7\n`).errors[0].message).toMatch(
      /^The file is not valid CSV/,
    );
    expect(parseEmployeeCsv(HEADER).errors).toEqual([
      { row: 1, column: null, message: 'The file has no data rows.' },
    ]);
    expect(parseEmployeeCsv('').errors[0].row).toBe(1);
  });

  it('skips empty lines', () => {
    const parsed = parseEmployeeCsv(`${HEADER}\n\nK7-1,A,K7,X,2020-01-01,,,\n\n`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(1);
  });

  it('returns the SHA-256 of the file, which identifies the import in the audit log', () => {
    const text = csv('K7-1,A,K7,X,2020-01-01,,,');
    expect(parseEmployeeCsv(text).checksum).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('parses a file of ten thousand rows', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `K7-${i},Person ${i},K7,Assembly,2020-01-01,,,`);
    const parsed = parseEmployeeCsv(csv(...rows));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(10_000);
  });
});
