import { describe, expect, it } from 'vitest';
import { conversion, percent } from './conversion.ts';

const done = (endedOn: string, hiredOn: string | null = null) => ({
  outcome: 'completed' as const,
  endedOn,
  hired: hiredOn !== null,
});

describe('intern-to-hire conversion', () => {
  it('counts the completed internships of the period and those hired', () => {
    const r = conversion(
      [
        done('2022-06-30', '2022-09-01'),
        done('2022-08-31', '2023-07-01'),
        done('2022-08-31'),
        done('2021-12-31', '2022-03-01'), // ended before the period
        { outcome: 'withdrawn', endedOn: '2022-04-01', hired: false },
        { outcome: 'ongoing', endedOn: null, hired: false },
      ],
      '2022-01-01',
      '2022-12-31',
    );
    expect(r).toEqual({ completed: 3, hired: 2, ratePercent: '66.7' });
  });

  it('has no rate, rather than 0 %, when nobody completed', () => {
    expect(conversion([], '2022-01-01', '2022-12-31')).toEqual({ completed: 0, hired: 0, ratePercent: null });
    expect(conversion([done('2022-05-01')], '2022-01-01', '2022-12-31').ratePercent).toBe('0.0');
  });

  it('counts a group of interns with the same outcome and end as many', () => {
    const r = conversion(
      [
        { ...done('2022-06-30', '2022-09-01'), count: 7 },
        { ...done('2022-06-30'), count: 3 },
        { ...done('2021-06-30', '2021-09-01'), count: 5 }, // ended before the period
      ],
      '2022-01-01',
      '2022-12-31',
    );
    expect(r).toEqual({ completed: 10, hired: 7, ratePercent: '70.0' });
  });

  it('rounds the percentage half up to one decimal', () => {
    // NACE's 2023 survey figure is a share of this kind: 561 of 1,000 interns is 56.1 %.
    expect(percent(561, 1000)).toBe('56.1');
    expect(percent(1, 8)).toBe('12.5');
    expect(percent(1, 3)).toBe('33.3');
    expect(percent(2, 3)).toBe('66.7');
    expect(percent(1, 1)).toBe('100.0');
  });
});
