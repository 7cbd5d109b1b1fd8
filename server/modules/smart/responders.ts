import type { z } from 'zod';
import type { RespondersView, respondersInput } from '#shared/modules/smart/contract.ts';
import type { Db } from '../../db/types.ts';
import { type Actor, systemActor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import type { NoticesService } from '../../platform/notify/notices.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { SettingsService } from '../../platform/settings/service.ts';
import type { UsersService } from '../../platform/users/service.ts';
import { ALARM_SOURCE } from './alarms.ts';
import { alarmNotice } from './messages.ts';
import * as repo from './repo.ts';
import { escalationDue, localMinutes, onShift } from './rules/shifts.ts';
import { alarmEscalationSettings } from './settings.ts';

const PROGRAM = 'smart' as const;
const AREA_ENTITY = 'area';

type Org = Pick<OrgService, 'siteOfArea' | 'sitesByIds'>;

/**
 * Alarm responders: the people who answer an area's alarms, each on an optional shift at the site. A new alarm
 * reaches the responders of its sensor's area on shift at that moment; one left unacknowledged longer than its
 * priority allows (a group setting) is escalated once to the site's officers and the program's owners.
 */
export function createRespondersService(deps: {
  db: Db;
  org: Org;
  users: Pick<UsersService, 'displayNames' | 'assertActiveUsers'>;
  notices: NoticesService;
  settings: Pick<SettingsService, 'get'>;
  now: () => Date;
}) {
  const { db, now } = deps;

  async function managedArea(actor: Actor, areaId: string) {
    const siteId = await deps.org.siteOfArea(areaId);
    access.assert(actor, { permission: 'smart.manage', siteId, what: 'area', program: PROGRAM });
    return siteId;
  }

  async function view(handle: Db, areaId: string, siteId: string): Promise<RespondersView> {
    const rows = await repo.responderRows(handle, areaId);
    const names = await deps.users.displayNames(
      rows.map((r) => r.user_id),
      handle,
    );
    const site = (await deps.org.sitesByIds([siteId], handle)).get(siteId);
    return {
      areaId,
      siteId,
      timeZone: site?.timeZone ?? 'UTC',
      responders: rows.map((r) => ({
        userId: r.user_id,
        name: names.get(r.user_id) ?? '',
        shiftStart: r.shift_start,
        shiftEnd: r.shift_end,
      })),
    };
  }

  /** Escalates one alarm if no other process did: notices to the contacts, the alarm marked, audited. */
  async function escalateOne(alarm: repo.AlarmRow, at: Date) {
    return db.transaction().execute(async (trx) => {
      const won = await repo.markEscalated(trx, alarm.id, at);
      if (!won) return false;
      const site = (await deps.org.sitesByIds([alarm.site_id], trx)).get(alarm.site_id);
      const contacts = await deps.notices.escalationContacts(alarm.site_id, PROGRAM, trx);
      const reached = await deps.notices.send(trx, {
        userIds: contacts,
        kind: 'smart-alarm-escalation',
        message: alarmNotice('escalated', {
          siteCode: site?.code ?? '',
          condition: alarm.condition,
          sensor: `${alarm.sensor_tag} ${alarm.sensor_name}`,
          value: alarm.raised_value,
          unit: alarm.sensor_unit,
        }),
        link: `/smart/alarms/${alarm.id}`,
        siteId: alarm.site_id,
        email: true,
      });
      await repo.recordNotices(trx, alarm.id, 'escalation', reached, at);
      await recordAudit(trx, systemActor('smart.actor.alarmEscalation'), {
        action: 'smart.alarm.escalated',
        entityType: ALARM_SOURCE,
        entityId: alarm.id,
        siteId: alarm.site_id,
        before: { escalated_at: null },
        after: { escalated_at: at, notified: reached },
      });
      return true;
    });
  }

  return {
    async list(actor: Actor, areaId: string) {
      const siteId = await managedArea(actor, areaId);
      return view(db, areaId, siteId);
    },

    /** Replaces the area's responders with these. */
    async set(actor: Actor, areaId: string, input: z.infer<typeof respondersInput>) {
      const siteId = await managedArea(actor, areaId);
      const ids = input.responders.map((r) => r.userId);
      if (new Set(ids).size !== ids.length)
        throw new ValidationError('A person is a responder of an area once.', [
          { path: 'responders', message: 'Each person once' },
        ]);
      await deps.users.assertActiveUsers(ids, 'responders');
      return db.transaction().execute(async (trx) => {
        const before = await view(trx, areaId, siteId);
        await repo.replaceResponders(trx, {
          siteId,
          areaId,
          createdBy: actor.userId,
          responders: input.responders,
        });
        const after = await view(trx, areaId, siteId);
        await recordAudit(trx, actor, {
          action: 'smart.responders.set',
          entityType: AREA_ENTITY,
          entityId: areaId,
          siteId,
          before: before.responders,
          after: after.responders,
        });
        return after;
      });
    },

    /**
     * Notifies a newly raised alarm to its area's responders on shift now, in the transaction that raised it;
     * returns whom it reached. An alarm of a sensor with no area reaches no responder (its escalation does).
     */
    async notifyRaised(trx: Db, alarmId: string): Promise<string[]> {
      const alarm = await repo.alarmRows(trx).where('a.id', '=', alarmId).executeTakeFirstOrThrow();
      if (!alarm.sensor_area_id) return [];
      const site = (await deps.org.sitesByIds([alarm.site_id], trx)).get(alarm.site_id);
      const at = now();
      const minutes = localMinutes(at, site?.timeZone ?? 'UTC');
      const onCall = (await repo.responderRows(trx, alarm.sensor_area_id))
        .filter((r) => onShift({ start: r.shift_start, end: r.shift_end }, minutes))
        .map((r) => r.user_id);
      const reached = await deps.notices.send(trx, {
        userIds: onCall,
        kind: 'smart-alarm',
        message: alarmNotice('raised', {
          siteCode: site?.code ?? '',
          condition: alarm.condition,
          sensor: `${alarm.sensor_tag} ${alarm.sensor_name}`,
          value: alarm.raised_value,
          unit: alarm.sensor_unit,
        }),
        link: `/smart/alarms/${alarm.id}`,
        siteId: alarm.site_id,
        email: true,
      });
      await repo.recordNotices(trx, alarm.id, 'responder', reached, at);
      return reached;
    },

    /** Escalates every alarm due (the worker's job runs it); returns how many it escalated. */
    async escalateDue(): Promise<{ escalated: number }> {
      const at = now();
      const minutes = await deps.settings.get(alarmEscalationSettings);
      const waiting = await repo.unacknowledgedAlarms(db, at);
      let escalated = 0;
      for (const alarm of waiting) {
        if (!escalationDue(alarm.priority, alarm.raised_at, at, minutes)) continue;
        if (await escalateOne(alarm, at)) escalated++;
      }
      return { escalated };
    },
  };
}

export type RespondersService = ReturnType<typeof createRespondersService>;
