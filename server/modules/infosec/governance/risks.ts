import { sql } from 'kysely';
import type { z } from 'zod';
import type {
  RiskView,
  riskHeatmapQuery,
  riskInput,
  riskListQuery,
  riskPatch,
} from '#shared/modules/infosec/governance/contract.ts';
import {
  matrixProblems,
  type RiskMatrix,
  riskRating,
  scoreRangeOfBand,
} from '#shared/modules/infosec/governance/rules.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { listPage } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import { definedOnly, updateVersioned } from '../../../db/versioned.ts';
import { type Actor, sitesWith } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { NotFoundError, ValidationError } from '../../../platform/http/errors.ts';
import { word } from '../../../platform/i18n/index.ts';
import { registerObligationKind } from '../../../platform/obligations/kinds.ts';
import type { ObligationsService } from '../../../platform/obligations/service.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { SettingsService } from '../../../platform/settings/service.ts';
import type { UsersService } from '../../../platform/users/service.ts';
import { governanceMessage } from './messages.ts';
import * as repo from './repo.ts';
import { riskMatrixSetting } from './settings.ts';

const PROGRAM = 'infosec' as const;
export const RISK_SOURCE = 'infosec_risk';
export const RISK_REVIEW_KIND = 'infosec.risk_review';

registerObligationKind({
  kind: RISK_REVIEW_KIND,
  program: PROGRAM,
  name: word('infosec.obligationKind', 'risk_review'),
  schedule: { daysBefore: [14, 3], overdueEveryDays: 7 },
});

type Deps = {
  db: Db;
  org: OrgService;
  users: UsersService;
  obligations: ObligationsService;
  settings: SettingsService;
  now: () => Date;
};

/**
 * The information security risk register: each risk at a site (on one of its registered systems or not),
 * rated likelihood × impact on the program's matrix as it is set when read, with its treatment, owner and
 * review date (an obligation of the owner; overdue once passed) and its residual rating after treatment.
 */
export function createRisksService({ db, org, users, obligations, settings, now }: Deps) {
  const today = () => now().toISOString().slice(0, 10);

  async function toViews(rows: repo.RiskRow[], handle: Db = db): Promise<RiskView[]> {
    const [matrix, sites, names] = await Promise.all([
      settings.get(riskMatrixSetting),
      org.sitesByIds(
        rows.map((r) => r.site_id),
        handle,
      ),
      users.displayNames(
        rows.map((r) => r.owner_id),
        handle,
      ),
    ]);
    const day = today();
    return rows.map((r) => ({
      id: r.id,
      siteId: r.site_id,
      siteCode: sites.get(r.site_id)?.code ?? '',
      systemId: r.system_id,
      systemName: r.system_name,
      title: r.title,
      description: r.description,
      likelihood: r.likelihood,
      impact: r.impact,
      rating: riskRating(r.likelihood, r.impact, matrix),
      treatment: r.treatment,
      ownerId: r.owner_id,
      ownerName: r.owner_id ? (names.get(r.owner_id) ?? null) : null,
      reviewOn: r.review_on,
      reviewOverdue: r.review_on < day,
      residualLikelihood: r.residual_likelihood,
      residualImpact: r.residual_impact,
      residualRating:
        r.residual_likelihood !== null && r.residual_impact !== null
          ? riskRating(r.residual_likelihood, r.residual_impact, matrix)
          : null,
      updatedAt: r.updated_at.toISOString(),
      version: r.version,
    }));
  }

  async function loaded(actor: Actor, id: string, permission: 'infosec.read' | 'infosec.manage') {
    const row = await repo.riskById(db, id);
    if (!row) throw new NotFoundError('risk');
    access.assert(actor, { permission, siteId: row.site_id, what: 'risk', program: PROGRAM });
    return row;
  }

  /** Levels within the matrix, and a system registered at the risk's site; each refused by its field. */
  async function check(
    siteId: string,
    r: {
      systemId?: string | null;
      likelihood?: number;
      impact?: number;
      residualLikelihood?: number | null;
      residualImpact?: number | null;
      ownerId?: string | null;
    },
  ) {
    const matrix = await settings.get(riskMatrixSetting);
    const problems: { path: string; message: string }[] = [];
    for (const [path, value, top] of [
      ['likelihood', r.likelihood, matrix.likelihoodLevels],
      ['impact', r.impact, matrix.impactLevels],
      ['residualLikelihood', r.residualLikelihood, matrix.likelihoodLevels],
      ['residualImpact', r.residualImpact, matrix.impactLevels],
    ] as const)
      if (typeof value === 'number' && value > top)
        problems.push({ path, message: `Above the matrix's highest level (${top})` });
    if (r.systemId && (await repo.systemSite(db, r.systemId)) !== siteId)
      problems.push({ path: 'systemId', message: 'Not in the site’s systems register' });
    if (problems.length) throw new ValidationError('The risk does not fit the register.', problems);
    if (r.ownerId) await users.assertActiveUsers([r.ownerId], 'ownerId');
  }

  /** The review falls due to the risk's owner on its review date. */
  async function syncReview(
    trx: Db,
    actor: Actor,
    row: { id: string; site_id: string; title: string; owner_id: string | null; review_on: string },
  ) {
    await obligations.upsertForSource(trx, actor, {
      kind: RISK_REVIEW_KIND,
      sourceType: RISK_SOURCE,
      sourceId: row.id,
      siteId: row.site_id,
      program: PROGRAM,
      ownerId: row.owner_id,
      title: governanceMessage('infosec.risk.review', { title: row.title }),
      dueDate: row.review_on,
      reopen: true,
    });
  }

  async function bandFilter(band: z.infer<typeof riskListQuery>['band']) {
    if (!band) return null;
    return scoreRangeOfBand(band, await settings.get(riskMatrixSetting));
  }

  return {
    async list(actor: Actor, q: z.infer<typeof riskListQuery>) {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      let base = repo.riskListBase(db, scope);
      if (q.siteId) base = base.where('r.site_id', '=', q.siteId);
      if (q.systemId) base = base.where('r.system_id', '=', q.systemId);
      if (q.treatment) base = base.where('r.treatment', '=', q.treatment);
      if (q.overdue !== undefined) base = base.where('r.review_on', q.overdue ? '<' : '>=', today());
      if (q.band) {
        const range = await bandFilter(q.band);
        // A band the matrix does not hold matches nothing, rather than everything.
        base = range
          ? base.where(sql<boolean>`r.likelihood * r.impact between ${range[0]} and ${range[1]}`)
          : base.where(sql<boolean>`false`);
      }
      if (q.q) {
        const p = likePattern(q.q);
        base = base.where((eb) => eb.or([eb('r.title', 'ilike', p), eb('r.description', 'ilike', p)]));
      }
      const sortColumn = {
        score: sql`r.likelihood * r.impact`,
        reviewOn: 'r.review_on',
        title: 'r.title',
        updatedAt: 'r.updated_at',
      }[q.sort];
      const page = await listPage<repo.RiskRow, repo.RiskRow>(db, base, q, {
        sortColumn,
        tieBreaker: 'r.id',
        toView: (r) => r,
      });
      return { ...page, items: await toViews(page.items) };
    },

    async get(actor: Actor, id: string) {
      return (await toViews([await loaded(actor, id, 'infosec.read')]))[0];
    },

    /** The risks counted by cell of the matrix, for the heat map. */
    async heatmap(actor: Actor, q: z.infer<typeof riskHeatmapQuery>) {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      const [matrix, rows] = await Promise.all([
        settings.get(riskMatrixSetting),
        repo.riskCells(db, scope, q),
      ]);
      const cells = rows.map((r) => ({
        likelihood: Number(r.likelihood),
        impact: Number(r.impact),
        count: Number(r.count),
      }));
      return { matrix, cells, total: cells.reduce((n, c) => n + c.count, 0) };
    },

    async create(actor: Actor, input: z.infer<typeof riskInput>) {
      const site = await org.siteForWriting(input.siteId);
      access.assert(actor, { permission: 'infosec.manage', siteId: site.id, what: 'site', program: PROGRAM });
      await check(site.id, input);
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('infosec_risks')
          .values({
            site_id: site.id,
            system_id: input.systemId ?? null,
            title: input.title,
            description: input.description ?? null,
            likelihood: input.likelihood,
            impact: input.impact,
            treatment: input.treatment,
            owner_id: input.ownerId ?? null,
            review_on: input.reviewOn,
            residual_likelihood: input.residualLikelihood ?? null,
            residual_impact: input.residualImpact ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await syncReview(trx, actor, row);
        await recordAudit(trx, actor, {
          action: 'infosec.risk.created',
          entityType: RISK_SOURCE,
          entityId: row.id,
          siteId: row.site_id,
          summary: governanceMessage('infosec.audit.risk', { site: site.code, title: row.title }),
          after: row,
        });
        return row.id;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof riskPatch>) {
      const before = await loaded(actor, id, 'infosec.manage');
      await check(before.site_id, patch);
      const [site] = await org.sitesWithSubsidiary([before.site_id]);
      await db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'infosec_risks',
          id,
          patch.version,
          definedOnly({
            title: patch.title,
            description: patch.description,
            system_id: patch.systemId,
            likelihood: patch.likelihood,
            impact: patch.impact,
            treatment: patch.treatment,
            owner_id: patch.ownerId,
            review_on: patch.reviewOn,
            residual_likelihood: patch.residualLikelihood,
            residual_impact: patch.residualImpact,
          }),
          actor.userId,
        );
        await syncReview(trx, actor, after as repo.RiskRow);
        const { system_name: _, ...stored } = before;
        await recordAudit(trx, actor, {
          action: 'infosec.risk.updated',
          entityType: RISK_SOURCE,
          entityId: id,
          siteId: before.site_id,
          summary: governanceMessage('infosec.audit.risk', { site: site?.code ?? '', title: after.title }),
          before: stored,
          after,
        });
      });
      return this.get(actor, id);
    },

    /** Removes a risk recorded in error or retired; its review no longer falls due. */
    async remove(actor: Actor, id: string, version: number) {
      const before = await loaded(actor, id, 'infosec.manage');
      const [site] = await org.sitesWithSubsidiary([before.site_id]);
      await db.transaction().execute(async (trx) => {
        const gone = await trx
          .deleteFrom('infosec_risks')
          .where('id', '=', id)
          .where('version', '=', version)
          .executeTakeFirst();
        if (Number(gone.numDeletedRows) === 0)
          await updateVersioned(trx, 'infosec_risks', id, version, {}, actor.userId);
        await obligations.closeForSource(trx, actor, RISK_REVIEW_KIND, RISK_SOURCE, id, 'cancelled');
        const { system_name: _, ...stored } = before;
        await recordAudit(trx, actor, {
          action: 'infosec.risk.deleted',
          entityType: RISK_SOURCE,
          entityId: id,
          siteId: before.site_id,
          summary: governanceMessage('infosec.audit.risk', { site: site?.code ?? '', title: before.title }),
          before: stored,
        });
      });
    },

    async matrix(actor: Actor) {
      access.listScope(actor, 'infosec.read', PROGRAM);
      const matrix = await settings.get(riskMatrixSetting);
      return { ...matrix, mayChange: sitesWith(actor, 'infosec.manage', PROGRAM) === 'all' };
    },

    /**
     * Sets the matrix (group-wide security managers): sound bands, and no risk rated at a level the new
     * matrix no longer has; ratings follow at once, as they are computed when read.
     */
    async setMatrix(actor: Actor, value: RiskMatrix) {
      access.assertGroupWide(actor, 'infosec.manage', PROGRAM);
      const sorted = { ...value, bands: [...value.bands].sort((a, b) => a.minScore - b.minScore) };
      const problems = matrixProblems(sorted);
      const highest = await repo.highestLevels(db);
      if (Number(highest.likelihood ?? 0) > value.likelihoodLevels)
        problems.push({
          path: 'likelihoodLevels',
          message: `A risk is rated at likelihood ${highest.likelihood}`,
        });
      if (Number(highest.impact ?? 0) > value.impactLevels)
        problems.push({ path: 'impactLevels', message: `A risk is rated at impact ${highest.impact}` });
      if (problems.length) throw new ValidationError('The matrix does not hold.', problems);
      return db.transaction().execute((trx) => settings.set(trx, actor, riskMatrixSetting, sorted));
    },
  };
}

export type RisksService = ReturnType<typeof createRisksService>;
