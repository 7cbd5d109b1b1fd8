import type { z } from 'zod';
import type { GoalActualOf, goalInput, goalPatch } from '#shared/modules/ohs/goals/contract.ts';
import type { Db } from '../../../db/types.ts';
import { definedOnly, updateVersioned } from '../../../db/versioned.ts';
import {
  type Actor,
  type SiteScope,
  scopeHas,
  scopeIsEmpty,
  sitesWith,
} from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { NotFoundError } from '../../../platform/http/errors.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { PeopleService } from '../../../platform/people/service.ts';
import { goalMet } from '../rules/goals.ts';
import { frequencyRate, severityRate, sum as sumExact } from '../rules/rates.ts';
import type { OhsStatisticsService } from '../statistics/service.ts';
import * as repo from './repo.ts';

const PROGRAM = 'ohs' as const;

type GoalActual = { value: string | null; of: GoalActualOf };

/** Short, medium and long-term quantitative goals, with progress against the actual figures. */
export function createGoalsService(
  db: Db,
  statistics: OhsStatisticsService,
  org: Pick<OrgService, 'sitesByIds'>,
  people: Pick<PeopleService, 'employeesOnRoll'>,
) {
  type Row = repo.GoalRow;

  /**
   * The actual figure of a goal over its years, computed from the records like every report, over what the
   * reader may see: a site goal over its site; a group goal over the whole group when the reader sees the
   * whole group, else over the reader's sites and said so (`of: 'reader_sites'`). A figure the reader may not
   * see at all is withheld (null, and said so); a failure to compute it fails the request, never reads as
   * "no value".
   */
  async function actual(actor: Actor, g: Row): Promise<GoalActual> {
    const permission = g.metric === 'screening_coverage' ? 'health.read' : 'ohs.read';
    const visible = sitesWith(actor, permission, PROGRAM);
    if (g.site_id ? !scopeHas(visible, g.site_id) : scopeIsEmpty(visible))
      return { value: null, of: 'withheld' };
    const of = g.site_id || visible === 'all' ? 'goal' : 'reader_sites';
    const sites: SiteScope = g.site_id ? new Set([g.site_id]) : visible;
    if (g.metric === 'screening_coverage') {
      const screened = await repo.employeesScreened(db, sites, g.from_year, g.to_year);
      const total = await people.employeesOnRoll(sites, `${g.to_year}-12-31`);
      return { value: total ? ((screened * 100) / total).toFixed(2) : null, of };
    }
    // The statistics answer over the reader's sites with ohs.read (the goal's site, for a site goal).
    const stats = await statistics.statistics(actor, {
      from: g.from_year,
      to: g.to_year,
      by: 'group',
      period: 'year',
      siteId: g.site_id ?? undefined,
    });
    const sum = (pick: (r: (typeof stats.rows)[number]) => number) =>
      String(stats.rows.reduce((a, r) => a + pick(r), 0));
    switch (g.metric) {
      case 'fatalities':
        return { value: sum((r) => r.all.fatalities), of };
      case 'disabling_injuries':
        return { value: sum((r) => r.all.disablingInjuries), of };
      case 'contractor_injuries':
        return { value: sum((r) => r.nonEmployees.recordable), of };
      case 'fr':
      case 'sr': {
        // A rate over several years comes from the years' summed counts and hours, exactly.
        const hours = sumExact(stats.rows.map((r) => r.all.hours));
        const value =
          g.metric === 'fr'
            ? frequencyRate(
                stats.rows.reduce((a, r) => a + r.all.disablingInjuries, 0),
                hours,
                stats.rounding,
              )
            : severityRate(
                stats.rows.reduce((a, r) => a + r.all.daysLost, 0),
                hours,
                stats.rounding,
              );
        return { value, of };
      }
    }
  }

  async function view(actor: Actor, g: Row, siteCodes: Map<string, { code: string }>) {
    const a = await actual(actor, g);
    return {
      id: g.id,
      siteId: g.site_id,
      siteCode: g.site_id ? (siteCodes.get(g.site_id)?.code ?? null) : null,
      title: g.title,
      horizon: g.horizon,
      metric: g.metric,
      comparison: g.comparison,
      target: String(g.target),
      fromYear: g.from_year,
      toYear: g.to_year,
      actual: a.value,
      actualOf: a.of,
      // A group target is met or not by the group's figure: the reader's sites alone do not tell.
      met: a.of === 'goal' ? goalMet(a.value, g.comparison, String(g.target)) : null,
      version: g.version,
    };
  }

  async function viewOf(actor: Actor, id: string) {
    const g = await repo.goalById(db, id);
    if (!g) throw new NotFoundError('goal');
    return view(actor, g, await org.sitesByIds(g.site_id ? [g.site_id] : []));
  }

  return {
    async list(actor: Actor) {
      const scope = access.listScope(actor, 'ohs.read', PROGRAM);
      const found = await repo.goals(db, scope);
      const sites = await org.sitesByIds(found.flatMap((g) => (g.site_id ? [g.site_id] : [])));
      return Promise.all(found.map((g) => view(actor, g, sites)));
    },

    async create(actor: Actor, input: z.infer<typeof goalInput>) {
      access.assert(actor, {
        permission: 'ohs.manage',
        siteId: input.siteId ?? null,
        what: 'site',
        program: PROGRAM,
      });
      if (!input.siteId && access.listScope(actor, 'ohs.manage', PROGRAM) !== 'all')
        access.assert(actor, { permission: 'org.manage', siteId: null });
      const id = await db.transaction().execute(async (trx) => {
        const row = await repo.insertGoal(trx, {
          site_id: input.siteId ?? null,
          title: input.title,
          horizon: input.horizon,
          metric: input.metric,
          comparison: input.comparison,
          target: input.target,
          from_year: input.fromYear,
          to_year: input.toYear,
          created_by: actor.userId,
          updated_by: actor.userId,
        });
        await recordAudit(trx, actor, {
          action: 'ohs.goal.created',
          entityType: 'ohs_goal',
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        return row.id;
      });
      return viewOf(actor, id);
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof goalPatch>) {
      const before = await repo.goalById(db, id);
      if (!before) throw new NotFoundError('goal');
      access.assert(actor, {
        permission: 'ohs.manage',
        siteId: before.site_id,
        what: 'goal',
        program: PROGRAM,
      });
      // A group goal is changed, as it is set, by OHS managers of the whole group.
      if (!before.site_id && access.listScope(actor, 'ohs.manage', PROGRAM) !== 'all')
        access.assert(actor, { permission: 'org.manage', siteId: null });
      await db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'ohs_goals',
          id,
          patch.version,
          definedOnly({ title: patch.title, target: patch.target, to_year: patch.toYear }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'ohs.goal.updated',
          entityType: 'ohs_goal',
          entityId: id,
          siteId: before.site_id,
          before,
          after,
        });
      });
      return viewOf(actor, id);
    },
  };
}
