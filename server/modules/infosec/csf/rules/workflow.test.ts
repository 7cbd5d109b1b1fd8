import { describe, expect, it } from 'vitest';
import { mayAnswer, missingAnswers, type Party, STEPS, stepsFor } from './workflow.ts';

const as = (...p: Party[]) => new Set(p);

describe('an assessment from draft to approval', () => {
  it('lets each party take its own steps in order', () => {
    expect(stepsFor('draft', as('assessor'))).toEqual(['submit']);
    expect(stepsFor('in_review', as('site'))).toEqual(['return', 'review']);
    expect(stepsFor('reviewed', as('assessor'))).toEqual(['sign_off']);
    expect(stepsFor('signed_off', as('owner'))).toEqual(['approve']);
    // An owner who also manages the site may review it and approve it, each at its turn.
    expect(stepsFor('in_review', as('site', 'owner'))).toEqual(['return', 'review']);
  });

  it('locks an approved or superseded assessment', () => {
    for (const status of ['approved', 'superseded'] as const) {
      expect(stepsFor(status, as('assessor', 'site', 'owner'))).toEqual([]);
      expect(mayAnswer(status, as('assessor'))).toBe(false);
    }
  });

  it('never lets the assessor review or approve their own work', () => {
    expect(stepsFor('in_review', as('assessor', 'site'))).toEqual([]);
    expect(stepsFor('signed_off', as('assessor', 'owner'))).toEqual([]);
  });

  it('lets the site team act for a consultancy with no named assessor, and the owner still approve', () => {
    expect(stepsFor('draft', as('assessor', 'site'), false)).toEqual(['submit']);
    expect(stepsFor('in_review', as('assessor', 'site'), false)).toEqual(['return', 'review']);
    expect(stepsFor('reviewed', as('assessor', 'site'), false)).toEqual(['sign_off']);
    expect(stepsFor('signed_off', as('assessor', 'site'), false)).toEqual([]);
    expect(stepsFor('signed_off', as('assessor', 'site', 'owner'), false)).toEqual(['approve']);
  });

  it('takes answers only in draft and only from the assessor', () => {
    expect(mayAnswer('draft', as('assessor'))).toBe(true);
    expect(mayAnswer('draft', as('site', 'owner'))).toBe(false);
    expect(mayAnswer('in_review', as('assessor'))).toBe(false);
  });

  it('names what is still unanswered', () => {
    expect(missingAnswers(['ID.AM-01', 'ID.AM-02', 'PR.AA-01'], new Set(['ID.AM-02']))).toEqual([
      'ID.AM-01',
      'PR.AA-01',
    ]);
  });

  it('has every step leave from a live status', () => {
    for (const s of Object.values(STEPS)) expect(['approved', 'superseded']).not.toContain(s.from);
  });
});
