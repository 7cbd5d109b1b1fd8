import { Readable } from 'node:stream';
import type { z } from 'zod';
import type {
  AlarmView,
  acknowledgeInput,
  alarmListQuery,
  nearMissInput,
  shelveInput,
} from '#shared/modules/smart/contract.ts';
import { alarmState, canAcknowledge, isClosed } from '#shared/modules/smart/rules/states.ts';
import { listPage } from '../../db/paging.ts';
import type { Db } from '../../db/types.ts';
import { updateVersioned } from '../../db/versioned.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { inScope } from '../../platform/access/sql.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import type { DocumentsService } from '../../platform/documents/service.ts';
import {
  ConflictError,
  NotFoundError,
  StaleVersionError,
  ValidationError,
} from '../../platform/http/errors.ts';
import { renderMessage } from '../../platform/i18n/index.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { UsersService } from '../../platform/users/service.ts';
import type { OhsIncidentReporter } from '../ohs/index.ts';
import { alarmTitle, smartMessage, smartWord } from './messages.ts';
import * as repo from './repo.ts';

const PROGRAM = 'smart' as const;
/** The longest shelve: a shelved alarm must come back (ISA-18.2 §16.6: shelving is time-limited). */
const MAX_SHELVE_MS = 7 * 24 * 3_600_000;

export const ALARM_SOURCE = 'smart_alarm';

const priorityRank = { low: 1, medium: 2, high: 3, urgent: 4 } as const;

/** Alarms in their ISA-18.2 states: listed by site, acknowledged, shelved, and turned into a near-miss report. */
export function createAlarmsService(deps: {
  db: Db;
  org: Pick<OrgService, 'sitesByIds'>;
  users: Pick<UsersService, 'displayNames'>;
  documents: Pick<DocumentsService, 'upload'>;
  nearMisses: OhsIncidentReporter;
  now: () => Date;
}) {
  const { db, now } = deps;

  async function toViews(actor: Actor, rows: repo.AlarmRow[], handle: Db = db): Promise<AlarmView[]> {
    const sites = await deps.org.sitesByIds(
      rows.map((r) => r.site_id),
      handle,
    );
    const at = now().getTime();
    return rows.map((r) => ({
      id: r.id,
      siteId: r.site_id,
      siteCode: sites.get(r.site_id)?.code ?? '',
      sensorId: r.sensor_id,
      sensorTag: r.sensor_tag,
      sensorName: r.sensor_name,
      unit: r.sensor_unit,
      areaId: r.sensor_area_id,
      title: renderMessage(actor.locale, alarmTitle(r.condition, `${r.sensor_tag} ${r.sensor_name}`)),
      condition: r.condition,
      priority: r.priority,
      state: alarmState(
        {
          active: r.active,
          acknowledged: r.acknowledged_at !== null,
          shelvedUntil: r.shelved_until?.getTime() ?? null,
          outOfService: !r.sensor_in_service,
        },
        at,
      ),
      active: r.active,
      raisedAt: r.raised_at.toISOString(),
      raisedValue: r.raised_value,
      limitValue: r.limit_value,
      clearedAt: r.cleared_at?.toISOString() ?? null,
      acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
      shelvedUntil: r.shelved_until?.toISOString() ?? null,
      shelveReason: r.shelve_reason,
      closedAt: r.closed_at?.toISOString() ?? null,
      incidentId: r.incident_id,
      escalatedAt: r.escalated_at?.toISOString() ?? null,
      version: r.version,
    }));
  }

  async function rowOrNotFound(handle: Db, id: string) {
    const row = await repo.alarmRows(handle).where('a.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('alarm');
    return row;
  }

  async function writable(actor: Actor, id: string) {
    const row = await rowOrNotFound(db, id);
    access.assert(actor, {
      permission: 'smart.manage',
      siteId: row.site_id,
      what: 'alarm',
      program: PROGRAM,
    });
    return row;
  }

  async function viewOf(actor: Actor, handle: Db, id: string) {
    return (await toViews(actor, [await rowOrNotFound(handle, id)], handle))[0];
  }

  return {
    async list(actor: Actor, q: z.infer<typeof alarmListQuery>) {
      const scope = access.listScope(actor, 'smart.read', PROGRAM);
      let base = repo.alarmRows(db).where((eb) => inScope(eb, 'a.site_id', scope));
      if (q.siteId) base = base.where('a.site_id', '=', q.siteId);
      if (q.sensorId) base = base.where('a.sensor_id', '=', q.sensorId);
      if (q.status === 'open') base = base.where('a.closed_at', 'is', null);
      if (q.priority) base = base.where('a.priority', '=', q.priority);
      if (q.q)
        base = base.where((eb) =>
          eb.or([eb('s.tag', 'ilike', `%${q.q}%`), eb('s.name', 'ilike', `%${q.q}%`)]),
        );
      const sortColumn =
        q.sort === 'priority'
          ? // biome-ignore lint/suspicious/noExplicitAny: an expression over the joined rows
            (((eb: any) =>
              eb
                .case()
                .when('a.priority', '=', 'urgent')
                .then(priorityRank.urgent)
                .when('a.priority', '=', 'high')
                .then(priorityRank.high)
                .when('a.priority', '=', 'medium')
                .then(priorityRank.medium)
                .else(priorityRank.low)
                .end()) as never)
          : 'a.raised_at';
      const page = await listPage<repo.AlarmRow, repo.AlarmRow>(db, base, q, {
        sortColumn,
        tieBreaker: 'a.id',
        toView: (r) => r,
      });
      return { ...page, items: await toViews(actor, page.items) };
    },

    /** Alarms waiting for someone at the actor's sites: active or returned, not acknowledged, not shelved. */
    async countUnacknowledged(actor: Actor) {
      const scope = access.listScope(actor, 'smart.manage', PROGRAM);
      const r = await db
        .selectFrom('smart_alarms as a')
        .innerJoin('smart_sensors as s', 's.id', 'a.sensor_id')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where((eb) => inScope(eb, 'a.site_id', scope))
        .where('a.closed_at', 'is', null)
        .where('a.acknowledged_at', 'is', null)
        .where('s.in_service', '=', true)
        .where((eb) => eb.or([eb('a.shelved_until', 'is', null), eb('a.shelved_until', '<=', now())]))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async get(actor: Actor, id: string) {
      const row = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'smart.read',
        siteId: row.site_id,
        what: 'alarm',
        program: PROGRAM,
      });
      const notices = await repo.noticesOf(db, id);
      const names = await deps.users.displayNames(notices.map((n) => n.user_id));
      return {
        ...(await toViews(actor, [row]))[0],
        notified: notices.map((n) => ({
          userId: n.user_id,
          name: names.get(n.user_id) ?? '',
          reason: n.reason,
          notifiedAt: n.notified_at.toISOString(),
        })),
      };
    },

    async acknowledge(actor: Actor, id: string, input: z.infer<typeof acknowledgeInput>) {
      const before = await writable(actor, id);
      const state = (await toViews(actor, [before]))[0].state;
      if (!canAcknowledge(state))
        throw new ConflictError(`An alarm in state ${state} cannot be acknowledged.`);
      return db.transaction().execute(async (trx) => {
        const at = now();
        const closed = isClosed({ active: before.active, acknowledged: true });
        const after = await updateVersioned(
          trx,
          'smart_alarms',
          id,
          input.version,
          {
            acknowledged_at: at,
            acknowledged_by: actor.userId,
            // Acknowledging ends a shelve: the operator has the alarm in view again.
            shelved_until: null,
            shelved_by: null,
            shelve_reason: null,
            closed_at: closed ? at : null,
          },
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'smart.alarm.acknowledged',
          entityType: ALARM_SOURCE,
          entityId: id,
          siteId: before.site_id,
          before,
          after,
        });
        return viewOf(actor, trx, id);
      });
    },

    async shelve(actor: Actor, id: string, input: z.infer<typeof shelveInput>) {
      const before = await writable(actor, id);
      if (before.closed_at) throw new ConflictError('A closed alarm cannot be shelved.');
      const until = new Date(input.until);
      const at = now();
      if (until.getTime() <= at.getTime() || until.getTime() - at.getTime() > MAX_SHELVE_MS)
        throw new ValidationError('A shelve ends in the future, within seven days.', [
          { path: 'until', message: 'Between now and seven days from now' },
        ]);
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'smart_alarms',
          id,
          input.version,
          { shelved_until: until, shelved_by: actor.userId, shelve_reason: input.reason },
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'smart.alarm.shelved',
          entityType: ALARM_SOURCE,
          entityId: id,
          siteId: before.site_id,
          before,
          after,
        });
        return viewOf(actor, trx, id);
      });
    },

    /**
     * Reports a near miss to the OHS program from an alarm, with the sensor's readings around it attached as a
     * CSV file (from `minutesBefore` the alarm until it cleared, or now); the alarm keeps the incident's id.
     */
    async reportNearMiss(actor: Actor, id: string, input: z.infer<typeof nearMissInput>) {
      const before = await writable(actor, id);
      if (before.incident_id) throw new ConflictError('A near miss was reported from this alarm already.');
      // Checked before the report is made: a stale page must not leave an incident without its alarm.
      if (before.version !== input.version) throw new StaleVersionError(before.version);
      const from = new Date(before.raised_at.getTime() - input.minutesBefore * 60_000);
      const to = before.cleared_at ?? now();
      const readings = await db
        .selectFrom('smart_readings')
        .select(['at', 'value', 'late'])
        .where('sensor_id', '=', before.sensor_id)
        .where('at', '>=', from)
        .where('at', '<=', to)
        .orderBy('at')
        .limit(100_000)
        .execute();
      const incident = await deps.nearMisses.report(actor, {
        siteId: before.site_id,
        areaId: before.sensor_area_id,
        kind: 'near_miss',
        occurredAt: before.raised_at.toISOString(),
        title: input.title,
        description: input.description,
      });
      const csv = [
        `sensor,unit,at,value,late`,
        ...readings.map(
          (r) =>
            `${before.sensor_tag},${before.sensor_unit},${new Date(r.at).toISOString()},${r.value},${r.late}`,
        ),
      ].join('\n');
      await deps.documents.upload(actor, deps.nearMisses.documents, incident.id, {
        filename: `${before.sensor_tag}-readings.csv`,
        stream: Readable.from([Buffer.from(`${csv}\n`)]),
      });
      const alarm = await db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'smart_alarms',
          id,
          input.version,
          { incident_id: incident.id },
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'smart.alarm.near_miss_reported',
          entityType: ALARM_SOURCE,
          entityId: id,
          siteId: before.site_id,
          summary: smartMessage('smart.audit.nearMissReported', {
            reference: incident.reference,
            condition: smartWord('condition', before.condition),
            sensor: before.sensor_tag,
          }),
          before,
          after,
        });
        return viewOf(actor, trx, id);
      });
      return { alarm, incidentId: incident.id, readings: readings.length };
    },
  };
}

export type AlarmsService = ReturnType<typeof createAlarmsService>;
