import { type Context, type SiteInfo, worksWithin } from './ohs-context.ts';
import { areaFor, type IncidentDraft, shiftMinute, singleInjury, type Year } from './ohs-incident-drafts.ts';
import { type InjuryDraft, injured, injuryFacts, recordableInjury } from './ohs-injuries.ts';
import { ROOF_TRADES } from './ohs-permit-plans.ts';
import { FATALITY, ILLNESSES, SCENARIOS, type Scenario } from './ohs-text.ts';
import { writesChinese } from './organisation.ts';
import type { Random } from './random.ts';

// The incidents the injury statistics count: the one fatality, work injuries and occupational illnesses.

const RECORDABLES = SCENARIOS.map((s) => [s, s.weight] as const);

/** The one fatality of the history: a contractor's worker, years before the seed's year. */
export function fatality(ctx: Context, { rng, start, end }: Year): IncidentDraft | null {
  const atWork = (x: SiteInfo) => x.workers.filter((w) => worksWithin(w, start, end));
  const withRoofers = ctx.sites.filter(
    (x) => x.demo.kind !== 'office' && atWork(x).some((w) => ROOF_TRADES.has(w.trade ?? '')),
  );
  const candidates = withRoofers.length
    ? withRoofers
    : ctx.sites.filter((x) => x.demo.kind !== 'office' && atWork(x).length > 0);
  if (!candidates.length) return null;
  const s = rng.weighted(candidates.map((c) => [c, c.headcountNow] as const));
  const working = s.workers.filter((w) => worksWithin(w, start, end));
  const roofers = working.filter((w) => ROOF_TRADES.has(w.trade ?? ''));
  const w = rng.pick(roofers.length ? roofers : working);
  const d = Math.max(start, Math.min(end, w.from + rng.int(0, 60), w.until === null ? end : w.until - 1));
  return {
    site: s,
    day: d,
    minute: rng.int(9 * 60, 16 * 60),
    kind: 'injury',
    commuting: false,
    anonymous: false,
    title: writesChinese(s.row.country) ? FATALITY.zh.title : FATALITY.title,
    description: writesChinese(s.row.country) ? FATALITY.zh.description : FATALITY.description,
    immediate: writesChinese(s.row.country) ? FATALITY.zh.immediate : FATALITY.immediate,
    areaId: areaFor(rng, s, null, 'WH'),
    injuries: [
      {
        person_type: 'contractor_worker',
        person_id: w.id,
        ...injuryFacts(
          rng,
          ctx,
          { type: 'fall', lostDaysMean: 0, mayHospitalise: true },
          'multiple',
          'fatality',
          d,
        ),
      },
    ],
    cause: 'fatality',
  };
}

/**
 * `count` recordable injury cases of a year (and a few occupational illnesses), of employees and
 * contractors' workers; fewer where a site has nobody at work to hurt.
 */
export function recordableCases(
  ctx: Context,
  { rng, weights, day }: Year,
  count: number,
  drafts: IncidentDraft[],
) {
  let recordable = count;
  while (recordable > 0) {
    const s = rng.weighted(weights);
    const d = day();
    if (recordable >= 2 && s.demo.kind !== 'office' && rng.chance(0.03)) {
      // A chemical release that hurt several people at once.
      const n = Math.min(recordable, rng.int(2, 3));
      const releaseType = rng.chance(0.5) ? 'inhalation' : 'chemical_burn';
      const scenario = SCENARIOS.find((x) => x.type === releaseType) as Scenario;
      const hurt: InjuryDraft[] = [];
      for (let k = 0, tries = 0; k < n && tries < 20; tries++) {
        const who = injured(rng, s, d, 0.15);
        if (!who) break;
        if (hurt.some((h) => h.person_id === who.person.id)) continue;
        k++;
        const facts = recordableInjury(rng, ctx, scenario, d);
        hurt.push({ person_type: who.type, person_id: who.person.id, ...facts });
      }
      if (hurt.length === 0) break;
      drafts.push({
        site: s,
        day: d,
        minute: shiftMinute(rng),
        kind: 'injury',
        commuting: false,
        anonymous: false,
        ...chemicalRelease(rng, s, scenario, hurt.length),
        areaId: areaFor(rng, s, 'chemical'),
        injuries: hurt,
        cause: 'chemical',
      });
      recordable -= hurt.length;
      continue;
    }
    const who = injured(rng, s, d, 0.12);
    if (!who) break;
    if (rng.chance(0.03) && who.type === 'employee') {
      const illness = rng.pick(ILLNESSES);
      drafts.push({
        site: s,
        day: d,
        minute: rng.int(9 * 60, 17 * 60),
        kind: 'illness',
        commuting: false,
        anonymous: false,
        title: writesChinese(s.row.country) ? illness.zh.title : illness.title,
        description: writesChinese(s.row.country) ? illness.zh.detail : illness.detail,
        immediate: writesChinese(s.row.country) ? illness.zh.immediate : illness.immediate,
        areaId: areaFor(rng, s, null),
        injuries: [
          {
            person_type: 'employee',
            person_id: who.person.id,
            ...injuryFacts(
              rng,
              ctx,
              { type: illness.type, lostDaysMean: 3, mayHospitalise: false },
              illness.part,
              'medical_treatment',
              d,
            ),
            restricted_days: rng.int(5, 30),
          },
        ],
        cause: 'handling',
      });
      recordable--;
      continue;
    }
    const scenario = rng.weighted(RECORDABLES);
    const facts = recordableInjury(rng, ctx, scenario, d);
    drafts.push(
      singleInjury(rng, s, d, scenario, { person_type: who.type, person_id: who.person.id, ...facts }),
    );
    recordable--;
  }
}

/** The title, account and first measures of a chemical release that hurt several people. */
function chemicalRelease(rng: Random, s: SiteInfo, scenario: Scenario, hurt: number) {
  const places = [
    ['plating line', '電鍍線'],
    ['chemical supply room', '化學品供應室'],
    ['wet bench', '濕式工作台'],
  ] as const;
  const place = rng.pick(places);
  const c = rng.pick(scenario.cases);
  if (writesChinese(s.row.country))
    return {
      title: `${place[1]}${scenario.type === 'inhalation' ? '化學品蒸氣逸散' : '化學品洩漏'}：${hurt} 人受傷`,
      description: `${c.zh.detail}附近作業之 ${hurt} 人遭暴露。`,
      immediate: '現場疏散、供應源隔離，暴露人員送醫務室及醫院。',
    };
  return {
    title: `${scenario.type === 'inhalation' ? 'Chemical vapour release' : 'Chemical leak'} at the ${place[0]}: ${hurt} people hurt`,
    description: `${c.detail} ${hurt} people working nearby were exposed.`,
    immediate:
      'Area evacuated, the supply isolated and the people exposed taken to the clinic and the hospital.',
  };
}
