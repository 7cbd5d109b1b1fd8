import type { z } from 'zod';
import type {
  AssessmentView,
  answersInput,
  assessmentInput,
  assessmentListQuery,
  confirmInput,
  guidanceInput,
} from '#shared/modules/infosec/suppliers/contract.ts';
import {
  type AssessmentStep,
  assessmentScore,
  followUpDue,
  type SupplierAnswer,
  scoreBand,
} from '#shared/modules/infosec/suppliers/rules.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { listPage } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import { updateVersioned } from '../../../db/versioned.ts';
import { type Actor, type SiteScope, sitesWith } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import { inScope } from '../../../platform/access/sql.ts';
import type { ActionsService } from '../../../platform/actions/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import type { GrantsService } from '../../../platform/grants/service.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../../platform/http/errors.ts';
import { word } from '../../../platform/i18n/index.ts';
import { registerObligationKind } from '../../../platform/obligations/kinds.ts';
import type { ObligationsService } from '../../../platform/obligations/service.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import { supplierMessage } from './messages.ts';
import * as repo from './repo.ts';
import type { SuppliersService } from './service.ts';

const PROGRAM = 'infosec' as const;
/** The record type of a supplier assessment: audit entries, grants to the supplier's people, actions. */
export const SUPPLIER_ASSESSMENT_RECORD = 'infosec_supplier_assessment';
/** The follow-up evaluation of a confirmed assessment, due three years after its results were confirmed. */
export const FOLLOW_UP_KIND = 'infosec.supplier_follow_up_due';
registerObligationKind({
  kind: FOLLOW_UP_KIND,
  program: PROGRAM,
  name: word('infosec.obligationKind', 'supplier_follow_up_due'),
  schedule: { daysBefore: [90, 30], overdueEveryDays: 14 },
});

type Deps = {
  db: Db;
  org: OrgService;
  actions: ActionsService;
  obligations: ObligationsService;
  grants: GrantsService;
  suppliers: SuppliersService;
};

/**
 * The four-step supplier cybersecurity assessment: the supplier (through its granted sign-in) or the site's
 * team answers the questionnaire (current situation); the team gives guidance, each improvement an action
 * with its due date; the team confirms the results; three years on, a follow-up evaluation is due.
 */
export function createSupplierAssessmentsService({ db, org, actions, obligations, grants, suppliers }: Deps) {
  const mayManage = (actor: Actor, row: repo.AssessmentRow) =>
    access.can(actor, 'infosec.manage', row.site_id, PROGRAM);
  const isRespondent = (actor: Actor, row: repo.AssessmentRow) =>
    access.granted(actor, SUPPLIER_ASSESSMENT_RECORD, row.id);

  async function toViews(
    actor: Actor,
    rows: repo.AssessmentRow[],
    handle: Db = db,
  ): Promise<AssessmentView[]> {
    const ids = rows.map((r) => r.id);
    const [sites, answers, improvements, holders] = await Promise.all([
      org.sitesByIds(
        rows.map((r) => r.site_id),
        handle,
      ),
      repo.answersOf(handle, ids),
      actions.summariesFor(SUPPLIER_ASSESSMENT_RECORD, ids, actor.locale, handle),
      Promise.all(rows.map((r) => grants.holders(SUPPLIER_ASSESSMENT_RECORD, r.id))),
    ]);
    return rows.map((r, i) => {
      const mine = answers.filter((a) => a.assessment_id === r.id);
      const scored = assessmentScore(r.questions, new Map(mine.map((a) => [a.question_code, a.answer])));
      // Once the current situation closed, the score is the one recorded then.
      const score = r.score === null ? scored.score : Number(r.score);
      return {
        id: r.id,
        supplierId: r.supplier_id,
        supplierName: r.supplier_name,
        supplierCountry: r.supplier_country,
        siteId: r.site_id,
        siteCode: sites.get(r.site_id)?.code ?? '',
        templateId: r.template_id,
        templateName: r.template_name,
        kind: r.kind,
        previousId: r.previous_id,
        status: r.status,
        startedOn: r.started_on,
        guidanceOn: r.guidance_on,
        confirmedOn: r.confirmed_on,
        followedUpOn: r.followed_up_on,
        followUpDueOn: r.status === 'confirmed' && r.confirmed_on ? followUpDue(r.confirmed_on) : null,
        guidanceNote: r.guidance_note,
        resultNote: r.result_note,
        questions: r.questions,
        answers: mine.map((a) => ({
          code: a.question_code,
          answer: a.answer,
          note: a.note,
          answeredAt: a.answered_at.toISOString(),
        })),
        score,
        band: scoreBand(score),
        answered: scored.answered,
        areas: scored.areas,
        improvements: improvements.get(r.id) ?? [],
        respondents: holders[i].map((h) => ({ userId: h.userId, name: h.name, email: h.email })),
        mayAnswer: r.status === 'current_situation' && (mayManage(actor, r) || isRespondent(actor, r)),
        mayManage: mayManage(actor, r),
        updatedAt: r.updated_at.toISOString(),
        version: r.version,
      };
    });
  }

  async function rowOrNotFound(handle: Db, id: string) {
    const row = await repo.assessmentRows(handle).where('a.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('assessment');
    return row;
  }

  /** Readers: `infosec.read` at the site, or the supplier's people granted it (404 to everyone else). */
  async function readable(actor: Actor, id: string, handle: Db = db) {
    const row = await rowOrNotFound(handle, id);
    if (!isRespondent(actor, row))
      access.assert(actor, {
        permission: 'infosec.read',
        siteId: row.site_id,
        what: 'assessment',
        program: PROGRAM,
      });
    return row;
  }

  async function writable(actor: Actor, id: string) {
    const row = await rowOrNotFound(db, id);
    access.assert(actor, {
      permission: 'infosec.manage',
      siteId: row.site_id,
      what: 'assessment',
      program: PROGRAM,
    });
    return row;
  }

  function inStep(row: repo.AssessmentRow, step: AssessmentStep) {
    if (row.status !== step) throw new ConflictError(`The assessment is not in the step "${step}".`);
  }

  async function audit(
    trx: Db,
    actor: Actor,
    action: string,
    row: repo.AssessmentRow,
    step: string,
    on: string,
    extra: object,
  ) {
    const [site] = await org.sitesWithSubsidiary([row.site_id], trx);
    await recordAudit(trx, actor, {
      action,
      entityType: SUPPLIER_ASSESSMENT_RECORD,
      entityId: row.id,
      siteId: row.site_id,
      summary: supplierMessage('infosec.audit.supplierAssessment', {
        site: site?.code ?? '',
        supplier: row.supplier_name,
        step,
        on,
      }),
      ...extra,
    });
  }

  /** The follow-up evaluation of a confirmed assessment falls due three years after its confirmation. */
  async function openFollowUp(
    trx: Db,
    actor: Actor,
    row: { id: string; site_id: string; supplier_name: string },
    confirmedOn: string,
  ) {
    await obligations.upsertForSource(trx, actor, {
      kind: FOLLOW_UP_KIND,
      sourceType: SUPPLIER_ASSESSMENT_RECORD,
      sourceId: row.id,
      siteId: row.site_id,
      program: PROGRAM,
      ownerId: null,
      title: supplierMessage('infosec.supplier.followUpDue', { supplier: row.supplier_name, confirmedOn }),
      dueDate: followUpDue(confirmedOn),
      reopen: true,
    });
  }

  /** The view after a change, read once its transaction committed (the grants service reads outside it). */
  const reread = async (actor: Actor, id: string) => (await toViews(actor, [await rowOrNotFound(db, id)]))[0];

  return {
    /** Assessments the actor reads: those of the sites in their scope, and those granted to them. */
    async list(actor: Actor, q: z.infer<typeof assessmentListQuery>) {
      const scope: SiteScope = sitesWith(actor, 'infosec.read', PROGRAM);
      const granted = [...(actor.grants?.get(SUPPLIER_ASSESSMENT_RECORD) ?? [])];
      if (scope !== 'all' && scope.size === 0 && granted.length === 0 && q.mine !== 'true')
        throw new ForbiddenError('infosec.read');
      let base = repo.assessmentRows(db).where((eb) => {
        const mine = granted.length ? [eb('a.id', 'in', granted)] : [];
        if (q.mine === 'true') return mine.length ? eb.or(mine) : eb.val(false);
        return eb.or([inScope(eb, 'a.site_id', scope), ...mine]);
      });
      if (q.siteId) base = base.where('a.site_id', '=', q.siteId);
      if (q.supplierId) base = base.where('a.supplier_id', '=', q.supplierId);
      if (q.status) base = base.where('a.status', '=', q.status);
      if (q.year)
        base = base
          .where('a.confirmed_on', '>=', `${q.year}-01-01`)
          .where('a.confirmed_on', '<=', `${q.year}-12-31`);
      if (q.q) base = base.where('s.name', 'ilike', likePattern(q.q));
      const sortColumn = {
        startedOn: 'a.started_on',
        confirmedOn: 'a.confirmed_on',
        supplier: 's.name',
        score: 'a.score',
        status: 'a.status',
      }[q.sort];
      const page = await listPage<repo.AssessmentRow, repo.AssessmentRow>(db, base, q, {
        sortColumn,
        tieBreaker: 'a.id',
        toView: (r) => r,
      });
      return { ...page, items: await toViews(actor, page.items) };
    },

    async get(actor: Actor, id: string) {
      return (await toViews(actor, [await readable(actor, id)]))[0];
    },

    /** The year's assessments as the report counts them, from the rows (confirmed in the year). */
    async figures(actor: Actor, q: { year: number; siteId?: string }) {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      const r = await repo.yearFigures(db, scope, q.year, q.siteId);
      return {
        year: q.year,
        assessments: Number(r.assessments),
        followUps: Number(r.follow_ups),
        suppliers: Number(r.suppliers),
        averageScore: r.average_score === null ? null : Number(r.average_score),
      };
    },

    /** Starts an assessment on a template (its questions are copied: later edits of the template leave it be). */
    async create(actor: Actor, input: z.infer<typeof assessmentInput>) {
      const supplier = await suppliers.row(input.supplierId);
      access.assert(actor, {
        permission: 'infosec.manage',
        siteId: supplier.site_id,
        what: 'supplier',
        program: PROGRAM,
      });
      const template = await repo.templateRows(db).where('t.id', '=', input.templateId).executeTakeFirst();
      if (!template?.active)
        throw new ValidationError('Not an active questionnaire template.', [
          { path: 'templateId', message: 'Unknown or retired template' },
        ]);
      if (input.previousId) {
        const previous = await repo
          .assessmentRows(db)
          .where('a.id', '=', input.previousId)
          .executeTakeFirst();
        if (!previous || previous.supplier_id !== supplier.id)
          throw new ValidationError('Not an assessment of this supplier.', [
            { path: 'previousId', message: 'Not an assessment of the supplier' },
          ]);
        if (previous.status !== 'confirmed')
          throw new ConflictError('Only an assessment whose results were confirmed is followed up.');
        if (await repo.followUpOf(db, previous.id))
          throw new ConflictError('The assessment already has a follow-up.');
      }
      return db
        .transaction()
        .execute(async (trx) => {
          const row = await trx
            .insertInto('infosec_supplier_assessments')
            .values({
              supplier_id: supplier.id,
              site_id: supplier.site_id,
              template_id: template.id,
              questions: JSON.stringify(template.questions),
              kind: input.previousId ? 'follow_up' : 'initial',
              previous_id: input.previousId ?? null,
              started_on: input.startedOn,
              created_by: actor.userId,
              updated_by: actor.userId,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          const created = await rowOrNotFound(trx, row.id);
          await audit(
            trx,
            actor,
            'infosec.supplier_assessment.started',
            created,
            'current_situation',
            input.startedOn,
            {
              after: { ...created, questions: undefined },
            },
          );
          return created.id;
        })
        .then((created) => reread(actor, created));
    },

    /** The current situation: the supplier's people or the site's team answer, question by question. */
    async answer(actor: Actor, id: string, input: z.infer<typeof answersInput>) {
      const before = await readable(actor, id);
      if (!isRespondent(actor, before))
        access.assert(actor, {
          permission: 'infosec.manage',
          siteId: before.site_id,
          what: 'assessment',
          program: PROGRAM,
        });
      inStep(before, 'current_situation');
      const codes = new Set(before.questions.map((q) => q.code));
      const stray = input.answers.findIndex((a) => !codes.has(a.code));
      if (stray >= 0)
        throw new ValidationError('Not a question of the questionnaire.', [
          { path: `answers.${stray}.code`, message: 'Unknown question' },
        ]);
      return db
        .transaction()
        .execute(async (trx) => {
          await updateVersioned(trx, 'infosec_supplier_assessments', id, input.version, {}, actor.userId);
          await repo.upsertAnswers(trx, id, actor.userId, input.answers);
          await recordAudit(trx, actor, {
            action: 'infosec.supplier_assessment.answered',
            entityType: SUPPLIER_ASSESSMENT_RECORD,
            entityId: id,
            siteId: before.site_id,
            summary: supplierMessage('infosec.audit.supplierAnswers', {
              supplier: before.supplier_name,
              count: input.answers.length,
            }),
            after: { answers: input.answers },
          });
          return id;
        })
        .then(() => reread(actor, id));
    },

    /** Closes the current situation (every question answered, its score kept) and records the guidance. */
    async guide(actor: Actor, id: string, input: z.infer<typeof guidanceInput>) {
      const before = await writable(actor, id);
      inStep(before, 'current_situation');
      if (input.on < before.started_on)
        throw new ValidationError('Guidance follows the start.', [
          { path: 'on', message: 'Before the assessment started' },
        ]);
      const answers = await repo.answersOf(db, [id]);
      const scored = assessmentScore(
        before.questions,
        new Map(answers.map((a) => [a.question_code, a.answer as SupplierAnswer])),
      );
      if (!scored.complete)
        throw new ConflictError(`${scored.questions - scored.answered} questions have no answer yet.`);
      return db
        .transaction()
        .execute(async (trx) => {
          await updateVersioned(
            trx,
            'infosec_supplier_assessments',
            id,
            input.version,
            {
              status: 'guidance',
              guidance_on: input.on,
              guidance_note: input.note ?? null,
              score: scored.score,
            },
            actor.userId,
          );
          for (const improvement of input.improvements)
            await actions.create(
              actor,
              {
                siteId: before.site_id,
                program: PROGRAM,
                kind: 'improvement',
                title: improvement.title,
                description: supplierMessage('infosec.supplier.improvement', {
                  supplier: before.supplier_name,
                  on: input.on,
                }),
                sourceType: SUPPLIER_ASSESSMENT_RECORD,
                sourceId: id,
                ownerId: improvement.ownerId ?? null,
                dueDate: improvement.dueDate,
              },
              trx,
            );
          await audit(trx, actor, 'infosec.supplier_assessment.guided', before, 'guidance', input.on, {
            before: { status: before.status },
            after: { status: 'guidance', score: scored.score, improvements: input.improvements },
          });
          return id;
        })
        .then(() => reread(actor, id));
    },

    /**
     * Confirms the results: the follow-up evaluation falls due in three years. A follow-up evaluation
     * confirmed closes the one it follows (followed up) and its obligation.
     */
    async confirm(actor: Actor, id: string, input: z.infer<typeof confirmInput>) {
      const before = await writable(actor, id);
      inStep(before, 'guidance');
      if (before.guidance_on && input.on < before.guidance_on)
        throw new ValidationError('The confirmation follows the guidance.', [
          { path: 'on', message: 'Before the guidance' },
        ]);
      return db
        .transaction()
        .execute(async (trx) => {
          await updateVersioned(
            trx,
            'infosec_supplier_assessments',
            id,
            input.version,
            { status: 'confirmed', confirmed_on: input.on, result_note: input.note ?? null },
            actor.userId,
          );
          await openFollowUp(trx, actor, before, input.on);
          if (before.previous_id) {
            await trx
              .updateTable('infosec_supplier_assessments')
              .set({ status: 'followed_up', followed_up_on: input.on, updated_by: actor.userId })
              .where('id', '=', before.previous_id)
              .execute();
            await obligations.closeForSource(
              trx,
              actor,
              FOLLOW_UP_KIND,
              SUPPLIER_ASSESSMENT_RECORD,
              before.previous_id,
              'done',
            );
          }
          await audit(trx, actor, 'infosec.supplier_assessment.confirmed', before, 'confirmed', input.on, {
            before: { status: before.status },
            after: { status: 'confirmed', confirmedOn: input.on },
          });
          return id;
        })
        .then(() => reread(actor, id));
    },

    /** Grants the assessment to a contact's sign-in: the supplier answers it and sees nothing else. */
    async addRespondent(actor: Actor, id: string, contactId: string) {
      const row = await writable(actor, id);
      const contact = await suppliers.contact(row.supplier_id, contactId);
      if (!contact.user_id)
        throw new ValidationError('The contact has no sign-in.', [
          { path: 'contactId', message: 'No sign-in' },
        ]);
      const userId = contact.user_id;
      return db
        .transaction()
        .execute(async (trx) => {
          await grants.grant(trx, actor, {
            userId,
            recordType: SUPPLIER_ASSESSMENT_RECORD,
            recordId: id,
            siteId: row.site_id,
          });
          return id;
        })
        .then(() => reread(actor, id));
    },

    async removeRespondent(actor: Actor, id: string, userId: string) {
      await writable(actor, id);
      await db
        .transaction()
        .execute((trx) =>
          grants.revoke(trx, actor, { userId, recordType: SUPPLIER_ASSESSMENT_RECORD, recordId: id }),
        );
    },

    /**
     * Removes an assessment recorded in error: not one followed up, nor one whose guidance raised actions.
     * A follow-up removed gives the assessment it followed back its open follow-up.
     */
    async remove(actor: Actor, id: string, version: number) {
      const before = await writable(actor, id);
      if (await repo.followUpOf(db, id))
        throw new ConflictError('A follow-up evaluation follows this assessment.');
      const linked = await actions.linkedTo(SUPPLIER_ASSESSMENT_RECORD, [id]);
      if ((linked.get(id) ?? []).length > 0)
        throw new ConflictError('The guidance raised actions on this assessment: it stays on record.');
      const holders = await grants.holders(SUPPLIER_ASSESSMENT_RECORD, id);
      await db.transaction().execute(async (trx) => {
        const gone = await trx
          .deleteFrom('infosec_supplier_assessments')
          .where('id', '=', id)
          .where('version', '=', version)
          .executeTakeFirst();
        if (Number(gone.numDeletedRows) === 0)
          await updateVersioned(trx, 'infosec_supplier_assessments', id, version, {}, actor.userId);
        for (const h of holders)
          await grants.revoke(trx, actor, {
            userId: h.userId,
            recordType: SUPPLIER_ASSESSMENT_RECORD,
            recordId: id,
          });
        await obligations.closeForSource(
          trx,
          actor,
          FOLLOW_UP_KIND,
          SUPPLIER_ASSESSMENT_RECORD,
          id,
          'cancelled',
        );
        if (before.previous_id && before.status === 'confirmed') {
          const previous = await trx
            .updateTable('infosec_supplier_assessments')
            .set({ status: 'confirmed', followed_up_on: null, updated_by: actor.userId })
            .where('id', '=', before.previous_id)
            .returning(['id', 'site_id', 'confirmed_on'])
            .executeTakeFirstOrThrow();
          await openFollowUp(
            trx,
            actor,
            { ...previous, supplier_name: before.supplier_name },
            previous.confirmed_on as string,
          );
        }
        await audit(
          trx,
          actor,
          'infosec.supplier_assessment.deleted',
          before,
          before.status,
          before.started_on,
          {
            before: { ...before, questions: undefined },
          },
        );
      });
    },
  };
}

export type SupplierAssessmentsService = ReturnType<typeof createSupplierAssessmentsService>;
