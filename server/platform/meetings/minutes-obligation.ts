import { minutesDueDate } from '#shared/platform/meetings/rules/status.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../access/actor.ts';
import { platformMessage, platformWord } from '../i18n/index.ts';
import { registerObligationKind } from '../obligations/kinds.ts';
import type { ObligationsService } from '../obligations/service.ts';
import * as committeesRepo from './committees-repo.ts';
import * as meetingsRepo from './meetings-repo.ts';

export const MEETING_MINUTES = 'meeting.minutes';
registerObligationKind({
  kind: MEETING_MINUTES,
  program: null,
  name: platformWord('platform.obligationKind', MEETING_MINUTES),
  schedule: { daysBefore: [3, 1], overdueEveryDays: 3 },
});

/** The secretary's obligation to record and get approved the minutes of a meeting. */
export async function syncMinutesObligation(
  obligations: ObligationsService,
  trx: Db,
  actor: Actor,
  meetingId: string,
) {
  const m = await meetingsRepo.meetingRows(trx).where('m.id', '=', meetingId).executeTakeFirstOrThrow();
  if (m.status === 'minutes_approved' || m.status === 'cancelled') {
    await obligations.closeForSource(
      trx,
      actor,
      MEETING_MINUTES,
      'meeting',
      m.id,
      m.status === 'cancelled' ? 'cancelled' : 'done',
    );
    return;
  }
  const secretary = await committeesRepo.secretaryOf(trx, m.committee_id);
  await obligations.upsertForSource(trx, actor, {
    kind: MEETING_MINUTES,
    sourceType: 'meeting',
    sourceId: m.id,
    siteId: m.site_id,
    program: m.program,
    ownerId: secretary,
    title: platformMessage('platform.meeting.minutes', { committee: m.committee_name, meeting: m.title }),
    dueDate: minutesDueDate(m.scheduled_at, m.time_zone),
  });
}

/** After the secretary changes: the obligations of the committee's open meetings move to the new one. */
export async function resyncOpenMeetings(
  obligations: ObligationsService,
  trx: Db,
  actor: Actor,
  committeeId: string,
) {
  const open = await meetingsRepo.meetingIdsOf(trx, committeeId, ['planned', 'held']);
  for (const id of open) await syncMinutesObligation(obligations, trx, actor, id);
}
