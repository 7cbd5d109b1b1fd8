import { describe, expect, it } from 'vitest';
import { completionCurrent, parseHours, parseResult, percentDone } from './completion.ts';

describe('parseHours', () => {
  it('accepts up to two decimals, exactly', () => {
    expect(parseHours('1.5')).toBe('1.5');
    expect(parseHours(' 2,25 ')).toBe('2.25');
    expect(parseHours('0')).toBe('0');
    expect(parseHours('1.234')).toBeNull();
    expect(parseHours('-1')).toBeNull();
    expect(parseHours('1000')).toBeNull();
    expect(parseHours('abc')).toBeNull();
  });
});

describe('parseResult', () => {
  it('reads English and Chinese, defaulting to passed', () => {
    expect(parseResult('')).toBe('passed');
    expect(parseResult('通過')).toBe('passed');
    expect(parseResult('Fail')).toBe('failed');
    expect(parseResult('出席')).toBe('attended');
    expect(parseResult('maybe')).toBeNull();
  });
});

describe('completionCurrent', () => {
  it('keeps a one-off course forever and a yearly one for twelve months', () => {
    expect(completionCurrent('2020-01-01', 'passed', null, '2026-11-22')).toBe(true);
    expect(completionCurrent('2025-11-23', 'passed', 12, '2026-11-22')).toBe(true);
    expect(completionCurrent('2025-11-22', 'passed', 12, '2026-11-22')).toBe(false);
    expect(completionCurrent('2026-11-01', 'failed', 12, '2026-11-22')).toBe(false);
    expect(completionCurrent('2026-12-01', 'passed', 12, '2026-11-22')).toBe(false);
  });
});

describe('percentDone', () => {
  it('never rounds up to 100 before everyone is done', () => {
    expect(percentDone(999, 1000)).toBe(99);
    expect(percentDone(1000, 1000)).toBe(100);
    expect(percentDone(1, 3)).toBe(33);
    expect(percentDone(0, 0)).toBe(0);
  });
});
