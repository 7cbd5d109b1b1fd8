import type { ForecastFee, ForecastGroup } from './contract.ts';

/**
 * The forecast's groups: the fees summed by calendar year of the due date, office, technology and
 * subsidiary, in exact integer minor units. A fee without an amount in NT$ or US$ is counted as missing and
 * left out of both sums, so a sum is never made complete with a guess.
 */
export function groupFees(fees: readonly ForecastFee[]): ForecastGroup[] {
  const groups = new Map<string, ForecastGroup>();
  for (const f of fees) {
    const year = Number(f.dueDate.slice(0, 4));
    const key = `${year}|${f.office}|${f.technology}|${f.subsidiaryId ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        year,
        office: f.office,
        technology: f.technology,
        subsidiaryId: f.subsidiaryId,
        subsidiaryName: f.subsidiaryName,
        fees: 0,
        missing: 0,
        twdMinor: 0,
        usdMinor: 0,
      };
      groups.set(key, g);
    }
    g.fees += 1;
    if (f.twdMinor === null || f.usdMinor === null) g.missing += 1;
    else {
      g.twdMinor += f.twdMinor;
      g.usdMinor += f.usdMinor;
    }
  }
  return [...groups.values()].sort(
    (a, b) =>
      a.year - b.year ||
      a.office.localeCompare(b.office) ||
      a.technology.localeCompare(b.technology) ||
      (a.subsidiaryName ?? '').localeCompare(b.subsidiaryName ?? ''),
  );
}

export type Dimension = 'office' | 'technology' | 'subsidiary';

/** The groups summed again by year and one dimension, for the table and the chart. */
export function byYearAnd(groups: readonly ForecastGroup[], dimension: Dimension) {
  const out = new Map<string, { year: number; key: string; label: string | null } & Sums>();
  for (const g of groups) {
    const key =
      dimension === 'office' ? g.office : dimension === 'technology' ? g.technology : (g.subsidiaryId ?? '');
    const label = dimension === 'subsidiary' ? g.subsidiaryName : null;
    const id = `${g.year}|${key}`;
    const row = out.get(id) ?? { year: g.year, key, label, fees: 0, missing: 0, twdMinor: 0, usdMinor: 0 };
    row.fees += g.fees;
    row.missing += g.missing;
    row.twdMinor += g.twdMinor;
    row.usdMinor += g.usdMinor;
    out.set(id, row);
  }
  return [...out.values()];
}

type Sums = { fees: number; missing: number; twdMinor: number; usdMinor: number };

/** Every group's sums added up (a year's, or the five years'). */
export function total(groups: readonly Sums[]): Sums {
  const t = { fees: 0, missing: 0, twdMinor: 0, usdMinor: 0 };
  for (const g of groups) {
    t.fees += g.fees;
    t.missing += g.missing;
    t.twdMinor += g.twdMinor;
    t.usdMinor += g.usdMinor;
  }
  return t;
}
