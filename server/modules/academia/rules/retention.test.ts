import { describe, expect, it } from 'vitest';
import { dueForAnonymising, periodEnd, retentionCutoff, type StudentPeriod } from './retention.ts';

const period = (id: string, p: Partial<StudentPeriod>): StudentPeriod => ({
  id,
  fullName: `Student ${id}`,
  email: null,
  dateOfBirth: null,
  startedOn: '2012-07-01',
  endedOn: '2013-06-30',
  outcome: 'completed',
  ...p,
});

describe('retention of students’ personal data (PDPA art. 11 para. 3)', () => {
  it('counts the years back from today, 29 February falling to 28 February', () => {
    expect(retentionCutoff('2026-12-05', 10)).toBe('2016-12-05');
    expect(retentionCutoff('2028-02-29', 10)).toBe('2018-02-28');
    expect(retentionCutoff('2028-02-29', 4)).toBe('2024-02-29');
  });

  it('takes the end of a period, its start when it stopped undated, and nothing while it goes on', () => {
    expect(periodEnd({ startedOn: '2012-07-01', endedOn: '2013-06-30', outcome: 'completed' })).toBe(
      '2013-06-30',
    );
    expect(periodEnd({ startedOn: '2012-07-01', endedOn: null, outcome: 'withdrawn' })).toBe('2012-07-01');
    expect(periodEnd({ startedOn: '2012-07-01', endedOn: null, outcome: 'ongoing' })).toBeNull();
  });

  it('erases a student whose last period ended before the cutoff, and keeps one ending on it', () => {
    const rows = [period('old', { endedOn: '2016-12-04' }), period('edge', { endedOn: '2016-12-05' })];
    expect(dueForAnonymising(rows, '2016-12-05')).toEqual(['old']);
  });

  it('keeps an old period while the same student (e-mail, or name and birth date) has a recent one', () => {
    const rows = [
      period('a1', { email: 'Lin@Uni.edu.tw', endedOn: '2012-06-30' }),
      period('a2', { email: 'lin@uni.edu.tw', endedOn: '2022-06-30' }),
      period('b1', { fullName: 'Chen Yu', dateOfBirth: '2001-03-04', endedOn: '2012-06-30' }),
      period('b2', { fullName: ' chen yu', dateOfBirth: '2001-03-04', endedOn: null, outcome: 'ongoing' }),
      // c1 and c3 share nothing, but c2 shares the e-mail of one and the person of the other.
      period('c1', { email: 'c@x.tw', endedOn: '2010-01-01' }),
      period('c2', { email: 'c@x.tw', fullName: 'Wu Te', dateOfBirth: '2000-01-01', endedOn: '2011-01-01' }),
      period('c3', { fullName: 'Wu Te', dateOfBirth: '2000-01-01', endedOn: '2020-01-01' }),
      period('d', { fullName: 'Chen Yu', dateOfBirth: null, endedOn: '2012-06-30' }),
    ];
    expect(dueForAnonymising(rows, '2016-12-05')).toEqual(['d']);
  });
});
