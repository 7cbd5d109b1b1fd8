import type { z } from 'zod';
import type { FtoView, ftoInput, ftoListQuery, ftoPatch } from '#shared/modules/ip/licences/contract.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { paginate } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import { definedOnly, updateVersioned } from '../../../db/versioned.ts';
import { type Actor, scopeHas, sitesWith } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { inScope } from '../../../platform/access/sql.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { NotFoundError, ValidationError } from '../../../platform/http/errors.ts';
import type { SitesLookup } from '../sites.ts';
import * as repo from './repo.ts';

const PROGRAM = 'ip' as const;
export const FTO_RECORD = 'ip_fto_record';

const invalid = (path: string, message: string) => new ValidationError(message, [{ path, message }]);

/** Freedom-to-operate opinions per product or technology: the conclusion, counsel, date and what was weighed. */
export function createFtoService(db: Db, sites: SitesLookup, now: () => Date = () => new Date()) {
  // Site codes are read before any transaction (PGlite: never query `db` inside one).
  async function toViews(
    actor: Actor,
    rows: repo.FtoRow[],
    handle: Db = db,
    known?: Awaited<ReturnType<SitesLookup['visible']>>,
  ): Promise<FtoView[]> {
    const siteMap = known ?? (await sites.visible(actor));
    const families = await repo.familyLabels(
      handle,
      rows.flatMap((r) => r.family_ids),
    );
    const readable = sitesWith(actor, 'ip.read', PROGRAM);
    return rows.map((r) => ({
      id: r.id,
      siteId: r.site_id,
      siteCode: siteMap.get(r.site_id)?.code ?? '',
      subject: r.subject,
      technology: r.technology,
      conclusion: r.conclusion,
      counsel: r.counsel,
      opinionDate: r.opinion_date,
      patentsConsidered: r.patents_considered,
      families: r.family_ids
        .map((id) => families.get(id))
        .filter((f): f is repo.FamilyLabel => f !== undefined && scopeHas(readable, f.siteId))
        .map((f) => ({ id: f.id, reference: f.reference, title: f.title })),
      version: r.version,
    }));
  }

  async function rowOrNotFound(handle: Db, id: string) {
    const r = await repo.ftoRows(handle).where('o.id', '=', id).executeTakeFirst();
    if (!r) throw new NotFoundError('freedom-to-operate record');
    return r;
  }

  async function check(actor: Actor, timeZone: string, v: { opinionDate?: string; familyIds?: string[] }) {
    if (v.opinionDate && v.opinionDate > localDate(now(), timeZone))
      throw invalid('opinionDate', 'After today');
    if (v.familyIds?.length) {
      const readable = sitesWith(actor, 'ip.read', PROGRAM);
      const found = await repo.familyLabels(db, v.familyIds);
      if (v.familyIds.some((id) => !found.has(id) || !scopeHas(readable, found.get(id)?.siteId as string)))
        throw invalid('familyIds', 'A family that is not in your portfolio');
    }
  }

  return {
    async list(actor: Actor, q: z.infer<typeof ftoListQuery>) {
      const scope = access.listScope(actor, 'ip.read', PROGRAM);
      let base = repo.ftoRows(db).where((eb) => inScope(eb, 'o.site_id', scope));
      if (q.siteId) base = base.where('o.site_id', '=', q.siteId);
      if (q.conclusion) base = base.where('o.conclusion', '=', q.conclusion);
      if (q.technology) base = base.where('o.technology', '=', q.technology);
      if (q.q) {
        const p = likePattern(q.q);
        base = base.where((eb) => eb.or([eb('o.subject', 'ilike', p), eb('o.counsel', 'ilike', p)]));
      }
      const sortColumn = { opinionDate: 'o.opinion_date', subject: 'o.subject', conclusion: 'o.conclusion' }[
        q.sort
      ];
      const { items, ...paging } = await paginate<repo.FtoRow>(db, base, {
        sortColumn,
        order: q.order,
        tieBreaker: 'o.id',
        page: q.page,
        cursor: q.cursor,
        count: q.count,
        pageSize: q.pageSize,
      });
      return { items: await toViews(actor, items), ...paging, page: q.page, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string) {
      const r = await rowOrNotFound(db, id);
      access.assert(actor, { permission: 'ip.read', siteId: r.site_id, what: 'record', program: PROGRAM });
      return (await toViews(actor, [r]))[0];
    },

    /** The site of a record, for its documents (the opinion itself): readers see them, managers add them. */
    async siteOf(actor: Actor, id: string, intent: 'read' | 'write') {
      const r = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: intent === 'read' ? 'ip.read' : 'ip.manage',
        siteId: r.site_id,
        what: 'record',
        program: PROGRAM,
      });
      return r.site_id;
    },

    async create(actor: Actor, input: z.infer<typeof ftoInput>) {
      const site = await sites.forWriting(input.siteId);
      access.assert(actor, { permission: 'ip.manage', siteId: site.id, what: 'site', program: PROGRAM });
      await check(actor, site.timeZone, input);
      const siteMap = await sites.visible(actor);
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('ip_fto_records')
          .values({
            site_id: site.id,
            subject: input.subject,
            technology: input.technology ?? null,
            conclusion: input.conclusion,
            counsel: input.counsel,
            opinion_date: input.opinionDate,
            patents_considered: [...new Set(input.patentsConsidered)],
            family_ids: [...new Set(input.familyIds)],
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'ip.fto.created',
          entityType: FTO_RECORD,
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        return (await toViews(actor, [row], trx, siteMap))[0];
      });
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof ftoPatch>) {
      const before = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'ip.manage',
        siteId: before.site_id,
        what: 'record',
        program: PROGRAM,
      });
      const site = await sites.forWriting(before.site_id);
      await check(actor, site.timeZone, patch);
      const siteMap = await sites.visible(actor);
      const changes = definedOnly({
        subject: patch.subject,
        technology: patch.technology,
        conclusion: patch.conclusion,
        counsel: patch.counsel,
        opinion_date: patch.opinionDate,
        patents_considered: patch.patentsConsidered && [...new Set(patch.patentsConsidered)],
        family_ids: patch.familyIds && [...new Set(patch.familyIds)],
      });
      return db.transaction().execute(async (trx) => {
        const after = (await updateVersioned(
          trx,
          'ip_fto_records',
          id,
          patch.version,
          changes,
          actor.userId,
        )) as repo.FtoRow;
        await recordAudit(trx, actor, {
          action: 'ip.fto.updated',
          entityType: FTO_RECORD,
          entityId: id,
          siteId: before.site_id,
          before,
          after,
        });
        return (await toViews(actor, [after], trx, siteMap))[0];
      });
    },
  };
}

export type FtoService = ReturnType<typeof createFtoService>;
