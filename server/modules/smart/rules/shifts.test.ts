import { describe, expect, it } from 'vitest';
import { defaultEscalationMinutes, escalationDue, localMinutes, onShift } from './shifts.ts';

describe('responder shifts', () => {
  it('reads the time of day in the site time zone', () => {
    const at = new Date('2026-03-02T23:30:00Z');
    expect(localMinutes(at, 'Asia/Taipei')).toBe(7 * 60 + 30);
    expect(localMinutes(at, 'UTC')).toBe(23 * 60 + 30);
    expect(localMinutes(new Date('2026-03-02T16:00:00Z'), 'Asia/Taipei')).toBe(0);
  });

  it('covers a day shift from its start up to its end', () => {
    const day = { start: '08:00', end: '20:00' };
    expect(onShift(day, 8 * 60)).toBe(true);
    expect(onShift(day, 19 * 60 + 59)).toBe(true);
    expect(onShift(day, 20 * 60)).toBe(false);
    expect(onShift(day, 7 * 60 + 59)).toBe(false);
  });

  it('runs a night shift past midnight', () => {
    const night = { start: '20:00', end: '08:00' };
    expect(onShift(night, 23 * 60)).toBe(true);
    expect(onShift(night, 3 * 60)).toBe(true);
    expect(onShift(night, 8 * 60)).toBe(false);
    expect(onShift(night, 12 * 60)).toBe(false);
  });

  it('takes no shift, or equal times, as all day', () => {
    expect(onShift({ start: null, end: null }, 12 * 60)).toBe(true);
    expect(onShift({ start: '06:00', end: '06:00' }, 2 * 60)).toBe(true);
  });
});

describe('escalation', () => {
  const raised = new Date('2026-03-02T10:00:00Z');
  it('is due once the priority time has passed, not before', () => {
    const at = (min: number) => new Date(raised.getTime() + min * 60_000);
    expect(escalationDue('urgent', raised, at(4.9), defaultEscalationMinutes)).toBe(false);
    expect(escalationDue('urgent', raised, at(5), defaultEscalationMinutes)).toBe(true);
    expect(escalationDue('high', raised, at(10), defaultEscalationMinutes)).toBe(false);
    expect(escalationDue('high', raised, at(15), defaultEscalationMinutes)).toBe(true);
  });
});
