/**
 * Maturity of a CSF subcategory on a 0–5 scale (0 not performed, 1 initial, 2 repeatable, 3 defined,
 * 4 managed, 5 optimising) or not applicable, and how levels roll up into category, function, site,
 * subsidiary and group scores.
 *
 * The default rule: a score is the mean of the applicable subcategory levels under it ("not applicable" and
 * unassessed subcategories excluded), shown to one decimal rounded half up. With function weights, a site's
 * score weighs each subcategory by its function's weight. A subsidiary's or the group's score is the mean of
 * its sites' scores, each site counting once. A score with no applicable level under it is null: "not
 * assessed", never 0.
 */

export const MATURITY_LEVELS = [0, 1, 2, 3, 4, 5] as const;
export type MaturityLevel = (typeof MATURITY_LEVELS)[number];

export type RollUpRule = {
  /** Weight of each function in a site's score; a function not named weighs 1. */
  functionWeights: Record<string, number>;
};

export const DEFAULT_ROLL_UP: RollUpRule = { functionWeights: {} };

/** The sum and number of applicable levels under one item, and how many were marked not applicable. */
export type Tally = { sum: number; count: number; notApplicable: number };

export const EMPTY_TALLY: Tally = { sum: 0, count: 0, notApplicable: 0 };

export function addTally(a: Tally, b: Tally): Tally {
  return { sum: a.sum + b.sum, count: a.count + b.count, notApplicable: a.notApplicable + b.notApplicable };
}

/**
 * An exact score: a fraction of integers, with its binary approximation. Rounding reads the approximation
 * unless it lies within a hair of a half (2.25, 1.45), where binary floats cannot be trusted; only then is
 * the fraction worked out, in integers, so that every tie rounds up exactly.
 */
export type Score = { approx: number; exact: () => Fraction };
type Fraction = { n: bigint; d: bigint };

const TIE_MARGIN = 1e-6;

/** A score shown to one decimal, rounded half up (2.25 → 2.3, 2.249… → 2.2), from its exact value. */
export function roundScore(score: Score | null): number | null {
  if (score === null) return null;
  const tenths = score.approx * 10;
  if (Math.abs(tenths - Math.floor(tenths) - 0.5) > TIE_MARGIN) return Math.round(tenths) / 10;
  // Scores are never negative: half up is floor(10·n/d + 1/2) = floor((20n + d) / 2d).
  const { n, d } = score.exact();
  return Number((20n * n + d) / (2n * d)) / 10;
}

const ratio = (n: bigint, d: bigint): Score => ({ approx: Number(n) / Number(d), exact: () => ({ n, d }) });

/** The exact mean of a tally's applicable levels; null when none applies. */
export function exactMean(t: Tally): Score | null {
  return t.count === 0 ? null : ratio(BigInt(t.sum), BigInt(t.count));
}

export function meanScore(t: Tally): number | null {
  return roundScore(exactMean(t));
}

/** A weight as the decimal the owner typed (1.1 is 11/10, not the binary float nearest to it). */
function fractionOf(weight: number): Fraction {
  const [mantissa = '0', exponent = '0'] = String(weight).split('e');
  const [whole = '0', decimals = ''] = mantissa.split('.');
  const shift = decimals.length - Number(exponent);
  const digits = BigInt(whole + decimals);
  return shift >= 0 ? { n: digits, d: 10n ** BigInt(shift) } : { n: digits * 10n ** BigInt(-shift), d: 1n };
}

function weightOf(rule: RollUpRule, fn: string): number {
  return rule.functionWeights[fn] ?? 1;
}

/** A site's exact score from its functions' tallies under the rule's function weights. */
export function exactSiteScore(byFunction: Record<string, Tally>, rule: RollUpRule): Score | null {
  const terms = Object.entries(byFunction)
    .filter(([, t]) => t.count > 0)
    .map(([fn, t]) => ({ t, w: weightOf(rule, fn) }));
  let sum = 0;
  let weight = 0;
  for (const { t, w } of terms) {
    sum += t.sum * w;
    weight += t.count * w;
  }
  if (weight === 0) return null;
  return {
    approx: sum / weight,
    exact: () => {
      // Over a common denominator of the weights: Σ w·sum / Σ w·count with w = n/d.
      const fractions = terms.map(({ t, w }) => ({ t, f: fractionOf(w) }));
      const common = fractions.reduce((d, { f }) => d * f.d, 1n);
      let n = 0n;
      let d = 0n;
      for (const { t, f } of fractions) {
        const scaled = (f.n * common) / f.d;
        n += BigInt(t.sum) * scaled;
        d += BigInt(t.count) * scaled;
      }
      return { n, d };
    },
  };
}

/** The mean of sites' exact scores, each site once; sites with no score are left out. */
export function exactMeanOfSites(siteScores: (Score | null)[]): Score | null {
  const scored = siteScores.filter((s): s is Score => s !== null);
  if (scored.length === 0) return null;
  return {
    approx: scored.reduce((a, s) => a + s.approx, 0) / scored.length,
    exact: () => {
      let n = 0n;
      let d = 1n;
      for (const s of scored) {
        const f = s.exact();
        n = n * f.d + f.n * d;
        d *= f.d;
      }
      return { n, d: d * BigInt(scored.length) };
    },
  };
}

/** One subcategory's answer: a level, or not applicable. */
export type Answer = { subcategory: string; level: number | null; notApplicable: boolean };

export type Hierarchy = {
  /** The category of each subcategory. */
  categoryOf: ReadonlyMap<string, string>;
  /** The function of each category. */
  functionOf: ReadonlyMap<string, string>;
};

export type RolledUp = {
  categories: Record<string, Tally>;
  functions: Record<string, Tally>;
  site: Score | null;
};

/** Tallies an assessment's answers by category and function, and its site score under the rule. */
export function rollUp(answers: readonly Answer[], hierarchy: Hierarchy, rule: RollUpRule): RolledUp {
  const categories: Record<string, Tally> = {};
  const functions: Record<string, Tally> = {};
  for (const a of answers) {
    const category = hierarchy.categoryOf.get(a.subcategory);
    const fn = category === undefined ? undefined : hierarchy.functionOf.get(category);
    if (category === undefined || fn === undefined) throw new Error(`Not in the catalogue: ${a.subcategory}`);
    const t: Tally = a.notApplicable
      ? { sum: 0, count: 0, notApplicable: 1 }
      : a.level === null
        ? EMPTY_TALLY
        : { sum: a.level, count: 1, notApplicable: 0 };
    categories[category] = addTally(categories[category] ?? EMPTY_TALLY, t);
    functions[fn] = addTally(functions[fn] ?? EMPTY_TALLY, t);
  }
  return { categories, functions, site: exactSiteScore(functions, rule) };
}
