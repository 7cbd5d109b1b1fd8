import { describe, expect, it } from 'vitest';
import { nextDrillDue, objectiveOutcome } from './rules.ts';

describe('drill rules', () => {
  // The policy: a recovery drill every six months, an incident drill each year.
  it('puts the next recovery drill six calendar months on, keeping the month end', () => {
    expect(nextDrillDue('recovery', '2023-05-18')).toBe('2023-11-18');
    expect(nextDrillDue('recovery', '2023-08-31')).toBe('2024-02-29');
    expect(nextDrillDue('recovery', '2023-12-15')).toBe('2024-06-15');
  });
  it('puts the next incident-response drill a year on', () => {
    expect(nextDrillDue('incident_response', '2023-10-02')).toBe('2024-10-02');
    expect(nextDrillDue('incident_response', '2024-02-29')).toBe('2025-02-28');
  });
  it('meets an objective up to and including its hours, and misses it past them', () => {
    expect(objectiveOutcome(4, 4)).toBe('met');
    expect(objectiveOutcome(3.5, 4)).toBe('met');
    expect(objectiveOutcome(4.25, 4)).toBe('missed');
    expect(objectiveOutcome(0, 0)).toBe('met');
    expect(objectiveOutcome(2, null)).toBe('no_objective');
    expect(objectiveOutcome(null, 4)).toBe('not_measured');
  });
});
