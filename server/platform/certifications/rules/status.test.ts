import { describe, expect, it } from 'vitest';
import { programModules } from '../../../modules/index.ts';
import { certificationStatus, programOfStandard } from './status.ts';

describe('certificationStatus', () => {
  const base = { renewalInProgress: false, superseded: false };
  it('follows the calendar', () => {
    expect(certificationStatus({ ...base, validUntil: '2027-06-01' }, '2026-11-22')).toBe('valid');
    expect(certificationStatus({ ...base, validUntil: '2027-02-20' }, '2026-11-22')).toBe('expiring');
    expect(certificationStatus({ ...base, validUntil: '2026-11-22' }, '2026-11-22')).toBe('expiring');
    expect(certificationStatus({ ...base, validUntil: '2026-11-21' }, '2026-11-22')).toBe('expired');
  });
  it('shows a renewal in progress until expiry, and supersession always', () => {
    expect(
      certificationStatus({ ...base, validUntil: '2027-01-01', renewalInProgress: true }, '2026-11-22'),
    ).toBe('renewal-in-progress');
    expect(
      certificationStatus({ ...base, validUntil: '2025-01-01', renewalInProgress: true }, '2026-11-22'),
    ).toBe('expired');
    expect(certificationStatus({ ...base, validUntil: '2025-01-01', superseded: true }, '2026-11-22')).toBe(
      'superseded',
    );
  });
  it('the seed: ASE Korea ISO 45001 valid until 2023-08-22 has expired by now', () => {
    expect(certificationStatus({ ...base, validUntil: '2023-08-22' }, '2026-11-22')).toBe('expired');
  });
});

describe('programOfStandard', () => {
  const owned = programModules.flatMap((m) => (m.standards ?? []).map((s) => ({ ...s, program: m.key })));
  it("maps standards to the program whose manifest declares them, other parts of a standard's family included", () => {
    expect(programOfStandard('ISO 45001', owned)).toBe('ohs');
    expect(programOfStandard('ISO 27001', owned)).toBe('infosec');
    expect(programOfStandard('ISO 27001:2022', owned)).toBe('infosec');
    expect(programOfStandard('IEC 62443-2-1', owned)).toBe('infosec');
    expect(programOfStandard('IEC 62443-3-3', owned)).toBe('infosec');
    expect(programOfStandard('TIPS', owned)).toBe('ip');
    expect(programOfStandard('Company standard X', owned)).toBeNull();
  });
});
