import calculator from 'ae-cvss-calculator';
import { type Severity, severityOfScore } from '#shared/modules/infosec/findings/severity.ts';

const { Cvss3P1, Cvss4P0 } = calculator;

export type CvssScore = { vector: string; version: '3.1' | '4.0'; score: number; severity: Severity };

/**
 * The base score of a CVSS v3.1 or v4.0 vector, computed by {metæffekt}'s calculator (ae-cvss-calculator,
 * which implements FIRST's specifications), and its band. Null for a vector that is not a complete v3.1 or
 * v4.0 base vector: a partial vector scores nothing, and the finding falls back on the tool's own severity.
 */
export function scoreVector(raw: string): CvssScore | null {
  const vector = raw.trim();
  const version = vector.startsWith('CVSS:3.1/') ? '3.1' : vector.startsWith('CVSS:4.0/') ? '4.0' : null;
  if (!version) return null;
  try {
    const parsed = version === '3.1' ? new Cvss3P1(vector) : new Cvss4P0(vector);
    if (!parsed.isBaseFullyDefined()) return null;
    const score = parsed.calculateScores().base;
    if (typeof score !== 'number' || Number.isNaN(score)) return null;
    return { vector: parsed.toString(), version, score, severity: severityOfScore(score) };
  } catch {
    // An unknown metric or value (AV:Q): not a vector.
    return null;
  }
}
