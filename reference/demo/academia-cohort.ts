import type { DemoDataset } from './generate.ts';
import { personName } from './names.ts';
import { Random } from './random.ts';

/**
 * The NSYSU college's 2022 cohort, one row per student (seeds/002: "projected to accept 120 students every
 * year - 80 students for the Institute of Advanced Semiconductor Packaging and Testing and 40 students for the
 * Institute of Precision Electronic Components … ASE sponsored … 65 out of the 80 students … one year of
 * academic studies at the university and two years of practical internships at companies"): each student's
 * institute, whether ASE sponsors them, the year of study, then the two years of internship at ASE Kaohsiung.
 * The cohort figure counts these rows. Their internships start in 2023, so they are not among 2022's interns.
 */
export const COHORT_SEED = {
  year: 2022,
  packaging: 80,
  packagingSponsored: 65,
  precisionComponents: 40,
  study: { from: '2022-09-01', to: '2023-06-30' },
  internship: { from: '2023-07-01', to: '2025-06-30' },
} as const;

type Row = Record<string, unknown>;

export function generateNsysuCohort(
  data: DemoDataset,
  nsysu: { id: string },
  stamp: Record<string, string>,
): Row[] {
  // A generator of its own, so the other academia rows keep the ids they had.
  const rng = new Random(`${data.seed}:academia-nsysu-cohort`);
  const kh = data.sites.find((s) => s.code === 'ASE-KH');
  if (!kh) throw new Error('No ASE-KH site in the demo');
  const student = (institute: string, sponsored: boolean, n: number): Row => ({
    id: rng.uuid(),
    site_id: kh.id,
    partner_id: nsysu.id,
    full_name: personName(rng, 'tw').fullName,
    email: null,
    date_of_birth: null,
    program: 'nsysu_college',
    institute,
    sponsored,
    study_started_on: COHORT_SEED.study.from,
    study_ended_on: COHORT_SEED.study.to,
    started_on: COHORT_SEED.internship.from,
    ended_on: COHORT_SEED.internship.to,
    // Two years of internship, about 1,760 hours a year; a few left the program during the first year.
    hours: n % 40 === 39 ? 880 : 3_520,
    outcome: n % 40 === 39 ? 'withdrawn' : 'completed',
    hired_employee_id: null,
    hired_on: null,
    anonymised_on: null,
    ...stamp,
  });
  const rows: Row[] = [];
  for (let n = 0; n < COHORT_SEED.packaging; n++)
    rows.push(student('advanced_packaging_testing', n < COHORT_SEED.packagingSponsored, n));
  for (let n = 0; n < COHORT_SEED.precisionComponents; n++)
    rows.push(student('precision_electronic_components', false, n));
  return rows;
}
