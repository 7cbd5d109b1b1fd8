/** The figures of the OHS seed (../shared/seeds/003), reproduced from the records at full scale. */
export const OHS_SEED = {
  year: 2022,
  injuryCases: 127,
  peopleScreened: 51_895,
  /** NT$8.83 million in cents. */
  screeningCostMinor: 883_000_000,
  gyms: 5,
  socialClubs: 24,
  groupCourseEngagements: 1_500,
  counsellorsTrained: 95,
  /** Facility, issue date, valid until: the seed's table of ISO 45001:2018 certificates. */
  certificates: [
    ['ASE Kaohsiung', '2022-03-12', '2025-03-11'],
    ['ASE Chungli', '2021-01-04', '2024-01-03'],
    ['ASE Shanghai (Material)', '2021-03-03', '2024-03-02'],
    ['ASE Wuxi', '2022-12-07', '2025-12-06'],
    ['ASE Korea', '2020-08-23', '2023-08-22'],
    ['ASE Singapore', '2021-02-02', '2024-02-01'],
    ['SPIL Da Fong', '2022-12-07', '2025-11-25'],
    ['SPIL Chung Shan', '2022-12-07', '2025-11-25'],
    ['SPIL Zhong Ke', '2022-12-07', '2025-11-25'],
    ['SPIL Hsinchu', '2022-12-07', '2025-11-25'],
    ['SPIL Changhua', '2022-12-07', '2025-11-25'],
    ['SPIL Zhong Kong', '2022-12-07', '2025-11-25'],
    ['SPIL Suzhou', '2022-10-19', '2025-10-10'],
    ['USI Nantou', '2022-12-19', '2025-12-18'],
    ['USI Zhangjiang', '2022-11-30', '2025-11-29'],
    ['USI Kunshan', '2021-02-03', '2024-02-02'],
    ['USI Jinqiao', '2022-09-07', '2025-09-06'],
    ['USI Mexico', '2021-09-08', '2024-09-07'],
  ] as readonly (readonly [string, string, string])[],
} as const;

/** Years of hours and incidents up to the demo clock (the clock's year included). */
export const HISTORY_YEARS = 10;

/** Share of the people who worked in a year that a screening campaign reaches at most. */
export const MAX_COVERAGE = 0.93;
/** People screened in a year, as a share of the site's headcount (the seed: 51,895 of about 95,000). */
export const SCREENED_SHARE = 0.55;
/**
 * The years whose screenings the demo holds: the seed's, with its general campaign and the special-condition
 * screenings, and the last two years up to the clock with their special-condition screenings (yearly, by
 * law). A general campaign is some 52,000 rows at full scale: the other years' are left out to keep the demo
 * load fast.
 */
export function screeningYears(clock: string): number[] {
  const y = Number(clock.slice(0, 4));
  return [...new Set([OHS_SEED.year, y - 1, y])].filter((x) => x <= y).sort();
}
