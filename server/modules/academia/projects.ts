import type { z } from 'zod';
import type * as c from '#shared/modules/academia/contract.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { listPage } from '../../db/paging.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { inScope } from '../../platform/access/sql.ts';
import { auditedUpdate } from '../../platform/audit/audited-update.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { convertMinor, MissingRateError, type Rate } from '../../platform/rates/money.ts';
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
import { deliverableCounts } from './milestone-deliverables.ts';
import { createMilestonesService } from './milestones.ts';
import { toPaymentView } from './payments.ts';
import * as repo from './repo.ts';

type Plan = Awaited<ReturnType<typeof repo.projectPlan>>;

/** A milestone as the API shows it, without the version that only an edit needs. */
export const milestonePlanView = (m: Plan['milestones'][number]) => ({
  id: m.id,
  title: m.title,
  dueDate: m.due_date,
  doneOn: m.done_on,
});

/** A project's result as the API shows it, without the version that only an edit needs. */
export const outcomePlanView = (o: Plan['outcomes'][number]) => ({
  id: o.id,
  kind: o.kind,
  title: o.title,
  occurredOn: o.occurred_on,
  ipReference: o.ip_reference,
});

const projectSort = {
  startsOn: 'r.starts_on',
  title: 'r.title',
  status: 'r.status',
  endsOn: 'r.ends_on',
} as const;

function assertBudgetYears(lines: readonly { year: number }[] | undefined) {
  if (!lines) return;
  const seen = new Set<number>();
  lines.forEach((l, i) => {
    if (seen.has(l.year))
      throw new ValidationError('A year appears twice in the budget.', [
        { path: `budget.${i}.year`, message: 'Already in the budget' },
      ]);
    seen.add(l.year);
  });
}

/** Research projects: partner, owning site, investigator, company contact, budget by year, spending. */
export function createProjectsService(deps: AcademiaDeps) {
  const { db } = deps;
  const milestones = createMilestonesService(deps);

  async function views(rows: repo.ProjectRow[]) {
    const code = await siteCodes(deps, rows);
    return rows.map((r) => ({
      id: r.id,
      siteId: r.site_id,
      siteCode: code(r.site_id),
      partnerId: r.partner_id,
      partnerName: r.partner_name,
      partnerNameZh: r.partner_name_zh,
      title: r.title,
      line: r.line,
      principalInvestigator: r.principal_investigator,
      contactEmployeeId: r.contact_employee_id,
      status: r.status,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      currency: r.currency,
      budgetMinor: num(r.budget_minor),
      version: r.version,
    }));
  }

  async function projectOrNotFound(id: string, handle: Db = db) {
    const row = await repo.projectRows(handle).where('r.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('research project');
    return row;
  }

  /** The company contact must be an employee of a site the actor sees (422 naming the field otherwise). */
  async function assertContact(actor: Actor, employeeId: string | null | undefined) {
    if (!employeeId) return;
    const found = (await deps.people.employeeEssentials([employeeId])).get(employeeId);
    if (!found || !access.can(actor, 'org.read', found.siteId))
      throw new ValidationError('No such employee.', [
        { path: 'contactEmployeeId', message: 'Unknown employee' },
      ]);
  }

  /** Budget and spending by year: payments converted to the project's currency at their dates. */
  function years(
    project: repo.ProjectRow,
    parts: Awaited<ReturnType<typeof repo.projectParts>>,
    rates: readonly Rate[],
  ) {
    const byYear = new Map<
      number,
      { budgetMinor: number; spentMinor: number | null; missingRate: string | null }
    >();
    const line = (y: number) => {
      let l = byYear.get(y);
      if (!l) {
        l = { budgetMinor: 0, spentMinor: 0, missingRate: null };
        byYear.set(y, l);
      }
      return l;
    };
    for (const b of parts.budget) line(b.year).budgetMinor += num(b.budget_minor);
    for (const p of parts.payments) {
      const l = line(Number(p.paid_on.slice(0, 4)));
      if (l.spentMinor === null) continue;
      try {
        l.spentMinor += convertMinor(num(p.amount_minor), p.currency, project.currency, p.paid_on, rates);
      } catch (e) {
        if (!(e instanceof MissingRateError)) throw e;
        // A year with a payment that cannot be converted has no total: never a partial one.
        l.spentMinor = null;
        l.missingRate = `${e.currency} ${e.on}`;
      }
    }
    return [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, l]) => ({ year, ...l }));
  }

  return {
    milestones,

    async list(actor: Actor, q: z.infer<typeof c.projectListQuery>) {
      const scope = access.listScope(actor, 'academia.read', PROGRAM);
      let base = repo.projectRows(db).where((eb) => inScope(eb, 'r.site_id', scope));
      if (q.siteId) base = base.where('r.site_id', '=', q.siteId);
      if (q.partnerId) base = base.where('r.partner_id', '=', q.partnerId);
      if (q.line) base = base.where('r.line', '=', q.line);
      if (q.status) base = base.where('r.status', '=', q.status);
      if (q.year) {
        const y = q.year;
        base = base
          .where('r.starts_on', '<=', `${y}-12-31`)
          .where((eb) => eb.or([eb('r.ends_on', 'is', null), eb('r.ends_on', '>=', `${y}-01-01`)]));
      }
      if (q.q) {
        const like = likePattern(q.q);
        base = base.where((eb) =>
          eb.or([
            eb('r.title', 'ilike', like),
            eb('p.name', 'ilike', like),
            eb('r.principal_investigator', 'ilike', like),
          ]),
        );
      }
      const page = await listPage(db, base, q, {
        sortColumn: projectSort[q.sort],
        tieBreaker: 'r.id',
        toView: (r: repo.ProjectRow) => r,
      });
      return { ...page, items: await views(page.items) };
    },

    async get(actor: Actor, id: string) {
      const row = await projectOrNotFound(id);
      assertReadAt(actor, row.site_id, 'research project');
      const [parts, rates] = await Promise.all([repo.projectParts(db, id), deps.rates.all()]);
      const contact = row.contact_employee_id
        ? (await deps.people.employeeEssentials([row.contact_employee_id])).get(row.contact_employee_id)
        : undefined;
      const [code, deliverables] = await Promise.all([
        siteCodes(deps, parts.payments),
        deliverableCounts(
          deps,
          parts.milestones.map((m) => m.id),
        ),
      ]);
      return {
        ...(await views([row]))[0],
        contactName: contact?.fullName ?? null,
        years: years(row, parts, rates),
        milestones: parts.milestones.map((m) => ({
          ...milestonePlanView(m),
          deliverables: deliverables.get(m.id) ?? 0,
          version: m.version,
        })),
        outcomes: parts.outcomes.map((o) => ({ ...outcomePlanView(o), version: o.version })),
        payments: parts.payments.map((p) => toPaymentView(p, code)),
        canManage: access.can(actor, 'academia.manage', row.site_id, PROGRAM),
      };
    },

    async create(actor: Actor, input: z.infer<typeof c.projectInput>) {
      await assertManageAt(deps, actor, input.siteId);
      await assertPartner(db, input.partnerId);
      assertRange(input.startsOn, input.endsOn, 'endsOn');
      assertBudgetYears(input.budget);
      await assertContact(actor, input.contactEmployeeId);
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('academia_projects')
          .values({
            site_id: input.siteId,
            partner_id: input.partnerId,
            title: input.title,
            line: input.line,
            principal_investigator: input.principalInvestigator,
            contact_employee_id: input.contactEmployeeId ?? null,
            status: input.status ?? 'proposal',
            starts_on: input.startsOn,
            ends_on: input.endsOn ?? null,
            currency: input.currency,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await repo.replaceBudget(trx, row, input.budget ?? [], actor.userId);
        await recordAudit(trx, actor, {
          action: 'academia_project.created',
          entityType: 'academia_project',
          entityId: row.id,
          siteId: row.site_id,
          after: { ...row, budget: input.budget ?? [] },
        });
        return row.id;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof c.projectPatch>) {
      if (patch.partnerId) await assertPartner(db, patch.partnerId);
      assertBudgetYears(patch.budget);
      await assertContact(actor, patch.contactEmployeeId);
      await db.transaction().execute(async (trx) => {
        const before = await repo.projectParts(trx, id);
        const after = await auditedUpdate(trx, actor, {
          table: 'academia_projects',
          id,
          version: patch.version,
          action: 'academia_project.updated',
          entityType: 'academia_project',
          what: 'research project',
          siteOf: (r) => r.site_id,
          authorize: (row) => {
            assertManageRecord(actor, row.site_id, 'research project');
            assertRange(
              patch.startsOn ?? row.starts_on,
              patch.endsOn === undefined ? row.ends_on : patch.endsOn,
              'endsOn',
            );
          },
          change: () => ({
            partner_id: patch.partnerId,
            title: patch.title,
            line: patch.line,
            principal_investigator: patch.principalInvestigator,
            contact_employee_id: patch.contactEmployeeId,
            status: patch.status,
            starts_on: patch.startsOn,
            ends_on: patch.endsOn,
            currency: patch.currency,
          }),
        });
        if (patch.budget) {
          await repo.replaceBudget(trx, { id, site_id: after.site_id }, patch.budget, actor.userId);
          await recordAudit(trx, actor, {
            action: 'academia_project.budget_changed',
            entityType: 'academia_project',
            entityId: id,
            siteId: after.site_id,
            before: before.budget.map((b) => ({ year: b.year, budgetMinor: num(b.budget_minor) })),
            after: patch.budget,
          });
        }
      });
      return this.get(actor, id);
    },

    /** An outcome of a project: a paper, a prototype, adoption in production, or a patent (its IP reference). */
    async addOutcome(actor: Actor, projectId: string, input: z.infer<typeof c.outcomeInput>) {
      const project = await projectOrNotFound(projectId);
      assertManageRecord(actor, project.site_id, 'research project');
      if (input.kind === 'patent' && !input.ipReference)
        throw new ValidationError('A patent outcome names its invention disclosure.', [
          { path: 'ipReference', message: 'Required for a patent' },
        ]);
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('academia_outcomes')
          .values({
            project_id: projectId,
            site_id: project.site_id,
            kind: input.kind,
            title: input.title,
            occurred_on: input.occurredOn,
            ip_reference: input.ipReference ?? null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'academia_outcome.recorded',
          entityType: 'academia_outcome',
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
      });
      return this.get(actor, projectId);
    },

    /** Projects that list a patent outcome with this IP reference (for the IP program to link). */
    async byIpReference(actor: Actor, reference: string) {
      const scope = access.listScope(actor, 'academia.read', PROGRAM);
      return repo.outcomesByIpReference(db, reference, scope);
    },

    projectOrNotFound,
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
