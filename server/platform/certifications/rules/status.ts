import type { Program } from '#shared/platform/access/programs.ts';
import { daysBetween } from '#shared/platform/obligations/rules/reminders.ts';

/**
 * A certificate standard a program owns. `family` is the prefix its other parts and editions share
 * (`IEC 62443` owns IEC 62443-3-3 as well as IEC 62443-2-1); by default the name itself (ISO 27001:2022).
 */
export type CertificateStandard = { name: string; family?: string };

/** Which program owns a standard's certificates (and so whose officers are reminded), from the programs' declarations. */
export function programOfStandard(
  standard: string,
  owned: readonly (CertificateStandard & { program: Program })[],
): Program | null {
  return owned.find((s) => standard.startsWith(s.family ?? s.name))?.program ?? null;
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
