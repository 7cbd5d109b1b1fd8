import { describe, expect, it } from 'vitest';
import {
  daysAwayFromWork,
  daysLost,
  isDart,
  isDisabling,
  isHighConsequence,
  isRecordable,
  requiresAuthorityNotice,
} from './injury.ts';

const base = { injuryDate: '2022-03-01', returnDate: null, chargedDays: null } as const;

describe('lost days (Taiwan: calendar days, neither the day of injury nor the day of return)', () => {
  it('counts the calendar days in between, weekends included', () => {
    // Injured Tuesday 1 March, back Monday 7 March: 2,3,4,5,6 March = 5 days.
    expect(daysAwayFromWork('2022-03-01', '2022-03-07', '2022-12-31')).toBe(5);
    // Back the next day: nothing lost.
    expect(daysAwayFromWork('2022-03-01', '2022-03-02', '2022-12-31')).toBe(0);
    // Across a month end and a leap day: 28 Feb 2024 → 2 Mar 2024 = 29 Feb, 1 Mar.
    expect(daysAwayFromWork('2024-02-28', '2024-03-02', '2024-12-31')).toBe(2);
  });

  it('counts an absence still running up to the day of the report', () => {
    expect(daysAwayFromWork('2022-12-20', null, '2022-12-31')).toBe(11);
  });

  it('charges 6,000 days for a death or a permanent total disability', () => {
    expect(daysLost({ ...base, classification: 'fatality' }, '2022-12-31')).toBe(6000);
    expect(daysLost({ ...base, classification: 'permanent_total_disability' }, '2022-12-31')).toBe(6000);
  });

  it('charges a permanent partial disability by its table days, or the absence if longer', () => {
    expect(
      daysLost(
        {
          ...base,
          classification: 'permanent_partial_disability',
          chargedDays: 300,
          returnDate: '2022-04-01',
        },
        '2022-12-31',
      ),
    ).toBe(300);
    expect(
      daysLost(
        {
          ...base,
          classification: 'permanent_partial_disability',
          chargedDays: 100,
          returnDate: '2022-08-01',
        },
        '2022-12-31',
      ),
    ).toBe(152);
  });

  it('charges the days of a long absence to the year of the injury', () => {
    // Injured 20 December 2022, back 10 January 2023: 20 days, all charged to 2022.
    expect(
      daysLost(
        {
          ...base,
          injuryDate: '2022-12-20',
          returnDate: '2023-01-10',
          classification: 'temporary_total_disability',
        },
        '2023-06-30',
      ),
    ).toBe(20);
  });

  it('charges nothing for medical treatment or first aid', () => {
    expect(
      daysLost({ ...base, classification: 'medical_treatment', returnDate: '2022-03-05' }, '2022-12-31'),
    ).toBe(0);
  });
});

describe('classification', () => {
  it('disabling: death, permanent disability or a full day lost', () => {
    expect(
      isDisabling(
        { ...base, classification: 'temporary_total_disability', returnDate: '2022-03-02' },
        '2022-12-31',
      ),
    ).toBe(false);
    expect(
      isDisabling(
        { ...base, classification: 'temporary_total_disability', returnDate: '2022-03-03' },
        '2022-12-31',
      ),
    ).toBe(true);
    expect(isDisabling({ ...base, classification: 'medical_treatment' }, '2022-12-31')).toBe(false);
    expect(isDisabling({ ...base, classification: 'fatality' }, '2022-12-31')).toBe(true);
  });

  it('recordable, DART and high-consequence', () => {
    expect(isRecordable('first_aid')).toBe(false);
    expect(isRecordable('medical_treatment')).toBe(true);
    expect(isDart({ ...base, classification: 'medical_treatment', restrictedDays: 3 }, '2022-12-31')).toBe(
      true,
    );
    expect(isDart({ ...base, classification: 'medical_treatment', restrictedDays: 0 }, '2022-12-31')).toBe(
      false,
    );
    expect(isHighConsequence({ ...base, classification: 'fatality' }, '2022-12-31')).toBe(false);
    expect(
      isHighConsequence(
        { ...base, classification: 'temporary_total_disability', returnDate: '2022-09-15' },
        '2022-12-31',
      ),
    ).toBe(true);
    expect(
      isHighConsequence(
        { ...base, classification: 'temporary_total_disability', returnDate: '2022-06-01' },
        '2022-12-31',
      ),
    ).toBe(false);
  });

  it('notify the authority within 8 hours: a death, three injured, or a hospitalisation', () => {
    expect(requiresAuthorityNotice({ fatalities: 1, injured: 0, hospitalised: 0 })).toBe(true);
    expect(requiresAuthorityNotice({ fatalities: 0, injured: 3, hospitalised: 0 })).toBe(true);
    expect(requiresAuthorityNotice({ fatalities: 0, injured: 2, hospitalised: 1 })).toBe(true);
    expect(requiresAuthorityNotice({ fatalities: 0, injured: 2, hospitalised: 0 })).toBe(false);
  });
});
