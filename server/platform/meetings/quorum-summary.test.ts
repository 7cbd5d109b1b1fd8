import { describe, expect, it } from 'vitest';
import type { CommitteeRole } from '#shared/platform/meetings/rules/committee.ts';
import { type AttendanceStatus, quorum } from '#shared/platform/meetings/rules/quorum.ts';
import { renderMessage } from '../i18n/index.ts';
import { quorumSummary } from './quorum-summary.ts';

const roster = (...entries: [CommitteeRole, AttendanceStatus | null][]) =>
  entries.map(([role, status]) => ({ role, status }));

describe('quorumSummary', () => {
  const both = (q: ReturnType<typeof quorum>) => {
    const message = quorumSummary(q);
    return [message.key, renderMessage('en', message), renderMessage('zh-TW', message)];
  };
  it('says the quorum is met, with the counts, in either language', () => {
    const q = quorum(roster(['chair', 'present'], ['member', 'present'], ['member', 'absent']));
    expect(both(q)).toEqual([
      'platform.audit.quorumMet',
      'Quorum met: 2 of 3 members present',
      '已達法定人數：3 人中 2 人出席',
    ]);
  });
  it('names too few present with the number needed', () => {
    const q = quorum(
      roster(['chair', 'present'], ['secretary', 'present'], ['member', 'excused'], ['member', 'absent']),
    );
    expect(q.shortfalls).toEqual(['too-few']);
    expect(both(q)).toEqual([
      'platform.audit.quorumShort',
      'No quorum: 2 of 4 members present, 3 needed',
      '未達法定人數：4 人中 2 人出席，需 3 人',
    ]);
  });
  it("names the chair's absence first, the counts beside it", () => {
    const q = quorum(roster(['chair', 'absent'], ['member', 'present'], ['member', 'absent']));
    expect(q.shortfalls).toEqual(['too-few', 'chair-absent']);
    expect(both(q)).toEqual([
      'platform.audit.quorumChairAbsent',
      'No quorum: the chair is not present (1 of 3 members present, 2 needed)',
      '未達法定人數：主任委員未出席（3 人中 1 人出席，需 2 人）',
    ]);
  });
  it('names a committee without a chair, and a meeting without members', () => {
    const noChair = quorum(roster(['member', 'present'], ['member', 'present']));
    expect(noChair.shortfalls).toEqual(['no-chair']);
    expect(both(noChair)[0]).toBe('platform.audit.quorumNoChair');
    expect(quorum([]).shortfalls).toEqual(['no-members', 'no-chair']);
    expect(both(quorum([]))).toEqual([
      'platform.audit.quorumNoMembers',
      'No quorum: the meeting has no members on its roster',
      '未達法定人數：會議名單上沒有成員',
    ]);
  });
});
