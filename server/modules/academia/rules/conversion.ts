/**
 * Intern-to-hire conversion: of the interns whose internship ended (completed) in a period, the share who
 * were later hired. This is the definition that internship surveys use (NACE, Internship & Co-op Survey:
 * "conversion rate — the percentage of interns who accepted full-time offers"), restricted to internships
 * that have ended, since an intern still at work cannot yet have converted.
 */

export type InternForConversion = {
  outcome: 'ongoing' | 'completed' | 'withdrawn';
  endedOn: string | null;
  /** Hired after the internship (the date of the hire does not matter here). */
  hired: boolean;
  /** How many interns this entry stands for (a group with the same outcome and dates); 1 when absent. */
  count?: number;
};

export type Conversion = {
  /** Interns whose internship was completed in the period. */
  completed: number;
  /** Of those, hired (at any time after). */
  hired: number;
  /** hired ÷ completed as a percentage with one decimal, or null when none completed (no rate, not 0 %). */
  ratePercent: string | null;
};

export function conversion(interns: readonly InternForConversion[], from: string, to: string): Conversion {
  let completed = 0;
  let hired = 0;
  for (const i of interns) {
    if (i.outcome !== 'completed' || !i.endedOn || i.endedOn < from || i.endedOn > to) continue;
    const n = i.count ?? 1;
    completed += n;
    if (i.hired) hired += n;
  }
  return { completed, hired, ratePercent: completed === 0 ? null : percent(hired, completed) };
}

/** n ÷ d as a percentage with one decimal, rounded half up, exactly (integers only). */
export function percent(n: number, d: number): string {
  const tenths = Math.floor((n * 2000 + d) / (2 * d));
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}
