import { describe, expect, it } from 'vitest';
import {
  assessmentScore,
  followUpDue,
  type ScoredQuestion,
  type SupplierAnswer,
  scoreBand,
} from './rules.ts';

const questions: ScoredQuestion[] = [
  { code: 'OS-1', area: 'os_software', weight: 3 },
  { code: 'OS-2', area: 'os_software', weight: 1 },
  { code: 'NET-1', area: 'network', weight: 2 },
  { code: 'LOG-1', area: 'logging', weight: 2 },
];
const answers = (entries: [string, SupplierAnswer][]) => new Map(entries);

describe('assessmentScore (the program’s weighted rule)', () => {
  it('earns the weight for yes, half for partial, nothing for no', () => {
    const s = assessmentScore(
      questions,
      answers([
        ['OS-1', 'yes'],
        ['OS-2', 'partial'],
        ['NET-1', 'no'],
        ['LOG-1', 'yes'],
      ]),
    );
    // (3 + 0.5 + 0 + 2) / 8 = 68.75 %
    expect(s.score).toBe(68.8);
    expect(s.complete).toBe(true);
    expect(s.areas).toEqual([
      { area: 'os_software', score: 87.5 },
      { area: 'network', score: 0 },
      { area: 'logging', score: 100 },
    ]);
  });

  it('leaves not-applicable questions out of both sides', () => {
    const s = assessmentScore(
      questions,
      answers([
        ['OS-1', 'yes'],
        ['OS-2', 'yes'],
        ['NET-1', 'not_applicable'],
        ['LOG-1', 'no'],
      ]),
    );
    expect(s.score).toBe(66.7);
    expect(s.areas.find((a) => a.area === 'network')?.score).toBeNull();
  });

  it('scores the answers so far and says the questionnaire is not complete', () => {
    const s = assessmentScore(questions, answers([['NET-1', 'yes']]));
    expect(s).toMatchObject({ score: 100, answered: 1, questions: 4, complete: false });
  });

  it('has no score, not a zero, when nothing applicable is answered', () => {
    expect(assessmentScore(questions, answers([])).score).toBeNull();
    expect(assessmentScore(questions, answers([['OS-1', 'not_applicable']])).score).toBeNull();
  });
});

describe('scoreBand', () => {
  it('bands at 80 and 60', () => {
    expect(scoreBand(80)).toBe('satisfactory');
    expect(scoreBand(79.9)).toBe('improve');
    expect(scoreBand(60)).toBe('improve');
    expect(scoreBand(59.9)).toBe('at_risk');
    expect(scoreBand(null)).toBeNull();
  });
});

describe('followUpDue', () => {
  it('falls three years after the results were confirmed', () => {
    expect(followUpDue('2022-06-30')).toBe('2025-06-30');
  });
});
