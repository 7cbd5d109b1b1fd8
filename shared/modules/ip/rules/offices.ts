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

/** The day the Unitary Patent system started (Regulation (EU) 1257/2012 art. 18(2); UPC Agreement in force). */
export const UNITARY_PATENT_START = '2023-06-01';

/**
 * The EU member states in which a Unitary Patent takes effect, each from the day it joined: the 17 of the start,
 * and Romania from 2024-09-01. A Unitary Patent covers the states participating when its unitary effect is
 * registered (art. 18(2)); no national renewal fee is paid in them (art. 11).
 */
export const UNITARY_PATENT_STATES: readonly { state: EpState; from: string }[] = [
  ...(
    [
      'AT',
      'BE',
      'BG',
      'DE',
      'DK',
      'EE',
      'FI',
      'FR',
      'IT',
      'LT',
      'LU',
      'LV',
      'MT',
      'NL',
      'PT',
      'SE',
      'SI',
    ] as const
  ).map((state) => ({ state, from: UNITARY_PATENT_START })),
  { state: 'RO', from: '2024-09-01' },
];

/** The states a Unitary Patent granted on `day` covers. */
export function unitaryStatesOn(day: string): EpState[] {
  return UNITARY_PATENT_STATES.filter((s) => s.from <= day).map((s) => s.state);
}

export type ValidationProblem = {
  field: 'validationStates' | 'unitaryEffect';
  problem: 'epOnly' | 'afterGrant' | 'beforeStart' | 'coveredByUnitary';
  states?: EpState[];
};

/** What is wrong with where a matter took effect: validation and unitary effect belong to a granted European patent. */
export function validationProblems(m: {
  office: Office;
  grantDate: string | null;
  validationStates: readonly EpState[];
  unitaryEffect: boolean;
}): ValidationProblem[] {
  const out: ValidationProblem[] = [];
  if (m.office !== 'EP') {
    if (m.validationStates.length) out.push({ field: 'validationStates', problem: 'epOnly' });
    if (m.unitaryEffect) out.push({ field: 'unitaryEffect', problem: 'epOnly' });
    return out;
  }
  if (!m.unitaryEffect) return out;
  if (!m.grantDate) return [{ field: 'unitaryEffect', problem: 'afterGrant' }];
  if (m.grantDate < UNITARY_PATENT_START) return [{ field: 'unitaryEffect', problem: 'beforeStart' }];
  const covered = new Set(unitaryStatesOn(m.grantDate));
  const twice = m.validationStates.filter((s) => covered.has(s));
  if (twice.length) out.push({ field: 'validationStates', problem: 'coveredByUnitary', states: twice });
  return out;
}
