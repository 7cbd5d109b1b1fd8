import type { Insertable } from 'kysely';
import type { z } from 'zod';
import type { familyInput, familyListQuery, familyPatch } from '#shared/modules/ip/contract.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { paginate } from '../../db/paging.ts';
import type { Db } from '../../db/types.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { inScope } from '../../platform/access/sql.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import type { PeopleService } from '../../platform/people/service.ts';
import type { MattersService } from './matters.ts';
import * as repo from './repo.ts';
import type { SitesLookup } from './sites.ts';
import type { IpFamiliesTable } from './tables.ts';

const PROGRAM = 'ip' as const;

/** Patent families: the invention, its owner site, technology, green flag and inventors (employees). */
export function createFamiliesService(
  db: Db,
  people: Pick<PeopleService, 'getEmployee'>,
  matters: MattersService,
  sites: SitesLookup,
) {
  function toView(
    r: repo.FamilyRow,
    inventors: { employeeId: string; name: string; share: number }[],
    siteCode: string,
  ) {
    return {
      id: r.id,
      siteId: r.site_id,
      siteCode,
      reference: r.reference,
      title: r.title,
      technology: r.technology,
      green: r.green,
      sustainabilityFocus: r.sustainability_focus,
      inventors,
      matterCount: Number(r.matter_count ?? 0),
      version: r.version,
    };
  }

  async function rowOrNotFound(handle: Db, id: string) {
    const r = await repo.familyRows(handle).where('f.id', '=', id).executeTakeFirst();
    if (!r) throw new NotFoundError('family');
    return r;
  }

  /**
   * Inventors are employees the actor can see, each once, with shares adding up to 100%. The name is kept as
   * filed. Errors name the field (`inventors.2.employeeId`).
   */
  async function resolveInventors(actor: Actor, input: { employeeId: string; share: number }[]) {
    const errors: { path: string; message: string }[] = [];
    const seen = new Set<string>();
    const out: { employeeId: string; name: string; share: number }[] = [];
    for (const [i, inv] of input.entries()) {
      if (seen.has(inv.employeeId)) {
        errors.push({ path: `inventors.${i}.employeeId`, message: 'Named twice' });
        continue;
      }
      seen.add(inv.employeeId);
      try {
        const e = await people.getEmployee(actor, inv.employeeId);
        out.push({ employeeId: e.id, name: e.fullName, share: inv.share });
      } catch {
        errors.push({ path: `inventors.${i}.employeeId`, message: 'Unknown employee' });
      }
    }
    const total = input.reduce((n, i) => n + i.share, 0);
    if (input.length > 0 && total !== 100)
      errors.push({ path: 'inventors', message: `The shares add up to ${total}%, not 100%` });
    if (errors.length) throw new ValidationError('The inventors are not right.', errors);
    return out;
  }

  async function uniqueReference(trx: Db, reference: string, except?: string) {
    let q = trx.selectFrom('ip_families').select('id').where('reference', '=', reference);
    if (except) q = q.where('id', '<>', except);
    if (await q.executeTakeFirst())
      throw new ConflictError(`The reference ${reference} is taken.`, {
        errors: [{ path: 'reference', message: 'Taken' }],
      });
  }

  async function insertFamily(
    trx: Db,
    actor: Actor,
    values: Omit<Insertable<IpFamiliesTable>, 'created_by' | 'updated_by'>,
    inventors: { employeeId: string; name: string; share: number }[],
  ) {
    const row = await trx
      .insertInto('ip_families')
      .values({ ...values, created_by: actor.userId, updated_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await repo.replaceInventors(trx, row.id, inventors);
    await recordAudit(trx, actor, {
      action: 'ip.family.created',
      entityType: 'ip_family',
      entityId: row.id,
      siteId: row.site_id,
      after: { ...row, inventors },
    });
    return rowOrNotFound(trx, row.id);
  }

  async function get(actor: Actor, id: string) {
    const r = await rowOrNotFound(db, id);
    access.assert(actor, { permission: 'ip.read', siteId: r.site_id, what: 'family', program: PROGRAM });
    const inventors = await repo.inventorsOf(db, [id]);
    const siteMap = await sites.visible(actor);
    return {
      ...toView(r, inventors.get(id) ?? [], sites.of(siteMap, r.site_id).code),
      matters: await matters.ofFamily(actor, id),
    };
  }

  return {
    get,

    async list(actor: Actor, q: z.infer<typeof familyListQuery>) {
      const scope = access.listScope(actor, 'ip.read', PROGRAM);
      let base = repo.familyRows(db).where((eb) => inScope(eb, 'f.site_id', scope));
      if (q.siteId) base = base.where('f.site_id', '=', q.siteId);
      if (q.technology) base = base.where('f.technology', '=', q.technology);
      if (q.q) {
        const p = likePattern(q.q);
        base = base.where((eb) => eb.or([eb('f.reference', 'ilike', p), eb('f.title', 'ilike', p)]));
      }
      const sortColumn = { reference: 'f.reference', title: 'f.title' }[q.sort];
      const { items, ...paging } = await paginate<repo.FamilyRow>(db, base, {
        sortColumn,
        order: q.order,
        tieBreaker: 'f.id',
        page: q.page,
        cursor: q.cursor,
        count: q.count,
        pageSize: q.pageSize,
      });
      const inventors = await repo.inventorsOf(
        db,
        items.map((r) => r.id),
      );
      const siteMap = await sites.visible(actor);
      return {
        items: items.map((r) => toView(r, inventors.get(r.id) ?? [], sites.of(siteMap, r.site_id).code)),
        ...paging,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async create(actor: Actor, input: z.infer<typeof familyInput>) {
      const site = await sites.forWriting(input.siteId);
      access.assert(actor, { permission: 'ip.manage', siteId: site.id, what: 'site', program: PROGRAM });
      const inventors = await resolveInventors(actor, input.inventors);
      return db.transaction().execute(async (trx) => {
        await uniqueReference(trx, input.reference);
        const full = await insertFamily(
          trx,
          actor,
          {
            site_id: site.id,
            reference: input.reference,
            title: input.title,
            technology: input.technology,
            green: input.green,
            sustainability_focus: input.sustainabilityFocus ?? null,
          },
          inventors,
        );
        return { ...toView(full, inventors, site.code), matters: [] };
      });
    },

    /**
     * Writes a new family in the caller's transaction as `create` does (its inventors and audit event). The
     * caller has checked the actor's right on the site, the inventors and that the reference is free.
     */
    insertFamily,

    async update(actor: Actor, id: string, patch: z.infer<typeof familyPatch>) {
      const before = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'ip.manage',
        siteId: before.site_id,
        what: 'family',
        program: PROGRAM,
      });
      const inventors = patch.inventors ? await resolveInventors(actor, patch.inventors) : undefined;
      const beforeInventors = (await repo.inventorsOf(db, [id])).get(id) ?? [];
      await db.transaction().execute(async (trx) => {
        if (patch.reference) await uniqueReference(trx, patch.reference, id);
        const after = await updateVersioned(
          trx,
          'ip_families',
          id,
          patch.version,
          definedOnly({
            reference: patch.reference,
            title: patch.title,
            technology: patch.technology,
            green: patch.green,
            sustainability_focus: patch.sustainabilityFocus,
          }),
          actor.userId,
        );
        if (inventors) await repo.replaceInventors(trx, id, inventors);
        await recordAudit(trx, actor, {
          action: 'ip.family.updated',
          entityType: 'ip_family',
          entityId: id,
          siteId: before.site_id,
          before: { ...before, inventors: beforeInventors },
          after: { ...after, inventors: inventors ?? beforeInventors },
        });
      });
      return get(actor, id);
    },
  };
}

export type FamiliesService = ReturnType<typeof createFamiliesService>;
