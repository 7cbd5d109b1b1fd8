import { describe, expect, it } from 'vitest';
import { listParams } from './list-params.ts';

describe('the query of a list request', () => {
  it('keeps the view’s value where the page leaves a filter unset', () => {
    expect(
      listParams(
        { page: 1 },
        { view: 'mine', calendarState: 'open' },
        { calendarState: undefined, kind: 'a' },
      ),
    ).toEqual({ page: 1, view: 'mine', calendarState: 'open', kind: 'a' });
  });

  it('lets a filter the page sets win over the view', () => {
    expect(listParams({}, { calendarState: 'open' }, { calendarState: 'done' })).toEqual({
      calendarState: 'done',
    });
  });
});
