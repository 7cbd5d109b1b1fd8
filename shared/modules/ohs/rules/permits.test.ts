import { describe, expect, it } from 'vitest';
import { gasTestProblems, nextStatus, periodsOverlap } from './permits.ts';
import { defaultRiskMatrix, matrixProblems, reviewIntervalMonths, riskLevel } from './risk.ts';

describe('permit flow', () => {
  it('walks a confined space permit through its gas test', () => {
    const steps = [
      ['approve', 'approved'],
      ['verify_isolations', 'isolations_verified'],
      ['record_gas_test', 'gas_test_passed'],
      ['issue', 'issued'],
      ['start', 'active'],
      ['complete', 'completed'],
      ['close', 'closed'],
    ] as const;
    let status = 'requested' as Parameters<typeof nextStatus>[1];
    for (const [t, to] of steps) {
      const next = nextStatus('confined_space', status, t);
      expect(next).toBe(to);
      status = next as typeof status;
    }
  });
  it('does not issue a gas-tested type without its test, and skips the test for others', () => {
    expect(nextStatus('hot_work', 'isolations_verified', 'issue')).toBeNull();
    expect(nextStatus('crane', 'isolations_verified', 'issue')).toBe('issued');
    expect(nextStatus('crane', 'isolations_verified', 'record_gas_test')).toBeNull();
  });
  it('re-tests the atmosphere after a suspension', () => {
    expect(nextStatus('confined_space', 'suspended', 'resume')).toBe('isolations_verified');
    expect(nextStatus('elevated_work', 'suspended', 'resume')).toBe('active');
  });
  it('refuses out-of-order moves', () => {
    expect(nextStatus('roof_work', 'requested', 'start')).toBeNull();
    expect(nextStatus('roof_work', 'closed', 'cancel')).toBeNull();
    expect(nextStatus('roof_work', 'active', 'reject')).toBeNull();
  });
});

describe('gas test', () => {
  it('passes at 20.9% oxygen and 0% LEL; fails below 18% oxygen or at 10% LEL', () => {
    expect(gasTestProblems({ oxygenPercent: 20.9, lelPercent: 0 })).toEqual([]);
    expect(gasTestProblems({ oxygenPercent: 18, lelPercent: 9.9 })).toEqual([]);
    expect(gasTestProblems({ oxygenPercent: 17.9, lelPercent: 0 })).toEqual(['Oxygen 17.9% is below 18%.']);
    expect(gasTestProblems({ oxygenPercent: 20.9, lelPercent: 10 })).toEqual([
      'Flammables at 10% of the LEL: must be under 10%.',
    ]);
  });
});

describe('overlap', () => {
  it('finds overlapping periods, touching ends excepted', () => {
    const a = { start: new Date('2026-01-01T08:00Z'), end: new Date('2026-01-01T12:00Z') };
    expect(
      periodsOverlap(a, { start: new Date('2026-01-01T11:00Z'), end: new Date('2026-01-01T13:00Z') }),
    ).toBe(true);
    expect(
      periodsOverlap(a, { start: new Date('2026-01-01T12:00Z'), end: new Date('2026-01-01T13:00Z') }),
    ).toBe(false);
  });
});

describe('risk matrix', () => {
  it('bands likelihood × severity on the default 5 × 5 matrix', () => {
    expect(riskLevel(1, 4)).toBe('low');
    expect(riskLevel(3, 3)).toBe('medium');
    expect(riskLevel(4, 4)).toBe('high');
    expect(riskLevel(5, 4)).toBe('critical');
    expect(reviewIntervalMonths('critical')).toBe(3);
  });
  it('checks a configured matrix', () => {
    expect(matrixProblems(defaultRiskMatrix)).toEqual([]);
    expect(
      matrixProblems({
        ...defaultRiskMatrix,
        bands: [
          { upTo: 9, level: 'low' },
          { upTo: 4, level: 'high' },
        ],
      }),
    ).toEqual(['Bands must rise.', 'The last band must reach 25.']);
  });
});
