import type { z } from 'zod';
import type { Db } from '../../../db/types.ts';
import { definedOnly, updateVersioned } from '../../../db/versioned.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { inScope } from '../../../platform/access/sql.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { NotFoundError, ValidationError } from '../../../platform/http/errors.ts';
import { registerObligationKind } from '../../../platform/obligations/kinds.ts';
import { addDays, localDate } from '../../../platform/obligations/rules/reminders.ts';
import type { ObligationsService } from '../../../platform/obligations/service.ts';
import { ohsMessage, ohsWord, qualificationKindName } from '../messages.ts';
import type { qualificationInput, qualificationListQuery, qualificationPatch } from './contract.ts';

export const QUALIFICATION_EXPIRY = 'ohs.qualification_expiry';
registerObligationKind({
  kind: QUALIFICATION_EXPIRY,
  program: 'ohs',
  name: ohsWord('ohs.obligationKind', QUALIFICATION_EXPIRY.slice('ohs.'.length)),
  schedule: { daysBefore: [60, 14], overdueEveryDays: 0 },
});

function rows(db: Db) {
  return db
    .selectFrom('contractor_qualifications as q')
    .innerJoin('contractor_workers as w', 'w.id', 'q.worker_id')
    .innerJoin('sites as s', 's.id', 'q.site_id')
    .selectAll('q')
    .select(['w.full_name as worker_name', 's.time_zone']);
}
type Row = Awaited<ReturnType<ReturnType<typeof rows>['execute']>>[number];

/** Contractor workers' qualifications (hot work, confined space, crane…) with their expiry. */
export function createQualificationsService(
  db: Db,
  obligations: ObligationsService,
  now: () => Date = () => new Date(),
) {
  const toView = (r: Row) => ({
    id: r.id,
    workerId: r.worker_id,
    workerName: r.worker_name,
    siteId: r.site_id,
    kind: r.kind,
    certificateNo: r.certificate_no,
    issuedOn: r.issued_on,
    validUntil: r.valid_until,
    expired: r.valid_until < localDate(now(), r.time_zone),
    version: r.version,
  });

  async function sync(trx: Db, actor: Actor, r: Row) {
    await obligations.upsertForSource(trx, actor, {
      kind: QUALIFICATION_EXPIRY,
      sourceType: 'contractor_qualification',
      sourceId: r.id,
      siteId: r.site_id,
      program: 'ohs',
      ownerId: null,
      title: ohsMessage('ohs.obligation.qualificationExpiry', {
        worker: r.worker_name,
        kind: qualificationKindName(r.kind),
      }),
      dueDate: r.valid_until,
    });
  }

  return {
    async list(actor: Actor, q: z.infer<typeof qualificationListQuery>) {
      const scope = access.listScope(actor, 'contractors.read');
      let base = rows(db).where((eb) => inScope(eb, 'q.site_id', scope));
      if (q.workerId) base = base.where('q.worker_id', '=', q.workerId);
      if (q.siteId) base = base.where('q.site_id', '=', q.siteId);
      if (q.expiringWithinDays !== undefined)
        base = base.where(
          'q.valid_until',
          '<=',
          addDays(localDate(now(), 'Asia/Taipei'), q.expiringWithinDays),
        );
      return (await base.orderBy('q.valid_until').limit(2000).execute()).map(toView);
    },

    async create(actor: Actor, input: z.infer<typeof qualificationInput>) {
      const worker = await db
        .selectFrom('contractor_workers')
        .select(['id', 'site_id'])
        .where('id', '=', input.workerId)
        .executeTakeFirst();
      if (!worker) throw new NotFoundError('contractor worker');
      access.assert(actor, {
        permission: 'contractors.workers.manage',
        siteId: worker.site_id,
        what: 'contractor worker',
      });
      if (input.issuedOn && input.issuedOn > input.validUntil)
        throw new ValidationError('Valid until cannot be before the issue date.', [
          { path: 'validUntil', message: 'Before the issue date' },
        ]);
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('contractor_qualifications')
          .values({
            worker_id: worker.id,
            site_id: worker.site_id,
            kind: input.kind,
            certificate_no: input.certificateNo ?? null,
            issued_on: input.issuedOn ?? null,
            valid_until: input.validUntil,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'contractor_qualification.created',
          entityType: 'contractor_qualification',
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        const full = (await rows(trx).where('q.id', '=', row.id).executeTakeFirst()) as Row;
        await sync(trx, actor, full);
        return toView(full);
      });
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof qualificationPatch>) {
      const before = await rows(db).where('q.id', '=', id).executeTakeFirst();
      if (!before) throw new NotFoundError('qualification');
      access.assert(actor, {
        permission: 'contractors.workers.manage',
        siteId: before.site_id,
        what: 'qualification',
      });
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'contractor_qualifications',
          id,
          patch.version,
          definedOnly({
            kind: patch.kind,
            certificate_no: patch.certificateNo,
            issued_on: patch.issuedOn,
            valid_until: patch.validUntil,
          }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'contractor_qualification.updated',
          entityType: 'contractor_qualification',
          entityId: id,
          siteId: before.site_id,
          before,
          after,
        });
        const full = (await rows(trx).where('q.id', '=', id).executeTakeFirst()) as Row;
        await sync(trx, actor, full);
        return toView(full);
      });
    },

    /** Which of these workers hold a valid qualification of `kind` through `until` (a date). */
    async qualifiedWorkers(
      handle: Db,
      workerIds: string[],
      kind: string,
      until: string,
    ): Promise<Set<string>> {
      if (workerIds.length === 0) return new Set();
      const found = await handle
        .selectFrom('contractor_qualifications')
        .select('worker_id')
        .where('worker_id', 'in', workerIds)
        .where('kind', '=', kind)
        .where('valid_until', '>=', until)
        .execute();
      return new Set(found.map((f) => f.worker_id));
    },
  };
}

export type QualificationsService = ReturnType<typeof createQualificationsService>;
