import { describe, expect, it } from 'vitest';
import type { CommitteeRole } from './committee.ts';
import { type AttendanceStatus, attendanceComplete, quorum, requiredPresent } from './quorum.ts';

const roster = (...entries: [CommitteeRole, AttendanceStatus | null][]) =>
  entries.map(([role, status]) => ({ role, status }));

describe('requiredPresent', () => {
  it('is more than half by default: 3 of 4, 3 of 5, 4 of 6, 1 of 1', () => {
    expect(requiredPresent(4, 50)).toBe(3);
    expect(requiredPresent(5, 50)).toBe(3);
    expect(requiredPresent(6, 50)).toBe(4);
    expect(requiredPresent(1, 50)).toBe(1);
  });
  it('follows other percentages without rounding drift', () => {
    expect(requiredPresent(6, 66)).toBe(4); // more than 66 %: 4 of 6 (66.7 %)
    expect(requiredPresent(3, 66)).toBe(2);
    expect(requiredPresent(10, 49)).toBe(5); // "at least half" written as more than 49 %
    expect(requiredPresent(7, 99)).toBe(7);
  });
  it('never asks for more than every member', () => {
    expect(requiredPresent(3, 99)).toBe(3);
  });
});

describe('quorum', () => {
  it('is met with more than half present, the chair among them', () => {
    const q = quorum(
      roster(
        ['chair', 'present'],
        ['secretary', 'present'],
        ['member', 'present'],
        ['employee_representative', 'absent'],
      ),
    );
    expect(q).toEqual({
      met: true,
      members: 4,
      present: 3,
      required: 3,
      chairPresent: true,
      shortfalls: [],
    });
  });
  it('is not met with exactly half present', () => {
    const q = quorum(
      roster(
        ['chair', 'present'],
        ['secretary', 'present'],
        ['member', 'excused'],
        ['employee_representative', 'absent'],
      ),
    );
    expect(q.met).toBe(false);
    expect(q).toMatchObject({ present: 2, required: 3, shortfalls: ['too-few'] });
  });
  it('is not met without the chair, however many others come', () => {
    const q = quorum(
      roster(
        ['chair', 'excused'],
        ['secretary', 'present'],
        ['member', 'present'],
        ['employee_representative', 'present'],
      ),
    );
    expect(q).toMatchObject({
      met: false,
      present: 3,
      chairPresent: false,
      shortfalls: ['chair-absent'],
    });
  });
  it('names a committee without a chair', () => {
    expect(quorum(roster(['member', 'present'], ['member', 'present'])).shortfalls).toEqual(['no-chair']);
  });
  it('may be configured not to need the chair', () => {
    const q = quorum(roster(['chair', 'absent'], ['member', 'present'], ['member', 'present']), {
      percent: 50,
      chairRequired: false,
    });
    expect(q.met).toBe(true);
  });
  it('counts unrecorded members as not present', () => {
    const q = quorum(roster(['chair', 'present'], ['member', null], ['member', null]));
    expect(q).toMatchObject({ met: false, present: 1, required: 2 });
  });
  it('is never met by an empty roster', () => {
    expect(quorum([])).toMatchObject({ met: false, members: 0, present: 0 });
  });
});

describe('attendanceComplete', () => {
  it('needs a status for every member', () => {
    expect(attendanceComplete(roster(['chair', 'present'], ['member', 'excused']))).toBe(true);
    expect(attendanceComplete(roster(['chair', 'present'], ['member', null]))).toBe(false);
  });
});
