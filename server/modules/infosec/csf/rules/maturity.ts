import { Decimal } from 'decimal.js';

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

/** A score shown to one decimal, rounded half up (2.25 → 2.3, 2.249… → 2.2), from its exact value. */
export function roundScore(exact: Decimal | null): number | null {
  return exact === null ? null : exact.toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toNumber();
}

/** The exact mean of a tally's applicable levels; null when none applies. */
export function exactMean(t: Tally): Decimal | null {
  return t.count === 0 ? null : new Decimal(t.sum).div(t.count);
}

export function meanScore(t: Tally): number | null {
  return roundScore(exactMean(t));
}

function weightOf(rule: RollUpRule, fn: string): number {
  return rule.functionWeights[fn] ?? 1;
}

/** A site's exact score from its functions' tallies under the rule's function weights. */
export function exactSiteScore(byFunction: Record<string, Tally>, rule: RollUpRule): Decimal | null {
  let sum = new Decimal(0);
  let weight = new Decimal(0);
  for (const [fn, t] of Object.entries(byFunction)) {
    if (t.count === 0) continue;
    const w = weightOf(rule, fn);
    sum = sum.plus(new Decimal(t.sum).times(w));
    weight = weight.plus(new Decimal(t.count).times(w));
  }
  return weight.isZero() ? null : sum.div(weight);
}

/** The mean of sites' exact scores, each site once; sites with no score are left out. */
export function exactMeanOfSites(siteScores: (Decimal | null)[]): Decimal | null {
  const scored = siteScores.filter((s): s is Decimal => s !== null);
  if (scored.length === 0) return null;
  return scored.reduce((a, b) => a.plus(b), new Decimal(0)).div(scored.length);
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
  site: Decimal | null;
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
