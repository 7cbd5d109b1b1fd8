import { describe, expect, it } from 'vitest';
import { type Checklist, measuresScore, secretMeasures } from '#shared/modules/ip/rules/secrets.ts';
import { nextReviewDue } from './secrets.ts';

const all = (state: 'yes' | 'partial' | 'no'): Checklist =>
  Object.fromEntries(secretMeasures.map((m) => [m, { state, note: null }])) as Checklist;

describe('reasonable-measures score', () => {
  it('gives 100 when every measure is in place and 0 when none is', () => {
    expect(measuresScore(all('yes')).score).toBe(100);
    expect(measuresScore(all('no')).score).toBe(0);
    expect(measuresScore(all('partial')).score).toBe(50);
  });

  it('weighs the five measures equally, a partial one at half, and shows the points of each', () => {
    const checklist: Checklist = {
      ...all('no'),
      access_control: { state: 'yes', note: 'Badge-controlled room' },
      marking: { state: 'partial', note: 'Drawings only' },
      training: { state: 'yes', note: null },
    };
    const { score, working } = measuresScore(checklist);
    expect(score).toBe(50);
    expect(working).toEqual([
      { measure: 'access_control', state: 'yes', points: 20, max: 20 },
      { measure: 'marking', state: 'partial', points: 10, max: 20 },
      { measure: 'confidentiality_agreements', state: 'no', points: 0, max: 20 },
      { measure: 'training', state: 'yes', points: 20, max: 20 },
      { measure: 'infosec_controls', state: 'no', points: 0, max: 20 },
    ]);
  });
});

describe('yearly review', () => {
  it('falls due one year after the last review', () => {
    expect(nextReviewDue('2024-06-14')).toBe('2025-06-14');
    expect(nextReviewDue('2024-12-31')).toBe('2025-12-31');
  });

  it('falls on 28 February in a common year after a review on a leap day', () => {
    expect(nextReviewDue('2024-02-29')).toBe('2025-02-28');
  });

  it('keeps 28 February when a review on 28 February is followed by a leap year', () => {
    expect(nextReviewDue('2023-02-28')).toBe('2024-02-28');
  });
});
