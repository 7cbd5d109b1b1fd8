import { describe, expect, it } from 'vitest';
import { mappingProblems, normaliseHeader, recordReader, suggestMapping } from './mapping.ts';

const columns = [
  { key: 'person_no', label: 'Person number', required: true, aliases: ['employee no', '工號'] },
  { key: 'course_code', label: 'Course code', required: true },
  { key: 'hours', label: 'Hours', required: false, aliases: ['時數'] },
];

describe('column mapping', () => {
  it('normalises header names', () => {
    expect(normaliseHeader(' Employee No. ')).toBe('employeeno');
    expect(normaliseHeader('course_code')).toBe('coursecode');
  });

  it('suggests the mapping from names and aliases in any language', () => {
    expect(suggestMapping(columns, ['工號', 'Course Code', '時數', 'Remarks'])).toEqual({
      person_no: '工號',
      course_code: 'Course Code',
      hours: '時數',
    });
    expect(suggestMapping(columns, ['x', 'y'])).toEqual({ person_no: null, course_code: null, hours: null });
  });

  it('matches a header that leaves out the note in brackets of a label', () => {
    const dated = [
      { key: 'started_on', label: 'Internship starts (YYYY-MM-DD)', required: true },
      { key: 'amount_twd', label: '金額（新臺幣）', required: true },
    ];
    expect(suggestMapping(dated, ['Internship starts', '金額'])).toEqual({
      started_on: 'Internship starts',
      amount_twd: '金額',
    });
    expect(suggestMapping(dated, ['Internship starts (YYYY-MM-DD)', 'Amount'])).toEqual({
      started_on: 'Internship starts (YYYY-MM-DD)',
      amount_twd: null,
    });
  });

  it('names every problem of a mapping', () => {
    expect(
      mappingProblems(columns, ['a', 'b'], { person_no: 'a', course_code: 'a', hours: 'zz', extra: 'b' }),
    ).toEqual([
      { column: 'course_code', message: 'Column "a" is already used for Person number' },
      { column: 'hours', message: 'The file has no column "zz"' },
      { column: 'extra', message: 'Unknown field extra' },
    ]);
    expect(mappingProblems(columns, ['a'], { person_no: 'a', course_code: null, hours: null })).toEqual([
      { column: 'course_code', message: 'Choose the column that holds Course code' },
    ]);
  });

  it('reads records through the mapping, trimming cells and leaving unmapped fields empty', () => {
    const read = recordReader(columns, ['Remarks', '工號', 'Course'], {
      person_no: '工號',
      course_code: 'Course',
      hours: null,
    });
    expect(read(['note', ' E001 ', 'IP-101'])).toEqual({
      person_no: 'E001',
      course_code: 'IP-101',
      hours: '',
    });
    expect(read(['only one cell'])).toEqual({ person_no: '', course_code: '', hours: '' });
  });
});
