import type { z } from 'zod';
import type {
  SupplierView,
  supplierContactInput,
  supplierContactPatch,
  supplierInput,
  supplierListQuery,
  supplierPatch,
  templateInput,
  templatePatch,
} from '#shared/modules/infosec/suppliers/contract.ts';
import { followUpDue } from '#shared/modules/infosec/suppliers/rules.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { listPage } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import { definedOnly, updateVersioned } from '../../../db/versioned.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { inScope } from '../../../platform/access/sql.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import type { GrantsService } from '../../../platform/grants/service.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../platform/http/errors.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { UsersService } from '../../../platform/users/service.ts';
import { supplierMessage } from './messages.ts';
import * as repo from './repo.ts';

const PROGRAM = 'infosec' as const;
export const SUPPLIER_RECORD = 'infosec_supplier';
export const TEMPLATE_RECORD = 'infosec_supplier_template';

type Deps = { db: Db; org: OrgService; users: UsersService; grants: GrantsService };

/** Critical suppliers with the sites they serve and their contacts; the questionnaire templates. */
export function createSuppliersService({ db, org, users, grants }: Deps) {
  async function toViews(rows: repo.SupplierRow[], handle: Db = db): Promise<SupplierView[]> {
    const ids = rows.map((r) => r.id);
    const [sites, served, contacts, confirmed] = await Promise.all([
      org.sitesByIds(
        rows.map((r) => r.site_id),
        handle,
      ),
      repo.servedSitesOf(handle, ids),
      repo.contactsOf(handle, ids),
      repo.lastConfirmedOf(handle, ids),
    ]);
    const last = new Map(confirmed.map((c) => [c.supplier_id, c.confirmed_on]));
    // The served sites' codes through the platform's sites (a module reads no platform table itself).
    const servedSites = await org.sitesByIds(
      served.map((s) => s.site_id),
      handle,
    );
    const servedOf = (supplierId: string) =>
      served
        .filter((s) => s.supplier_id === supplierId)
        .map((s) => ({ id: s.site_id, code: servedSites.get(s.site_id)?.code ?? '' }))
        .sort((a, b) => a.code.localeCompare(b.code));
    return rows.map((r) => {
      const lastConfirmedOn = last.get(r.id) ?? null;
      return {
        id: r.id,
        siteId: r.site_id,
        siteCode: sites.get(r.site_id)?.code ?? '',
        name: r.name,
        country: r.country,
        supplies: r.supplies,
        category: r.category as SupplierView['category'],
        criticality: r.criticality as SupplierView['criticality'],
        servedSites: servedOf(r.id),
        active: r.active,
        contacts: contacts
          .filter((c) => c.supplier_id === r.id)
          .map((c) => ({
            id: c.id,
            name: c.name,
            email: c.email,
            phone: c.phone,
            position: c.position,
            userId: c.user_id,
            version: c.version,
          })),
        lastConfirmedOn,
        followUpDueOn: lastConfirmedOn ? followUpDue(lastConfirmedOn) : null,
        updatedAt: r.updated_at.toISOString(),
        version: r.version,
      };
    });
  }

  async function rowOrNotFound(handle: Db, id: string) {
    const row = await repo.supplierRows(handle).where('s.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('supplier');
    return row;
  }

  async function writable(actor: Actor, id: string) {
    const row = await rowOrNotFound(db, id);
    access.assert(actor, {
      permission: 'infosec.manage',
      siteId: row.site_id,
      what: 'supplier',
      program: PROGRAM,
    });
    return row;
  }

  async function checkServedSites(ids: readonly string[] | undefined) {
    if (!ids?.length) return;
    const found = await org.sitesByIds(ids);
    const missing = ids.findIndex((id) => !found.has(id));
    if (missing >= 0)
      throw new ValidationError('Not a site of the group.', [
        { path: `servedSiteIds.${missing}`, message: 'Unknown site' },
      ]);
  }

  /** A contact's sign-in must be an active person outside the company: assessments are granted to them. */
  async function checkContactUser(userId: string | null | undefined) {
    if (!userId) return;
    await users.assertActiveUsers([userId], 'userId');
    if (!(await grants.isOutsider(userId)))
      throw new ValidationError('A supplier’s contact signs in as a person outside the company.', [
        { path: 'userId', message: 'Holds a role at a site' },
      ]);
  }

  async function audit(trx: Db, actor: Actor, action: string, row: repo.SupplierRow, extra: object) {
    const [site] = await org.sitesWithSubsidiary([row.site_id], trx);
    await recordAudit(trx, actor, {
      action,
      entityType: SUPPLIER_RECORD,
      entityId: row.id,
      siteId: row.site_id,
      summary: supplierMessage(
        action === 'infosec.supplier.created'
          ? 'infosec.audit.supplierCreated'
          : 'infosec.audit.supplierUpdated',
        { site: site?.code ?? '', supplier: row.name },
      ),
      ...extra,
    });
  }

  function templateView(r: repo.TemplateRow, counts: Map<string, number>) {
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      description: r.description ?? null,
      questions: r.questions,
      active: r.active,
      assessments: counts.get(r.id) ?? 0,
      version: r.version,
    };
  }

  /** The supplier a contact belongs to (404 for no such contact, as for one outside the actor's scope). */
  async function supplierOfContact(contactId: string): Promise<string> {
    const row = await db
      .selectFrom('infosec_supplier_contacts')
      .select('supplier_id')
      .where('id', '=', contactId)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('contact');
    return row.supplier_id;
  }

  return {
    async list(actor: Actor, q: z.infer<typeof supplierListQuery>) {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      let base = repo.supplierRows(db).where((eb) => inScope(eb, 's.site_id', scope));
      if (q.siteId) base = base.where('s.site_id', '=', q.siteId);
      if (q.country) base = base.where('s.country', '=', q.country);
      if (q.category) base = base.where('s.category', '=', q.category);
      if (q.criticality) base = base.where('s.criticality', '=', q.criticality);
      if (q.q) {
        const p = likePattern(q.q);
        base = base.where((eb) => eb.or([eb('s.name', 'ilike', p), eb('s.supplies', 'ilike', p)]));
      }
      const sortColumn = {
        name: 's.name',
        country: 's.country',
        criticality: 's.criticality',
        updatedAt: 's.updated_at',
      }[q.sort];
      const page = await listPage<repo.SupplierRow, repo.SupplierRow>(db, base, q, {
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
        what: 'supplier',
        program: PROGRAM,
      });
      return (await toViews([row]))[0];
    },

    /** The supplier row, for the assessments (access is the caller's check). */
    row: (id: string, handle: Db = db) => rowOrNotFound(handle, id),

    async create(actor: Actor, input: z.infer<typeof supplierInput>) {
      const site = await org.siteForWriting(input.siteId);
      access.assert(actor, { permission: 'infosec.manage', siteId: site.id, what: 'site', program: PROGRAM });
      await checkServedSites(input.servedSiteIds);
      const taken = await repo
        .supplierRows(db)
        .where('s.site_id', '=', site.id)
        .where('s.name', '=', input.name)
        .executeTakeFirst();
      if (taken) throw new ConflictError('The site already has a supplier of that name.');
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('infosec_suppliers')
          .values({
            site_id: site.id,
            name: input.name,
            country: input.country,
            supplies: input.supplies,
            category: input.category,
            criticality: input.criticality,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await repo.replaceServedSites(trx, row.id, input.servedSiteIds);
        await audit(trx, actor, 'infosec.supplier.created', row, {
          after: { ...row, servedSiteIds: input.servedSiteIds },
        });
        return (await toViews([row], trx))[0];
      });
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof supplierPatch>) {
      const before = await writable(actor, id);
      await checkServedSites(patch.servedSiteIds);
      return db.transaction().execute(async (trx) => {
        const after = (await updateVersioned(
          trx,
          'infosec_suppliers',
          id,
          patch.version,
          definedOnly({
            name: patch.name,
            country: patch.country,
            supplies: patch.supplies,
            category: patch.category,
            criticality: patch.criticality,
            active: patch.active,
          }),
          actor.userId,
        )) as repo.SupplierRow;
        if (patch.servedSiteIds) await repo.replaceServedSites(trx, id, patch.servedSiteIds);
        await audit(trx, actor, 'infosec.supplier.updated', after, {
          before,
          after: { ...after, servedSiteIds: patch.servedSiteIds },
        });
        return (await toViews([after], trx))[0];
      });
    },

    /** Removes a supplier entered in error: one that has no assessment. */
    async remove(actor: Actor, id: string, version: number) {
      const before = await writable(actor, id);
      const assessed = await db
        .selectFrom('infosec_supplier_assessments')
        .select('id')
        .where('supplier_id', '=', id)
        .executeTakeFirst();
      if (assessed)
        throw new ConflictError('The supplier has assessments: it stays on record (set it inactive).');
      await db.transaction().execute(async (trx) => {
        const gone = await trx
          .deleteFrom('infosec_suppliers')
          .where('id', '=', id)
          .where('version', '=', version)
          .executeTakeFirst();
        if (Number(gone.numDeletedRows) === 0)
          await updateVersioned(trx, 'infosec_suppliers', id, version, {}, actor.userId);
        await audit(trx, actor, 'infosec.supplier.deleted', before, { before });
      });
    },

    async addContact(actor: Actor, supplierId: string, input: z.infer<typeof supplierContactInput>) {
      const supplier = await writable(actor, supplierId);
      await checkContactUser(input.userId);
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('infosec_supplier_contacts')
          .values({
            supplier_id: supplierId,
            name: input.name,
            email: input.email,
            phone: input.phone ?? null,
            position: input.position ?? null,
            user_id: input.userId ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'infosec.supplier_contact.added',
          entityType: SUPPLIER_RECORD,
          entityId: supplierId,
          siteId: supplier.site_id,
          summary: supplierMessage('infosec.audit.supplierContact', {
            supplier: supplier.name,
            contact: row.name,
          }),
          after: row,
        });
        return (await toViews([supplier], trx))[0];
      });
    },

    /** Changes a contact of a supplier (a stale version is refused with 409; 404 outside the actor's scope). */
    async updateContact(actor: Actor, contactId: string, patch: z.infer<typeof supplierContactPatch>) {
      const supplierId = await supplierOfContact(contactId);
      const supplier = await writable(actor, supplierId);
      await checkContactUser(patch.userId);
      return db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom('infosec_supplier_contacts')
          .selectAll()
          .where('id', '=', contactId)
          .where('supplier_id', '=', supplierId)
          .executeTakeFirst();
        if (!before) throw new NotFoundError('contact');
        const after = await updateVersioned(
          trx,
          'infosec_supplier_contacts',
          contactId,
          patch.version,
          definedOnly({
            name: patch.name,
            email: patch.email,
            phone: patch.phone,
            position: patch.position,
            user_id: patch.userId,
          }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'infosec.supplier_contact.updated',
          entityType: SUPPLIER_RECORD,
          entityId: supplierId,
          siteId: supplier.site_id,
          summary: supplierMessage('infosec.audit.supplierContact', {
            supplier: supplier.name,
            contact: String(after.name),
          }),
          before,
          after,
        });
        return (await toViews([supplier], trx))[0];
      });
    },

    async removeContact(actor: Actor, contactId: string) {
      const supplierId = await supplierOfContact(contactId);
      const supplier = await writable(actor, supplierId);
      await db.transaction().execute(async (trx) => {
        const gone = await trx
          .deleteFrom('infosec_supplier_contacts')
          .where('id', '=', contactId)
          .where('supplier_id', '=', supplierId)
          .returningAll()
          .executeTakeFirst();
        if (!gone) throw new NotFoundError('contact');
        await recordAudit(trx, actor, {
          action: 'infosec.supplier_contact.removed',
          entityType: SUPPLIER_RECORD,
          entityId: supplierId,
          siteId: supplier.site_id,
          summary: supplierMessage('infosec.audit.supplierContact', {
            supplier: supplier.name,
            contact: gone.name,
          }),
          before: gone,
        });
      });
    },

    /** The contact of a supplier, for granting an assessment to their sign-in. */
    async contact(supplierId: string, contactId: string, handle: Db = db) {
      const row = await handle
        .selectFrom('infosec_supplier_contacts')
        .selectAll()
        .where('id', '=', contactId)
        .where('supplier_id', '=', supplierId)
        .executeTakeFirst();
      if (!row) throw new NotFoundError('contact');
      return row;
    },

    /** The questionnaire templates, to every reader of the program (group records). */
    async templates(actor: Actor) {
      access.listScope(actor, 'infosec.read', PROGRAM);
      const [rows, counts] = await Promise.all([
        repo.templateRows(db).orderBy('t.code').execute(),
        repo.assessmentsPerTemplate(db),
      ]);
      return { items: rows.map((r) => templateView(r, counts)) };
    },

    async template(actor: Actor, id: string) {
      access.listScope(actor, 'infosec.read', PROGRAM);
      const row = await repo.templateRows(db).where('t.id', '=', id).executeTakeFirst();
      if (!row) throw new NotFoundError('template');
      return templateView(row, await repo.assessmentsPerTemplate(db));
    },

    /** Templates apply to every site: only whoever manages the program group-wide writes them. */
    async createTemplate(actor: Actor, input: z.infer<typeof templateInput>) {
      access.assertGroupWide(actor, 'infosec.manage', PROGRAM);
      const taken = await repo.templateRows(db).where('t.code', '=', input.code).executeTakeFirst();
      if (taken) throw new ConflictError('A template of that code exists.');
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('infosec_supplier_templates')
          .values({
            code: input.code,
            name: JSON.stringify(input.name),
            description: input.description ? JSON.stringify(input.description) : null,
            questions: JSON.stringify(input.questions),
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'infosec.supplier_template.created',
          entityType: TEMPLATE_RECORD,
          entityId: row.id,
          siteId: null,
          summary: supplierMessage('infosec.audit.supplierTemplate', { code: row.code }),
          after: row,
        });
        return templateView(row, new Map());
      });
    },

    /** Assessments already started keep the questions they started with. */
    async updateTemplate(actor: Actor, id: string, patch: z.infer<typeof templatePatch>) {
      access.assertGroupWide(actor, 'infosec.manage', PROGRAM);
      const before = await repo.templateRows(db).where('t.id', '=', id).executeTakeFirst();
      if (!before) throw new NotFoundError('template');
      return db.transaction().execute(async (trx) => {
        const after = (await updateVersioned(
          trx,
          'infosec_supplier_templates',
          id,
          patch.version,
          definedOnly({
            name: patch.name && JSON.stringify(patch.name),
            description:
              patch.description === undefined
                ? undefined
                : patch.description && JSON.stringify(patch.description),
            questions: patch.questions && JSON.stringify(patch.questions),
            active: patch.active,
          }),
          actor.userId,
        )) as repo.TemplateRow;
        await recordAudit(trx, actor, {
          action: 'infosec.supplier_template.updated',
          entityType: TEMPLATE_RECORD,
          entityId: id,
          siteId: null,
          summary: supplierMessage('infosec.audit.supplierTemplate', { code: before.code }),
          before,
          after,
        });
        return templateView(after, await repo.assessmentsPerTemplate(trx));
      });
    },
  };
}

export type SuppliersService = ReturnType<typeof createSuppliersService>;
