import { describe, expect, it } from 'vitest';
import {
  backfilledRecovery,
  classifications,
  daysAwayFromWork,
  daysLost,
  defaultRecovery,
  isDart,
  isDisabling,
  isHighConsequence,
  isRecordable,
  recoveryFits,
  recoveryOutcomes,
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
  });

  it('notify the authority within 8 hours: a death, three injured, or a hospitalisation', () => {
    expect(requiresAuthorityNotice({ fatalities: 1, injured: 0, hospitalised: 0 })).toBe(true);
    expect(requiresAuthorityNotice({ fatalities: 0, injured: 3, hospitalised: 0 })).toBe(true);
    expect(requiresAuthorityNotice({ fatalities: 0, injured: 2, hospitalised: 1 })).toBe(true);
    expect(requiresAuthorityNotice({ fatalities: 0, injured: 2, hospitalised: 0 })).toBe(false);
  });
});

/**
 * GRI 403-9 (2018), glossary: "high-consequence work-related injury: work-related injury that results in a
 * fatality or in an injury from which the worker cannot, does not, or is not expected to recover fully to
 * pre-injury health status within six months"; disclosure 403-9-a asks for fatalities (i) and high-consequence
 * injuries "excluding fatalities" (ii) apart.
 */
describe('GRI 403-9 high-consequence work-related injuries', () => {
  const recordable = classifications.filter((c) => c !== 'fatality' && c !== 'first_aid');

  it('counts an injury the worker is not expected to, or did not, recover from fully within six months', () => {
    for (const classification of recordable) {
      expect(isHighConsequence({ classification, recovery: 'not_expected_full_recovery' })).toBe(true);
      expect(isHighConsequence({ classification, recovery: 'not_recovered_within_six_months' })).toBe(true);
      expect(isHighConsequence({ classification, recovery: 'expected_full_recovery' })).toBe(false);
      expect(isHighConsequence({ classification, recovery: 'recovered_fully' })).toBe(false);
    }
  });

  it('reports fatalities apart, and never counts a first-aid case, whatever the recorded outcome', () => {
    for (const recovery of recoveryOutcomes) {
      expect(isHighConsequence({ classification: 'fatality', recovery })).toBe(false);
      expect(isHighConsequence({ classification: 'first_aid', recovery })).toBe(false);
    }
    expect(isRecordable('first_aid')).toBe(false);
  });

  it('takes no account of days counted up to today: a case still open is judged by its outcome', () => {
    // A medical-treatment case of years ago, without a return date (it had no lost time): not high-consequence.
    expect(
      isHighConsequence({ classification: 'medical_treatment', recovery: 'expected_full_recovery' }),
    ).toBe(false);
    // Its days "away" up to a late day would have been counted by the old rule.
    expect(daysAwayFromWork('2017-03-01', null, '2026-12-04')).toBeGreaterThan(182);
  });

  it('defaults to a full recovery expected, and to none for a permanent disability', () => {
    expect(defaultRecovery('temporary_total_disability')).toBe('expected_full_recovery');
    expect(defaultRecovery('medical_treatment')).toBe('expected_full_recovery');
    expect(defaultRecovery('first_aid')).toBe('expected_full_recovery');
    expect(defaultRecovery('permanent_partial_disability')).toBe('not_expected_full_recovery');
    expect(defaultRecovery('permanent_total_disability')).toBe('not_expected_full_recovery');
  });

  it('refuses outcomes that contradict the classification', () => {
    expect(recoveryFits('permanent_partial_disability', 'recovered_fully')).toBe(false);
    expect(recoveryFits('permanent_partial_disability', 'expected_full_recovery')).toBe(false);
    expect(recoveryFits('permanent_partial_disability', 'not_recovered_within_six_months')).toBe(true);
    expect(recoveryFits('first_aid', 'not_expected_full_recovery')).toBe(false);
    expect(recoveryFits('first_aid', 'recovered_fully')).toBe(true);
    expect(recoveryFits('temporary_total_disability', 'not_expected_full_recovery')).toBe(true);
  });

  it('gives injuries recorded before the outcome existed one from their days lost and return date', () => {
    const at = (classification: (typeof classifications)[number], returnDate: string | null) =>
      backfilledRecovery({ classification, injuryDate: '2022-01-10', returnDate });
    // 183 days between the injury and the return, neither counted: more than six months off.
    expect(at('temporary_total_disability', '2022-07-13')).toBe('not_recovered_within_six_months');
    // 182 days off: within six months.
    expect(at('temporary_total_disability', '2022-07-12')).toBe('expected_full_recovery');
    // Still off, no return recorded: today's date plays no part.
    expect(at('temporary_total_disability', null)).toBe('expected_full_recovery');
    expect(at('medical_treatment', null)).toBe('expected_full_recovery');
    expect(at('permanent_partial_disability', '2022-02-20')).toBe('not_expected_full_recovery');
    expect(at('permanent_total_disability', null)).toBe('not_expected_full_recovery');
    expect(at('first_aid', null)).toBe('expected_full_recovery');
    expect(at('fatality', null)).toBe('expected_full_recovery');
  });
});
