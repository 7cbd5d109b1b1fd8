import { describe, expect, it } from 'vitest';
import { matchSystems, nameKey, type RoutableSystem } from './routing.ts';
import { dueOn } from './settings.ts';
import { compareVersions, versionInRange } from './versions.ts';

describe('affected versions', () => {
  // node-semver README, "Ranges": `1.2.7 || >=1.2.9 <2.0.0` matches 1.2.7, 1.2.9 and 1.4.6, not 1.2.8 or 2.0.0.
  it.each([
    ['1.2.7', true],
    ['1.2.9', true],
    ['1.4.6', true],
    ['1.2.8', false],
    ['2.0.0', false],
  ])('semver range: %s → %s', (v, expected) => {
    expect(versionInRange(v, '1.2.7 || >=1.2.9 <2.0.0')).toBe(expected);
  });

  it('compares vendor versions that are not semantic versions segment by segment', () => {
    expect(versionInRange('10.0.19045.3803', '>=10.0.19041 <10.0.19045.3930')).toBe(true);
    expect(versionInRange('10.0.19045.3930', '>=10.0.19041 <10.0.19045.3930')).toBe(false);
    expect(versionInRange('V2.9-SP1', '< V2.9-SP2')).toBe(true);
    expect(versionInRange('2.9', '2.9.0')).toBe(true);
    expect(compareVersions('R2.4a', 'R2.4b')).toBe(-1);
    expect(compareVersions('2.10', '2.9')).toBe(1);
  });

  it('routes every version when the advisory names none, and a system whose version is not recorded', () => {
    expect(versionInRange('1.0', null)).toBe(true);
    expect(versionInRange('1.0', '*')).toBe(true);
    expect(versionInRange(null, '<2.0')).toBe(true);
  });
});

describe('routing software to registered systems', () => {
  const system = (id: string, site: string, s: Partial<RoutableSystem>): RoutableSystem => ({
    id,
    site_id: site,
    vendor: null,
    product: null,
    product_version: null,
    cpe: null,
    ...s,
  });
  const systems = [
    system('plc', 'K7', { cpe: 'cpe:2.3:o:siemens:simatic_s7-1500_firmware:2.9.2:*:*:*:*:*:*:*' }),
    system('web-tc', 'TC', { vendor: 'Apache', product: 'HTTP Server', product_version: '2.4.57' }),
    system('web-pg', 'PG', { vendor: 'Apache', product: 'HTTP Server', product_version: '2.4.58' }),
    system('other-vendor', 'SZ', { vendor: 'Contoso', product: 'HTTP Server', product_version: '2.4.1' }),
  ];

  it('matches by CPE vendor and product, or by vendor and product names, within the range', () => {
    const matches = matchSystems(
      [
        {
          stixId: 's1',
          name: 'firmware',
          vendor: null,
          version: '<3.0.0',
          cpe: 'cpe:2.3:o:siemens:simatic_s7-1500_firmware:*:*:*:*:*:*:*:*',
        },
        { stixId: 's2', name: 'HTTP Server', vendor: 'Apache', version: '>=2.4.0 <2.4.58', cpe: null },
      ],
      systems,
    );
    expect(matches).toEqual([
      { systemId: 'plc', siteId: 'K7', softwareStixId: 's1' },
      { systemId: 'web-tc', siteId: 'TC', softwareStixId: 's2' },
    ]);
  });

  it('writes names as CPE does (NIST IR 7695 §5.3.2: lower case, underscores)', () => {
    expect(nameKey('SIMATIC S7-1500 ')).toBe('simatic_s7-1500');
    expect(nameKey('*')).toBeNull();
  });
});

describe('due date by severity', () => {
  const days = { critical: 7, high: 14, medium: 30, low: 90 };
  it('adds the days of the severity to the day of routing, across a month and a year', () => {
    expect(dueOn('2026-12-05', days, 'high')).toBe('2026-12-19');
    expect(dueOn('2026-12-28', days, 'critical')).toBe('2027-01-04');
    expect(dueOn('2028-02-01', days, 'medium')).toBe('2028-03-02');
  });
});
