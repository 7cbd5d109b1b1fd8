import { describe, expect, it } from 'vitest';
import { checkTransition, isOverdue } from './status.ts';

describe('checkTransition', () => {
  it('walks open → in progress → done → verified', () => {
    expect(checkTransition('open', 'start', 'a', 'a')).toEqual({ ok: true, to: 'in_progress' });
    expect(checkTransition('in_progress', 'complete', 'a', 'a')).toEqual({ ok: true, to: 'done' });
    expect(checkTransition('done', 'verify', 'b', 'a')).toEqual({ ok: true, to: 'verified' });
  });
  it('allows completing an open action directly and reopening a done or verified one', () => {
    expect(checkTransition('open', 'complete', 'a', 'a')).toEqual({ ok: true, to: 'done' });
    expect(checkTransition('done', 'reopen', 'b', 'a')).toEqual({ ok: true, to: 'open' });
    expect(checkTransition('verified', 'reopen', 'b', 'a')).toEqual({ ok: true, to: 'open' });
  });
  it('refuses transitions out of order', () => {
    expect(checkTransition('open', 'verify', 'b', 'a')).toEqual({
      ok: false,
      reason: 'An action that is open cannot be verified.',
    });
    expect(checkTransition('verified', 'complete', 'a', 'a').ok).toBe(false);
    expect(checkTransition('in_progress', 'start', 'a', 'a').ok).toBe(false);
  });
  it('refuses verification by the owner', () => {
    const r = checkTransition('done', 'verify', 'a', 'a');
    expect(r).toEqual({
      ok: false,
      reason: 'The owner of an action cannot verify its effectiveness: someone else must.',
    });
  });
});

describe('isOverdue', () => {
  it('counts only unfinished actions past their due date', () => {
    expect(isOverdue({ status: 'open', dueDate: '2026-01-01' }, '2026-01-02')).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueDate: '2026-01-02' }, '2026-01-02')).toBe(false);
    expect(isOverdue({ status: 'done', dueDate: '2026-01-01' }, '2026-01-02')).toBe(false);
  });
});
