import { describe, expect, it } from 'vitest';
import { qualificationState, reportStatus } from './self-service.ts';

describe('reportStatus', () => {
  it('follows the investigation: none or draft is received, running or in review is investigating', () => {
    expect(reportStatus(null)).toBe('received');
    expect(reportStatus('draft')).toBe('received');
    expect(reportStatus('investigating')).toBe('investigating');
    expect(reportStatus('review')).toBe('investigating');
    expect(reportStatus('closed')).toBe('closed');
  });
});

describe('qualificationState', () => {
  it('is valid through its last day, expiring within 60 days of it, expired the day after', () => {
    expect(qualificationState('2027-03-01', '2026-12-04')).toEqual({ state: 'valid', daysLeft: 87 });
    expect(qualificationState('2027-02-02', '2026-12-04')).toEqual({ state: 'expiring', daysLeft: 60 });
    expect(qualificationState('2026-12-04', '2026-12-04')).toEqual({ state: 'expiring', daysLeft: 0 });
    expect(qualificationState('2026-12-03', '2026-12-04')).toEqual({ state: 'expired', daysLeft: -1 });
  });
});
