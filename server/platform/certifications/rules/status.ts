import { daysBetween } from '../../obligations/rules/reminders.ts';

/** The standards the group certifies against; users may define others. */
export const knownStandards = [
  'ISO 45001',
  'ISO 27001',
  'ISO 22301',
  'ISO 15408',
  'ISO/SAE 21434',
  'IEC 62443-2-1',
  'GSMA SAS-UP',
  'TIPS',
] as const;

export type Program = 'ip' | 'infosec' | 'ohs' | 'academia' | 'smart';

/** Which program owns a standard's certificates (and so whose officers are reminded). */
export function programOfStandard(standard: string): Program | null {
  if (standard === 'ISO 45001') return 'ohs';
  if (standard === 'TIPS') return 'ip';
  if (/^(ISO 27001|ISO 22301|ISO 15408|ISO\/SAE 21434|IEC 62443|GSMA SAS)/.test(standard)) return 'infosec';
  return null;
}

export type CertificationStatus = 'valid' | 'expiring' | 'expired' | 'renewal-in-progress' | 'superseded';

export const EXPIRING_WITHIN_DAYS = 90;

/**
 * A certificate's status on a day. A renewal in progress shows as such until the certificate expires;
 * one that a later certificate of the same standard and holder replaced is superseded.
 */
export function certificationStatus(
  c: { validUntil: string; renewalInProgress: boolean; superseded: boolean },
  today: string,
): CertificationStatus {
  if (c.superseded) return 'superseded';
  const left = daysBetween(today, c.validUntil);
  if (left < 0) return 'expired';
  if (c.renewalInProgress) return 'renewal-in-progress';
  return left <= EXPIRING_WITHIN_DAYS ? 'expiring' : 'valid';
}
