import type { z } from 'zod';
import type * as c from '#shared/modules/academia/sign-in-contract.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { ConflictError } from '../../platform/http/errors.ts';
import { type AcademiaDeps, siteCodes } from './deps.ts';
import * as evaluationRepo from './evaluation-repo.ts';
import { evaluationView, type InternEvaluationsService } from './intern-evaluations.ts';
import { createRecordSignIn } from './record-sign-in.ts';
import * as repo from './repo.ts';

const ALREADY_GIVEN = 'The student’s evaluation of this internship has already been given.';

/** The record type of an intern, as the audit log and the grants of the external role name it. */
export const INTERN_RECORD = 'academia_intern';

/**
 * A student's own sign-in: the program staff of the intern's site give one person outside the company the
 * intern record; that person sees their internship, and nobody else's, and gives the student's evaluation of
 * it. Everyone else meets 404, as for a record that does not exist.
 */
export function createStudentSignInService(deps: AcademiaDeps, evaluations: InternEvaluationsService) {
  const { db } = deps;
  const record = createRecordSignIn(deps, {
    type: INTERN_RECORD,
    what: 'intern',
    find: (id) => repo.internRows(db).where('i.id', '=', id).executeTakeFirst(),
  });

  return {
    signIn: record.signIn,
    setSignIn: record.setSignIn,

    /** The internships granted to the actor, each with the student's own evaluation once given. */
    async mine(actor: Actor): Promise<z.infer<typeof c.myInternshipList>> {
      const ids = record.granted(actor);
      if (ids.length === 0) return { items: [] };
      const rows = await repo
        .internRows(db)
        .where('i.id', 'in', ids)
        .orderBy('i.started_on', 'desc')
        .execute();
      const code = await siteCodes(deps, rows);
      const items = await Promise.all(
        rows.map(async (r) => {
          const own = (await evaluationRepo.evaluationsOf(db, r.id)).filter((e) => e.evaluator === 'student');
          const last = own.at(-1);
          return {
            id: r.id,
            siteCode: code(r.site_id),
            partnerName: r.partner_name,
            partnerNameZh: r.partner_name_zh,
            program: r.program,
            startedOn: r.started_on,
            endedOn: r.ended_on,
            hours: r.hours,
            outcome: r.outcome,
            evaluation: last ? evaluationView(last) : null,
          };
        }),
      );
      return { items };
    },

    /** The student's evaluation of their own internship: once (the program staff correct one given in error). */
    async evaluate(actor: Actor, internId: string, input: z.infer<typeof c.selfEvaluationInput>) {
      const intern = await record.own(actor, internId);
      const given = await evaluationRepo.evaluationsOf(db, internId);
      if (given.some((e) => e.evaluator === 'student')) throw new ConflictError(ALREADY_GIVEN);
      try {
        return await evaluations.write(
          actor,
          intern,
          { ...input, evaluator: 'student' },
          { byStudent: true },
        );
      } catch (error) {
        // Two submissions at once: the unique index keeps the first.
        if (isUniqueViolation(error, 'academia_intern_evaluations_student_once'))
          throw new ConflictError(ALREADY_GIVEN);
        throw error;
      }
    },
  };
}

export type StudentSignInService = ReturnType<typeof createStudentSignInService>;
