import type { z } from 'zod';
import type * as c from '#shared/modules/academia/sign-in-contract.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { ConflictError, NotFoundError } from '../../platform/http/errors.ts';
import { type AcademiaDeps, assertManageRecord, assertReadAt, PROGRAM, siteCodes } from './deps.ts';
import * as evaluationRepo from './evaluation-repo.ts';
import { evaluationView, type InternEvaluationsService } from './intern-evaluations.ts';
import * as repo from './repo.ts';

/** The record type of an intern, as the audit log and the grants of the external role name it. */
export const INTERN_RECORD = 'academia_intern';

/**
 * A student's own sign-in (the platform's external role): the program staff of the intern's site give one
 * person outside the company the intern record; that person sees their internship, and nobody else's, and
 * gives the student's evaluation of it. Everyone else meets 404, as for a record that does not exist.
 */
export function createStudentSignInService(deps: AcademiaDeps, evaluations: InternEvaluationsService) {
  const { db, grants } = deps;

  async function internAt(actor: Actor, internId: string, manage: boolean) {
    const intern = await repo.internRows(db).where('i.id', '=', internId).executeTakeFirst();
    if (!intern) throw new NotFoundError('intern');
    assertReadAt(actor, intern.site_id, 'intern');
    if (manage) assertManageRecord(actor, intern.site_id, 'intern');
    return intern;
  }

  /** An intern granted to the actor; 404 for anything else, even to staff who read it at its site. */
  async function ownInternship(actor: Actor, internId: string) {
    if (!access.granted(actor, INTERN_RECORD, internId)) throw new NotFoundError('intern');
    const intern = await repo.internRows(db).where('i.id', '=', internId).executeTakeFirst();
    if (!intern) throw new NotFoundError('intern');
    return intern;
  }

  async function holderOf(internId: string): Promise<z.infer<typeof c.internSignInView>> {
    const [holder] = await grants.holders(INTERN_RECORD, internId);
    return { holder: holder ?? null };
  }

  return {
    /** People outside the company by name or e-mail, for a manager of the program to choose from. */
    async outsiders(actor: Actor, q: { q?: string; limit: number }) {
      access.assert(actor, { permission: 'academia.manage', siteId: null, what: 'site', program: PROGRAM });
      return { items: await grants.outsiders(q.q, q.limit) };
    },

    async signIn(actor: Actor, internId: string) {
      await internAt(actor, internId, false);
      return holderOf(internId);
    },

    /**
     * Gives the student's sign-in to one person outside the company (the previous holder loses it), or takes
     * it back (`userId` null). A person with a role at a site is refused: staff see interns through their roles.
     */
    async setSignIn(actor: Actor, internId: string, userId: string | null) {
      const intern = await internAt(actor, internId, true);
      if (intern.anonymised_on && userId)
        throw new ConflictError(
          'The intern’s personal data has been erased: nobody signs in as this student.',
        );
      const current = await grants.holders(INTERN_RECORD, internId);
      await db.transaction().execute(async (trx) => {
        for (const h of current)
          if (h.userId !== userId)
            await grants.revoke(trx, actor, {
              userId: h.userId,
              recordType: INTERN_RECORD,
              recordId: internId,
            });
        if (userId && !current.some((h) => h.userId === userId))
          await grants.grant(trx, actor, {
            userId,
            recordType: INTERN_RECORD,
            recordId: internId,
            siteId: intern.site_id,
          });
      });
      return holderOf(internId);
    },

    /** The internships granted to the actor, each with the student's own evaluation once given. */
    async mine(actor: Actor): Promise<z.infer<typeof c.myInternshipList>> {
      const ids = [...(actor.grants?.get(INTERN_RECORD) ?? [])];
      if (ids.length === 0) return { items: [] };
      const rows = await repo.internsWithSchool(db, ids);
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
      const intern = await ownInternship(actor, internId);
      const given = await evaluationRepo.evaluationsOf(db, internId);
      if (given.some((e) => e.evaluator === 'student'))
        throw new ConflictError('The student’s evaluation of this internship has already been given.');
      return evaluations.write(actor, intern, { ...input, evaluator: 'student' });
    },
  };
}

export type StudentSignInService = ReturnType<typeof createStudentSignInService>;
