import { daysBetween } from '../../../platform/obligations/rules/reminders.ts';

/** Pure rules of injury classification and lost-day counting (Taiwan's disabling injury statistics). */

export const classifications = [
  'fatality',
  'permanent_total_disability',
  'permanent_partial_disability',
  'temporary_total_disability',
  'medical_treatment',
  'first_aid',
] as const;
export type Classification = (typeof classifications)[number];

/** Days charged for a death or a permanent total disability. */
export const DEATH_OR_PTD_DAYS = 6000;

/**
 * Default charged days for permanent partial disabilities (loss or loss of use), after the ANSI Z16.1 scale
 * that Taiwan's CNS 1467 follows. Sites may configure their own table; the user picks an entry or enters days.
 */
export const defaultChargedDaysTable: { key: string; en: string; zh: string; days: number }[] = [
  { key: 'arm_above_elbow', en: 'Arm, above the elbow', zh: '上臂（肘以上）', days: 4500 },
  { key: 'arm_below_elbow', en: 'Arm, at or below the elbow', zh: '前臂（肘或肘以下）', days: 3600 },
  { key: 'hand_at_wrist', en: 'Hand, at the wrist', zh: '手（腕部）', days: 3000 },
  { key: 'thumb', en: 'Thumb (whole)', zh: '拇指', days: 600 },
  { key: 'index_finger', en: 'Index finger (whole)', zh: '食指', days: 300 },
  { key: 'middle_finger', en: 'Middle finger (whole)', zh: '中指', days: 200 },
  { key: 'ring_finger', en: 'Ring finger (whole)', zh: '無名指', days: 150 },
  { key: 'little_finger', en: 'Little finger (whole)', zh: '小指', days: 100 },
  { key: 'leg_above_knee', en: 'Leg, above the knee', zh: '大腿（膝以上）', days: 4500 },
  { key: 'leg_below_knee', en: 'Leg, at or below the knee', zh: '小腿（膝或膝以下）', days: 3000 },
  { key: 'foot_at_ankle', en: 'Foot, at the ankle', zh: '足（踝部）', days: 2400 },
  { key: 'great_toe', en: 'Great toe (whole)', zh: '大趾', days: 300 },
  { key: 'other_toe', en: 'Any other toe (whole)', zh: '其他趾', days: 150 },
  { key: 'one_eye', en: 'Sight of one eye', zh: '一眼失明', days: 1800 },
  { key: 'both_eyes', en: 'Sight of both eyes', zh: '兩眼失明', days: 6000 },
  { key: 'hearing_one_ear', en: 'Hearing of one ear', zh: '一耳失聰', days: 600 },
  { key: 'hearing_both_ears', en: 'Hearing of both ears', zh: '兩耳失聰', days: 3000 },
];

/**
 * Calendar days lost to a temporary total disability: the days between the injury and the return to work,
 * counting neither the day of the injury nor the day of return. Still off work: counted up to `asOf`
 * (inclusive, as those days are lost already).
 */
export function daysAwayFromWork(injuryDate: string, returnDate: string | null, asOf: string): number {
  if (returnDate !== null) return Math.max(0, daysBetween(injuryDate, returnDate) - 1);
  return Math.max(0, daysBetween(injuryDate, asOf));
}

export type InjuryFacts = {
  classification: Classification;
  injuryDate: string;
  returnDate: string | null;
  /** Days charged for a permanent partial disability (from the table or entered). */
  chargedDays: number | null;
};

/** Days lost charged to the injury (to the year of the injury, whatever day the absence ends). */
export function daysLost(i: InjuryFacts, asOf: string): number {
  switch (i.classification) {
    case 'fatality':
    case 'permanent_total_disability':
      return DEATH_OR_PTD_DAYS;
    case 'permanent_partial_disability':
      return Math.max(i.chargedDays ?? 0, daysAwayFromWork(i.injuryDate, i.returnDate, asOf));
    case 'temporary_total_disability':
      return daysAwayFromWork(i.injuryDate, i.returnDate, asOf);
    default:
      return 0;
  }
}

/** A disabling injury (counted in FR): death, permanent disability, or at least one full day lost. */
export function isDisabling(i: InjuryFacts, asOf: string): boolean {
  if (
    i.classification === 'fatality' ||
    i.classification === 'permanent_total_disability' ||
    i.classification === 'permanent_partial_disability'
  )
    return true;
  return i.classification === 'temporary_total_disability' && daysLost(i, asOf) >= 1;
}

/** OSHA recordable: beyond first aid. */
export function isRecordable(c: Classification): boolean {
  return c !== 'first_aid';
}

/** OSHA lost time: days away from work (or worse). */
export function isLostTime(i: InjuryFacts, asOf: string): boolean {
  return (
    i.classification === 'fatality' ||
    i.classification === 'permanent_total_disability' ||
    i.classification === 'permanent_partial_disability' ||
    (i.classification === 'temporary_total_disability' && daysLost(i, asOf) >= 1)
  );
}

/** OSHA DART: days away, restricted work or job transfer. */
export function isDart(i: InjuryFacts & { restrictedDays: number }, asOf: string): boolean {
  return isLostTime(i, asOf) || i.restrictedDays > 0;
}

/**
 * How the injured worker recovers (GRI 403-9): the outcome recorded on the injury, kept up to date by the site.
 * A new injury is expected to recover fully within six months until someone records otherwise.
 */
export const recoveryOutcomes = [
  'expected_full_recovery',
  'not_expected_full_recovery',
  'recovered_fully',
  'not_recovered_within_six_months',
] as const;
export type RecoveryOutcome = (typeof recoveryOutcomes)[number];
export const DEFAULT_RECOVERY: RecoveryOutcome = 'expected_full_recovery';

/** Days off work beyond which an injury is taken as not recovered within six months (183 days and more). */
export const SIX_MONTHS_DAYS = 182;

/**
 * GRI 403-9 (2018), disclosure 403-9 and its glossary: a high-consequence work-related injury is a "work-related
 * injury that results in a fatality or in an injury from which the worker cannot, does not, or is not expected
 * to recover fully to pre-injury health status within six months", and fatalities are reported apart (403-9-a-i),
 * so they are not counted here. It is decided from the recorded recovery outcome alone, never from the days
 * counted up to today: days lost are only a proxy. A first-aid case is not recordable, so never high-consequence.
 */
export function isHighConsequence(i: { classification: Classification; recovery: RecoveryOutcome }): boolean {
  if (i.classification === 'fatality' || !isRecordable(i.classification)) return false;
  return i.recovery === 'not_expected_full_recovery' || i.recovery === 'not_recovered_within_six_months';
}

/** Permanent disabilities are, by definition, not a full recovery. */
export function isPermanentDisability(c: Classification): boolean {
  return c === 'permanent_total_disability' || c === 'permanent_partial_disability';
}

/**
 * Whether a recovery outcome fits the classification: a permanent disability is never a full recovery, and
 * a first-aid case (treated on the spot) or a fatality has none but the default.
 */
export function recoveryFits(c: Classification, recovery: RecoveryOutcome): boolean {
  if (isPermanentDisability(c))
    return recovery === 'not_expected_full_recovery' || recovery === 'not_recovered_within_six_months';
  if (c === 'first_aid' || c === 'fatality')
    return recovery === DEFAULT_RECOVERY || recovery === 'recovered_fully';
  return true;
}

/** The outcome a new injury of this classification gets when none is entered. */
export function defaultRecovery(c: Classification): RecoveryOutcome {
  return isPermanentDisability(c) ? 'not_expected_full_recovery' : DEFAULT_RECOVERY;
}

/**
 * The outcome of an injury recorded before the outcome existed, from what was recorded then (migration 0014):
 * a permanent disability is not a full recovery; more than six months off with a return date did not recover
 * within six months; anything else gets the default. Today's date plays no part.
 */
export function backfilledRecovery(i: {
  classification: Classification;
  injuryDate: string;
  returnDate: string | null;
}): RecoveryOutcome {
  if (i.classification === 'fatality' || i.classification === 'first_aid') return DEFAULT_RECOVERY;
  if (isPermanentDisability(i.classification)) return 'not_expected_full_recovery';
  if (i.returnDate !== null && daysAwayFromWork(i.injuryDate, i.returnDate, i.returnDate) > SIX_MONTHS_DAYS)
    return 'not_recovered_within_six_months';
  return DEFAULT_RECOVERY;
}

/**
 * Whether an event must be notified to the labour authority within 8 hours (Taiwan OSH Act art. 37): a
 * death, three or more people injured, or one person hospitalised.
 */
export function requiresAuthorityNotice(e: {
  fatalities: number;
  injured: number;
  hospitalised: number;
}): boolean {
  return e.fatalities > 0 || e.injured >= 3 || e.hospitalised > 0;
}

export const AUTHORITY_NOTICE_HOURS = 8;
