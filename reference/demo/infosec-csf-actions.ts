import type { CsfActionRow, CsfAnswerRow, CsfAssessmentRow, CsfObligationRow } from './infosec-csf-rows.ts';
import { EFFECTIVE, MOVED, RECOMMENDATIONS } from './infosec-csf-text.ts';
import type { Random } from './random.ts';

// The consultants' recommendations of the NIST CSF assessments, as platform actions with their due dates.

/** The source of a recommendation: the assessment (the security module's record type). */
export const CSF_ACTION_SOURCE = 'infosec_csf_assessment';
/** Due dates fall 3 to 9 months after the approval. */
export const CSF_ACTION_DUE_DAYS = [90, 270] as const;

const DAY_MS = 86_400_000;

/**
 * The consultants' recommendations of an approved assessment, 1 to 4 of its weakest subcategories (the largest
 * gaps between target and level), as platform actions owned by the site's officer, with their due dates on
 * the calendar. Past years' are done (most verified by the CISO office); some of last year's are still under
 * way, their due date moved past today when the first one has gone by (the demo opens with nothing overdue);
 * this year's are open.
 */
export function recommend(p: {
  rng: Random;
  assessment: CsfAssessmentRow;
  answers: readonly CsfAnswerRow[];
  year: number;
  demoYear: number;
  zh: boolean;
  owner: string | null;
  ciso: string | null;
  clockStart: number;
  actions: CsfActionRow[];
  obligations: CsfObligationRow[];
}): void {
  const { rng, assessment, zh } = p;
  const approved = (assessment.approved_at as Date).getTime();
  // The last moment the history may hold: before the demo day begins.
  const limit = p.clockStart - 2 * 3_600_000;
  const ranked = p.answers
    .filter((x) => !x.not_applicable && x.current_level !== null && x.target_level !== null)
    .map((x) => ({
      x,
      gap: (x.target_level as number) - (x.current_level as number),
      tie: rng.next(),
    }))
    .sort(
      (a, b) =>
        b.gap - a.gap || (a.x.current_level as number) - (b.x.current_level as number) || a.tie - b.tie,
    );
  const count = Math.min(rng.int(1, 4), Math.max(1, ranked.filter((r) => r.gap > 0).length));
  const domain = assessment.domain === 'ot' ? 'OT' : 'IT';
  for (const { x } of ranked.slice(0, count)) {
    const level = x.current_level as number;
    const [en, zhText] = RECOMMENDATIONS[x.subcategory] ?? [
      `Raise the practice of ${x.subcategory}`,
      `提升 ${x.subcategory} 之實務`,
    ];
    const title = zh
      ? `${assessment.domain === 'ot' ? 'OT：' : ''}${zhText}（${x.subcategory}）`
      : `${assessment.domain === 'ot' ? 'OT: ' : ''}${en} (${x.subcategory})`;
    const firm = assessment.consultancy;
    let description = zh
      ? `${p.year} 年 NIST CSF 評估（${domain}${firm ? `，${firm}` : ''}）建議：現況等級 ${level}，目標 ${x.target_level}。`
      : `From the ${p.year} NIST CSF assessment (${domain}${firm ? `, ${firm}` : ''}): level ${level}, target ${x.target_level}.`;

    const created = Math.max(approved, Math.min(approved + rng.int(1, 4) * DAY_MS, limit));
    const [minDue, maxDue] = CSF_ACTION_DUE_DAYS;
    let due = approved + rng.int(minDue, maxDue) * DAY_MS;
    let status: CsfActionRow['status'] = 'open';
    let done: number | null = null;
    let verified: number | null = null;
    let updated = created;
    if (p.year >= p.demoYear) {
      // This year's: open, due no sooner than a week from today.
      const lo = Math.max(approved + minDue * DAY_MS, p.clockStart + 7 * DAY_MS);
      const hi = Math.max(lo, approved + maxDue * DAY_MS);
      due = lo + Math.floor(rng.next() * ((hi - lo) / DAY_MS + 1)) * DAY_MS;
    } else {
      const lastYear = p.year === p.demoYear - 1;
      let unfinished = lastYear && rng.chance(due > p.clockStart + 7 * DAY_MS ? 0.5 : 0.15);
      if (!unfinished) {
        // Done ahead of the due date, or a little late.
        done = rng.chance(0.2) ? due + rng.int(1, 30) * DAY_MS : due - rng.int(0, 60) * DAY_MS;
        done = Math.max(done, created + 14 * DAY_MS) + rng.int(0, 7) * 3_600_000;
        if (done > limit) {
          if (lastYear) unfinished = true;
          else done = limit;
        }
      }
      if (unfinished) {
        done = null;
        status = rng.chance(0.5) ? 'in_progress' : 'open';
        if (due < p.clockStart + 7 * DAY_MS) {
          const [why, whyZh] = rng.pick(MOVED);
          const first = taipeiDate(due);
          due = p.clockStart + rng.int(10, 60) * DAY_MS;
          description += zh
            ? `原訂 ${first} 完成，已展延：${whyZh}。`
            : ` Due date moved from ${first}: ${why}.`;
        }
        if (status === 'in_progress') updated = Math.min(limit, created + rng.int(20, 120) * DAY_MS);
      } else {
        status = 'done';
        updated = done as number;
        const check = (done as number) + rng.int(5, 30) * DAY_MS;
        if (rng.chance(0.65) && check <= limit) {
          status = 'verified';
          verified = check;
          updated = check;
        }
      }
    }
    const owner = p.owner;
    const action: CsfActionRow = {
      id: rng.uuid(),
      site_id: assessment.site_id,
      program: 'infosec',
      kind: level <= 1 ? 'corrective' : 'improvement',
      title,
      description,
      source_type: CSF_ACTION_SOURCE,
      source_id: assessment.id,
      owner_id: owner,
      due_date: taipeiDate(due),
      status,
      done_at: done === null ? null : new Date(done),
      verified_at: verified === null ? null : new Date(verified),
      verified_by: verified === null ? null : p.ciso,
      effectiveness_note: verified === null ? null : rng.pick(EFFECTIVE)[zh ? 1 : 0],
      version: { open: 1, in_progress: 2, done: 3, verified: 4 }[status],
      created_at: new Date(created),
      created_by: p.ciso,
      updated_at: new Date(updated),
      updated_by: status === 'open' ? p.ciso : status === 'verified' ? p.ciso : owner,
    };
    p.actions.push(action);
    p.obligations.push({
      id: rng.uuid(),
      kind: 'action.due',
      source_type: 'action',
      source_id: action.id,
      site_id: action.site_id,
      program: 'infosec',
      owner_id: owner,
      title: null,
      title_key: 'platform.action.due',
      title_params: { title },
      due_date: action.due_date,
      due_at: null,
      state: done === null ? 'open' : 'done',
      done_at: action.done_at,
      done_by: done === null ? null : owner,
      created_at: action.created_at,
      created_by: p.ciso,
      updated_at: action.done_at ?? action.created_at,
      updated_by: done === null ? p.ciso : owner,
    });
  }
}

/** The calendar date of a moment in Taipei, the group's time zone. */
function taipeiDate(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}
