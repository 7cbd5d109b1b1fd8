/**
 * The most participation hours a placement's students can have put in: each student at most a long shift
 * (12 hours) on every day of the term, both ends included. Taiwan's Labor Standards Act art. 32 caps a
 * working day with overtime at 12 hours, and the Act on the Protection of Students in Internship Courses
 * (art. 16) keeps interns within it; a figure above this is a typing error (a digit too many), not a term.
 */
export const MAX_HOURS_A_DAY = 12;

const DAY_MS = 86_400_000;

/** Days of a term from its first to its last day, both included (dates as YYYY-MM-DD). */
export function termDays(startsOn: string, endsOn: string): number {
  return Math.round((Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / DAY_MS) + 1;
}

export function maxParticipationHours(startsOn: string, endsOn: string, students: number): number {
  return Math.max(0, termDays(startsOn, endsOn)) * students * MAX_HOURS_A_DAY;
}
