import type { z } from 'zod';
import {
  limitsInOrder,
  type SensorKind,
  type SensorView,
  type sensorInput,
  type sensorListQuery,
  type sensorPatch,
} from '#shared/modules/smart/contract.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { listPage } from '../../db/paging.ts';
import type { Db } from '../../db/types.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { inScope } from '../../platform/access/sql.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import type { OrgService } from '../../platform/org/service.ts';
import { smartMessage } from './messages.ts';
import * as repo from './repo.ts';

const PROGRAM = 'smart' as const;

/** The registry of sensors per site and area, with the alarm limits each is judged against. */
export function createSensorsService(
  db: Db,
  org: Pick<OrgService, 'siteForWriting' | 'sitesByIds' | 'areaLabels' | 'assertAreaOfSite'>,
) {
  async function toViews(rows: repo.SensorRow[], handle: Db = db): Promise<SensorView[]> {
    const [sites, areas, status] = await Promise.all([
      org.sitesByIds(
        rows.map((r) => r.site_id),
        handle,
      ),
      org.areaLabels(
        rows.flatMap((r) => (r.area_id ? [r.area_id] : [])),
        handle,
      ),
      repo.sensorStatus(
        handle,
        rows.map((r) => r.id),
      ),
    ]);
    return rows.map((r) => {
      const s = status.get(r.id);
      const area = r.area_id ? areas.get(r.area_id) : undefined;
      return {
        id: r.id,
        siteId: r.site_id,
        siteCode: sites.get(r.site_id)?.code ?? '',
        areaId: r.area_id,
        areaName: area ? `${area.code} ${area.name}` : null,
        tag: r.tag,
        name: r.name,
        kind: r.kind as SensorKind,
        unit: r.unit,
        equipment: r.equipment,
        gateway: r.gateway,
        inService: r.in_service,
        limitHH: r.limit_hh,
        limitH: r.limit_h,
        limitL: r.limit_l,
        limitLL: r.limit_ll,
        deadband: r.deadband,
        onDelaySeconds: r.on_delay_s,
        offDelaySeconds: r.off_delay_s,
        ratePerMinute: r.rate_limit_per_min,
        stuckAfterMinutes: r.stuck_after_min,
        lastValue: s?.lastValue ?? null,
        lastAt: s?.lastAt ? new Date(s.lastAt).toISOString() : null,
        openAlarms: s?.open ?? 0,
        updatedAt: r.updated_at.toISOString(),
        version: r.version,
      };
    });
  }

  async function rowOrNotFound(handle: Db, id: string) {
    const row = await repo.sensorRows(handle).where('s.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('sensor');
    return row;
  }

  async function assertTagFree(handle: Db, siteId: string, tag: string, except?: string) {
    let q = handle
      .selectFrom('smart_sensors')
      .select('id')
      .where('site_id', '=', siteId)
      .where('tag', '=', tag);
    if (except) q = q.where('id', '<>', except);
    if (await q.executeTakeFirst())
      throw new ConflictError('A sensor with this tag is already registered at the site.');
  }

  return {
    async list(actor: Actor, q: z.infer<typeof sensorListQuery>) {
      const scope = access.listScope(actor, 'smart.read', PROGRAM);
      let base = repo.sensorRows(db).where((eb) => inScope(eb, 's.site_id', scope));
      if (q.siteId) base = base.where('s.site_id', '=', q.siteId);
      if (q.areaId) base = base.where('s.area_id', '=', q.areaId);
      if (q.kind) base = base.where('s.kind', '=', q.kind);
      if (q.inService) base = base.where('s.in_service', '=', q.inService === 'true');
      if (q.q) {
        const p = likePattern(q.q);
        base = base.where((eb) =>
          eb.or([
            eb('s.tag', 'ilike', p),
            eb('s.name', 'ilike', p),
            eb('s.equipment', 'ilike', p),
            eb('s.gateway', 'ilike', p),
          ]),
        );
      }
      const sortColumn = { tag: 's.tag', name: 's.name', kind: 's.kind', updatedAt: 's.updated_at' }[q.sort];
      const page = await listPage<repo.SensorRow, repo.SensorRow>(db, base, q, {
        sortColumn,
        tieBreaker: 's.id',
        toView: (r) => r,
      });
      return { ...page, items: await toViews(page.items) };
    },

    async get(actor: Actor, id: string) {
      const row = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'smart.read',
        siteId: row.site_id,
        what: 'sensor',
        program: PROGRAM,
      });
      return (await toViews([row]))[0];
    },

    /** The sensor row for a reader (its readings, its alarms): 404 outside the reader's sites. */
    async readable(actor: Actor, id: string) {
      const row = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'smart.read',
        siteId: row.site_id,
        what: 'sensor',
        program: PROGRAM,
      });
      return row;
    },

    async create(actor: Actor, input: z.infer<typeof sensorInput>) {
      const site = await org.siteForWriting(input.siteId);
      access.assert(actor, { permission: 'smart.manage', siteId: site.id, what: 'site', program: PROGRAM });
      if (input.areaId) await org.assertAreaOfSite(input.areaId, site.id);
      return db.transaction().execute(async (trx) => {
        await assertTagFree(trx, site.id, input.tag);
        const row = await trx
          .insertInto('smart_sensors')
          .values({
            site_id: site.id,
            area_id: input.areaId ?? null,
            tag: input.tag,
            name: input.name,
            kind: input.kind,
            unit: input.unit,
            equipment: input.equipment ?? null,
            gateway: input.gateway ?? null,
            in_service: input.inService ?? true,
            limit_hh: input.limitHH ?? null,
            limit_h: input.limitH ?? null,
            limit_l: input.limitL ?? null,
            limit_ll: input.limitLL ?? null,
            deadband: input.deadband ?? 0,
            on_delay_s: input.onDelaySeconds ?? 0,
            off_delay_s: input.offDelaySeconds ?? 0,
            rate_limit_per_min: input.ratePerMinute ?? null,
            stuck_after_min: input.stuckAfterMinutes ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('smart_sensor_states')
          .values({ sensor_id: row.id, site_id: row.site_id, judged_at: null, last_value: null })
          .execute();
        await recordAudit(trx, actor, {
          action: 'smart.sensor.registered',
          entityType: 'smart_sensor',
          entityId: row.id,
          siteId: row.site_id,
          summary: smartMessage('smart.audit.sensorRegistered', {
            site: site.code,
            tag: row.tag,
            name: row.name,
          }),
          after: row,
        });
        return (await toViews([row], trx))[0];
      });
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof sensorPatch>) {
      const before = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'smart.manage',
        siteId: before.site_id,
        what: 'sensor',
        program: PROGRAM,
      });
      if (patch.areaId) await org.assertAreaOfSite(patch.areaId, before.site_id);
      const merged = {
        limitHH: patch.limitHH === undefined ? before.limit_hh : patch.limitHH,
        limitH: patch.limitH === undefined ? before.limit_h : patch.limitH,
        limitL: patch.limitL === undefined ? before.limit_l : patch.limitL,
        limitLL: patch.limitLL === undefined ? before.limit_ll : patch.limitLL,
      };
      if (!limitsInOrder(merged))
        throw new ValidationError('The alarm limits are out of order.', [
          { path: 'limitH', message: 'Limits must run low-low ≤ low ≤ high ≤ high-high' },
        ]);
      return db.transaction().execute(async (trx) => {
        if (patch.tag !== undefined) await assertTagFree(trx, before.site_id, patch.tag, id);
        const after = await updateVersioned(
          trx,
          'smart_sensors',
          id,
          patch.version,
          definedOnly({
            area_id: patch.areaId,
            tag: patch.tag,
            name: patch.name,
            kind: patch.kind,
            unit: patch.unit,
            equipment: patch.equipment,
            gateway: patch.gateway,
            in_service: patch.inService,
            limit_hh: patch.limitHH,
            limit_h: patch.limitH,
            limit_l: patch.limitL,
            limit_ll: patch.limitLL,
            deadband: patch.deadband,
            on_delay_s: patch.onDelaySeconds,
            off_delay_s: patch.offDelaySeconds,
            rate_limit_per_min: patch.ratePerMinute,
            stuck_after_min: patch.stuckAfterMinutes,
          }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'smart.sensor.updated',
          entityType: 'smart_sensor',
          entityId: id,
          siteId: before.site_id,
          before,
          after,
        });
        return (await toViews([after as repo.SensorRow], trx))[0];
      });
    },
  };
}

export type SensorsService = ReturnType<typeof createSensorsService>;
