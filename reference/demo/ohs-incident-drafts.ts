import type { SiteInfo } from './ohs-context.ts';
import { describePart, type InjuryDraft, partZh } from './ohs-injuries.ts';
import type { OhsIncidentRow } from './ohs-rows.ts';
import type { CauseGroup, Scenario } from './ohs-text.ts';
import { writesChinese } from './organisation.ts';
import type { Random } from './random.ts';
import type { AreaRow } from './rows.ts';

/** An incident as the history plans it: where and when (local day and minute), what, and who was hurt. */
export type IncidentDraft = {
  site: SiteInfo;
  day: number;
  minute: number;
  kind: OhsIncidentRow['kind'];
  commuting: boolean;
  anonymous: boolean;
  title: string;
  description: string;
  immediate: string | null;
  areaId: string | null;
  injuries: InjuryDraft[];
  cause: CauseGroup | 'fatality' | null;
};

/** One year of the incident history: its draws, its days (up to the day before the clock), and its sites. */
export type Year = {
  year: number;
  rng: Random;
  start: number;
  end: number;
  /** A random day of the year. */
  day: () => number;
  /** Each site weighted by its hours worked and how injury-prone its work is. */
  weights: (readonly [SiteInfo, number])[];
  /** The recordable injury cases the year should hold, before rounding. */
  expected: number;
};

/** Where an incident happened: the area `want` if the site has it, else one fitting its cause. */
export function areaFor(
  rng: Random,
  s: SiteInfo,
  cause: CauseGroup | 'fatality' | null,
  want?: string,
): string | null {
  const zone = (code: string) => s.areas.find((a) => a.code === code);
  const lines = s.areas.filter((a) => a.kind === 'line');
  const floors = s.areas.filter((a) => a.kind === 'floor');
  const pick = (list: AreaRow[]) => (list.length ? rng.pick(list).id : null);
  if (want) return zone(want)?.id ?? pick(lines.length ? lines : floors);
  if (cause === 'chemical' && rng.chance(0.5)) return zone('CHEM')?.id ?? pick(lines);
  if (cause === 'traffic' && rng.chance(0.6)) return zone('WH')?.id ?? pick(floors);
  if (rng.chance(0.75) && lines.length) return pick(lines);
  return pick(floors.length ? floors : s.areas);
}

/** Minute of the day an event happens: three shifts, the day shift busiest. */
export function shiftMinute(rng: Random): number {
  const shift = rng.weighted([
    [0, 58],
    [1, 27],
    [2, 15],
  ] as const);
  return shift === 0
    ? rng.int(8 * 60, 17 * 60)
    : shift === 1
      ? rng.int(17 * 60, 23 * 60 + 50)
      : rng.int(10, 7 * 60 + 50);
}

/** An incident in which one person was hurt, as one of the scenario's cases tells it. */
export function singleInjury(
  rng: Random,
  s: SiteInfo,
  day: number,
  scenario: Scenario,
  injury: InjuryDraft,
): IncidentDraft {
  const c = rng.pick(scenario.cases);
  const zh = writesChinese(s.row.country);
  const minute = shiftMinute(rng);
  const part = describePart(rng, injury.body_part);
  return {
    site: s,
    day,
    minute,
    kind: 'injury',
    commuting: false,
    anonymous: false,
    title: zh ? c.zh.title : c.title,
    description: zh ? `${c.zh.detail}受傷部位：${partZh(part)}。` : `${c.detail} Injured: ${part}.`,
    immediate: zh ? c.zh.immediate : c.immediate,
    areaId: areaFor(rng, s, c.cause),
    injuries: [injury],
    cause: c.cause,
  };
}
