import type { DemoDataset } from './generate.ts';
import { Random } from './random.ts';

/**
 * USI's internship cooperation in the demo (seeds/002: "In 2022, a total of 660 students benefited from the
 * industry-academia internship cooperation, accumulating a total of 54,616 hours of participation"): the
 * groups of students each school placed at a USI site for a term, and 2021's before them. The figure is
 * added up from these rows; the interns recruited one by one (USI's 72 on-site interns) are not among them.
 */
export const PLACEMENT_SEED = { year: 2022, students: 660, participationHours: 54_616 } as const;

type Row = Record<string, unknown>;
type Partner = { id: string; name: string; sites: readonly { id: string; code: string }[] };

/** The schools and the USI site they place students at: the seed's Nantou partners and the schools near each site. */
const PLACING: [string, string][] = [
  ['National Yang Ming Chiao Tung University', 'USI-NT'],
  ['National Taipei University of Technology', 'USI-NT'],
  ['National Chi Nan University', 'USI-NT'],
  ['East China University of Science and Technology', 'USI-ZJ'],
  ['Zhejiang University', 'USI-JQ'],
  ['Suzhou Industrial Park Institute of Vocational Technology', 'USI-KS'],
  ['Kunshan Dengyun College of Science and Technology', 'USI-KS'],
  ['Shenzhen Polytechnic', 'USI-SZ'],
];

/** The school terms a placement runs in: winter break, the summer, and the autumn semester. */
const TERMS: [string, string, string][] = [
  ['Winter break', '01-17', '02-11'],
  ['Summer', '07-04', '08-26'],
  ['Autumn semester', '09-12', '12-30'],
];

/** Splits `total` in proportion to `weights`, in whole units that add up exactly (remainders to the first). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  let left = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % parts.length, left--) parts[i] += 1;
  return parts;
}

export function generatePlacements(
  data: DemoDataset,
  byName: (name: string) => Partner,
  stamp: Record<string, string>,
): Row[] {
  // A generator of its own, so the other academia rows keep the ids they had.
  const rng = new Random(`${data.seed}:academia-placements`);
  const site = (code: string) => {
    const s = data.sites.find((x) => x.code === code);
    if (!s) throw new Error(`No ${code} site in the demo`);
    return s;
  };
  const rows: Row[] = [];
  const year = (y: number, students: number, totalHours: number) => {
    const slots = PLACING.flatMap(([school, code]) => TERMS.map((term) => ({ school, code, term })));
    // Class sizes vary from school to school and term to term; the summer is the busiest.
    const sizes = apportion(
      students,
      slots.map((s, i) => (s.term[0] === 'Summer' ? 3 : 1) * (4 + ((i * 7 + y) % 5))),
    );
    // Hours in proportion to students × weeks of the term: a longer term, more hours a student.
    const weeks = slots.map((s) => {
      const from = Date.parse(`${y}-${s.term[1]}`);
      const to = Date.parse(`${y}-${s.term[2]}`);
      return Math.ceil((to - from) / (7 * 86_400_000));
    });
    const hours = apportion(
      totalHours,
      sizes.map((n, i) => n * weeks[i]),
    );
    slots.forEach((s, i) => {
      rows.push({
        id: rng.uuid(),
        site_id: site(s.code).id,
        partner_id: byName(s.school).id,
        term: `${y} ${s.term[0]}`,
        starts_on: `${y}-${s.term[1]}`,
        ends_on: `${y}-${s.term[2]}`,
        students: sizes[i],
        participation_hours: hours[i],
        ...stamp,
      });
    });
  };
  year(2021, 604, 49_880);
  year(PLACEMENT_SEED.year, PLACEMENT_SEED.students, PLACEMENT_SEED.participationHours);
  return rows;
}
