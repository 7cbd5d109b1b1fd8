import type { z } from 'zod';
import type * as c from '#shared/platform/people/contract.ts';
import { paginate } from '../../db/paging.ts';
import type { Db } from '../../db/types.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import type { Actor } from '../access/actor.ts';
import { access } from '../access/service.ts';
import { recordAudit } from '../audit/service.ts';
import { NotFoundError } from '../http/errors.ts';
import * as repo from './repo.ts';

type CompanyRow = Awaited<ReturnType<ReturnType<typeof repo.contractorCompanyQuery>['execute']>>[number];
const toCompanyView = (r: CompanyRow) => ({
  id: r.id,
  name: r.name,
  taxId: r.tax_id,
  country: r.country,
  contactName: r.contact_name,
  contactEmail: r.contact_email,
  contactPhone: r.contact_phone,
  workerCount: Number(r.worker_count ?? 0),
  version: r.version,
});

/** Contractor companies: group records, seen by whoever may read contractors somewhere. */
export function createContractorCompaniesService(db: Db) {
  async function getContractorCompany(actor: Actor, id: string) {
    access.assert(actor, { permission: 'contractors.read', siteId: null, what: 'contractor company' });
    const row = await repo
      .contractorCompanyQuery(db)
      .where('contractor_companies.id', '=', id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('contractor company');
    return toCompanyView(row);
  }

  return {
    async listContractorCompanies(actor: Actor, query: z.infer<typeof c.contractorCompanyListQuery>) {
      access.listScope(actor, 'contractors.read');
      const sortColumn = { name: 'contractor_companies.name', country: 'contractor_companies.country' }[
        query.sort
      ];
      const { items, ...paging } = await paginate<CompanyRow>(db, repo.contractorCompanyQuery(db, query.q), {
        sortColumn,
        order: query.order,
        tieBreaker: 'contractor_companies.id',
        page: query.page,
        cursor: query.cursor,
        count: query.count,
        pageSize: query.pageSize,
      });
      return {
        items: items.map(toCompanyView),
        ...paging,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    getContractorCompany,

    async createContractorCompany(actor: Actor, input: z.infer<typeof c.contractorCompanyInput>) {
      access.assert(actor, {
        permission: 'contractors.companies.manage',
        siteId: null,
        what: 'contractor company',
      });
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('contractor_companies')
          .values({
            name: input.name,
            tax_id: input.taxId ?? null,
            country: input.country,
            contact_name: input.contactName ?? null,
            contact_email: input.contactEmail ?? null,
            contact_phone: input.contactPhone ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'contractor_company.created',
          entityType: 'contractor_company',
          entityId: row.id,
          siteId: null,
          after: row,
        });
        return toCompanyView({ ...row, worker_count: 0 });
      });
    },

    async updateContractorCompany(actor: Actor, id: string, patch: z.infer<typeof c.contractorCompanyPatch>) {
      const before = await getContractorCompany(actor, id);
      access.assert(actor, {
        permission: 'contractors.companies.manage',
        siteId: null,
        what: 'contractor company',
      });
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'contractor_companies',
          id,
          patch.version,
          definedOnly({
            name: patch.name,
            tax_id: patch.taxId,
            country: patch.country,
            contact_name: patch.contactName,
            contact_email: patch.contactEmail,
            contact_phone: patch.contactPhone,
          }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'contractor_company.updated',
          entityType: 'contractor_company',
          entityId: id,
          siteId: null,
          before,
          after,
        });
        return toCompanyView({ ...(after as CompanyRow), worker_count: before.workerCount });
      });
    },
  };
}
