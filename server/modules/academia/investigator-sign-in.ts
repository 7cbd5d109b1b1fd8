import type { z } from 'zod';
import type * as c from '#shared/modules/academia/sign-in-contract.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { type AcademiaDeps, siteCodes } from './deps.ts';
import { deliverableCounts } from './milestone-deliverables.ts';
import { milestonePlanView, outcomePlanView } from './projects.ts';
import { createRecordSignIn } from './record-sign-in.ts';
import * as repo from './repo.ts';

/** The record type of a research project, as the audit log and the grants of the external role name it. */
export const PROJECT_RECORD = 'academia_project';

/**
 * A principal investigator's own sign-in: the program staff of the project's site give a professor outside
 * the company the project; the professor follows its milestones and results (not the company's budget and
 * payments), and sees no other project.
 */
export function createInvestigatorSignInService(deps: AcademiaDeps) {
  const { db } = deps;
  const record = createRecordSignIn(deps, {
    type: PROJECT_RECORD,
    what: 'research project',
    find: (id) => repo.projectRows(db).where('r.id', '=', id).executeTakeFirst(),
  });

  return {
    signIn: record.signIn,
    setSignIn: record.setSignIn,

    async mine(actor: Actor): Promise<z.infer<typeof c.myProjectList>> {
      const ids = record.granted(actor);
      if (ids.length === 0) return { items: [] };
      const rows = await repo
        .projectRows(db)
        .where('r.id', 'in', ids)
        .orderBy('r.starts_on', 'desc')
        .execute();
      const code = await siteCodes(deps, rows);
      const plans = await repo.projectPlans(
        db,
        rows.map((r) => r.id),
      );
      const deliverables = await deliverableCounts(
        deps,
        plans.milestones.map((m) => m.id),
      );
      const items = rows.map((r) => ({
        id: r.id,
        title: r.title,
        siteCode: code(r.site_id),
        partnerName: r.partner_name,
        partnerNameZh: r.partner_name_zh,
        line: r.line,
        status: r.status,
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        milestones: plans.milestones
          .filter((m) => m.project_id === r.id)
          .map((m) => ({ ...milestonePlanView(m), deliverables: deliverables.get(m.id) ?? 0 })),
        outcomes: plans.outcomes.filter((o) => o.project_id === r.id).map(outcomePlanView),
      }));
      return { items };
    },
  };
}

export type InvestigatorSignInService = ReturnType<typeof createInvestigatorSignInService>;
