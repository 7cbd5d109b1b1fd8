import { describe, expect, it } from 'vitest';
import { checkEdit, checkTransition, minutesDueDate } from './status.ts';

const ready = { started: true, hasMinutes: true, attendanceComplete: true };

describe('checkTransition', () => {
  it('walks planned → held → minutes approved', () => {
    expect(checkTransition('planned', 'hold', ready)).toEqual({ ok: true, to: 'held' });
    expect(checkTransition('held', 'approve_minutes', ready)).toEqual({ ok: true, to: 'minutes_approved' });
  });
  it('cancels only a planned meeting', () => {
    expect(checkTransition('planned', 'cancel', ready)).toEqual({ ok: true, to: 'cancelled' });
    expect(checkTransition('held', 'cancel', ready)).toEqual({
      ok: false,
      reason: 'A meeting that is held cannot be cancelled.',
    });
  });
  it('refuses transitions out of order', () => {
    expect(checkTransition('planned', 'approve_minutes', ready)).toEqual({
      ok: false,
      reason: 'A meeting that is planned cannot have its minutes approved.',
    });
    expect(checkTransition('minutes_approved', 'hold', ready).ok).toBe(false);
    expect(checkTransition('cancelled', 'hold', ready).ok).toBe(false);
    expect(checkTransition('minutes_approved', 'approve_minutes', ready).ok).toBe(false);
  });
  it('does not hold a meeting before its start', () => {
    expect(checkTransition('planned', 'hold', { ...ready, started: false })).toEqual({
      ok: false,
      reason: 'A meeting cannot be marked as held before its scheduled start.',
    });
  });
  it('approves minutes only once they and the attendance are recorded', () => {
    expect(checkTransition('held', 'approve_minutes', { ...ready, hasMinutes: false })).toEqual({
      ok: false,
      reason: 'Record the minutes before approving them.',
    });
    expect(checkTransition('held', 'approve_minutes', { ...ready, attendanceComplete: false }).ok).toBe(
      false,
    );
  });
});

describe('checkEdit', () => {
  it('moves a meeting only while planned', () => {
    expect(checkEdit('planned', 'schedule')).toEqual({ ok: true });
    expect(checkEdit('held', 'schedule')).toEqual({
      ok: false,
      reason: 'The time and place of a meeting that is held cannot change (only while planned).',
    });
  });
  it('takes minutes and decisions only once held, and nothing after approval or cancellation', () => {
    expect(checkEdit('planned', 'minutes').ok).toBe(false);
    expect(checkEdit('held', 'minutes').ok).toBe(true);
    expect(checkEdit('held', 'decisions').ok).toBe(true);
    for (const part of ['title', 'schedule', 'agenda', 'attendance', 'minutes', 'decisions'] as const) {
      expect(checkEdit('minutes_approved', part).ok).toBe(false);
      expect(checkEdit('cancelled', part).ok).toBe(false);
    }
  });
});

describe('minutesDueDate', () => {
  it('falls seven days after the meeting day in the meeting time zone', () => {
    // 23:30 UTC on 9 Dec is 07:30 on 10 Dec in Taipei.
    expect(minutesDueDate(new Date('2026-12-09T23:30:00Z'), 'Asia/Taipei')).toBe('2026-12-17');
    expect(minutesDueDate(new Date('2026-12-09T23:30:00Z'), 'Europe/London')).toBe('2026-12-16');
    expect(minutesDueDate(new Date('2026-12-28T02:00:00Z'), 'Asia/Taipei', 5)).toBe('2027-01-02');
  });
});
