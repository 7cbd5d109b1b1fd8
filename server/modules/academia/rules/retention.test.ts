import { describe, expect, it } from 'vitest';
import {
  dueForAnonymising,
  periodEnd,
  retentionCutoff,
  type StudentPeriod,
  scholarshipsDueForAnonymising,
} from './retention.ts';

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

describe('retention of scholarship recipients’ names', () => {
  // A run on 2026-06-15 keeping ten years: the cutoff is 2016-06-15.
  const cutoff = retentionCutoff('2026-06-15', 10);
  it('erases a name once the award and its last payment are both older than the cutoff', () => {
    expect(
      scholarshipsDueForAnonymising(
        [
          { id: 'paid-out-2015', awardedOn: '2013-09-01', lastPaidOn: '2015-06-30' },
          { id: 'never-paid', awardedOn: '2014-09-01', lastPaidOn: null },
          { id: 'paid-until-2017', awardedOn: '2014-09-01', lastPaidOn: '2017-01-10' },
          { id: 'awarded-2020', awardedOn: '2020-09-01', lastPaidOn: null },
        ],
        cutoff,
      ),
    ).toEqual(['paid-out-2015', 'never-paid']);
  });
  it('keeps an award whose last day is the cutoff itself, and erases the one the day before', () => {
    expect(
      scholarshipsDueForAnonymising(
        [
          { id: 'on-the-cutoff', awardedOn: '2012-09-01', lastPaidOn: '2016-06-15' },
          { id: 'day-before', awardedOn: '2012-09-01', lastPaidOn: '2016-06-14' },
        ],
        cutoff,
      ),
    ).toEqual(['day-before']);
  });
  it('counts from the award day when a payment is recorded before it', () => {
    expect(
      scholarshipsDueForAnonymising(
        [{ id: 'advance', awardedOn: '2016-07-01', lastPaidOn: '2016-05-01' }],
        cutoff,
      ),
    ).toEqual([]);
  });
});
