import type { Quorum } from '#shared/platform/meetings/rules/quorum.ts';
import type { Message } from '../i18n/message.ts';
import { platformMessage } from '../i18n/platform-messages.ts';

/**
 * The audit summary of a meeting's attendance: whether the quorum is met, with the counts; when it is not,
 * the chair's absence first (the counts beside it show whether too few came as well).
 */
export function quorumSummary(q: Quorum): Message {
  const counts = { present: q.present, members: q.members, required: q.required };
  if (q.shortfalls.length === 0)
    return platformMessage('platform.audit.quorumMet', { present: q.present, members: q.members });
  if (q.shortfalls.includes('no-members')) return platformMessage('platform.audit.quorumNoMembers');
  if (q.shortfalls.includes('chair-absent'))
    return platformMessage('platform.audit.quorumChairAbsent', counts);
  if (q.shortfalls.includes('no-chair')) return platformMessage('platform.audit.quorumNoChair', counts);
  return platformMessage('platform.audit.quorumShort', counts);
}
