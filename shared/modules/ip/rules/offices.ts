/** The offices, kinds, statuses and technologies of the IP portfolio (shared by the contract and the rules). */

/** Patent offices: Taiwan (TIPO), the US (USPTO), China (CNIPA), the EPO, Japan (JPO), Korea (KIPO), a PCT
 *  international application (WO), and others kept without rules. */
export const offices = ['TW', 'US', 'CN', 'EP', 'JP', 'KR', 'WO', 'OTHER'] as const;
export type Office = (typeof offices)[number];

export const kinds = ['invention', 'utility_model', 'design'] as const;
export type Kind = (typeof kinds)[number];

export const statuses = [
  'draft',
  'filed',
  'published',
  'under_examination',
  'allowed',
  'granted',
  'lapsed',
  'abandoned',
  'expired',
  'opposed',
  'in_litigation',
] as const;
export type Status = (typeof statuses)[number];

/** Statuses of a matter in force after grant (its fees fall due). */
export const grantedStatuses: readonly Status[] = ['granted', 'opposed', 'in_litigation'];
/** Statuses of a pending application. */
export const pendingStatuses: readonly Status[] = ['filed', 'published', 'under_examination', 'allowed'];
/** Dead matters: nothing falls due any more. */
export const deadStatuses: readonly Status[] = ['lapsed', 'abandoned', 'expired'];

/** The seed's technology initiatives, and others. */
export const technologies = ['sip', 'ic_2_5d_3d', 'fan_out', 'mems_sensor', 'other'] as const;
export type Technology = (typeof technologies)[number];

/** USPTO entity sizes (35 U.S.C. 41(h), 123): small and micro entities pay reduced US fees. */
export const entitySizes = ['large', 'small', 'micro'] as const;
export type EntitySize = (typeof entitySizes)[number];

export const trademarkOffices = ['TW', 'US', 'CN', 'EU'] as const;
export const trademarkStatuses = ['filed', 'registered', 'opposed', 'lapsed', 'abandoned'] as const;

/**
 * The states in which a granted European patent may take effect: the 39 contracting states of the EPC (art. 79),
 * the extension state Bosnia and Herzegovina, and the validation states Morocco, Moldova, Tunisia, Cambodia and
 * Georgia (each by its agreement with the EPO). ISO 3166 codes, GB for the United Kingdom.
 */
// biome-ignore format: a list of codes reads best packed
export const epStates = [
  'AL', 'AT', 'BE', 'BG', 'CH', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GB', 'GR', 'HR', 'HU', 'IE',
  'IS', 'IT', 'LI', 'LT', 'LU', 'LV', 'MC', 'ME', 'MK', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'RS', 'SE', 'SI',
  'SK', 'SM', 'TR', 'BA', 'MA', 'MD', 'TN', 'KH', 'GE',
] as const;
export type EpState = (typeof epStates)[number];
