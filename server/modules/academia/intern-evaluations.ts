import type { z } from 'zod';
import type * as c from '#shared/modules/academia/evaluation-contract.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { auditableEvaluation } from './audit-shapes.ts';
import { type AcademiaDeps, assertManageRecord, assertReadAt } from './deps.ts';
import * as evaluationRepo from './evaluation-repo.ts';
import * as repo from './repo.ts';

type Row = Awaited<ReturnType<typeof evaluationRepo.evaluationsOf>>[number];

export const evaluationView = (r: Row): z.infer<typeof c.internEvaluationView> => ({
  id: r.id,
  internId: r.intern_id,
  evaluator: r.evaluator,
  rating: r.rating,
  evaluatedOn: r.evaluated_on,
  comments: r.comments,
  version: r.version,
});

/** The evaluations of an internship by the mentor and by the student, seen and written like the intern. */
export function createInternEvaluationsService(deps: AcademiaDeps) {
  const { db } = deps;

  async function internOf(actor: Actor, internId: string) {
    const intern = await repo.internRows(db).where('i.id', '=', internId).executeTakeFirst();
    if (!intern) throw new NotFoundError('intern');
    assertReadAt(actor, intern.site_id, 'intern');
    return intern;
  }

  async function write(
    actor: Actor,
    intern: { id: string; site_id: string; started_on: string },
    input: z.infer<typeof c.internEvaluationInput>,
    options: { byStudent?: boolean } = {},
  ) {
    if (input.evaluatedOn < intern.started_on)
      throw new ValidationError('An evaluation comes after the internship began.', [
        { path: 'evaluatedOn', message: 'Before the internship began' },
      ]);
    return db.transaction().execute(async (trx) => {
      const row = await evaluationRepo.insertEvaluation(trx, {
        site_id: intern.site_id,
        intern_id: intern.id,
        evaluator: input.evaluator,
        rating: input.rating,
        evaluated_on: input.evaluatedOn,
        comments: input.comments || null,
        created_by: actor.userId,
        given_by_student: options.byStudent ?? false,
      });
      await recordAudit(trx, actor, {
        action: 'academia_intern_evaluation.created',
        entityType: 'academia_intern_evaluation',
        entityId: row.id,
        siteId: row.site_id,
        after: auditableEvaluation(row),
      });
      return evaluationView(row);
    });
  }

  return {
    async list(actor: Actor, internId: string) {
      await internOf(actor, internId);
      return { items: (await evaluationRepo.evaluationsOf(db, internId)).map(evaluationView) };
    },

    async add(actor: Actor, internId: string, input: z.infer<typeof c.internEvaluationInput>) {
      const intern = await internOf(actor, internId);
      assertManageRecord(actor, intern.site_id, 'intern');
      return write(actor, intern, input);
    },

    /**
     * Records an evaluation of an intern the caller has already been allowed to evaluate; `byStudent` marks the
     * student's own, which the database takes once per internship.
     */
    write,
  };
}

export type InternEvaluationsService = ReturnType<typeof createInternEvaluationsService>;
