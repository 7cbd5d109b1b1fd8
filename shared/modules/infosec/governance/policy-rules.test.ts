import { describe, expect, it } from 'vitest';
import { acknowledgementRate, currentVersion } from './policy-rules.ts';

describe('acknowledgementRate', () => {
  it('is the share acknowledged, to one decimal', () => {
    expect(acknowledgementRate(3, 1)).toEqual({ asked: 3, acknowledged: 1, rate: 33.3 });
    expect(acknowledgementRate(8, 8)).toEqual({ asked: 8, acknowledged: 8, rate: 100 });
    expect(acknowledgementRate(200, 199)).toEqual({ asked: 200, acknowledged: 199, rate: 99.5 });
  });
  it('is a true zero when people were asked and none acknowledged', () => {
    expect(acknowledgementRate(5, 0)).toEqual({ asked: 5, acknowledged: 0, rate: 0 });
  });
  it('has no rate when nobody was asked, rather than 0 %', () => {
    expect(acknowledgementRate(0, 0)).toEqual({ asked: 0, acknowledged: 0, rate: null });
  });
  it('refuses impossible counts', () => {
    expect(() => acknowledgementRate(2, 3)).toThrow(RangeError);
    expect(() => acknowledgementRate(-1, 0)).toThrow(RangeError);
    expect(() => acknowledgementRate(1.5, 0)).toThrow(RangeError);
  });
});

describe('currentVersion', () => {
  const v = (label: string, effectiveOn: string, createdAt = '2020-01-01T00:00:00Z') => ({
    label,
    effectiveOn,
    createdAt,
  });
  it('is the latest effective on or before the day', () => {
    const versions = [v('2.0', '2024-01-01'), v('1.0', '2020-05-01'), v('3.0', '2027-01-01')];
    expect(currentVersion(versions, '2026-12-05')?.label).toBe('2.0');
    expect(currentVersion(versions, '2027-01-01')?.label).toBe('3.0');
    expect(currentVersion(versions, '2023-12-31')?.label).toBe('1.0');
  });
  it('is none before the first version takes effect', () => {
    expect(currentVersion([v('1.0', '2027-01-01')], '2026-12-05')).toBeNull();
    expect(currentVersion([], '2026-12-05')).toBeNull();
  });
  it('takes the one recorded later when two take effect the same day', () => {
    const versions = [v('1.1', '2025-01-01', '2025-02-01T00:00:00Z'), v('1.0', '2025-01-01')];
    expect(currentVersion(versions, '2025-06-01')?.label).toBe('1.1');
  });
});
