import { describe, expect, it } from 'vitest';
import { defaultEffectiveDay, effectiveDayProblem, historyOf, statusOnDay } from './lifecycle.ts';

const base = { filingDate: '2019-03-04', publicationDate: '2020-09-04', grantDate: '2021-06-30' };

describe('the dated life of a matter', () => {
  it('follows from its dates: filed, published, granted', () => {
    expect(historyOf({ ...base, status: 'granted' }, '2026-12-04')).toEqual([
      { status: 'filed', effectiveOn: '2019-03-04' },
      { status: 'published', effectiveOn: '2020-09-04' },
      { status: 'granted', effectiveOn: '2021-06-30' },
    ]);
    // Filed and not yet published: its publication date is not part of its history.
    expect(historyOf({ ...base, status: 'filed', grantDate: null }, '2019-03-04')).toEqual([
      { status: 'filed', effectiveOn: '2019-03-04' },
    ]);
  });

  it('ends with a later status on the day it took effect', () => {
    // A patent lapsed for an unpaid annuity: granted first, lapsed on its day.
    expect(historyOf({ ...base, status: 'lapsed' }, '2024-07-01').slice(-2)).toEqual([
      { status: 'granted', effectiveOn: '2021-06-30' },
      { status: 'lapsed', effectiveOn: '2024-07-01' },
    ]);
    // Abandoned during examination: never granted, whatever date was typed.
    expect(historyOf({ ...base, status: 'abandoned' }, '2022-01-10').map((e) => e.status)).toEqual([
      'filed',
      'published',
      'abandoned',
    ]);
    expect(historyOf({ ...base, status: 'draft' }, '2019-03-04')).toEqual([
      { status: 'draft', effectiveOn: '2019-03-04' },
    ]);
  });

  it('takes a status on its own date when the user gives none', () => {
    expect(defaultEffectiveDay({ ...base, status: 'granted' }, '2026-12-04')).toBe('2021-06-30');
    expect(defaultEffectiveDay({ ...base, status: 'published' }, '2026-12-04')).toBe('2020-09-04');
    expect(defaultEffectiveDay({ ...base, status: 'under_examination' }, '2026-12-04')).toBe('2026-12-04');
  });

  it('refuses a day in the future or before the latest status', () => {
    expect(effectiveDayProblem('2026-12-05', '2021-06-30', '2026-12-04')).toMatch(/future/);
    expect(effectiveDayProblem('2021-06-29', '2021-06-30', '2026-12-04')).toMatch(/2021-06-30/);
    expect(effectiveDayProblem('2021-06-30', '2021-06-30', '2026-12-04')).toBeNull();
    // 29 February of a leap year is a day like any other.
    expect(effectiveDayProblem('2024-02-29', '2024-02-28', '2024-02-29')).toBeNull();
  });

  it('reads the status in force on a day, the last of a day winning', () => {
    const events = historyOf({ ...base, status: 'lapsed' }, '2024-01-31');
    expect(statusOnDay(events, '2019-03-03')).toBeNull();
    expect(statusOnDay(events, '2019-03-04')).toBe('filed');
    expect(statusOnDay(events, '2021-06-29')).toBe('published');
    expect(statusOnDay(events, '2024-01-30')).toBe('granted');
    // Lapsed on the day counted: no longer granted on that day.
    expect(statusOnDay(events, '2024-01-31')).toBe('lapsed');
  });
});
