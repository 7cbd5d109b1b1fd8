import { describe, expect, it } from 'vitest';
import { completionCurrent } from '#shared/platform/training/rules/completion.ts';
import { addMonths, courseConcerns, trainingDue } from './due.ts';

/**
 * Taiwan's Occupational Safety and Health Education and Training Rules (職業安全衛生教育訓練規則), art. 17:
 * an employee in service takes at least three hours of safety and health training every three years
 * (recurrence 36 months); art. 17 also requires the training of new hires before they start work.
 */
describe('trainingDue', () => {
  it('falls due three years after the last completion of a three-yearly course (art. 17)', () => {
    const taken = [{ completedOn: '2023-12-04', result: 'passed' as const }];
    expect(trainingDue(taken, 36, '2026-06-01')).toEqual({
      state: 'done',
      lastCompletedOn: '2023-12-04',
      dueOn: '2026-12-04',
    });
    expect(trainingDue(taken, 36, '2026-10-05').state).toBe('due_soon');
    expect(trainingDue(taken, 36, '2026-10-04').state).toBe('done');
    expect(trainingDue(taken, 36, '2026-12-04').state).toBe('overdue');
  });

  it('agrees with completionCurrent on the day a completion stops counting', () => {
    for (const today of ['2026-11-21', '2026-11-22', '2026-11-23']) {
      const due = trainingDue([{ completedOn: '2025-11-22', result: 'passed' }], 12, today);
      expect(due.state === 'overdue').toBe(!completionCurrent('2025-11-22', 'passed', 12, today));
    }
  });

  it('counts the latest completion that is not a failure, and nothing in the future', () => {
    const due = trainingDue(
      [
        { completedOn: '2024-03-01', result: 'passed' },
        { completedOn: '2026-03-01', result: 'failed' },
        { completedOn: '2025-02-01', result: 'attended' },
        { completedOn: '2027-01-01', result: 'passed' },
      ],
      12,
      '2026-01-15',
    );
    expect(due).toEqual({ state: 'due_soon', lastCompletedOn: '2025-02-01', dueOn: '2026-02-01' });
  });

  it('says never taken, and keeps a one-off course done forever', () => {
    expect(trainingDue([], 12, '2026-01-01')).toEqual({
      state: 'not_taken',
      lastCompletedOn: null,
      dueOn: null,
    });
    expect(trainingDue([{ completedOn: '2026-03-01', result: 'failed' }], null, '2026-04-01').state).toBe(
      'not_taken',
    );
    expect(trainingDue([{ completedOn: '2010-05-01', result: 'passed' }], null, '2026-04-01').state).toBe(
      'done',
    );
  });
});

describe('courseConcerns', () => {
  const employee = { kind: 'employee' as const, hireDate: '2026-02-01' };
  it('gives employees the all-employee courses and, in their first year, the new-hire ones (art. 17)', () => {
    expect(courseConcerns('all_employees', employee, '2026-12-04')).toBe(true);
    expect(courseConcerns('new_hires', employee, '2026-12-04')).toBe(true);
    expect(courseConcerns('new_hires', employee, '2027-02-01')).toBe(false);
    expect(courseConcerns('contractors', employee, '2026-12-04')).toBe(false);
    expect(courseConcerns('site_officers', employee, '2026-12-04')).toBe(false);
  });
  it('gives contractor workers the contractor courses only', () => {
    expect(courseConcerns('contractors', { kind: 'contractor_worker' }, '2026-12-04')).toBe(true);
    expect(courseConcerns('all_employees', { kind: 'contractor_worker' }, '2026-12-04')).toBe(false);
  });
  it('adds calendar months', () => {
    expect(addMonths('2023-12-04', 36)).toBe('2026-12-04');
    expect(addMonths('2026-12-04', -12)).toBe('2025-12-04');
  });
});
