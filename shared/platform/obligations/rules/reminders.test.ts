import { describe, expect, it } from 'vitest';
import { addDays, calendarState, localDate, needsEscalation, reminderStep } from './reminders.ts';

const schedule = { daysBefore: [90, 30, 7], overdueEveryDays: 7 };

describe('reminderStep', () => {
  const due = '2026-12-31';
  it('is silent before the first reminder', () => {
    expect(reminderStep(due, 0, addDays(due, -91), schedule)).toBeNull();
  });
  it('reaches each step on its day and keeps it until the next', () => {
    expect(reminderStep(due, 0, addDays(due, -90), schedule)).toBe('before-90');
    expect(reminderStep(due, 0, addDays(due, -31), schedule)).toBe('before-90');
    expect(reminderStep(due, 0, addDays(due, -30), schedule)).toBe('before-30');
    expect(reminderStep(due, 0, addDays(due, -7), schedule)).toBe('before-7');
    expect(reminderStep(due, 0, due, schedule)).toBe('before-7');
  });
  it('yields only the latest step after a gap, never a burst of older ones', () => {
    expect(reminderStep(due, 0, addDays(due, -3), schedule)).toBe('before-7');
  });
  it('counts overdue reminders after the grace period', () => {
    expect(reminderStep(due, 5, addDays(due, 5), schedule)).toBe('before-7');
    expect(reminderStep(due, 5, addDays(due, 6), schedule)).toBe('overdue-1');
    expect(reminderStep(due, 5, addDays(due, 12), schedule)).toBe('overdue-1');
    expect(reminderStep(due, 5, addDays(due, 13), schedule)).toBe('overdue-2');
  });
  it('sends one overdue reminder when the schedule does not repeat', () => {
    expect(reminderStep(due, 0, addDays(due, 100), { daysBefore: [7], overdueEveryDays: 0 })).toBe(
      'overdue-1',
    );
  });
});

describe('calendarState', () => {
  it('classifies open obligations by days left', () => {
    expect(calendarState({ state: 'open', dueDate: '2026-03-01', graceDays: 0 }, '2026-01-01')).toBe(
      'upcoming',
    );
    expect(calendarState({ state: 'open', dueDate: '2026-01-31', graceDays: 0 }, '2026-01-01')).toBe(
      'due-soon',
    );
    expect(calendarState({ state: 'open', dueDate: '2025-12-31', graceDays: 0 }, '2026-01-01')).toBe(
      'overdue',
    );
    expect(calendarState({ state: 'open', dueDate: '2025-12-31', graceDays: 1 }, '2026-01-01')).toBe(
      'due-soon',
    );
    expect(calendarState({ state: 'done', dueDate: '2025-12-31', graceDays: 0 }, '2026-01-01')).toBe('done');
  });
});

describe('needsEscalation', () => {
  it('escalates once, after the grace period', () => {
    const o = { state: 'open', dueDate: '2026-01-10', graceDays: 2, escalated: false };
    expect(needsEscalation(o, '2026-01-12')).toBe(false);
    expect(needsEscalation(o, '2026-01-13')).toBe(true);
    expect(needsEscalation({ ...o, escalated: true }, '2026-01-13')).toBe(false);
  });
});

describe('localDate', () => {
  it('gives the calendar date in the site time zone', () => {
    const at = new Date('2026-01-01T20:00:00Z');
    expect(localDate(at, 'Asia/Taipei')).toBe('2026-01-02');
    expect(localDate(at, 'America/Mexico_City')).toBe('2026-01-01');
  });
});

describe('obligations with a due time', () => {
  const dueAt = new Date('2026-03-02T02:00:00Z');
  const o = { state: 'open', dueDate: '2026-03-02', dueAt, graceDays: 0, escalated: false };
  it('escalate the first minute past their due time, on the same day', () => {
    expect(needsEscalation(o, '2026-03-02', new Date('2026-03-02T02:00:00Z'))).toBe(false);
    expect(needsEscalation(o, '2026-03-02', new Date('2026-03-02T02:01:00Z'))).toBe(true);
    expect(needsEscalation({ ...o, escalated: true }, '2026-03-02', new Date('2026-03-02T03:00:00Z'))).toBe(
      false,
    );
  });
  it('show as overdue on the calendar from then', () => {
    const open = { ...o, state: 'open' as const };
    expect(calendarState(open, '2026-03-02', 30, new Date('2026-03-02T01:59:00Z'))).toBe('due-soon');
    expect(calendarState(open, '2026-03-02', 30, new Date('2026-03-02T02:01:00Z'))).toBe('overdue');
  });
  it('without a due time keep the calendar day rule', () => {
    expect(needsEscalation({ ...o, dueAt: null }, '2026-03-02', new Date('2026-03-02T23:00:00Z'))).toBe(
      false,
    );
    expect(needsEscalation({ ...o, dueAt: null }, '2026-03-03', new Date('2026-03-03T00:01:00Z'))).toBe(true);
  });
});
