/**
 * Severity of a finding. The bands are the qualitative severity rating scale of the CVSS specification, the
 * same in v3.1 (FIRST, CVSS v3.1 Specification Document, section 5, Table 14) and v4.0 (FIRST, CVSS v4.0
 * Specification Document, section 6): None 0.0, Low 0.1–3.9, Medium 4.0–6.9, High 7.0–8.9, Critical 9.0–10.0.
 */
export const severities = ['none', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];

/** The band of a CVSS score (0.0–10.0, one decimal). */
export function severityOfScore(score: number): Severity {
  if (!(score >= 0 && score <= 10)) throw new RangeError(`A CVSS score runs from 0.0 to 10.0, not ${score}`);
  if (score === 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
}

/**
 * A SARIF result's level (SARIF 2.1.0 §3.27.10: error, warning, note, none) when its tool gives no
 * `security-severity`: an error is taken as high, a warning as medium, a note as low.
 */
export function severityOfSarifLevel(level: string): Severity | null {
  const found = ({ error: 'high', warning: 'medium', note: 'low', none: 'none' } as const)[level];
  return found ?? null;
}

/** A tool's own word for severity (a mapped CSV column): the CVSS words, with "info" and "moderate". */
export function severityOfWord(word: string): Severity | null {
  const w = word.trim().toLowerCase();
  if ((severities as readonly string[]).includes(w)) return w as Severity;
  const aliases: Record<string, Severity> = {
    info: 'none',
    informational: 'none',
    moderate: 'medium',
    important: 'high',
    urgent: 'critical',
    嚴重: 'critical',
    高: 'high',
    中: 'medium',
    低: 'low',
  };
  return aliases[w] ?? null;
}

/** Days allowed to remediate a finding, by severity (none: no due date). */
export type DuePolicy = { critical: number; high: number; medium: number; low: number };

/**
 * The default follows CISA's Binding Operational Directive 19-02 (critical within 15 days, high within 30
 * days of detection), extended to 90 days for medium and 180 for low.
 */
export const defaultDuePolicy: DuePolicy = { critical: 15, high: 30, medium: 90, low: 180 };

/** The due date (YYYY-MM-DD) of a finding opened on `openedOn` (YYYY-MM-DD), or null for severity none. */
export function dueOn(openedOn: string, severity: Severity, policy: DuePolicy): string | null {
  if (severity === 'none') return null;
  const d = new Date(`${openedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + policy[severity]);
  return d.toISOString().slice(0, 10);
}

/** Age bands of open findings, in days since they were opened. */
export const ageBands = ['0-30', '31-90', '91-180', '181+'] as const;
export type AgeBand = (typeof ageBands)[number];

export function ageBandOf(days: number): AgeBand {
  if (days <= 30) return '0-30';
  if (days <= 90) return '31-90';
  if (days <= 180) return '91-180';
  return '181+';
}
