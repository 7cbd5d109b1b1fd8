import {
  type Assessment,
  assess,
  type Indicators,
  type ScoringModel,
} from '#shared/modules/ip/reassessment/rules.ts';
import type { Db } from '../../../db/types.ts';
import type { MatterRow } from '../repo.ts';
import * as repo from './repo.ts';

/** Whole years and tenths from today to the end of the term. */
function yearsLeft(termEnd: string | null, today: string): number | null {
  if (!termEnd) return null;
  const days = (Date.parse(termEnd) - Date.parse(today)) / 86_400_000;
  return Math.max(Math.round((days / 365.25) * 10) / 10, 0);
}

/**
 * The re-assessment of matters on `today`, by matter id: the indicators Steward holds (family size, licences
 * in force, litigation, remaining life) and those entered on the matter, scored by the model. Served to the
 * keep-or-drop decisions and to the review campaigns alike.
 */
export async function assessMatters(
  handle: Db,
  matters: readonly { row: MatterRow; termEnd: string | null }[],
  model: ScoringModel,
  today: string,
): Promise<Map<string, Assessment>> {
  const rows = matters.map((m) => m.row);
  const familyIds = rows.map((r) => r.family_id);
  const [sizes, licences, litigation] = await Promise.all([
    repo.familySizes(handle, familyIds),
    repo.licenceCounts(
      handle,
      rows.map((r) => ({ id: r.id, familyId: r.family_id })),
      today,
    ),
    repo.litigationCounts(handle, familyIds),
  ]);
  const out = new Map<string, Assessment>();
  for (const { row: r, termEnd } of matters) {
    const values: Indicators = {
      familySize: sizes.get(r.family_id) ?? 1,
      remainingLife: yearsLeft(termEnd, today),
      claims: r.claims,
      forwardCitations: r.forward_citations,
      backwardCitations: r.backward_citations,
      litigation: litigation.get(r.family_id) ?? 0,
      usedInProducts: r.used_in_products,
      licences: licences.get(r.id) ?? 0,
      technologyFit: r.technology_fit,
    };
    out.set(r.id, assess(values, model));
  }
  return out;
}
