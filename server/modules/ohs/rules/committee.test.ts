import { describe, expect, it } from 'vitest';
import { compositionWarnings } from '#shared/platform/meetings/rules/committee.ts';
import { workerRepresentation } from './committee.ts';

/** 職業安全衛生管理辦法 art. 11: labour representatives hold at least one third of an OHS committee's seats. */
describe('workerRepresentation', () => {
  it('asks an OHS committee for employee representatives in at least a third of the seats', () => {
    expect(workerRepresentation(['chair', 'secretary', 'member', 'member'])).toEqual([
      {
        code: 'worker-representation',
        messageKey: 'ohs.committee.workerRepresentation',
        params: { reps: 0, seats: 4 },
      },
    ]);
    expect(workerRepresentation(['chair', 'secretary', 'member', 'employee_representative'])).toHaveLength(1); // 1 of 4 < 1/3
    expect(workerRepresentation(['chair', 'secretary', 'employee_representative'])).toEqual([]); // exactly a third
    expect(
      workerRepresentation([
        'chair',
        'secretary',
        'member',
        'employee_representative',
        'employee_representative',
        'member',
      ]),
    ).toEqual([]);
    expect(workerRepresentation([])).toHaveLength(1);
  });
  it('adds to the platform rules when the committee is an OHS one', () => {
    expect(compositionWarnings(['member'], [workerRepresentation]).map((w) => w.code)).toEqual([
      'no-chair',
      'no-secretary',
      'worker-representation',
    ]);
  });
});
