import type { z } from 'zod';
import type {
  qualificationInput,
  qualificationListQuery,
  qualificationPatch,
} from '#shared/modules/ohs/qualifications/contract.ts';
import { addDays, localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import type { Db } from '../../../db/types.ts';
import { definedOnly, updateVersioned } from '../../../db/versioned.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { NotFoundError, ValidationError } from '../../../platform/http/errors.ts';
import { registerObligationKind } from '../../../platform/obligations/kinds.ts';
import type { ObligationsService } from '../../../platform/obligations/service.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { PeopleService } from '../../../platform/people/service.ts';
import { ohsMessage, ohsWord, qualificationKindName } from '../messages.ts';
import * as repo from './repo.ts';

export const QUALIFICATION_EXPIRY = 'ohs.qualification_expiry';
registerObligationKind({
  kind: QUALIFICATION_EXPIRY,
  program: 'ohs',
  name: ohsWord('ohs.obligationKind', QUALIFICATION_EXPIRY.slice('ohs.'.length)),
  schedule: { daysBefore: [60, 14], overdueEveryDays: 0 },
});

type Row = repo.QualificationRow & { worker_name: string; time_zone: string };

/** Contractor workers' qualifications (hot work, confined space, crane…) with their expiry. */
export function createQualificationsService(
  db: Db,
  obligations: ObligationsService,
  org: Pick<OrgService, 'sitesByIds'>,
  people: Pick<PeopleService, 'contractorWorkers'>,
  now: () => Date = () => new Date(),
) {
  /** Workers' names and sites' time zones, from the platform: one lookup of each per list. */
  async function named(rows: repo.QualificationRow[], handle: Db = db): Promise<Row[]> {
    const [workers, sites] = await Promise.all([
      people.contractorWorkers(
        rows.map((r) => r.worker_id),
        handle,
      ),
      org.sitesByIds(
        rows.map((r) => r.site_id),
        handle,
      ),
    ]);
    return rows.map((r) => {
      const worker = workers.get(r.worker_id);
      const site = sites.get(r.site_id);
      if (!worker || !site) throw new Error(`The worker or site of qualification ${r.id} is missing.`);
      return { ...r, worker_name: worker.fullName, time_zone: site.timeZone };
    });
  }

  async function rowOf(handle: Db, id: string) {
    const r = await repo.qualificationById(handle, id);
    return r && (await named([r], handle))[0];
  }

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
      const found = await repo.qualificationList(db, {
        scope,
        workerId: q.workerId,
        siteId: q.siteId,
        validUntilAtMost:
          q.expiringWithinDays === undefined
            ? undefined
            : addDays(localDate(now(), GROUP_TIME_ZONE), q.expiringWithinDays),
      });
      return (await named(found)).map(toView);
    },

    async create(actor: Actor, input: z.infer<typeof qualificationInput>) {
      const worker = (await people.contractorWorkers([input.workerId])).get(input.workerId);
      if (!worker) throw new NotFoundError('contractor worker');
      access.assert(actor, {
        permission: 'contractors.workers.manage',
        siteId: worker.siteId,
        what: 'contractor worker',
      });
      if (input.issuedOn && input.issuedOn > input.validUntil)
        throw new ValidationError('Valid until cannot be before the issue date.', [
          { path: 'validUntil', message: 'Before the issue date' },
        ]);
      return db.transaction().execute(async (trx) => {
        const row = await repo.insertQualification(trx, {
          worker_id: worker.id,
          site_id: worker.siteId,
          kind: input.kind,
          certificate_no: input.certificateNo ?? null,
          issued_on: input.issuedOn ?? null,
          valid_until: input.validUntil,
          created_by: actor.userId,
          updated_by: actor.userId,
        });
        await recordAudit(trx, actor, {
          action: 'contractor_qualification.created',
          entityType: 'contractor_qualification',
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        const full = (await rowOf(trx, row.id)) as Row;
        await sync(trx, actor, full);
        return toView(full);
      });
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof qualificationPatch>) {
      const before = await rowOf(db, id);
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
        const full = (await rowOf(trx, id)) as Row;
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
      return repo.workersQualified(handle, workerIds, kind, until);
    },
  };
}

export type QualificationsService = ReturnType<typeof createQualificationsService>;
