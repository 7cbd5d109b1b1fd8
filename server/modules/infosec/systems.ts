import type { z } from 'zod';
import type {
  SystemView,
  systemInput,
  systemListQuery,
  systemPatch,
} from '#shared/modules/infosec/contract.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { listPage } from '../../db/paging.ts';
import type { Db } from '../../db/types.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { inScope } from '../../platform/access/sql.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { ConflictError, NotFoundError } from '../../platform/http/errors.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { UsersService } from '../../platform/users/service.ts';
import { infosecMessage } from './messages.ts';
import * as repo from './repo.ts';

const PROGRAM = 'infosec' as const;

const num = (v: string | number | null) => (v === null ? null : Number(v));

/** The register of critical information systems and OT assets per site. */
export function createSystemsService(db: Db, org: OrgService, users: UsersService) {
  async function toViews(rows: repo.SystemRow[], handle: Db = db): Promise<SystemView[]> {
    const [sites, names] = await Promise.all([
      org.sitesByIds(
        rows.map((r) => r.site_id),
        handle,
      ),
      users.displayNames(
        rows.map((r) => r.owner_id),
        handle,
      ),
    ]);
    return rows.map((r) => ({
      id: r.id,
      siteId: r.site_id,
      siteCode: sites.get(r.site_id)?.code ?? '',
      name: r.name,
      ownerId: r.owner_id,
      ownerName: r.owner_id ? (names.get(r.owner_id) ?? null) : null,
      domain: r.domain,
      criticality: r.criticality,
      rtoHours: num(r.rto_hours),
      rpoHours: num(r.rpo_hours),
      backup: r.backup,
      vendor: r.vendor,
      product: r.product,
      productVersion: r.product_version,
      cpe: r.cpe,
      updatedAt: r.updated_at.toISOString(),
      version: r.version,
    }));
  }

  async function rowOrNotFound(handle: Db, id: string) {
    const row = await repo.systemRows(handle).where('s.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('system');
    return row;
  }

  /** A second system of the same name at a site is refused naming the field, not as a database error. */
  async function assertNameFree(handle: Db, siteId: string, name: string, except?: string) {
    let q = handle
      .selectFrom('infosec_systems')
      .select('id')
      .where('site_id', '=', siteId)
      .where('name', '=', name);
    if (except) q = q.where('id', '<>', except);
    if (await q.executeTakeFirst())
      throw new ConflictError('A system of this name is already registered at the site.');
  }

  return {
    async list(actor: Actor, q: z.infer<typeof systemListQuery>) {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      let base = repo.systemRows(db).where((eb) => inScope(eb, 's.site_id', scope));
      if (q.siteId) base = base.where('s.site_id', '=', q.siteId);
      if (q.domain) base = base.where('s.domain', '=', q.domain);
      if (q.criticality) base = base.where('s.criticality', '=', q.criticality);
      if (q.q) {
        const p = likePattern(q.q);
        base = base.where((eb) =>
          eb.or([
            eb('s.name', 'ilike', p),
            eb('s.vendor', 'ilike', p),
            eb('s.product', 'ilike', p),
            eb('s.cpe', 'ilike', p),
          ]),
        );
      }
      const sortColumn = { name: 's.name', rtoHours: 's.rto_hours', updatedAt: 's.updated_at' }[q.sort];
      const page = await listPage<repo.SystemRow, repo.SystemRow>(db, base, q, {
        sortColumn,
        tieBreaker: 's.id',
        toView: (r) => r,
      });
      return { ...page, items: await toViews(page.items) };
    },

    async get(actor: Actor, id: string) {
      const row = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'infosec.read',
        siteId: row.site_id,
        what: 'system',
        program: PROGRAM,
      });
      return (await toViews([row]))[0];
    },

    /** The systems of these ids (for an incident): each must exist; the caller checks the sites. */
    async byIds(ids: readonly string[], handle: Db = db) {
      if (ids.length === 0) return [];
      return repo
        .systemRows(handle)
        .where('s.id', 'in', [...new Set(ids)])
        .execute();
    },

    async create(actor: Actor, input: z.infer<typeof systemInput>) {
      const site = await org.siteForWriting(input.siteId);
      access.assert(actor, { permission: 'infosec.manage', siteId: site.id, what: 'site', program: PROGRAM });
      if (input.ownerId) await users.assertActiveUser(input.ownerId, 'ownerId');
      return db.transaction().execute(async (trx) => {
        await assertNameFree(trx, site.id, input.name);
        const row = await trx
          .insertInto('infosec_systems')
          .values({
            site_id: site.id,
            name: input.name,
            owner_id: input.ownerId ?? null,
            domain: input.domain,
            criticality: input.criticality,
            rto_hours: input.rtoHours ?? null,
            rpo_hours: input.rpoHours ?? null,
            backup: input.backup ?? null,
            vendor: input.vendor ?? null,
            product: input.product ?? null,
            product_version: input.productVersion ?? null,
            cpe: input.cpe ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'infosec.system.registered',
          entityType: 'infosec_system',
          entityId: row.id,
          siteId: row.site_id,
          summary: infosecMessage('infosec.audit.systemRegistered', { site: site.code, name: row.name }),
          after: row,
        });
        return (await toViews([row], trx))[0];
      });
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof systemPatch>) {
      const before = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'infosec.manage',
        siteId: before.site_id,
        what: 'system',
        program: PROGRAM,
      });
      if (patch.ownerId) await users.assertActiveUser(patch.ownerId, 'ownerId');
      return db.transaction().execute(async (trx) => {
        if (patch.name !== undefined) await assertNameFree(trx, before.site_id, patch.name, id);
        const after = await updateVersioned(
          trx,
          'infosec_systems',
          id,
          patch.version,
          definedOnly({
            name: patch.name,
            owner_id: patch.ownerId,
            domain: patch.domain,
            criticality: patch.criticality,
            rto_hours: patch.rtoHours,
            rpo_hours: patch.rpoHours,
            backup: patch.backup,
            vendor: patch.vendor,
            product: patch.product,
            product_version: patch.productVersion,
            cpe: patch.cpe,
          }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'infosec.system.updated',
          entityType: 'infosec_system',
          entityId: id,
          siteId: before.site_id,
          before,
          after,
        });
        return (await toViews([after as repo.SystemRow], trx))[0];
      });
    },

    async remove(actor: Actor, id: string, version: number) {
      const before = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'infosec.manage',
        siteId: before.site_id,
        what: 'system',
        program: PROGRAM,
      });
      await db.transaction().execute(async (trx) => {
        const linked = await trx
          .selectFrom('infosec_incident_systems')
          .select('incident_id')
          .where('system_id', '=', id)
          .executeTakeFirst();
        if (linked) throw new ConflictError('Incidents name this system: it stays in the register.');
        const gone = await trx
          .deleteFrom('infosec_systems')
          .where('id', '=', id)
          .where('version', '=', version)
          .executeTakeFirst();
        if (Number(gone.numDeletedRows) === 0)
          await updateVersioned(trx, 'infosec_systems', id, version, {}, actor.userId);
        await recordAudit(trx, actor, {
          action: 'infosec.system.deleted',
          entityType: 'infosec_system',
          entityId: id,
          siteId: before.site_id,
          before,
        });
      });
    },
  };
}

export type SystemsService = ReturnType<typeof createSystemsService>;
