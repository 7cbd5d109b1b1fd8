import type { Context } from './ohs-context.ts';
import type { OhsGoalRow } from './ohs-rows.ts';
import { OHS_SEED } from './ohs-seed.ts';
import { writesChinese } from './organisation.ts';

// Goals of the group and of its plants.

export function generateGoals(ctx: Context): OhsGoalRow[] {
  const rng = ctx.root.fork('goals');
  const y = ctx.clockYear;
  const kh = ctx.siteByCode.get('ASE-KH')?.row.id ?? null;
  const goal = (g: Omit<OhsGoalRow, 'id'>): OhsGoalRow => ({ id: rng.uuid(), ...g });
  return [
    goal({
      site_id: null,
      title: 'Zero fatalities',
      horizon: 'long',
      metric: 'fatalities',
      comparison: 'at_most',
      target: 0,
      from_year: y - 1,
      to_year: y + 4,
    }),
    goal({
      site_id: null,
      title: 'No fatal accident this year',
      horizon: 'short',
      metric: 'fatalities',
      comparison: 'at_most',
      target: 0,
      from_year: y,
      to_year: y,
    }),
    goal({
      site_id: null,
      title: 'Disabling injury frequency rate (FR) at most 0.35',
      horizon: 'medium',
      metric: 'fr',
      comparison: 'at_most',
      target: 0.35,
      from_year: y - 1,
      to_year: y + 1,
    }),
    goal({
      site_id: null,
      title: 'Disabling injury severity rate (SR) at most 25',
      horizon: 'medium',
      metric: 'sr',
      comparison: 'at_most',
      target: 25,
      from_year: y - 1,
      to_year: y + 1,
    }),
    goal({
      site_id: null,
      title: 'Zero contractor occupational injuries',
      horizon: 'short',
      metric: 'contractor_injuries',
      comparison: 'at_most',
      target: 0,
      from_year: y,
      to_year: y,
    }),
    goal({
      site_id: null,
      // Over the years the demo holds screenings of (the general campaign of the seed's year included).
      title: 'Health screening of at least half of the employees since the 2022 campaign',
      horizon: 'medium',
      metric: 'screening_coverage',
      comparison: 'at_least',
      target: 50,
      from_year: Math.min(OHS_SEED.year, y),
      to_year: y,
    }),
    goal({
      site_id: kh,
      title: '日月光高雄廠：承攬商零職業傷害',
      horizon: 'short',
      metric: 'contractor_injuries',
      comparison: 'at_most',
      target: 0,
      from_year: y,
      to_year: y,
    }),
    ...ctx.sites
      .filter((s) => s.demo.kind !== 'office' && s.row.code !== 'ASE-KH' && s.demo.employees >= 4_000)
      .map((s) =>
        goal({
          site_id: s.row.id,
          title: writesChinese(s.row.country)
            ? `${s.row.name_zh}：失能傷害頻率（FR）不超過 0.40`
            : `${s.row.name}: FR at most 0.40`,
          horizon: 'medium',
          metric: 'fr',
          comparison: 'at_most',
          target: 0.4,
          from_year: y - 1,
          to_year: y + 1,
        }),
      ),
    goal({
      site_id: kh,
      title: '日月光高雄廠：失能傷害頻率（FR）不超過 0.30',
      horizon: 'medium',
      metric: 'fr',
      comparison: 'at_most',
      target: 0.3,
      from_year: y - 1,
      to_year: y + 1,
    }),
  ];
}
