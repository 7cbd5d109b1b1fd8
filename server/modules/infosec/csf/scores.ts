import type { ApprovedTally } from './repo.ts';
import {
  addTally,
  EMPTY_TALLY,
  exactMean,
  exactMeanOfSites,
  exactSiteScore,
  type RollUpRule,
  roundScore,
  type Score,
  type Tally,
} from './rules/maturity.ts';

/** Site, function, subsidiary and group scores from the tallies that the roll-up queries return. */

/** Site scores by function for a set of tallies (one domain, one year). */
export function scoreSites(tallies: readonly ApprovedTally[]) {
  const bySite = new Map<string, { assessmentId: string; functions: Record<string, Tally> }>();
  for (const t of tallies) {
    const entry = bySite.get(t.site_id) ?? { assessmentId: t.assessment_id, functions: {} };
    entry.functions[t.function] = addTally(entry.functions[t.function] ?? EMPTY_TALLY, {
      sum: t.sum,
      count: t.count,
      notApplicable: t.not_applicable,
    });
    bySite.set(t.site_id, entry);
  }
  return bySite;
}

type Exact = { site: Score | null; functions: Record<string, Score | null> };
const exactCache = new WeakMap<Record<string, Tally>, { rule: RollUpRule; exact: Exact }>();

/**
 * A site's exact score and function means, worked out once per set of tallies and rule: one request rolls a
 * site into its own row, its subsidiary and the group.
 */
export function exactOf(functions: Record<string, Tally>, rule: RollUpRule): Exact {
  const cached = exactCache.get(functions);
  if (cached?.rule === rule) return cached.exact;
  const means: Record<string, Score | null> = {};
  for (const id in functions) means[id] = exactMean(functions[id] ?? EMPTY_TALLY);
  const exact: Exact = { site: exactSiteScore(functions, rule), functions: means };
  exactCache.set(functions, { rule, exact });
  return exact;
}

const exactFunction = (functions: Record<string, Tally>, rule: RollUpRule, id: string): Score | null =>
  exactOf(functions, rule).functions[id] ?? null;

/** Mean over sites of each function's exact score, and of the sites' scores. */
export function meanOverSites(
  entries: { functions: Record<string, Tally> }[],
  ids: readonly string[],
  rule: RollUpRule,
) {
  return {
    score: roundScore(exactMeanOfSites(entries.map((e) => exactOf(e.functions, rule).site))),
    functions: Object.fromEntries(
      ids.map((id) => [
        id,
        roundScore(exactMeanOfSites(entries.map((e) => exactFunction(e.functions, rule, id)))),
      ]),
    ),
  };
}

/** A site's function scores as shown: the exact means rounded. */
export const fnScores = (functions: Record<string, Tally>, ids: readonly string[], rule: RollUpRule) =>
  Object.fromEntries(ids.map((id) => [id, roundScore(exactFunction(functions, rule, id))]));
