import type { z } from 'zod';
import type * as c from '#shared/platform/people/contract.ts';
import { paginate } from '../../db/paging.ts';
import type { Db } from '../../db/types.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import type { Actor } from '../access/actor.ts';
import { access } from '../access/service.ts';
import { recordAudit } from '../audit/service.ts';
import { NotFoundError, ValidationError } from '../http/errors.ts';
import type { OrgService } from '../org/service.ts';
import * as repo from './repo.ts';

type WorkerRow = Awaited<ReturnType<ReturnType<typeof repo.contractorWorkerQuery>['execute']>>[number];
const toWorkerView = (r: WorkerRow) => ({
  id: r.id,
  companyId: r.company_id,
  companyName: r.company_name,
  siteId: r.site_id,
  siteCode: r.site_code,
  workerNo: r.worker_no,
  fullName: r.full_name,
  trade: r.trade,
  startDate: r.start_date,
  endDate: r.end_date,
  version: r.version,
});

/** Contractor workers: assigned to a site for a period, scoped by that site. */
export function createContractorWorkersService(db: Db, org: OrgService) {
  async function getContractorWorker(actor: Actor, id: string) {
    const row = await repo
      .contractorWorkerQuery(db, 'all', {})
      .where('contractor_workers.id', '=', id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('contractor worker');
    access.assert(actor, { permission: 'contractors.read', siteId: row.site_id, what: 'contractor worker' });
    return toWorkerView(row);
  }

  return {
    async listContractorWorkers(actor: Actor, query: z.infer<typeof c.contractorWorkerListQuery>) {
      const scope = access.listScope(actor, 'contractors.read');
      const sortColumn = {
        fullName: 'contractor_workers.full_name',
        workerNo: 'contractor_workers.worker_no',
        company: 'contractor_companies.name',
        site: 'sites.code',
      }[query.sort];
      const { items, ...paging } = await paginate<WorkerRow>(
        db,
        repo.contractorWorkerQuery(db, scope, query),
        {
          sortColumn,
          order: query.order,
          tieBreaker: 'contractor_workers.id',
          page: query.page,
          cursor: query.cursor,
          count: query.count,
          pageSize: query.pageSize,
        },
      );
      return {
        items: items.map(toWorkerView),
        ...paging,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    getContractorWorker,

    async createContractorWorker(actor: Actor, input: z.infer<typeof c.contractorWorkerInput>) {
      await org.getSite(actor, input.siteId);
      access.assert(actor, { permission: 'contractors.workers.manage', siteId: input.siteId, what: 'site' });
      return db.transaction().execute(async (trx) => {
        const company = await trx
          .selectFrom('contractor_companies')
          .select('id')
          .where('id', '=', input.companyId)
          .executeTakeFirst();
        if (!company)
          throw new ValidationError('The contractor company does not exist.', [
            { path: 'companyId', message: 'Unknown company' },
          ]);
        const row = await trx
          .insertInto('contractor_workers')
          .values({
            company_id: input.companyId,
            site_id: input.siteId,
            worker_no: input.workerNo,
            full_name: input.fullName,
            trade: input.trade ?? null,
            start_date: input.startDate ?? null,
            end_date: input.endDate ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'contractor_worker.created',
          entityType: 'contractor_worker',
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        return toWorkerView(
          (await repo
            .contractorWorkerQuery(trx, 'all', {})
            .where('contractor_workers.id', '=', row.id)
            .executeTakeFirst()) as WorkerRow,
        );
      });
    },

    async updateContractorWorker(actor: Actor, id: string, patch: z.infer<typeof c.contractorWorkerPatch>) {
      const before = await getContractorWorker(actor, id);
      access.assert(actor, {
        permission: 'contractors.workers.manage',
        siteId: before.siteId,
        what: 'contractor worker',
      });
      if (patch.siteId && patch.siteId !== before.siteId) {
        await org.getSite(actor, patch.siteId);
        access.assert(actor, {
          permission: 'contractors.workers.manage',
          siteId: patch.siteId,
          what: 'site',
        });
      }
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'contractor_workers',
          id,
          patch.version,
          definedOnly({
            company_id: patch.companyId,
            site_id: patch.siteId,
            worker_no: patch.workerNo,
            full_name: patch.fullName,
            trade: patch.trade,
            start_date: patch.startDate,
            end_date: patch.endDate,
          }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'contractor_worker.updated',
          entityType: 'contractor_worker',
          entityId: id,
          siteId: after.site_id,
          before,
          after,
        });
        return toWorkerView(
          (await repo
            .contractorWorkerQuery(trx, 'all', {})
            .where('contractor_workers.id', '=', id)
            .executeTakeFirst()) as WorkerRow,
        );
      });
    },
  };
}
