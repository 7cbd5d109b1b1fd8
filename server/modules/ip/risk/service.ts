import type { z } from 'zod';
import type {
  riskCaseDetail,
  riskCaseInput,
  riskCaseListQuery,
  riskCasePatch,
  riskCaseView,
  riskCostInput,
  riskStepInput,
} from '#shared/modules/ip/risk/contract.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { paginate } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import { definedOnly, updateVersioned } from '../../../db/versioned.ts';
import { type Actor, sitesWith } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { inScope } from '../../../platform/access/sql.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../../platform/http/errors.ts';
import type { SecurityIncidentLookup } from '../../infosec/index.ts';
import type { SitesLookup } from '../sites.ts';
import * as repo from './repo.ts';

const PROGRAM = 'ip' as const;
export const RISK_CASE = 'ip_risk_case';

type View = z.infer<typeof riskCaseView>;
const invalid = (path: string, message: string) => new ValidationError(message, [{ path, message }]);

/**
 * IP risk cases: suspected misappropriation or infringement either way, customer indemnity claims and
 * litigation, run through the response procedure's dated steps, with counsel, costs and outcome, and the
 * security incident through which data left the company.
 */
export function createRiskCasesService(
  db: Db,
  incidents: SecurityIncidentLookup,
  sites: SitesLookup,
  now: () => Date = () => new Date(),
) {
  type SiteMap = Awaited<ReturnType<SitesLookup['visible']>>;
  // Site codes are read before any transaction (PGlite: never query `db` inside one).
  async function toViews(
    actor: Actor,
    rows: repo.CaseRow[],
    handle: Db = db,
    known?: SiteMap,
  ): Promise<View[]> {
    const [siteMap, costs, linked] = await Promise.all([
      known ?? sites.visible(actor),
      repo.costTotals(
        handle,
        rows.map((r) => r.id),
      ),
      // The incident shows only to those who may read it.
      incidents.readable(
        actor,
        rows.map((r) => r.incident_id),
        handle,
      ),
    ]);
    return rows.map((r) => {
      const incident = r.incident_id ? linked.get(r.incident_id) : undefined;
      return {
        id: r.id,
        siteId: r.site_id,
        siteCode: siteMap.get(r.site_id)?.code ?? '',
        reference: r.reference,
        kind: r.kind,
        direction: r.direction,
        title: r.title,
        counterparty: r.counterparty,
        counsel: r.counsel,
        incident: incident ? { id: incident.id, reference: incident.reference, title: incident.title } : null,
        step: r.step,
        stepOn: r.step_on,
        outcome: r.outcome,
        costs: costs.get(r.id) ?? [],
        version: r.version,
      };
    });
  }

  async function detail(
    actor: Actor,
    r: repo.CaseRow,
    handle: Db = db,
    known?: SiteMap,
  ): Promise<z.infer<typeof riskCaseDetail>> {
    const [[view], steps, costItems] = await Promise.all([
      toViews(actor, [r], handle, known),
      repo.stepRows(handle, r.id),
      repo.costRows(handle, r.id),
    ]);
    return {
      ...view,
      steps: steps.map((s) => ({ id: s.id, step: s.step, effectiveOn: s.effective_on })),
      costItems: costItems.map((c) => ({
        id: c.id,
        incurredOn: c.incurred_on,
        category: c.category,
        amount: c.amount,
        currency: c.currency,
      })),
    };
  }

  async function rowOrNotFound(handle: Db, id: string) {
    const r = await repo.caseRows(handle).where('c.id', '=', id).executeTakeFirst();
    if (!r) throw new NotFoundError('risk case');
    return r;
  }

  async function checkIncident(actor: Actor, incidentId: string | null | undefined) {
    if (!incidentId) return;
    try {
      await incidents.assertReadable(actor, incidentId);
    } catch (e) {
      if (e instanceof NotFoundError || e instanceof ForbiddenError)
        throw invalid('incidentId', 'No security incident you may read');
      throw e;
    }
  }

  const notAfterToday = (day: string, timeZone: string, path: string) => {
    if (day > localDate(now(), timeZone)) throw invalid(path, 'After today');
  };

  return {
    async list(actor: Actor, q: z.infer<typeof riskCaseListQuery>) {
      const scope = access.listScope(actor, 'ip.read', PROGRAM);
      let base = repo.caseRows(db).where((eb) => inScope(eb, 'c.site_id', scope));
      if (q.siteId) base = base.where('c.site_id', '=', q.siteId);
      if (q.kind) base = base.where('c.kind', '=', q.kind);
      if (q.direction) base = base.where('c.direction', '=', q.direction);
      if (q.step) base = base.where('c.step', '=', q.step);
      if (q.open === 'true') base = base.where('c.outcome', 'is', null).where('c.step', '<>', 'closed');
      if (q.open === 'false')
        base = base.where((eb) => eb.or([eb('c.outcome', 'is not', null), eb('c.step', '=', 'closed')]));
      if (q.q) {
        const p = likePattern(q.q);
        base = base.where((eb) =>
          eb.or([eb('c.reference', 'ilike', p), eb('c.title', 'ilike', p), eb('c.counterparty', 'ilike', p)]),
        );
      }
      const sortColumn = { stepOn: 'c.step_on', reference: 'c.reference', kind: 'c.kind', step: 'c.step' }[
        q.sort
      ];
      const { items, ...paging } = await paginate<repo.CaseRow>(db, base, {
        sortColumn,
        order: q.order,
        tieBreaker: 'c.id',
        page: q.page,
        cursor: q.cursor,
        count: q.count,
        pageSize: q.pageSize,
      });
      return { items: await toViews(actor, items), ...paging, page: q.page, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string) {
      const r = await rowOrNotFound(db, id);
      access.assert(actor, { permission: 'ip.read', siteId: r.site_id, what: 'risk case', program: PROGRAM });
      return detail(actor, r);
    },

    /** The site of a case, for its documents: readers see them, managers add them. */
    async siteOf(actor: Actor, id: string, intent: 'read' | 'write') {
      const r = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: intent === 'read' ? 'ip.read' : 'ip.manage',
        siteId: r.site_id,
        what: 'risk case',
        program: PROGRAM,
      });
      return r.site_id;
    },

    /**
     * The risk cases that name a security incident, for the incident's page: the incident as its own page
     * answers (404 to those who may not read it), and of its cases those the reader may read in this program.
     */
    async ofIncident(actor: Actor, incidentId: string) {
      await incidents.assertReadable(actor, incidentId);
      const rows = await repo.casesOfIncident(db, incidentId, sitesWith(actor, 'ip.read', PROGRAM));
      return {
        items: rows.map((r) => ({
          id: r.id,
          reference: r.reference,
          kind: r.kind,
          direction: r.direction,
          title: r.title,
          step: r.step,
          stepOn: r.step_on,
          outcome: r.outcome,
        })),
      };
    },

    /** Security incidents the actor may read, for the form's choice. */
    async incidentChoices(actor: Actor, q: string | undefined) {
      access.listScope(actor, 'ip.manage', PROGRAM);
      const rows = await incidents.choices(actor, q);
      return { items: rows.map((r) => ({ id: r.id, reference: r.reference, title: r.title })) };
    },

    async create(actor: Actor, input: z.infer<typeof riskCaseInput>) {
      const site = await sites.forWriting(input.siteId);
      access.assert(actor, { permission: 'ip.manage', siteId: site.id, what: 'site', program: PROGRAM });
      notAfterToday(input.stepOn, site.timeZone, 'stepOn');
      await checkIncident(actor, input.incidentId);
      const clash = await db
        .selectFrom('ip_risk_cases')
        .select('id')
        .where('reference', '=', input.reference)
        .executeTakeFirst();
      if (clash)
        throw new ConflictError(`Risk case ${input.reference} is already registered.`, {
          errors: [{ path: 'reference', message: 'Already registered' }],
        });
      const siteMap = await sites.visible(actor);
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('ip_risk_cases')
          .values({
            site_id: site.id,
            reference: input.reference,
            kind: input.kind,
            direction: input.direction,
            title: input.title,
            counterparty: input.counterparty ?? null,
            counsel: input.counsel ?? null,
            incident_id: input.incidentId ?? null,
            step: input.step,
            step_on: input.stepOn,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('ip_risk_case_steps')
          .values({ case_id: row.id, step: input.step, effective_on: input.stepOn, created_by: actor.userId })
          .execute();
        await recordAudit(trx, actor, {
          action: 'ip.risk_case.opened',
          entityType: RISK_CASE,
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        return detail(actor, row, trx, siteMap);
      });
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof riskCasePatch>) {
      const before = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'ip.manage',
        siteId: before.site_id,
        what: 'risk case',
        program: PROGRAM,
      });
      if (patch.incidentId !== before.incident_id) await checkIncident(actor, patch.incidentId);
      const changes = definedOnly({
        kind: patch.kind,
        direction: patch.direction,
        title: patch.title,
        counterparty: patch.counterparty,
        counsel: patch.counsel,
        incident_id: patch.incidentId,
        outcome: patch.outcome,
      });
      const siteMap = await sites.visible(actor);
      return db.transaction().execute(async (trx) => {
        const after = (await updateVersioned(
          trx,
          'ip_risk_cases',
          id,
          patch.version,
          changes,
          actor.userId,
        )) as repo.CaseRow;
        await recordAudit(trx, actor, {
          action: 'ip.risk_case.updated',
          entityType: RISK_CASE,
          entityId: id,
          siteId: before.site_id,
          before,
          after,
        });
        return detail(actor, after, trx, siteMap);
      });
    },

    /** A step of the response procedure on its day; the latest by date is the case's state. */
    async recordStep(actor: Actor, id: string, input: z.infer<typeof riskStepInput>) {
      const before = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'ip.manage',
        siteId: before.site_id,
        what: 'risk case',
        program: PROGRAM,
      });
      const site = await sites.forWriting(before.site_id);
      notAfterToday(input.effectiveOn, site.timeZone, 'effectiveOn');
      const latest = input.effectiveOn >= before.step_on;
      const siteMap = await sites.visible(actor);
      return db.transaction().execute(async (trx) => {
        const after = (await updateVersioned(
          trx,
          'ip_risk_cases',
          id,
          input.version,
          latest ? { step: input.step, step_on: input.effectiveOn } : {},
          actor.userId,
        )) as repo.CaseRow;
        const step = await trx
          .insertInto('ip_risk_case_steps')
          .values({
            case_id: id,
            step: input.step,
            effective_on: input.effectiveOn,
            created_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'ip.risk_case.step_recorded',
          entityType: RISK_CASE,
          entityId: id,
          siteId: before.site_id,
          before,
          after: { ...after, recordedStep: step },
        });
        return detail(actor, after, trx, siteMap);
      });
    },

    async addCost(actor: Actor, id: string, input: z.infer<typeof riskCostInput>) {
      const r = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'ip.manage',
        siteId: r.site_id,
        what: 'risk case',
        program: PROGRAM,
      });
      const site = await sites.forWriting(r.site_id);
      notAfterToday(input.incurredOn, site.timeZone, 'incurredOn');
      const siteMap = await sites.visible(actor);
      return db.transaction().execute(async (trx) => {
        const cost = await trx
          .insertInto('ip_risk_case_costs')
          .values({
            case_id: id,
            incurred_on: input.incurredOn,
            category: input.category,
            amount: input.amount,
            currency: input.currency,
            created_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'ip.risk_case.cost_recorded',
          entityType: RISK_CASE,
          entityId: id,
          siteId: r.site_id,
          after: cost,
        });
        return detail(actor, r, trx, siteMap);
      });
    },
  };
}

export type RiskCasesService = ReturnType<typeof createRiskCasesService>;
