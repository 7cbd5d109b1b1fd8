import type { z } from 'zod';
import { type AlarmLiveEvent, alarmLiveEvent, type alarmLiveQuery } from '#shared/modules/smart/contract.ts';
import { type Actor, scopeHas } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import type { SignalsService } from '../../platform/signals/service.ts';

const PROGRAM = 'smart' as const;

/** The database channel on which alarm changes are announced (migration 0033_smart_alarm_signals). */
export const ALARM_CHANNEL = 'steward_smart_alarms';

/** What a stream receives: an alarm that changed, or word that changes may have been missed. */
export type AlarmLiveSink = { alarm(event: AlarmLiveEvent): void; resync(): void };

/**
 * Alarm changes as they commit, in any process, for the readers of each alarm's site: each open stream hears
 * only the sites where its reader holds `smart.read` when it opened (and the one site asked for).
 */
export function createAlarmLiveService(deps: { signals: Pick<SignalsService, 'subscribe'> }) {
  return {
    /** Starts delivering to `sink`; resolves to the function that stops. Refuses a reader without smart.read. */
    async open(
      actor: Actor,
      query: z.infer<typeof alarmLiveQuery>,
      sink: AlarmLiveSink,
    ): Promise<() => void> {
      const scope = access.listScope(actor, 'smart.read', PROGRAM);
      let wasLive = true;
      return deps.signals.subscribe(ALARM_CHANNEL, {
        message(payload) {
          const parsed = alarmLiveEvent.safeParse(safeJson(payload));
          if (!parsed.success) return;
          const event = parsed.data;
          if (!scopeHas(scope, event.siteId)) return;
          if (query.siteId && query.siteId !== event.siteId) return;
          sink.alarm(event);
        },
        state(live) {
          // Back after a loss: what changed meanwhile was not heard, so the reader reads everything again.
          if (live && !wasLive) sink.resync();
          wasLive = live;
        },
      });
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export type AlarmLiveService = ReturnType<typeof createAlarmLiveService>;
