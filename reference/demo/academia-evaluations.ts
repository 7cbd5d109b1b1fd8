import type { AcademiaDataset } from './academia.ts';
import { addDays } from './clock.ts';
import type { DemoDataset } from './generate.ts';
import { Random } from './random.ts';

type Row = Record<string, unknown>;

/** How many years of finished internships carry evaluations (the forms the sites collect). */
const YEARS_EVALUATED = 3;

/**
 * The evaluations of the internships that finished in the last three years: the mentor's for each completed
 * internship a week after its end, and the student's paper form, entered by the site's staff, for about two
 * in three. Ratings from 1 to 5, mostly good. The demo student's own internship has none: she gives hers
 * through her sign-in.
 */
export function generateEvaluations(data: DemoDataset, a: AcademiaDataset, exceptInternId: unknown): Row[] {
  const rng = new Random(`${data.seed}:academia-evaluations`);
  const since = addDays(data.clock, -365 * YEARS_EVALUATED);
  const rating = () => (rng.chance(0.7) ? rng.int(4, 5) : rng.int(2, 3));
  const rows: Row[] = [];
  for (const intern of a.interns) {
    const ended = intern.ended_on as string | null;
    if (intern.id === exceptInternId || intern.outcome !== 'completed' || intern.anonymised_on) continue;
    if (!ended || ended < since || ended >= data.clock) continue;
    const evaluatedOn = addDays(ended, 7) < data.clock ? addDays(ended, 7) : ended;
    const stamp = `${evaluatedOn}T02:00:00.000Z`;
    const row = (evaluator: 'mentor' | 'student'): Row => ({
      id: rng.uuid(),
      site_id: intern.site_id,
      intern_id: intern.id,
      evaluator,
      rating: rating(),
      evaluated_on: evaluatedOn,
      comments: null,
      given_by_student: false,
      version: 1,
      created_at: stamp,
      updated_at: stamp,
    });
    rows.push(row('mentor'));
    if (rng.chance(0.65)) rows.push(row('student'));
  }
  return rows;
}
