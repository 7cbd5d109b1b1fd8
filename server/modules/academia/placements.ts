import type { z } from 'zod';
import type * as c from '#shared/modules/academia/placement-contract.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { listPage } from '../../db/paging.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { inScope } from '../../platform/access/sql.ts';
import { auditedUpdate } from '../../platform/audit/audited-update.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { auditedDelete } from './audited-delete.ts';
import {
  type AcademiaDeps,
  assertManageAt,
  assertManageRecord,
  assertPartner,
  assertRange,
  assertReadAt,
  num,
  PROGRAM,
  siteCodes,
} from './deps.ts';
import * as repo from './placement-repo.ts';
import { maxParticipationHours } from './rules/placements.ts';

export type SiteLabels = Awaited<ReturnType<AcademiaDeps['org']['siteLabels']>>;

type Cooperation = z.infer<typeof c.internshipCooperation>;

const placementSort = {
  startsOn: 'c.starts_on',
  term: 'c.term',
  students: 'c.students',
  participationHours: 'c.participation_hours',
} as const;

/** A term's hours beyond twelve a student a day are a typing error: 422 naming the field. */
function assertPlausibleHours(p: { starts_on: string; ends_on: string; students: number; hours: number }) {
  assertRange(p.starts_on, p.ends_on, 'endsOn');
  const max = maxParticipationHours(p.starts_on, p.ends_on, p.students);
  if (p.hours > max)
    throw new ValidationError('More hours than the students could have put in.', [
      { path: 'participationHours', message: `At most ${max}` },
    ]);
}

/** The placements' totals added up, in all and by subsidiary. */
export async function cooperationFigures(
  deps: AcademiaDeps,
  rows: Awaited<ReturnType<typeof repo.placementTotals>>,
  /** The sites' labels when the caller has read them already. */
  known?: SiteLabels,
): Promise<Cooperation> {
  const labels = known ?? (await deps.org.siteLabels(rows.map((r) => r.site_id)));
  const total = { placements: 0, students: 0, participationHours: 0 };
  const bySubsidiary = new Map<string, typeof total>();
  for (const r of rows) {
    const code = labels.get(r.site_id)?.subsidiaryCode;
    if (!code) throw new Error(`Site ${r.site_id} has no subsidiary`);
    const sub = bySubsidiary.get(code) ?? { placements: 0, students: 0, participationHours: 0 };
    bySubsidiary.set(code, sub);
    for (const t of [total, sub]) {
      t.placements += num(r.placements);
      t.students += num(r.students);
      t.participationHours += num(r.participation_hours);
    }
  }
  return {
    ...total,
    bySubsidiary: [...bySubsidiary.entries()]
      .map(([subsidiaryCode, t]) => ({ subsidiaryCode, ...t }))
      .sort((a, b) => a.subsidiaryCode.localeCompare(b.subsidiaryCode)),
  };
}

/**
 * Internship cooperation placements (seeds/002, USI: "660 students benefited from the industry-academia
 * internship cooperation, accumulating a total of 54,616 hours of participation"): the students a school
 * places at a site for a term, counted and not named, with their participation hours. A figure of its own,
 * apart from the interns the program recruits one by one; a placement counts in the year its term starts.
 */
export function createPlacementsService(deps: AcademiaDeps) {
  const { db } = deps;

  async function views(rows: repo.PlacementRow[]) {
    const code = await siteCodes(deps, rows);
    return rows.map((r) => ({
      id: r.id,
      siteId: r.site_id,
      siteCode: code(r.site_id),
      partnerId: r.partner_id,
      partnerName: r.partner_name,
      partnerNameZh: r.partner_name_zh,
      term: r.term,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      students: r.students,
      participationHours: r.participation_hours,
      version: r.version,
    }));
  }

  async function rowOrNotFound(id: string) {
    const row = await repo.placementRows(db).where('c.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('placement');
    return row;
  }

  return {
    async list(actor: Actor, q: z.infer<typeof c.placementListQuery>) {
      const scope = access.listScope(actor, 'academia.read', PROGRAM);
      let base = repo.placementRows(db).where((eb) => inScope(eb, 'c.site_id', scope));
      if (q.siteId) base = base.where('c.site_id', '=', q.siteId);
      if (q.partnerId) base = base.where('c.partner_id', '=', q.partnerId);
      if (q.year)
        base = base
          .where('c.starts_on', '>=', `${q.year}-01-01`)
          .where('c.starts_on', '<=', `${q.year}-12-31`);
      if (q.q) {
        const like = likePattern(q.q);
        base = base.where((eb) => eb.or([eb('c.term', 'ilike', like), eb('p.name', 'ilike', like)]));
      }
      const page = await listPage(db, base, q, {
        sortColumn: placementSort[q.sort],
        tieBreaker: 'c.id',
        toView: (r: repo.PlacementRow) => r,
      });
      return { ...page, items: await views(page.items) };
    },

    async get(actor: Actor, id: string) {
      const row = await rowOrNotFound(id);
      assertReadAt(actor, row.site_id, 'placement');
      return (await views([row]))[0];
    },

    async create(actor: Actor, input: z.infer<typeof c.placementInput>) {
      await assertManageAt(deps, actor, input.siteId);
      await assertPartner(db, input.partnerId);
      assertPlausibleHours({
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        students: input.students,
        hours: input.participationHours,
      });
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('academia_placements')
          .values({
            site_id: input.siteId,
            partner_id: input.partnerId,
            term: input.term,
            starts_on: input.startsOn,
            ends_on: input.endsOn,
            students: input.students,
            participation_hours: input.participationHours,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'academia_placement.recorded',
          entityType: 'academia_placement',
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        return row.id;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof c.placementPatch>) {
      const current = await rowOrNotFound(id);
      assertManageRecord(actor, current.site_id, 'placement');
      if (patch.partnerId) await assertPartner(db, patch.partnerId);
      await db.transaction().execute(async (trx) => {
        await auditedUpdate(trx, actor, {
          table: 'academia_placements',
          id,
          version: patch.version,
          action: 'academia_placement.updated',
          entityType: 'academia_placement',
          what: 'placement',
          siteOf: (r) => r.site_id,
          authorize: (before) => assertManageRecord(actor, before.site_id, 'placement'),
          change: (before) => {
            // Checked on the row as locked, so that two edits cannot together pass the limit.
            assertPlausibleHours({
              starts_on: patch.startsOn ?? before.starts_on,
              ends_on: patch.endsOn ?? before.ends_on,
              students: patch.students ?? before.students,
              hours: patch.participationHours ?? before.participation_hours,
            });
            return {
              partner_id: patch.partnerId,
              term: patch.term,
              starts_on: patch.startsOn,
              ends_on: patch.endsOn,
              students: patch.students,
              participation_hours: patch.participationHours,
            };
          },
        });
      });
      return this.get(actor, id);
    },

    /** Removes a placement recorded in error; the year's figures move with it. */
    async remove(actor: Actor, id: string, version: number) {
      await db.transaction().execute((trx) =>
        auditedDelete(trx, actor, {
          table: 'academia_placements',
          id,
          version,
          what: 'placement',
          action: 'academia_placement.deleted',
          entityType: 'academia_placement',
          authorize: (before) => assertManageRecord(actor, before.site_id, 'placement'),
        }),
      );
    },

    /** The year's internship cooperation at the reader's sites, in all and by subsidiary. */
    async year(actor: Actor, year: number): Promise<Cooperation> {
      const scope = access.listScope(actor, 'academia.read', PROGRAM);
      return cooperationFigures(deps, await repo.placementTotals(db, scope, year));
    },
  };
}

export type PlacementsService = ReturnType<typeof createPlacementsService>;
