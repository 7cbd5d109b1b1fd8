import { describe, expect, it } from 'vitest';
import { maxParticipationHours, termDays } from './placements.ts';

describe('internship cooperation placements', () => {
  it('counts a term’s days with both ends', () => {
    expect(termDays('2022-07-01', '2022-08-31')).toBe(62);
    expect(termDays('2022-07-01', '2022-07-01')).toBe(1);
    // Across a leap day.
    expect(termDays('2024-02-28', '2024-03-01')).toBe(3);
  });

  it('allows at most twelve hours a student a day', () => {
    // 30 students over a two-month summer term: 62 days × 30 × 12.
    expect(maxParticipationHours('2022-07-01', '2022-08-31', 30)).toBe(22_320);
    expect(maxParticipationHours('2022-07-01', '2022-07-01', 1)).toBe(12);
  });
});
