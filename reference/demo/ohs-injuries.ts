import {
  defaultChargedDaysTable,
  type RecoveryOutcome,
  SIX_MONTHS_DAYS,
} from '#shared/modules/ohs/rules/injury.ts';
import { isoDate } from './clock.ts';
import { type Context, type Person, pickWorking, type SiteInfo } from './ohs-context.ts';
import type { OhsInjuryRow } from './ohs-rows.ts';
import { BODY_PARTS_ZH, SCENARIOS, type Scenario, TREATMENTS_ZH } from './ohs-text.ts';
import type { Random } from './random.ts';

// The injuries of the incidents: who was hurt, where, how badly, and how they recovered.

export type Classification = OhsInjuryRow['classification'];
export type InjuryDraft = Omit<
  OhsInjuryRow,
  'id' | 'incident_id' | 'site_id' | 'injury_date' | 'created_at' | 'updated_at'
>;

const SIDES = ['left', 'right'];
const LIMBS = new Set([
  'finger',
  'hand',
  'arm',
  'wrist',
  'elbow',
  'shoulder',
  'leg',
  'knee',
  'ankle',
  'foot',
  'eye',
  'ear',
  'hip',
]);
export const describePart = (rng: Random, part: string) =>
  LIMBS.has(part) ? `${rng.pick(SIDES)} ${part}` : part;
/** 'left finger' → 左手指. */
export const partZh = (described: string) =>
  described
    .split(' ')
    .map((w) => BODY_PARTS_ZH[w] ?? w)
    .join('');
/** A treatment in Traditional Chinese: a scenario's own, or one the generator writes. */
export const TREATMENT_ZH = new Map<string, string>([
  ...Object.entries(TREATMENTS_ZH),
  ...SCENARIOS.flatMap((sc) => [
    [sc.firstAid, sc.firstAidZh] as [string, string],
    ...sc.treatment.map((t, i) => [t, sc.treatmentZh[i]] as [string, string]),
  ]),
]);
const FINGER_KEYS = [
  ['little_finger', 3],
  ['ring_finger', 3],
  ['middle_finger', 3],
  ['index_finger', 4],
  ['thumb', 1],
] as const;

export function injured(
  rng: Random,
  s: SiteInfo,
  day: number,
  contractorShare: number,
): { person: Person; type: 'employee' | 'contractor_worker' } | null {
  if (rng.chance(contractorShare)) {
    const w = pickWorking(rng, s.workers, day);
    if (w) return { person: w, type: 'contractor_worker' };
  }
  const e = pickWorking(rng, s.employees, day);
  if (e) return { person: e, type: 'employee' };
  // A tiny site at a small scale may have nobody on its books that day: its longest-serving employee.
  const earliest = [...s.employees].sort((a, b) => a.from - b.from)[0];
  return earliest ? { person: earliest, type: 'employee' } : null;
}

export function recordableInjury(
  rng: Random,
  ctx: Context,
  scenario: Scenario,
  day: number,
): Omit<InjuryDraft, 'person_type' | 'person_id'> {
  const part = rng.weighted(scenario.parts);
  const cls = rng.weighted([
    ['medical_treatment', scenario.classes[0]],
    ['temporary_total_disability', scenario.classes[1]],
    ['permanent_partial_disability', scenario.classes[2]],
  ] as const);
  return injuryFacts(rng, ctx, scenario, part, cls, day);
}

/**
 * The GRI 403-9 recovery outcome the site would have recorded: a finger lost is not a full recovery; more than
 * six months off did not (or, still off, is not expected to) recover within six months; everyone else
 * recovered fully once back at work (a month after a medical-treatment case), or is expected to.
 * Deterministic, drawing nothing, so that the rest of the history stays the same.
 */
function recoveryOf(
  classification: Classification,
  day: number,
  away: number,
  returned: boolean,
  today: number,
): RecoveryOutcome {
  switch (classification) {
    case 'permanent_total_disability':
    case 'permanent_partial_disability':
      return 'not_expected_full_recovery';
    case 'temporary_total_disability':
      if (away > SIX_MONTHS_DAYS)
        return returned || today - day > SIX_MONTHS_DAYS
          ? 'not_recovered_within_six_months'
          : 'not_expected_full_recovery';
      return returned ? 'recovered_fully' : 'expected_full_recovery';
    case 'medical_treatment':
    case 'first_aid':
      return today - day > 30 ? 'recovered_fully' : 'expected_full_recovery';
    default:
      return 'expected_full_recovery';
  }
}

export function injuryFacts(
  rng: Random,
  ctx: Context,
  scenario: Pick<Scenario, 'type' | 'lostDaysMean' | 'mayHospitalise'> &
    Partial<Pick<Scenario, 'firstAid' | 'treatment'>>,
  part: string,
  classification: Classification,
  day: number,
): Omit<InjuryDraft, 'person_type' | 'person_id'> {
  let returnDay: number | null = null;
  let away = 0;
  let charged: number | null = null;
  let chargedKey: string | null = null;
  let restricted = 0;
  let hospitalised = false;
  let treatment: string;
  switch (classification) {
    case 'first_aid':
      treatment = scenario.firstAid ?? 'Seen at the first-aid room';
      break;
    case 'medical_treatment':
      treatment = rng.pick(
        scenario.treatment ?? ['Seen by the occupational physician; prescription medication'],
      );
      if (rng.chance(0.25)) restricted = rng.int(1, 10);
      break;
    case 'temporary_total_disability': {
      away = 1 + Math.min(360, Math.round(rng.exponential(scenario.lostDaysMean)));
      returnDay = day + away + 1;
      hospitalised = scenario.mayHospitalise && rng.chance(scenario.type === 'fracture' ? 0.45 : 0.3);
      treatment = hospitalised
        ? 'Admitted to hospital; sick leave until recovered'
        : 'Treated at the hospital; sick leave until recovered';
      if (rng.chance(0.3)) restricted = rng.int(3, 20);
      break;
    }
    case 'permanent_partial_disability': {
      // The loss of (part of) a finger: no loss of a hand or more in this history.
      const key = rng.weighted(FINGER_KEYS);
      chargedKey = key;
      charged = (defaultChargedDaysTable.find((e) => e.key === key) as { days: number }).days;
      returnDay = day + rng.int(25, 80) + 1;
      hospitalised = rng.chance(0.8);
      treatment = 'Surgery at the hospital; permanent partial loss of use';
      restricted = rng.int(10, 40);
      break;
    }
    default:
      treatment = 'Emergency response; died of the injuries';
      hospitalised = true;
  }
  // Still off work on the demo clock's day: no return date yet.
  if (returnDay !== null && returnDay > ctx.today) returnDay = null;
  return {
    recovery: recoveryOf(classification, day, away, returnDay !== null, ctx.today),
    injury_type: scenario.type,
    body_part: part,
    treatment,
    classification,
    return_date: returnDay === null ? null : isoDate(returnDay),
    charged_days: charged,
    charged_days_key: chargedKey,
    restricted_days: restricted,
    hospitalised,
  };
}
