import { type Context, pickWorking } from './ohs-context.ts';
import { areaFor, type IncidentDraft, shiftMinute, singleInjury, type Year } from './ohs-incident-drafts.ts';
import { type Classification, describePart, injured, injuryFacts, partZh } from './ohs-injuries.ts';
import { OHS_SEED } from './ohs-seed.ts';
import { COMMUTING, NEAR_MISSES, SCENARIOS, UNSAFE_CONDITIONS } from './ohs-text.ts';
import { writesChinese } from './organisation.ts';
import { stochasticRound } from './random.ts';

// The incidents reported that the injury statistics leave out: first-aid cases, commuting and traffic
// accidents, near misses and unsafe conditions.

const FIRST_AIDS = SCENARIOS.filter((s) => s.firstAidWeight > 0).map((s) => [s, s.firstAidWeight] as const);

/** First-aid cases: not recordable, so not counted, but reported. */
export function firstAidCases(
  ctx: Context,
  { year, rng, weights, day, expected }: Year,
  drafts: IncidentDraft[],
) {
  const firstAidCount = Math.max(year === OHS_SEED.year ? 1 : 0, stochasticRound(rng, expected * 2.5));
  for (let k = 0; k < firstAidCount; k++) {
    const s = rng.weighted(weights);
    const d = day();
    const who = injured(rng, s, d, 0.1);
    if (!who) continue;
    const scenario = rng.weighted(FIRST_AIDS);
    const facts = injuryFacts(rng, ctx, scenario, rng.weighted(scenario.parts), 'first_aid', d);
    drafts.push(
      singleInjury(rng, s, d, scenario, { person_type: who.type, person_id: who.person.id, ...facts }),
    );
  }
}

/** Commuting and traffic accidents: reported, excluded from the statistics. */
export function commutingAccidents(
  ctx: Context,
  { year, rng, day, expected }: Year,
  drafts: IncidentDraft[],
) {
  const commutingCount = Math.max(year === OHS_SEED.year ? 2 : 0, stochasticRound(rng, expected * 0.18));
  for (let k = 0; k < commutingCount; k++) {
    const s = rng.weighted(ctx.sites.map((x) => [x, x.headcountNow] as const));
    const d = day();
    const e = pickWorking(rng, s.employees, d);
    if (!e) continue;
    const type = rng.weighted(COMMUTING.types);
    const part = rng.weighted(COMMUTING.parts);
    // The seed's year has a recordable one for certain, so that the exclusion shows.
    const cls: Classification =
      year === OHS_SEED.year && k === 0
        ? 'temporary_total_disability'
        : rng.weighted([
            ['temporary_total_disability', 45],
            ['medical_treatment', 35],
            ['first_aid', 20],
          ] as const);
    const facts = injuryFacts(
      rng,
      ctx,
      {
        type,
        lostDaysMean: type === 'fracture' ? 35 : 8,
        mayHospitalise: false,
        firstAid: 'Minor injury seen at the first-aid room on arrival',
        treatment: ['Treated at the emergency department and released'],
      },
      part,
      cls,
      d,
    );
    const title = rng.pick(COMMUTING.titles);
    const zh = writesChinese(s.row.country);
    const minute = rng.chance(0.5) ? rng.int(6 * 60 + 30, 8 * 60) : rng.int(17 * 60 + 15, 20 * 60 + 30);
    const detail = rng.pick(COMMUTING.details);
    const injuredPart = describePart(rng, part);
    drafts.push({
      site: s,
      day: d,
      minute,
      kind: 'injury',
      commuting: true,
      anonymous: false,
      title: zh ? COMMUTING.titlesZh[COMMUTING.titles.indexOf(title)] : title,
      description: zh
        ? `${COMMUTING.titlesZh[COMMUTING.titles.indexOf(title)]}。${COMMUTING.detailsZh[COMMUTING.details.indexOf(detail)]}受傷部位：${partZh(injuredPart)}。`
        : `${title}. ${detail} Injured: ${injuredPart}.`,
      immediate: null,
      areaId: null,
      injuries: [{ person_type: 'employee', person_id: e.id, ...facts }],
      cause: null,
    });
  }
}

/** Near misses and unsafe conditions, some reported anonymously. */
export function nearMisses({ rng, weights, day, expected }: Year, drafts: IncidentDraft[]) {
  for (const [list, kind, factor] of [
    [NEAR_MISSES, 'near_miss', 1.5],
    [UNSAFE_CONDITIONS, 'unsafe_condition', 1],
  ] as const) {
    const n = stochasticRound(rng, expected * factor);
    for (let k = 0; k < n; k++) {
      const s = rng.weighted(weights);
      const [title, fix, titleZh, fixZh] = rng.pick<readonly [string, string, string, string]>(list);
      const zh = writesChinese(s.row.country);
      drafts.push({
        site: s,
        day: day(),
        minute: shiftMinute(rng),
        kind,
        commuting: false,
        anonymous: rng.chance(0.25),
        title: zh ? titleZh : title,
        description: zh
          ? `${titleZh}。現場通報，無人受傷。`
          : `${title}. Reported from the floor; nobody was hurt.`,
        immediate: zh ? fixZh : fix,
        areaId: areaFor(rng, s, null),
        injuries: [],
        cause: null,
      });
    }
  }
}
