import type { z } from 'zod';
import type * as c from '#shared/platform/people/contract.ts';
import { paginate } from '../../db/paging.ts';
import type { Db } from '../../db/types.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import type { Actor } from '../access/actor.ts';
import { access } from '../access/service.ts';
import { recordAudit } from '../audit/service.ts';
import { NotFoundError } from '../http/errors.ts';
import type { OrgService } from '../org/service.ts';
import * as repo from './repo.ts';

type ExternalRow = Awaited<ReturnType<ReturnType<typeof repo.externalPersonQuery>['execute']>>[number];
const toExternalView = (r: ExternalRow) => ({
  id: r.id,
  siteId: r.site_id,
  siteCode: r.site_code,
  kind: r.kind,
  fullName: r.full_name,
  organisation: r.organisation,
  email: r.email,
  version: r.version,
});

/** External persons (students, professors, consultants…): at a site, or group records without one. */
export function createExternalPersonsService(db: Db, org: OrgService) {
  async function getExternalPerson(actor: Actor, id: string) {
    const row = await repo
      .externalPersonQuery(db, 'all', {})
      .where('external_persons.id', '=', id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('external person');
    access.assert(actor, { permission: 'people.read', siteId: row.site_id, what: 'external person' });
    return toExternalView(row);
  }

  return {
    async listExternalPersons(actor: Actor, query: z.infer<typeof c.externalPersonListQuery>) {
      const scope = access.listScope(actor, 'people.read');
      const sortColumn = {
        fullName: 'external_persons.full_name',
        organisation: 'external_persons.organisation',
        kind: 'external_persons.kind',
      }[query.sort];
      const { items, ...paging } = await paginate<ExternalRow>(
        db,
        repo.externalPersonQuery(db, scope, query),
        {
          sortColumn,
          order: query.order,
          tieBreaker: 'external_persons.id',
          page: query.page,
          cursor: query.cursor,
          count: query.count,
          pageSize: query.pageSize,
        },
      );
      return {
        items: items.map(toExternalView),
        ...paging,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    getExternalPerson,

    async createExternalPerson(actor: Actor, input: z.infer<typeof c.externalPersonInput>) {
      if (input.siteId) await org.getSite(actor, input.siteId);
      access.assert(actor, { permission: 'people.manage', siteId: input.siteId ?? null, what: 'site' });
      // A person of no site is a group record: managed by those who manage people group-wide.
      if (!input.siteId) access.assertGroupWide(actor, 'people.manage');
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('external_persons')
          .values({
            site_id: input.siteId ?? null,
            kind: input.kind,
            full_name: input.fullName,
            organisation: input.organisation,
            email: input.email ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'external_person.created',
          entityType: 'external_person',
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        return toExternalView(
          (await repo
            .externalPersonQuery(trx, 'all', {})
            .where('external_persons.id', '=', row.id)
            .executeTakeFirst()) as ExternalRow,
        );
      });
    },

    async updateExternalPerson(actor: Actor, id: string, patch: z.infer<typeof c.externalPersonPatch>) {
      const before = await getExternalPerson(actor, id);
      access.assert(actor, { permission: 'people.manage', siteId: before.siteId, what: 'external person' });
      if (!before.siteId || patch.siteId === null) access.assertGroupWide(actor, 'people.manage');
      if (patch.siteId && patch.siteId !== before.siteId) {
        await org.getSite(actor, patch.siteId);
        access.assert(actor, { permission: 'people.manage', siteId: patch.siteId, what: 'site' });
      }
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'external_persons',
          id,
          patch.version,
          definedOnly({
            site_id: patch.siteId,
            kind: patch.kind,
            full_name: patch.fullName,
            organisation: patch.organisation,
            email: patch.email,
          }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'external_person.updated',
          entityType: 'external_person',
          entityId: id,
          siteId: after.site_id,
          before,
          after,
        });
        return toExternalView(
          (await repo
            .externalPersonQuery(trx, 'all', {})
            .where('external_persons.id', '=', id)
            .executeTakeFirst()) as ExternalRow,
        );
      });
    },
  };
}
