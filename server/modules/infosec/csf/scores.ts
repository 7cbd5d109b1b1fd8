import type { ApprovedTally } from './repo.ts';
import {
  addTally,
  EMPTY_TALLY,
  exactMean,
  exactMeanOfSites,
  exactSiteScore,
  meanScore,
  type RollUpRule,
  roundScore,
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

export const fnScores = (functions: Record<string, Tally>, ids: readonly string[]) =>
  Object.fromEntries(ids.map((id) => [id, meanScore(functions[id] ?? EMPTY_TALLY)]));

/** Mean over sites of each function's exact score, and of the sites' scores. */
export function meanOverSites(
  entries: { functions: Record<string, Tally> }[],
  ids: readonly string[],
  rule: RollUpRule,
) {
  return {
    score: roundScore(exactMeanOfSites(entries.map((e) => exactSiteScore(e.functions, rule)))),
    functions: Object.fromEntries(
      ids.map((id) => [
        id,
        roundScore(exactMeanOfSites(entries.map((e) => exactMean(e.functions[id] ?? EMPTY_TALLY)))),
      ]),
    ),
  };
}
