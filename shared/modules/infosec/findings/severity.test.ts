import { describe, expect, it } from 'vitest';
import {
  ageBandOf,
  defaultDuePolicy,
  dueOn,
  severityOfSarifLevel,
  severityOfScore,
  severityOfWord,
} from './severity.ts';

describe('severityOfScore', () => {
  // FIRST, CVSS v3.1 Specification Document, section 5, Table 14 (the same bands in v4.0, section 6).
  it.each([
    [0, 'none'],
    [0.1, 'low'],
    [3.9, 'low'],
    [4.0, 'medium'],
    [6.9, 'medium'],
    [7.0, 'high'],
    [8.9, 'high'],
    [9.0, 'critical'],
    [10.0, 'critical'],
  ])('puts %s in the %s band', (score, band) => {
    expect(severityOfScore(score)).toBe(band);
  });

  it('refuses a score outside 0–10', () => {
    expect(() => severityOfScore(10.1)).toThrow(RangeError);
    expect(() => severityOfScore(Number.NaN)).toThrow(RangeError);
  });
});

describe('tool severities', () => {
  it('maps SARIF levels (2.1.0 §3.27.10) and a tool’s words', () => {
    expect(severityOfSarifLevel('error')).toBe('high');
    expect(severityOfSarifLevel('warning')).toBe('medium');
    expect(severityOfSarifLevel('note')).toBe('low');
    expect(severityOfSarifLevel('bogus')).toBeNull();
    expect(severityOfWord('Moderate')).toBe('medium');
    expect(severityOfWord('CRITICAL')).toBe('critical');
    expect(severityOfWord('whatever')).toBeNull();
  });
});

describe('dueOn', () => {
  it('counts the policy days from the day the finding opened (CISA BOD 19-02: critical 15, high 30)', () => {
    expect(dueOn('2026-01-20', 'critical', defaultDuePolicy)).toBe('2026-02-04');
    expect(dueOn('2026-01-31', 'high', defaultDuePolicy)).toBe('2026-03-02');
    expect(dueOn('2024-02-01', 'medium', defaultDuePolicy)).toBe('2024-05-01');
    expect(dueOn('2026-01-01', 'none', defaultDuePolicy)).toBeNull();
  });

  it('bands the age of open findings', () => {
    expect([0, 30, 31, 90, 91, 180, 181].map(ageBandOf)).toEqual([
      '0-30',
      '0-30',
      '31-90',
      '31-90',
      '91-180',
      '91-180',
      '181+',
    ]);
  });
});
