import type { z } from 'zod';
import type { hazardInput, hazardListQuery, hazardPatch } from '#shared/modules/ohs/hazards/contract.ts';
import {
  matrixProblems,
  type RiskMatrix,
  reviewIntervalMonths,
  riskLevel,
  riskScore,
} from '#shared/modules/ohs/rules/risk.ts';
import { addDays, localDate } from '#shared/platform/obligations/rules/reminders.ts';
import type { Db } from '../../../db/types.ts';
import { definedOnly, updateVersioned } from '../../../db/versioned.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../platform/http/errors.ts';
import { registerObligationKind } from '../../../platform/obligations/kinds.ts';
import type { ObligationsService } from '../../../platform/obligations/service.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { SettingsService } from '../../../platform/settings/service.ts';
import type { UsersService } from '../../../platform/users/service.ts';
import { ohsMessage, ohsWord } from '../messages.ts';
import { riskMatrixSetting } from '../settings.ts';
import * as repo from './repo.ts';

const PROGRAM = 'ohs' as const;
export const HAZARD_REVIEW = 'ohs.hazard_review';
registerObligationKind({
  kind: HAZARD_REVIEW,
  program: 'ohs',
  name: ohsWord('ohs.obligationKind', HAZARD_REVIEW.slice('ohs.'.length)),
  schedule: { daysBefore: [30, 7], overdueEveryDays: 14 },
});

type Row = repo.HazardRow & {
  site_code: string;
  time_zone: string;
  area_name: string | null;
  owner_name: string | null;
};

/** Hazard identification and risk assessment per area and activity, with the hierarchy of controls. */
export function createHazardsService(
  db: Db,
  obligations: ObligationsService,
  settings: SettingsService,
  org: Pick<OrgService, 'siteForWriting' | 'assertAreaOfSite' | 'sitesByIds' | 'areaNames'>,
  users: Pick<UsersService, 'displayNames'>,
  now: () => Date = () => new Date(),
) {
  /** The names on a page of hazards, from the platform: one lookup per kind of name. */
  async function named(rows: repo.HazardRow[], handle: Db = db): Promise<Row[]> {
    const [sites, areas, owners] = await Promise.all([
      org.sitesByIds(
        rows.map((r) => r.site_id),
        handle,
      ),
      org.areaNames(
        rows.map((r) => r.area_id),
        handle,
      ),
      users.displayNames(
        rows.map((r) => r.owner_id),
        handle,
      ),
    ]);
    return rows.map((r) => {
      const site = sites.get(r.site_id);
      if (!site) throw new Error(`The site ${r.site_id} of hazard ${r.id} is missing.`);
      return {
        ...r,
        site_code: site.code,
        time_zone: site.timeZone,
        area_name: r.area_id ? (areas.get(r.area_id) ?? null) : null,
        owner_name: r.owner_id ? (owners.get(r.owner_id) ?? null) : null,
      };
    });
  }

  async function matrix(handle: Db = db): Promise<RiskMatrix> {
    return settings.get(riskMatrixSetting, handle);
  }

  function toView(r: Row, m: RiskMatrix) {
    const today = localDate(now(), r.time_zone);
    return {
      id: r.id,
      siteId: r.site_id,
      siteCode: r.site_code,
      areaId: r.area_id,
      areaName: r.area_name,
      activity: r.activity,
      hazard: r.hazard,
      consequence: r.consequence,
      likelihood: r.likelihood,
      severity: r.severity,
      score: riskScore(r.likelihood, r.severity),
      level: riskLevel(r.likelihood, r.severity, m),
      controls: r.controls,
      residualLikelihood: r.residual_likelihood,
      residualSeverity: r.residual_severity,
      residualScore: riskScore(r.residual_likelihood, r.residual_severity),
      residualLevel: riskLevel(r.residual_likelihood, r.residual_severity, m),
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      nextReview: r.next_review,
      lastReviewedOn: r.last_reviewed_on,
      reviewOverdue: !r.archived && r.next_review < today,
      archived: r.archived,
      version: r.version,
    };
  }

  async function rowOrNotFound(handle: Db, id: string) {
    const r = await repo.hazardById(handle, id);
    if (!r) throw new NotFoundError('hazard');
    return (await named([r], handle))[0];
  }

  function checkSteps(m: RiskMatrix, values: (number | undefined)[]) {
    if (values.some((v) => v !== undefined && v > m.size))
      throw new ValidationError(`Likelihood and severity go from 1 to ${m.size} on this matrix.`);
  }

  async function syncReview(trx: Db, actor: Actor, r: Row) {
    if (r.archived)
      return obligations.closeForSource(trx, actor, HAZARD_REVIEW, 'ohs_hazard', r.id, 'cancelled');
    await obligations.upsertForSource(trx, actor, {
      kind: HAZARD_REVIEW,
      sourceType: 'ohs_hazard',
      sourceId: r.id,
      siteId: r.site_id,
      program: PROGRAM,
      ownerId: r.owner_id,
      title: ohsMessage('ohs.obligation.hazardReview', { hazard: r.hazard, activity: r.activity }),
      dueDate: r.next_review,
    });
  }

  function monthsLater(date: string, months: number) {
    const [y, m, d] = date.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
  }

  return {
    matrix,

    async setMatrix(actor: Actor, m: RiskMatrix) {
      if (access.listScope(actor, 'ohs.manage', PROGRAM) !== 'all') throw new ForbiddenError('ohs.manage');
      const problems = matrixProblems(m);
      if (problems.length) throw new ValidationError(problems.join(' '));
      await db.transaction().execute((trx) => settings.set(trx, actor, riskMatrixSetting, m));
      return m;
    },

    /** Hazards in scope, the highest residual risk first: the improvement list. */
    async list(actor: Actor, q: z.infer<typeof hazardListQuery>) {
      const scope = access.listScope(actor, 'ohs.read', PROGRAM);
      const m = await matrix();
      let residualBand: { low: number; high: number } | undefined;
      if (q.residualLevel) {
        const band = m.bands.findIndex((b) => b.level === q.residualLevel);
        residualBand = {
          low: band > 0 ? m.bands[band - 1].upTo : 0,
          high: band >= 0 ? m.bands[band].upTo : -1,
        };
      }
      const page = await repo.hazardPage(db, {
        scope,
        archived: q.archived === 'true',
        siteId: q.siteId,
        areaId: q.areaId,
        residualBand,
        q: q.q,
        sort: q.sort,
        order: q.order,
        page: q.page,
        pageSize: q.pageSize,
        cursor: q.cursor,
        count: q.count,
      });
      const { items: _rows, ...paging } = page;
      const items = await named(page.items);
      return {
        items: items.map((r) => toView(r, m)),
        ...paging,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async get(actor: Actor, id: string) {
      const r = await rowOrNotFound(db, id);
      access.assert(actor, { permission: 'ohs.read', siteId: r.site_id, what: 'hazard', program: PROGRAM });
      return toView(r, await matrix());
    },

    async create(actor: Actor, input: z.infer<typeof hazardInput>) {
      const site = await org.siteForWriting(input.siteId);
      access.assert(actor, { permission: 'ohs.manage', siteId: site.id, what: 'site', program: PROGRAM });
      if (input.areaId) {
        await org.assertAreaOfSite(input.areaId, site.id);
      }
      const m = await matrix();
      checkSteps(m, [input.likelihood, input.severity, input.residualLikelihood, input.residualSeverity]);
      const today = localDate(now(), site.timeZone);
      const nextReview =
        input.nextReview ??
        monthsLater(
          today,
          reviewIntervalMonths(riskLevel(input.residualLikelihood, input.residualSeverity, m)),
        );
      return db.transaction().execute(async (trx) => {
        const row = await repo.insertHazard(trx, {
          site_id: site.id,
          area_id: input.areaId ?? null,
          activity: input.activity,
          hazard: input.hazard,
          consequence: input.consequence,
          likelihood: input.likelihood,
          severity: input.severity,
          controls: JSON.stringify(input.controls),
          residual_likelihood: input.residualLikelihood,
          residual_severity: input.residualSeverity,
          owner_id: input.ownerId ?? null,
          next_review: nextReview,
          created_by: actor.userId,
          updated_by: actor.userId,
        });
        await recordAudit(trx, actor, {
          action: 'ohs.hazard.created',
          entityType: 'ohs_hazard',
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        const full = await rowOrNotFound(trx, row.id);
        await syncReview(trx, actor, full);
        return toView(full, m);
      });
    },

    /** A change; with `reviewedOn`, the review is recorded and the next one scheduled by the residual risk. */
    async update(actor: Actor, id: string, patch: z.infer<typeof hazardPatch>) {
      const before = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'ohs.manage',
        siteId: before.site_id,
        what: 'hazard',
        program: PROGRAM,
      });
      const m = await matrix();
      checkSteps(m, [patch.likelihood, patch.severity, patch.residualLikelihood, patch.residualSeverity]);
      const residual = riskLevel(
        patch.residualLikelihood ?? before.residual_likelihood,
        patch.residualSeverity ?? before.residual_severity,
        m,
      );
      const nextReview =
        patch.nextReview ??
        (patch.reviewedOn ? monthsLater(patch.reviewedOn, reviewIntervalMonths(residual)) : undefined);
      if (patch.reviewedOn && patch.reviewedOn > addDays(localDate(now(), before.time_zone), 1))
        throw new ValidationError('A review cannot be recorded in the future.', [
          { path: 'reviewedOn', message: 'In the future' },
        ]);
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'ohs_hazards',
          id,
          patch.version,
          definedOnly({
            area_id: patch.areaId,
            activity: patch.activity,
            hazard: patch.hazard,
            consequence: patch.consequence,
            likelihood: patch.likelihood,
            severity: patch.severity,
            controls: patch.controls && JSON.stringify(patch.controls),
            residual_likelihood: patch.residualLikelihood,
            residual_severity: patch.residualSeverity,
            owner_id: patch.ownerId,
            next_review: nextReview,
            last_reviewed_on: patch.reviewedOn,
            archived: patch.archived,
          }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: patch.reviewedOn ? 'ohs.hazard.reviewed' : 'ohs.hazard.updated',
          entityType: 'ohs_hazard',
          entityId: id,
          siteId: before.site_id,
          before,
          after,
        });
        const full = await rowOrNotFound(trx, id);
        await syncReview(trx, actor, full);
        return toView(full, m);
      });
    },
  };
}

export type HazardsService = ReturnType<typeof createHazardsService>;
