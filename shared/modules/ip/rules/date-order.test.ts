import { describe, expect, it } from 'vitest';
import { dateOrderProblems } from './date-order.ts';

describe('a matter’s dates against its filing day', () => {
  it('accepts the same day on every side of the filing', () => {
    const d = '2024-02-29';
    expect(
      dateOrderProblems({ filingDate: d, priorityDate: d, termFrom: d, publicationDate: d, grantDate: d }),
    ).toEqual([]);
  });

  it('names a priority or term start after the filing, a publication or grant before it', () => {
    expect(
      dateOrderProblems({
        filingDate: '2024-02-29',
        priorityDate: '2024-03-01',
        termFrom: '2024-03-01',
        publicationDate: '2024-02-28',
        grantDate: '2023-12-31',
      }),
    ).toEqual([
      { field: 'priorityDate', problem: 'afterFiling' },
      { field: 'termFrom', problem: 'afterFiling' },
      { field: 'publicationDate', problem: 'beforeFiling' },
      { field: 'grantDate', problem: 'beforeFiling' },
    ]);
  });

  it('leaves a day that is not a calendar date to the field’s own check', () => {
    expect(dateOrderProblems({ filingDate: '2023-02-29', priorityDate: '2024-01-01' })).toEqual([]);
    expect(dateOrderProblems({ filingDate: '2023-03-01', priorityDate: '2023-02-30' })).toEqual([]);
    expect(dateOrderProblems({ filingDate: '2023-03-01', priorityDate: null, grantDate: '' })).toEqual([]);
  });
});
