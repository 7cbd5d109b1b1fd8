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
 * GRI 403-9 high-consequence work-related injury (fatalities excluded): one the worker cannot recover from,
 * or does not recover from fully within six months.
 */
export function isHighConsequence(i: InjuryFacts, asOf: string): boolean {
  if (i.classification === 'fatality') return false;
  if (
    i.classification === 'permanent_total_disability' ||
    i.classification === 'permanent_partial_disability'
  )
    return true;
  return daysAwayFromWork(i.injuryDate, i.returnDate, asOf) > 182;
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
