import { describe, expect, it } from 'vitest';
import { type EmployeeForMatch, hireMatch, type InternForMatch, normaliseName } from './hire-match.ts';

const intern: InternForMatch = {
  fullName: '陳小明',
  email: 'xm.chen@nsysu.edu.example',
  dateOfBirth: '2001-04-05',
  startedOn: '2023-07-01',
};
const employee: EmployeeForMatch = {
  fullName: 'Someone Else',
  email: null,
  dateOfBirth: null,
  hireDate: '2024-08-01',
};

describe('normalised names', () => {
  it('folds full-width letters (NFKC), case and every space', () => {
    expect(normaliseName('ＣＨＥＮ  Ｘｉａｏ　Ｍｉｎｇ')).toBe('chenxiaoming');
    expect(normaliseName(' Chen Xiao\tMing ')).toBe('chenxiaoming');
  });

  it('compares Chinese names with or without spaces, and with an ideographic space', () => {
    expect(normaliseName('陳 小明')).toBe(normaliseName('陳小明'));
    expect(normaliseName('陳\u3000小明')).toBe('陳小明');
  });

  it('maps a CJK compatibility ideograph to its unified form', () => {
    // U+F9B5 (例, compatibility) is U+4F8B under NFKC.
    expect(normaliseName('\uF9B5')).toBe('\u4F8B');
  });
});

describe('hire match', () => {
  it('matches on the same e-mail, trimmed and without case', () => {
    expect(hireMatch(intern, { ...employee, email: '  XM.Chen@NSYSU.edu.example ' })).toEqual({
      match: true,
      reason: 'email',
    });
  });

  it('matches on the same name and date of birth, whatever the spacing and width', () => {
    expect(
      hireMatch(
        { ...intern, email: null, fullName: 'Ｃｈｅｎ　Xiao Ming' },
        { ...employee, fullName: 'chen xiaoming', dateOfBirth: '2001-04-05' },
      ),
    ).toEqual({ match: true, reason: 'name_and_birth_date' });
    expect(hireMatch(intern, { ...employee, fullName: '陳 小明', dateOfBirth: '2001-04-05' })).toEqual({
      match: true,
      reason: 'name_and_birth_date',
    });
  });

  it('never matches on a name alone', () => {
    expect(hireMatch(intern, { ...employee, fullName: '陳小明' })).toEqual({
      match: false,
      why: 'no_common_ground',
    });
    expect(hireMatch(intern, { ...employee, fullName: '陳小明', dateOfBirth: '2001-04-06' })).toEqual({
      match: false,
      why: 'no_common_ground',
    });
    expect(
      hireMatch(
        { ...intern, dateOfBirth: null },
        { ...employee, fullName: '陳小明', dateOfBirth: '2001-04-05' },
      ),
    ).toEqual({ match: false, why: 'no_common_ground' });
  });

  it('does not match on two blank e-mails', () => {
    expect(hireMatch({ ...intern, email: '  ' }, { ...employee, email: '' })).toEqual({
      match: false,
      why: 'no_common_ground',
    });
  });

  it('refuses a hire before the internship began, and accepts one on its first day', () => {
    const same = { ...employee, email: intern.email };
    expect(hireMatch(intern, { ...same, hireDate: '2023-06-30' })).toEqual({
      match: false,
      why: 'hired_before_internship',
    });
    expect(hireMatch(intern, { ...same, hireDate: '2023-07-01' })).toEqual({ match: true, reason: 'email' });
  });
});
