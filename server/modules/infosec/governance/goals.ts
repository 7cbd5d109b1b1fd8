import type { z } from 'zod';
import type {
  GoalView,
  goalInput,
  goalListQuery,
  goalPatch,
  siteKpiListQuery,
} from '#shared/modules/infosec/governance/contract.ts';
import { kpiMet, meanOfLatest } from '#shared/modules/infosec/governance/rules.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { listPage } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import { definedOnly, updateVersioned } from '../../../db/versioned.ts';
import type { Actor, SiteScope } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { NotFoundError } from '../../../platform/http/errors.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import { governanceMessage } from './messages.ts';
import * as repo from './repo.ts';
import type { KpiMetric } from './tables.ts';

const PROGRAM = 'infosec' as const;
export const GOAL_SOURCE = 'infosec_goal';

const column: Record<Exclude<KpiMetric, 'manual'>, keyof repo.SiteKpiRow> = {
  training_completion: 'training_completion',
  drill_participation: 'drill_participation',
  endpoint_protection: 'endpoint_protection',
  file_labelling: 'file_labelling',
};

/**
 * Security goals of a year, the group's (no site) or a site's, each with KPIs: a target and its actual. The
 * actual of a KPI the sites report monthly is computed from their imported rows (each site's latest month of
 * the goal's year, averaged over the goal's sites: its site, or for a group goal the sites the reader sees);
 * a KPI entered by hand carries its own.
 */
export function createGoalsService({ db, org }: { db: Db; org: OrgService }) {
  async function toViews(actor: Actor, rows: repo.GoalRow[], handle: Db = db): Promise<GoalView[]> {
    const visible = access.listScope(actor, 'infosec.read', PROGRAM);
    const [sites, kpis] = await Promise.all([
      org.sitesByIds(
        rows.flatMap((r) => (r.site_id ? [r.site_id] : [])),
        handle,
      ),
      repo.kpisOf(
        handle,
        rows.map((r) => r.id),
      ),
    ]);
    const years = [...new Set(rows.map((r) => r.year))];
    const monthly = new Map(
      await Promise.all(years.map(async (y) => [y, await repo.siteKpisOfYear(handle, y, visible)] as const)),
    );
    return rows.map((g) => {
      const of = g.site_id || visible === 'all' ? 'goal' : 'reader_sites';
      const rowsOfGoal = (monthly.get(g.year) ?? []).filter((m) => !g.site_id || m.site_id === g.site_id);
      return {
        id: g.id,
        siteId: g.site_id,
        siteCode: g.site_id ? (sites.get(g.site_id)?.code ?? null) : null,
        year: g.year,
        title: g.title,
        description: g.description,
        kpis: kpis
          .filter((k) => k.goal_id === g.id)
          .map((k) => {
            const metric = k.metric;
            const figures =
              metric === 'manual'
                ? []
                : rowsOfGoal.map((m) => ({
                    siteId: m.site_id,
                    month: m.month,
                    value: Number(m[column[metric]]),
                  }));
            const actual =
              k.metric === 'manual' ? (k.actual === null ? null : String(k.actual)) : meanOfLatest(figures);
            return {
              metric: k.metric,
              name: k.name,
              comparison: k.comparison,
              target: String(k.target),
              actual,
              sites: new Set(figures.map((f) => f.siteId)).size,
              // A group target is met or not by the group's figures: the reader's sites alone do not tell.
              met:
                of === 'goal' || k.metric === 'manual'
                  ? kpiMet(actual, k.comparison, String(k.target))
                  : null,
            };
          }),
        actualOf: of,
        updatedAt: g.updated_at.toISOString(),
        version: g.version,
      };
    });
  }

  /** A site's goal with the permission at the site; a group goal is changed by group-wide managers only. */
  function assertMay(actor: Actor, siteId: string | null, permission: 'infosec.read' | 'infosec.manage') {
    access.assert(actor, { permission, siteId, what: 'goal', program: PROGRAM });
    if (siteId === null && permission === 'infosec.manage')
      access.assertGroupWide(actor, 'infosec.manage', PROGRAM);
  }

  async function loaded(actor: Actor, id: string, permission: 'infosec.read' | 'infosec.manage') {
    const row = await repo.goalById(db, id);
    if (!row) throw new NotFoundError('goal');
    assertMay(actor, row.site_id, permission);
    return row;
  }

  const summary = (g: { year: number; title: string }) =>
    governanceMessage('infosec.audit.goal', { year: String(g.year), title: g.title });

  return {
    async list(actor: Actor, q: z.infer<typeof goalListQuery>) {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      let base = repo.goalListBase(db, scope);
      if (q.year) base = base.where('g.year', '=', q.year);
      if (q.groupWide) base = base.where('g.site_id', 'is', null);
      if (q.siteId) base = base.where('g.site_id', '=', q.siteId);
      if (q.q) {
        const p = likePattern(q.q);
        base = base.where((eb) => eb.or([eb('g.title', 'ilike', p), eb('g.description', 'ilike', p)]));
      }
      const sortColumn = { year: 'g.year', title: 'g.title', updatedAt: 'g.updated_at' }[q.sort];
      const page = await listPage<repo.GoalRow, repo.GoalRow>(db, base, q, {
        sortColumn,
        tieBreaker: 'g.id',
        toView: (r) => r,
      });
      return { ...page, items: await toViews(actor, page.items) };
    },

    async get(actor: Actor, id: string) {
      return (await toViews(actor, [await loaded(actor, id, 'infosec.read')]))[0];
    },

    /** The goals set for a year that the actor sees (the group's and their sites'), counted from the rows. */
    async count(actor: Actor, year: number) {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      return { year, goals: await repo.goalCount(db, year, scope) };
    },

    async create(actor: Actor, input: z.infer<typeof goalInput>) {
      const site = input.siteId ? await org.siteForWriting(input.siteId) : null;
      assertMay(actor, site?.id ?? null, 'infosec.manage');
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('infosec_goals')
          .values({
            site_id: site?.id ?? null,
            year: input.year,
            title: input.title,
            description: input.description ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await repo.replaceKpis(trx, row.id, input.kpis);
        await recordAudit(trx, actor, {
          action: 'infosec.goal.created',
          entityType: GOAL_SOURCE,
          entityId: row.id,
          siteId: row.site_id,
          summary: summary(row),
          after: { ...row, kpis: input.kpis },
        });
        return row.id;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof goalPatch>) {
      const before = await loaded(actor, id, 'infosec.manage');
      const kpisBefore = await repo.kpisOf(db, [id]);
      await db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'infosec_goals',
          id,
          patch.version,
          definedOnly({ title: patch.title, description: patch.description }),
          actor.userId,
        );
        if (patch.kpis) await repo.replaceKpis(trx, id, patch.kpis);
        await recordAudit(trx, actor, {
          action: 'infosec.goal.updated',
          entityType: GOAL_SOURCE,
          entityId: id,
          siteId: before.site_id,
          summary: summary(before),
          before: { ...before, kpis: kpisBefore },
          after: { ...after, kpis: patch.kpis },
        });
      });
      return this.get(actor, id);
    },

    async remove(actor: Actor, id: string, version: number) {
      const before = await loaded(actor, id, 'infosec.manage');
      const kpisBefore = await repo.kpisOf(db, [id]);
      await db.transaction().execute(async (trx) => {
        const gone = await trx
          .deleteFrom('infosec_goals')
          .where('id', '=', id)
          .where('version', '=', version)
          .executeTakeFirst();
        if (Number(gone.numDeletedRows) === 0)
          await updateVersioned(trx, 'infosec_goals', id, version, {}, actor.userId);
        await recordAudit(trx, actor, {
          action: 'infosec.goal.deleted',
          entityType: GOAL_SOURCE,
          entityId: id,
          siteId: before.site_id,
          summary: summary(before),
          before: { ...before, kpis: kpisBefore },
        });
      });
    },

    /** The sites' monthly KPIs as imported, at the sites in scope. */
    async siteKpis(actor: Actor, q: z.infer<typeof siteKpiListQuery>) {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      let base = repo.siteKpiListBase(db, scope);
      if (q.siteId) base = base.where('k.site_id', '=', q.siteId);
      if (q.year)
        base = base.where('k.month', '>=', `${q.year}-01-01`).where('k.month', '<=', `${q.year}-12-01`);
      const page = await listPage<repo.SiteKpiRow, repo.SiteKpiRow>(db, base, q, {
        sortColumn: q.sort === 'site' ? 'k.site_id' : 'k.month',
        tieBreaker: 'k.site_id',
        toView: (r) => r,
      });
      const sites = await org.sitesByIds(page.items.map((r) => r.site_id));
      return {
        ...page,
        items: page.items.map((r) => ({
          siteId: r.site_id,
          siteCode: sites.get(r.site_id)?.code ?? '',
          month: r.month.slice(0, 7),
          trainingCompletion: Number(r.training_completion),
          drillParticipation: Number(r.drill_participation),
          endpointProtection: Number(r.endpoint_protection),
          fileLabelling: Number(r.file_labelling),
        })),
      };
    },
  };
}

export type GoalsService = ReturnType<typeof createGoalsService>;

/** For other programs (the Board report): the goals set for a year over a scope of sites, from the rows. */
export function securityGoalCounter(db: Db) {
  return (year: number, scope: SiteScope) => repo.goalCount(db, year, scope);
}
