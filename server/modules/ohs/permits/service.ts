import { sql } from 'kysely';
import type { z } from 'zod';
import { paginate } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import { updateVersioned } from '../../../db/versioned.ts';
import { type Actor, systemActor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { inScope } from '../../../platform/access/sql.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../platform/http/errors.ts';
import { likePattern } from '../../../platform/http/list.ts';
import { localDate } from '../../../platform/obligations/rules/reminders.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { QualificationsService } from '../qualifications/service.ts';
import {
  checklists,
  gasTestProblems,
  liveStatuses,
  needsGasTest,
  nextStatus,
  type PermitStatus,
  type PermitType,
  requiredQualification,
} from '../rules/permits.ts';
import type { PermitHistoryEntry } from '../tables.ts';
import type { permitInput, permitListQuery, permitTransitionBody } from './contract.ts';

const PROGRAM = 'ohs' as const;

function rows(db: Db) {
  return db
    .selectFrom('ohs_permits as p')
    .innerJoin('sites as s', 's.id', 'p.site_id')
    .innerJoin('areas as a', 'a.id', 'p.area_id')
    .innerJoin('contractor_companies as c', 'c.id', 'p.company_id')
    .selectAll('p')
    .select(['s.code as site_code', 's.time_zone', 'a.name as area_name', 'c.name as company_name']);
}
type Row = Awaited<ReturnType<ReturnType<typeof rows>['execute']>>[number];

/**
 * Permits to work for high-risk contractor operations: requested → approved → isolations verified → gas test
 * passed (for the types that need it) → issued → active → completed → closed, with suspension, extension,
 * rejection, expiry and cancellation; overlapping permits in one area are flagged.
 */
export function createPermitsService(
  db: Db,
  qualifications: QualificationsService,
  org: OrgService,
  now: () => Date = () => new Date(),
) {
  const summary = (r: Row) => ({
    id: r.id,
    reference: r.reference,
    siteId: r.site_id,
    siteCode: r.site_code,
    timeZone: r.time_zone,
    areaId: r.area_id,
    areaName: r.area_name,
    type: r.type,
    status: r.status as PermitStatus,
    companyId: r.company_id,
    companyName: r.company_name,
    description: r.description,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    needsGasTest: needsGasTest.has(r.type),
    gasTest: r.gas_test,
    rejectionReason: r.rejection_reason,
    version: r.version,
  });

  async function overlapsOf(handle: Db, p: { id?: string; area_id: string; starts_at: Date; ends_at: Date }) {
    let q = handle
      .selectFrom('ohs_permits')
      .select(['id', 'reference', 'type', 'status', 'starts_at', 'ends_at'])
      .where('area_id', '=', p.area_id)
      .where('status', 'in', [...liveStatuses])
      .where('starts_at', '<', p.ends_at)
      .where('ends_at', '>', p.starts_at);
    if (p.id) q = q.where('id', '<>', p.id);
    return (await q.orderBy('starts_at').execute()).map((o) => ({
      id: o.id,
      reference: o.reference,
      type: o.type,
      status: o.status,
      startsAt: o.starts_at.toISOString(),
      endsAt: o.ends_at.toISOString(),
    }));
  }

  async function view(handle: Db, r: Row) {
    const workers = r.worker_ids.length
      ? await handle
          .selectFrom('contractor_workers')
          .select(['id', 'full_name'])
          .where('id', 'in', r.worker_ids)
          .execute()
      : [];
    const qualified = await qualifications.qualifiedWorkers(
      handle,
      r.worker_ids,
      requiredQualification[r.type],
      r.ends_at.toISOString().slice(0, 10),
    );
    return {
      ...summary(r),
      workers: workers.map((w) => ({ id: w.id, name: w.full_name, qualified: qualified.has(w.id) })),
      checklist: checklists[r.type].map((c) => ({ ...c, checked: r.checklist[c.key] === true })),
      history: r.history,
      overlaps: live(r.status as PermitStatus)
        ? (await overlapsOf(handle, r)).map(({ status: _s, ...o }) => o)
        : [],
    };
  }

  const live = (s: PermitStatus) => liveStatuses.has(s);

  async function rowOrNotFound(handle: Db, id: string) {
    const r = await rows(handle).where('p.id', '=', id).executeTakeFirst();
    if (!r) throw new NotFoundError('permit');
    return r;
  }

  return {
    async list(actor: Actor, q: z.infer<typeof permitListQuery>) {
      const scope = access.listScope(actor, 'ohs.read', PROGRAM);
      let base = rows(db).where((eb) => inScope(eb, 'p.site_id', scope));
      if (q.siteId) base = base.where('p.site_id', '=', q.siteId);
      if (q.areaId) base = base.where('p.area_id', '=', q.areaId);
      if (q.type) base = base.where('p.type', '=', q.type);
      if (q.status) base = base.where('p.status', '=', q.status);
      if (q.live === 'true') base = base.where('p.status', 'in', [...liveStatuses]);
      if (q.q) {
        const p = likePattern(q.q);
        base = base.where((eb) =>
          eb.or([eb('p.reference', 'ilike', p), eb('p.description', 'ilike', p), eb('c.name', 'ilike', p)]),
        );
      }
      const sortColumn = { startsAt: 'p.starts_at', reference: 'p.reference', status: 'p.status' }[q.sort];
      const { items, total, totalCapped } = await paginate<Row>(db, base, {
        sortColumn,
        order: q.order,
        tieBreaker: 'p.id',
        page: q.page,
        pageSize: q.pageSize,
      });
      return {
        items: items.map((r) => ({ ...summary(r), workerCount: r.worker_ids.length })),
        total,
        totalCapped,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async get(actor: Actor, id: string) {
      const r = await rowOrNotFound(db, id);
      access.assert(actor, { permission: 'ohs.read', siteId: r.site_id, what: 'permit', program: PROGRAM });
      return view(db, r);
    },

    async request(actor: Actor, input: z.infer<typeof permitInput>) {
      const site = await org.siteForWriting(input.siteId);
      access.assert(actor, { permission: 'ohs.manage', siteId: site.id, what: 'site', program: PROGRAM });
      await org.assertAreaOfSite(input.areaId, site.id);
      const workers = await db
        .selectFrom('contractor_workers')
        .select(['id', 'company_id', 'site_id'])
        .where('id', 'in', input.workerIds)
        .execute();
      if (
        workers.length !== new Set(input.workerIds).size ||
        workers.some((w) => w.company_id !== input.companyId)
      ) {
        throw new ValidationError('Every worker on a permit must be a worker of its contractor company.', [
          { path: 'workerIds', message: 'Unknown worker or another company' },
        ]);
      }
      const startsAt = new Date(input.startsAt);
      const endsAt = new Date(input.endsAt);
      return db.transaction().execute(async (trx) => {
        const year = localDate(startsAt, 'Asia/Taipei').slice(0, 4);
        const prefix = `PTW-${site.code}-${year}-`;
        // Concurrent requests at one site wait for each other's number instead of colliding on it.
        await sql`select pg_advisory_xact_lock(hashtext(${prefix}))`.execute(trx);
        const last = await trx
          .selectFrom('ohs_permits')
          .select((eb) => eb.fn.max('reference').as('r'))
          .where('reference', 'like', `${prefix}%`)
          .executeTakeFirst();
        const n = last?.r ? Number.parseInt(String(last.r).slice(prefix.length), 10) + 1 : 1;
        const history: PermitHistoryEntry[] = [
          { at: now().toISOString(), by: actor.label, transition: 'request', from: '', to: 'requested' },
        ];
        const row = await trx
          .insertInto('ohs_permits')
          .values({
            site_id: site.id,
            area_id: input.areaId,
            reference: `${prefix}${String(n).padStart(4, '0')}`,
            type: input.type,
            company_id: input.companyId,
            worker_ids: [...new Set(input.workerIds)],
            description: input.description,
            starts_at: startsAt,
            ends_at: endsAt,
            requested_by: actor.userId,
            history: JSON.stringify(history),
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'ohs.permit.requested',
          entityType: 'ohs_permit',
          entityId: row.id,
          siteId: row.site_id,
          summary: `${row.reference} ${row.type}`,
          after: row,
        });
        return view(trx, await rowOrNotFound(trx, row.id));
      });
    },

    /**
     * One step of the permit's life. Issuing needs every checklist item ticked and every worker qualified;
     * a gas test must pass; an overlap in the same area blocks issuing until the other permit ends.
     */
    async transition(actor: Actor, id: string, body: z.infer<typeof permitTransitionBody>) {
      const before = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'ohs.manage',
        siteId: before.site_id,
        what: 'permit',
        program: PROGRAM,
      });
      const to = nextStatus(before.type as PermitType, before.status as PermitStatus, body.transition);
      if (!to)
        throw new ConflictError(
          `A ${before.type.replace(/_/g, ' ')} permit that is ${before.status.replace(/_/g, ' ')} cannot be given "${body.transition.replace(/_/g, ' ')}".`,
        );
      const changes: Record<string, unknown> = { status: to };
      const checklist = { ...before.checklist, ...(body.checklist ?? {}) };
      if (body.checklist) changes.checklist = JSON.stringify(checklist);

      if (body.transition === 'record_gas_test') {
        if (!body.gasTest)
          throw new ValidationError('Enter the gas test readings.', [
            { path: 'gasTest', message: 'Required' },
          ]);
        const problems = gasTestProblems(body.gasTest);
        if (problems.length)
          throw new ConflictError(`The gas test failed: ${problems.join(' ')} Ventilate and test again.`, {
            problems,
          });
        changes.gas_test = JSON.stringify({
          ...body.gasTest,
          toxicPpm: body.gasTest.toxicPpm ?? null,
          testedAt: now().toISOString(),
          testedBy: actor.label,
        });
      }
      if (body.transition === 'approve') changes.approved_by = actor.userId;
      if (body.transition === 'reject') {
        if (!body.note)
          throw new ValidationError('Say why the permit is rejected.', [
            { path: 'note', message: 'Required' },
          ]);
        changes.rejection_reason = body.note;
      }
      if (body.transition === 'issue') {
        const missing = checklists[before.type as PermitType].filter((c) => checklist[c.key] !== true);
        if (missing.length)
          throw new ConflictError(
            `Tick every checklist item before issuing: ${missing.map((m) => m.en).join('; ')}.`,
            { missing: missing.map((m) => m.key) },
          );
        const qualified = await qualifications.qualifiedWorkers(
          db,
          before.worker_ids,
          requiredQualification[before.type as PermitType],
          before.ends_at.toISOString().slice(0, 10),
        );
        const unqualified = before.worker_ids.filter((w) => !qualified.has(w));
        if (unqualified.length)
          throw new ConflictError(
            `${unqualified.length} worker(s) hold no valid ${requiredQualification[before.type as PermitType].replace(/_/g, ' ')} qualification for the permit's period.`,
            { unqualified },
          );
        const clashing = (await overlapsOf(db, before)).filter(
          (o) => o.status === 'issued' || o.status === 'active',
        );
        if (clashing.length)
          throw new ConflictError(
            `Another permit is in force in this area at the same time: ${clashing.map((c) => c.reference).join(', ')}.`,
          );
        changes.issued_by = actor.userId;
      }
      if (body.transition === 'extend') {
        if (!body.extendTo || new Date(body.extendTo) <= before.ends_at)
          throw new ValidationError('An extension ends after the current end.', [
            { path: 'extendTo', message: 'Later than the current end' },
          ]);
        changes.ends_at = new Date(body.extendTo);
      }
      const entry: PermitHistoryEntry = {
        at: now().toISOString(),
        by: actor.label,
        transition: body.transition,
        from: before.status,
        to,
        ...(body.note ? { note: body.note } : {}),
      };
      changes.history = JSON.stringify([...before.history, entry]);
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(trx, 'ohs_permits', id, body.version, changes, actor.userId);
        await recordAudit(trx, actor, {
          action: `ohs.permit.${body.transition}`,
          entityType: 'ohs_permit',
          entityId: id,
          siteId: before.site_id,
          summary: `${before.reference}: ${before.status} → ${to}`,
          before,
          after,
        });
        return view(trx, await rowOrNotFound(trx, id));
      });
    },

    /** Permits whose end has passed while still in force become expired (a worker job), each audited. */
    async expireOverdue(): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const expired = await trx
          .updateTable('ohs_permits')
          .set({ status: 'expired', version: sql`version + 1`, updated_at: now() })
          .where('status', 'in', ['issued', 'active', 'suspended'])
          .where('ends_at', '<', now())
          .returning(['id', 'site_id', 'reference'])
          .execute();
        for (const p of expired) {
          await recordAudit(trx, systemActor('permit expiry'), {
            action: 'ohs.permit.expire',
            entityType: 'ohs_permit',
            entityId: p.id,
            siteId: p.site_id,
            summary: `${p.reference} expired at the end of its period`,
          });
        }
        return expired.length;
      });
    },
  };
}

export type PermitsService = ReturnType<typeof createPermitsService>;
