import { describe, expect, it } from 'vitest';
import { addMonths, checkSeat, compositionWarnings, meetingOverdue, nextMeetingDue } from './committee.ts';

describe('checkSeat', () => {
  it('allows one chair and one secretary, any number of members and representatives', () => {
    expect(checkSeat(['member'], 'chair')).toEqual({ ok: true });
    expect(checkSeat(['chair', 'member'], 'chair')).toEqual({
      ok: false,
      reason: 'The committee already has a chair; remove them from the committee first.',
    });
    expect(checkSeat(['secretary'], 'secretary').ok).toBe(false);
    expect(checkSeat(['chair', 'member', 'employee_representative'], 'employee_representative').ok).toBe(
      true,
    );
  });
});

describe('compositionWarnings', () => {
  it('asks for a chair and a secretary', () => {
    expect(compositionWarnings(['member']).map((w) => w.code)).toEqual(['no-chair', 'no-secretary']);
    expect(compositionWarnings(['chair', 'secretary', 'member'])).toEqual([]);
  });
  it("adds the warnings of the program's own rules", () => {
    const rule = (roles: readonly string[]) =>
      roles.includes('employee_representative') ? [] : [{ code: 'needs-rep', messageKey: 'test.needsRep' }];
    expect(compositionWarnings(['chair', 'secretary'], [rule]).map((w) => w.code)).toEqual(['needs-rep']);
    expect(compositionWarnings(['chair', 'secretary', 'employee_representative'], [rule])).toEqual([]);
  });
});

describe('addMonths and nextMeetingDue', () => {
  it('keeps the day, or the last day of a shorter month', () => {
    expect(addMonths('2026-01-15', 3)).toBe('2026-04-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-12-31', 1)).toBe('2027-01-31');
    expect(addMonths('2026-08-31', 12)).toBe('2027-08-31');
  });
  it('schedules a quarterly committee three months after its last meeting', () => {
    expect(nextMeetingDue('quarterly', '2026-09-10')).toBe('2026-12-10');
    expect(nextMeetingDue('monthly', '2026-09-10')).toBe('2026-10-10');
    expect(nextMeetingDue('annual', '2026-09-10')).toBe('2027-09-10');
    expect(nextMeetingDue('as_needed', '2026-09-10')).toBeNull();
    expect(nextMeetingDue('quarterly', null)).toBeNull();
  });
  it('is overdue past the due date with no meeting planned', () => {
    expect(meetingOverdue('2026-11-01', false, '2026-11-22')).toBe(true);
    expect(meetingOverdue('2026-11-01', true, '2026-11-22')).toBe(false);
    expect(meetingOverdue('2026-12-01', false, '2026-11-22')).toBe(false);
    expect(meetingOverdue(null, false, '2026-11-22')).toBe(false);
  });
});
