import type { z } from 'zod';
import type {
  areaInput,
  areaPatch,
  siteInput,
  siteListQuery,
  sitePatch,
  subsidiaryInput,
  subsidiaryPatch,
} from '#shared/platform/org/contract.ts';
import type { Db } from '../../db/types.ts';
import { type Actor, visibleSites } from '../access/actor.ts';
import { access } from '../access/service.ts';
import { auditedUpdate } from '../audit/audited-update.ts';
import { recordAudit } from '../audit/service.ts';
import { ConflictError, NotFoundError, ValidationError } from '../http/errors.ts';
import * as repo from './repo.ts';

export function toSiteView(r: repo.SiteRow) {
  return {
    id: r.id,
    subsidiaryId: r.subsidiary_id,
    subsidiaryCode: r.subsidiary_code,
    code: r.code,
    name: r.name,
    nameZh: r.name_zh,
    country: r.country,
    timeZone: r.time_zone,
    kind: r.kind,
    active: r.active,
    employeeCount: Number(r.employee_count ?? 0),
    version: r.version,
  };
}

type AreaRow = Awaited<ReturnType<typeof repo.areasOfSite>>[number];
export function toAreaView(a: AreaRow) {
  return {
    id: a.id,
    siteId: a.site_id,
    parentId: a.parent_id,
    kind: a.kind,
    code: a.code,
    name: a.name,
    version: a.version,
  };
}

export function createOrgService(db: Db) {
  async function siteOrNotFound(id: string) {
    const site = await repo.siteById(db, id);
    if (!site) throw new NotFoundError('site');
    return site;
  }

  async function areaOrNotFound(id: string) {
    const area = await db.selectFrom('areas').selectAll().where('id', '=', id).executeTakeFirst();
    if (!area) throw new NotFoundError('area');
    return area;
  }

  return {
    /**
     * The site a record is to be written at: id, code, time zone and subsidiary. An unknown site is a 404;
     * whether the actor may write there is the caller's check (`access.assert`), on the id returned.
     */
    async siteForWriting(siteId: string, handle: Db = db) {
      const site = await repo.siteEssentials(handle, siteId);
      if (!site) throw new NotFoundError('site');
      return { id: site.id, code: site.code, timeZone: site.time_zone, subsidiaryId: site.subsidiary_id };
    },

    /** Code and time zone of each of these sites, for a module's views (one query for a page of records). */
    async sitesByIds(ids: readonly string[], handle: Db = db) {
      const unique = [...new Set(ids)];
      const rows = unique.length
        ? await handle
            .selectFrom('sites')
            .select(['id', 'code', 'time_zone', 'country'])
            .where('id', 'in', unique)
            .execute()
        : [];
      return new Map(rows.map((r) => [r.id, { code: r.code, timeZone: r.time_zone, country: r.country }]));
    },

    /** The id of the site with this code, for a module that takes the site from a name (an MQTT topic, say). */
    async siteIdByCode(code: string, handle: Db = db): Promise<string | undefined> {
      const row = await handle.selectFrom('sites').select('id').where('code', '=', code).executeTakeFirst();
      return row?.id;
    },

    /** The site of an area, for a module's records kept per area; an unknown area is a 404. */
    async siteOfArea(areaId: string, handle: Db = db): Promise<string> {
      const siteId = await repo.siteOfArea(handle, areaId);
      if (!siteId) throw new NotFoundError('area');
      return siteId;
    },

    /** Names of these areas, for a module's views (one query for a page of records). */
    async areaNames(ids: readonly (string | null)[], handle: Db = db) {
      const unique = [...new Set(ids.filter((id): id is string => !!id))];
      const rows = unique.length
        ? await handle.selectFrom('areas').select(['id', 'name']).where('id', 'in', unique).execute()
        : [];
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    /** Every site's id, ordered by site code: a module sorts its own rows by site with it. */
    async siteIdsInCodeOrder(handle: Db = db) {
      const rows = await handle.selectFrom('sites').select('id').orderBy('code').orderBy('id').execute();
      return rows.map((r) => r.id);
    },

    /**
     * Code, names, country and time zone of each of these sites with its subsidiary's code and name, for a module that
     * groups its figures by site or subsidiary (no access check: the caller scoped the ids).
     */
    async sitesWithSubsidiary(ids: readonly string[] | 'all', handle: Db = db) {
      if (ids !== 'all' && ids.length === 0) return [];
      let q = handle
        .selectFrom('sites')
        .innerJoin('subsidiaries', 'subsidiaries.id', 'sites.subsidiary_id')
        .select([
          'sites.id',
          'sites.code',
          'sites.name',
          'sites.name_zh',
          'sites.country',
          'sites.time_zone',
          'subsidiaries.id as subsidiary_id',
          'subsidiaries.code as subsidiary_code',
          'subsidiaries.name as subsidiary_name',
        ]);
      if (ids !== 'all') q = q.where('sites.id', 'in', [...new Set(ids)]);
      const rows = await q.orderBy('sites.code').execute();
      return rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        nameZh: r.name_zh,
        country: r.country,
        timeZone: r.time_zone,
        subsidiaryId: r.subsidiary_id,
        subsidiaryCode: r.subsidiary_code,
        subsidiaryName: r.subsidiary_name,
      }));
    },

    /** Refuses an area that does not exist or is not one of the site's, naming the field (`path`). */
    async assertAreaOfSite(areaId: string, siteId: string, handle: Db = db, path = 'areaId') {
      if ((await repo.siteOfArea(handle, areaId)) !== siteId)
        throw new ValidationError('The area is not one of this site.', [
          { path, message: 'Not an area of the site' },
        ]);
    },

    async tree(actor: Actor) {
      const scope = access.listScope(actor, 'org.read');
      const [holding, subsidiaries, sites] = await Promise.all([
        repo.holding(db),
        repo.subsidiaryRows(db),
        repo.siteRows(db, scope).orderBy('sites.code').execute(),
      ]);
      return {
        holding: holding
          ? { id: holding.id, code: holding.code, name: holding.name, nameZh: holding.name_zh }
          : null,
        subsidiaries: subsidiaries
          .map((s) => ({
            id: s.id,
            code: s.code,
            name: s.name,
            nameZh: s.name_zh,
            siteCount: Number(s.site_count ?? 0),
            version: s.version,
            sites: sites.filter((x) => x.subsidiary_id === s.id).map(toSiteView),
          }))
          .filter((s) => s.sites.length > 0 || scope === 'all'),
      };
    },

    async listSites(actor: Actor, query: z.infer<typeof siteListQuery>) {
      const scope = access.listScope(actor, 'org.read');
      const { items, ...paging } = await repo.listSites(db, scope, query);
      return { items: items.map(toSiteView), ...paging, page: query.page, pageSize: query.pageSize };
    },

    async getSite(actor: Actor, id: string) {
      const site = await siteOrNotFound(id);
      access.assert(actor, { permission: 'org.read', siteId: site.id, what: 'site' });
      return toSiteView(site);
    },

    /** Sites the actor can see at all (any role): the home page and pickers. */
    async visibleSites(actor: Actor) {
      return repo.siteRows(db, visibleSites(actor)).orderBy('sites.code').execute();
    },

    siteIdsByCode: (codes: string[]) => repo.sitesByCode(db, codes),

    /**
     * The codes of these sites and their subsidiaries, by site id: labels for rows a module already scoped
     * (no access check here; an unknown id is left out).
     */
    siteLabels: (ids: readonly string[], handle: Db = db) => repo.siteLabels(handle, ids),

    /** Code and name of these areas, by id: labels for rows a module already scoped (no access check here). */
    areaLabels: (ids: readonly string[], handle: Db = db) => repo.areaLabels(handle, ids),

    async createSite(actor: Actor, input: z.infer<typeof siteInput>) {
      access.assert(actor, { permission: 'org.manage', siteId: null, what: 'site' });
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('sites')
          .values({
            subsidiary_id: input.subsidiaryId,
            code: input.code,
            name: input.name,
            name_zh: input.nameZh ?? null,
            country: input.country,
            time_zone: input.timeZone,
            kind: input.kind,
            active: input.active ?? true,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'site.created',
          entityType: 'site',
          entityId: row.id,
          siteId: row.id,
          after: row,
        });
        return toSiteView((await repo.siteById(trx, row.id)) as repo.SiteRow);
      });
    },

    async updateSite(actor: Actor, id: string, patch: z.infer<typeof sitePatch>) {
      return db.transaction().execute(async (trx) => {
        await auditedUpdate(trx, actor, {
          table: 'sites',
          id,
          version: patch.version,
          action: 'site.updated',
          entityType: 'site',
          what: 'site',
          siteOf: (row) => row.id,
          authorize: (before) =>
            access.assert(actor, { permission: 'org.manage', siteId: before.id, what: 'site' }),
          change: () => ({
            code: patch.code,
            name: patch.name,
            name_zh: patch.nameZh,
            country: patch.country,
            time_zone: patch.timeZone,
            kind: patch.kind,
            active: patch.active,
          }),
        });
        return toSiteView((await repo.siteById(trx, id)) as repo.SiteRow);
      });
    },

    async listSubsidiaries(actor: Actor) {
      access.listScope(actor, 'org.read');
      const rows = await repo.subsidiaryRows(db);
      return rows.map((s) => ({
        id: s.id,
        code: s.code,
        name: s.name,
        nameZh: s.name_zh,
        siteCount: Number(s.site_count ?? 0),
        version: s.version,
      }));
    },

    async createSubsidiary(actor: Actor, input: z.infer<typeof subsidiaryInput>) {
      access.assert(actor, { permission: 'org.manage', siteId: null, what: 'subsidiary' });
      return db.transaction().execute(async (trx) => {
        const holding = await repo.holding(trx);
        if (!holding)
          throw new ConflictError('Create the holding first (steward demo or the set-up command).');
        const row = await trx
          .insertInto('subsidiaries')
          .values({
            holding_id: holding.id,
            code: input.code,
            name: input.name,
            name_zh: input.nameZh ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'subsidiary.created',
          entityType: 'subsidiary',
          entityId: row.id,
          siteId: null,
          after: row,
        });
        return {
          id: row.id,
          code: row.code,
          name: row.name,
          nameZh: row.name_zh,
          siteCount: 0,
          version: row.version,
        };
      });
    },

    async updateSubsidiary(actor: Actor, id: string, patch: z.infer<typeof subsidiaryPatch>) {
      access.assert(actor, { permission: 'org.manage', siteId: null, what: 'subsidiary' });
      return db.transaction().execute(async (trx) => {
        const after = await auditedUpdate(trx, actor, {
          table: 'subsidiaries',
          id,
          version: patch.version,
          action: 'subsidiary.updated',
          entityType: 'subsidiary',
          what: 'subsidiary',
          siteOf: () => null,
          change: () => ({ code: patch.code, name: patch.name, name_zh: patch.nameZh }),
        });
        const count = await trx
          .selectFrom('sites')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('subsidiary_id', '=', id)
          .executeTakeFirstOrThrow();
        return {
          id,
          code: after.code,
          name: after.name,
          nameZh: after.name_zh,
          siteCount: Number(count.n),
          version: after.version,
        };
      });
    },

    async listAreas(actor: Actor, siteId: string) {
      const site = await siteOrNotFound(siteId);
      access.assert(actor, { permission: 'org.read', siteId: site.id, what: 'site' });
      return (await repo.areasOfSite(db, siteId)).map(toAreaView);
    },

    async createArea(actor: Actor, input: z.infer<typeof areaInput>) {
      const site = await siteOrNotFound(input.siteId);
      access.assert(actor, { permission: 'org.areas.manage', siteId: site.id, what: 'site' });
      if (input.parentId) {
        const parent = await areaOrNotFound(input.parentId);
        if (parent.site_id !== site.id)
          throw new ValidationError('The parent area belongs to another site.', [
            { path: 'parentId', message: 'Must be an area of the same site' },
          ]);
      }
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('areas')
          .values({
            site_id: site.id,
            parent_id: input.parentId ?? null,
            kind: input.kind,
            code: input.code,
            name: input.name,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'area.created',
          entityType: 'area',
          entityId: row.id,
          siteId: site.id,
          after: row,
        });
        return toAreaView(row);
      });
    },

    async updateArea(actor: Actor, id: string, patch: z.infer<typeof areaPatch>) {
      const before = await areaOrNotFound(id);
      access.assert(actor, { permission: 'org.areas.manage', siteId: before.site_id, what: 'area' });
      if (patch.parentId) {
        const parent = await areaOrNotFound(patch.parentId);
        if (parent.site_id !== before.site_id)
          throw new ValidationError('The parent area belongs to another site.', [
            { path: 'parentId', message: 'Must be an area of the same site' },
          ]);
        if (patch.parentId === id || (await repo.wouldCycle(db, id, patch.parentId))) {
          throw new ValidationError('An area cannot be placed inside itself.', [
            { path: 'parentId', message: 'Would make a cycle' },
          ]);
        }
      }
      return db.transaction().execute(async (trx) => {
        const after = await auditedUpdate(trx, actor, {
          table: 'areas',
          id,
          version: patch.version,
          action: 'area.updated',
          entityType: 'area',
          what: 'area',
          siteOf: (row) => row.site_id,
          change: () => ({ parent_id: patch.parentId, kind: patch.kind, code: patch.code, name: patch.name }),
        });
        return toAreaView(after as AreaRow);
      });
    },

    async deleteArea(actor: Actor, id: string, version: number) {
      const before = await areaOrNotFound(id);
      access.assert(actor, { permission: 'org.areas.manage', siteId: before.site_id, what: 'area' });
      await db.transaction().execute(async (trx) => {
        const child = await trx
          .selectFrom('areas')
          .select('id')
          .where('parent_id', '=', id)
          .executeTakeFirst();
        if (child)
          throw new ConflictError('This area still contains other areas: move or delete them first.');
        const gone = await trx
          .deleteFrom('areas')
          .where('id', '=', id)
          .where('version', '=', version)
          .executeTakeFirst();
        if (Number(gone.numDeletedRows) === 0) {
          const current = await trx
            .selectFrom('areas')
            .select('version')
            .where('id', '=', id)
            .executeTakeFirst();
          if (!current) throw new NotFoundError('area');
          throw new ConflictError(`This area was changed by someone else (now version ${current.version}).`, {
            currentVersion: current.version,
          });
        }
        await recordAudit(trx, actor, {
          action: 'area.deleted',
          entityType: 'area',
          entityId: id,
          siteId: before.site_id,
          before,
        });
      });
    },
  };
}

export type OrgService = ReturnType<typeof createOrgService>;
