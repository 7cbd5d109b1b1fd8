import { describe, expect, it } from 'vitest';
import { nextReport, periodEndOf, periodsThrough } from './rules.ts';

// Calendar-quarter royalty reports due within 30 or 45 days of the quarter's end, as the typical patent licence
// clause reads ("within forty-five (45) days after the end of each calendar quarter").
describe('royalty reporting periods', () => {
  it('ends a period on the last day of its calendar quarter, half-year or year', () => {
    expect(periodEndOf('2024-02-10', 'quarterly')).toBe('2024-03-31');
    expect(periodEndOf('2024-12-31', 'quarterly')).toBe('2024-12-31');
    expect(periodEndOf('2024-07-01', 'semiannual')).toBe('2024-12-31');
    expect(periodEndOf('2024-06-30', 'semiannual')).toBe('2024-06-30');
    expect(periodEndOf('2023-05-05', 'annual')).toBe('2023-12-31');
  });

  it('starts with a short first period and ends with the term', () => {
    const periods = periodsThrough(
      { startsOn: '2024-02-15', endsOn: '2024-08-20' },
      'quarterly',
      45,
      '2030-01-01',
    );
    expect(periods).toEqual([
      { start: '2024-02-15', end: '2024-03-31', dueDate: '2024-05-15' },
      { start: '2024-04-01', end: '2024-06-30', dueDate: '2024-08-14' },
      { start: '2024-07-01', end: '2024-08-20', dueDate: '2024-10-04' },
    ]);
  });

  it('chases the earliest report not yet recorded', () => {
    const term = { startsOn: '2024-01-01', endsOn: null };
    expect(nextReport(term, 'quarterly', 30, new Set(['2024-03-31']), '2024-08-01')).toEqual({
      start: '2024-04-01',
      end: '2024-06-30',
      dueDate: '2024-07-30',
    });
    // Everything up to today's quarter recorded: the next quarter's report.
    expect(
      nextReport(term, 'quarterly', 30, new Set(['2024-03-31', '2024-06-30', '2024-09-30']), '2024-08-01'),
    ).toEqual({ start: '2024-10-01', end: '2024-12-31', dueDate: '2025-01-30' });
  });

  it('has nothing to chase once an ended term is fully reported', () => {
    const term = { startsOn: '2023-01-01', endsOn: '2023-12-31' };
    expect(nextReport(term, 'annual', 60, new Set(['2023-12-31']), '2024-05-01')).toBeNull();
    expect(nextReport(term, 'annual', 60, new Set(), '2024-05-01')?.dueDate).toBe('2024-02-29');
  });

  it('chases the first period of a term that has not begun', () => {
    const term = { startsOn: '2027-02-01', endsOn: null };
    expect(nextReport(term, 'semiannual', 30, new Set(), '2026-12-05')).toEqual({
      start: '2027-02-01',
      end: '2027-06-30',
      dueDate: '2027-07-30',
    });
  });
});
