/** Countries of the group's sites and its usual partners, as ISO 3166 codes; the form shows their names. */
export const countryCodes = [
  'TW',
  'CN',
  'HK',
  'KR',
  'JP',
  'SG',
  'MY',
  'PH',
  'VN',
  'TH',
  'ID',
  'IN',
  'MX',
  'US',
  'CA',
  'BR',
  'DE',
  'FR',
  'GB',
  'NL',
  'IE',
  'PL',
  'CZ',
  'HU',
  'IL',
  'AU',
] as const;

/** The IANA time zones this browser knows. */
export function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC', 'Asia/Taipei', 'Asia/Shanghai', 'Asia/Seoul', 'Asia/Tokyo', 'Asia/Singapore'];
  }
}
