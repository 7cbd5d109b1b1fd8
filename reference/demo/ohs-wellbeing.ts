import { dayNumber, dec31, isoDate, jan1 } from './clock.ts';
import { type Context, pickWorking, type SiteInfo, worksOn } from './ohs-context.ts';
import type { WellbeingParticipationRow, WellbeingProgramRow } from './ohs-rows.ts';
import { OHS_SEED } from './ohs-seed.ts';
import { WELLBEING } from './ohs-text.ts';
import { allocate, stochasticRound } from './random.ts';

// Wellbeing: gyms, social clubs, group courses, the counsellor seeding program, counselling and the clinic.

export function generateWellbeing(ctx: Context) {
  const rng = ctx.root.fork('wellbeing');
  const programs: WellbeingProgramRow[] = [];
  const participation: WellbeingParticipationRow[] = [];
  const clock = ctx.data.clock;
  const add = (
    code: string,
    kind: WellbeingProgramRow['kind'],
    name: string,
    nameZh: string,
    started: string,
    ended: string | null = null,
  ) => {
    if (started > clock) return null;
    const s = ctx.siteByCode.get(code) as SiteInfo;
    const row: WellbeingProgramRow = {
      id: rng.uuid(),
      site_id: s.row.id,
      kind,
      name,
      name_zh: nameZh,
      started_on: started,
      ended_on: ended,
    };
    programs.push(row);
    return { row, site: s };
  };
  const attend = (p: { row: WellbeingProgramRow; site: SiteInfo }, day: number, named: boolean) => {
    const person = named ? pickWorking(rng, p.site.employees, day) : null;
    participation.push({
      program_id: p.row.id,
      site_id: p.row.site_id,
      person_id: person?.id ?? null,
      participated_on: isoDate(day),
    });
  };
  // Participation of the seed's year and the last two (the load stays fast).
  const recentYears = [...new Set([OHS_SEED.year, ctx.clockYear - 1, ctx.clockYear])]
    .filter((y) => y <= ctx.clockYear)
    .sort();
  const yearSpan = (year: number) => [Math.max(jan1(year), 0), Math.min(dec31(year), ctx.today - 1)] as const;

  const gyms = WELLBEING.gyms
    .map(([code, name, zh, started]) => add(code, 'gym', name, zh, started))
    .filter((x) => x !== null);
  const clubs = WELLBEING.clubs
    .map(([code, name, zh]) =>
      add(code, 'club', name, zh, isoDate(rng.int(dayNumber('2008-01-01'), dayNumber('2021-06-30')))),
    )
    .filter((x) => x !== null);
  for (const [code, name, zh, started, ended] of WELLBEING.formerClubs)
    add(code, 'club', name, zh, started, ended);
  for (const [code, name, zh, started] of WELLBEING.laterClubs) add(code, 'club', name, zh, started);
  const courses = WELLBEING.courses
    .map(([code, name, zh]) =>
      add(code, 'group_course', name, zh, isoDate(rng.int(dayNumber('2015-01-01'), dayNumber('2016-12-31')))),
    )
    .filter((x) => x !== null);
  const counsellors = add(
    'ASE-KH',
    'counsellor_training',
    'Employee counsellor seeding program',
    '員工關懷種子培訓',
    '2017-03-01',
  );
  const counselling = add('ASE-KH', 'counselling', 'Stress relief centre', '紓壓中心', '2015-01-05');
  const clinic = add('ASE-KH', 'clinic', "Employees' clinic", '員工診所', '2016-01-04');

  // Group courses: 1,500 engagements in the seed's year; fewer in the pandemic years.
  const courseWeights = courses.map((c) => (c.site.row.code === 'ASE-KH' ? 3 : 1));
  for (const year of recentYears) {
    const [from, to] = yearSpan(year);
    if (to < from) continue;
    const share = (to - from + 1) / (dec31(year) - jan1(year) + 1);
    const factor = year === 2020 ? 0.45 : year === 2021 ? 0.55 : 0.95 + rng.next() * 0.2;
    const total =
      year === OHS_SEED.year && ctx.seedYearDone
        ? Math.round(OHS_SEED.groupCourseEngagements * ctx.scale)
        : stochasticRound(rng, OHS_SEED.groupCourseEngagements * factor * share * ctx.scale);
    allocate(total, courseWeights).forEach((n, i) => {
      for (let k = 0; k < n; k++) attend(courses[i], rng.int(from, to), true);
    });
  }

  // The seeding program: three sessions of volunteer counsellors at ASE Kaohsiung, 95 people in all.
  if (counsellors) {
    const sessions = ['2017-05-20', '2019-05-18', '2021-10-16'].map(dayNumber).filter((d) => d < ctx.today);
    const total =
      ctx.scale >= 1
        ? OHS_SEED.counsellorsTrained
        : Math.max(sessions.length, Math.round(OHS_SEED.counsellorsTrained * ctx.scale));
    const trained = new Set<string>();
    allocate(
      total,
      sessions.map(() => 1),
    ).forEach((n, i) => {
      const day = sessions[i];
      const candidates = counsellors.site.employees.filter((p) => worksOn(p, day) && !trained.has(p.id));
      for (let k = 0; k < n && k < candidates.length; k++) {
        const j = rng.int(k, candidates.length - 1);
        [candidates[k], candidates[j]] = [candidates[j], candidates[k]];
        trained.add(candidates[k].id);
        participation.push({
          program_id: counsellors.row.id,
          site_id: counsellors.row.site_id,
          person_id: candidates[k].id,
          participated_on: isoDate(day),
        });
      }
    });
  }

  // Counselling sessions (anonymous) since the seeding program began; gym, club and clinic visits recently.
  for (let year = Math.max(ctx.firstYear, 2017); year <= ctx.clockYear; year++) {
    const [from, to] = yearSpan(year);
    if (to < from || !counselling) continue;
    const n = stochasticRound(rng, 75 * ((to - from + 1) / 365) * Math.max(ctx.scale, 0.05));
    for (let k = 0; k < n; k++) attend(counselling, rng.int(from, to), false);
  }
  for (const year of recentYears.filter((y) => y === OHS_SEED.year || y === ctx.clockYear)) {
    const [from, to] = yearSpan(year);
    if (to < from) continue;
    const share = (to - from + 1) / 365;
    for (const g of gyms)
      for (let k = stochasticRound(rng, 80 * share * ctx.scale); k > 0; k--)
        attend(g, rng.int(from, to), true);
    for (const c of clubs)
      for (let k = stochasticRound(rng, 20 * share * ctx.scale); k > 0; k--)
        attend(c, rng.int(from, to), true);
    if (clinic)
      for (let k = stochasticRound(rng, 300 * share * ctx.scale); k > 0; k--)
        attend(clinic, rng.int(from, to), false);
  }
  return { wellbeingPrograms: programs, wellbeingParticipation: participation };
}
