import { normaliseEmail, normaliseName } from './hire-match.ts';

/**
 * When a student's personal data has served its purpose. Taiwan's Personal Data Protection Act lets a
 * business keep personal data only within the specific purpose it was collected for (art. 5, art. 19) and
 * requires it to erase the data, of its own accord, once that purpose no longer exists (art. 11 para. 3),
 * which the Enforcement Rules (art. 20 subpara. 3) read as "the purpose has been reached". A student's name,
 * e-mail and date of birth serve the program while the student studies or interns, and then only to recognise
 * the student when later hired (the hire match), which the program reports over ten years. So the default
 * keeps them ten years after the student's last period ended; the program owner may choose 1 to 15 years.
 */

export const DEFAULT_RETENTION_YEARS = 10;
export const MIN_RETENTION_YEARS = 1;
export const MAX_RETENTION_YEARS = 15;

/** One internship or study period as the retention rule sees it. */
export type StudentPeriod = {
  id: string;
  fullName: string | null;
  email: string | null;
  dateOfBirth: string | null;
  startedOn: string;
  endedOn: string | null;
  outcome: 'ongoing' | 'completed' | 'withdrawn';
};

/**
 * The last day of a period: its end, or for a period that stopped without a recorded end (withdrawn,
 * completed undated) its start, the last day known. An ongoing period without an end has not ended (null).
 */
export function periodEnd(p: Pick<StudentPeriod, 'startedOn' | 'endedOn' | 'outcome'>): string | null {
  if (p.endedOn) return p.endedOn;
  return p.outcome === 'ongoing' ? null : p.startedOn;
}

/**
 * The first day still kept: the date `years` before `today` (both yyyy-mm-dd). A period that ended before it
 * ended more than `years` ago. 29 February falls back to 28 February in a year without one.
 */
export function retentionCutoff(today: string, years: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The periods whose personal data is due for erasure on the cutoff: those of students whose every period
 * (not yet anonymised) ended before it. Periods are one student's when they share an e-mail address, or the
 * same name and date of birth, compared as the hire match compares them (rules/hire-match.ts), transitively:
 * a student interning again keeps the earlier period's data as long as the later one's.
 */
export function dueForAnonymising(periods: readonly StudentPeriod[], cutoff: string): string[] {
  const parent = periods.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    parent[i] = r;
    return r;
  };
  const firstWith = new Map<string, number>();
  periods.forEach((p, i) => {
    const email = normaliseEmail(p.email);
    const name = normaliseName(p.fullName ?? '');
    const person = p.dateOfBirth && name ? `${name}|${p.dateOfBirth}` : null;
    for (const key of [email && `e:${email}`, person && `p:${person}`]) {
      if (!key) continue;
      const j = firstWith.get(key);
      if (j === undefined) firstWith.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const keptGroups = new Set<number>();
  periods.forEach((p, i) => {
    const end = periodEnd(p);
    if (end === null || end >= cutoff) keptGroups.add(find(i));
  });
  return periods.filter((_, i) => !keptGroups.has(find(i))).map((p) => p.id);
}

/** A scholarship award as the retention rule sees it: its award day and the day of its last payment. */
export type ScholarshipAward = { id: string; awardedOn: string; lastPaidOn: string | null };

/**
 * The awards whose recipient's name is due for erasure on the cutoff: those awarded, and last paid, before it.
 * The name serves the award while it is paid and its conditions are followed up; the program keeps it as long
 * as a student's (the same setting), counted from the award's last day known.
 */
export function scholarshipsDueForAnonymising(awards: readonly ScholarshipAward[], cutoff: string): string[] {
  return awards
    .filter((a) => (a.lastPaidOn && a.lastPaidOn > a.awardedOn ? a.lastPaidOn : a.awardedOn) < cutoff)
    .map((a) => a.id);
}
