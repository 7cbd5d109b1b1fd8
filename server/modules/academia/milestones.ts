import type { z } from 'zod';
import type * as c from '#shared/modules/academia/contract.ts';
import { MILESTONE_DOCUMENTS } from '#shared/modules/academia/contract.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { auditedUpdate } from '../../platform/audit/audited-update.ts';
import { recordAudit } from '../../platform/audit/service.ts';
import { NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { word } from '../../platform/i18n/index.ts';
import { registerObligationKind } from '../../platform/obligations/kinds.ts';
import { type AcademiaDeps, assertManageRecord, PROGRAM } from './deps.ts';
import { messages } from './messages.ts';
import * as repo from './repo.ts';

export const MILESTONE = 'academia.milestone';
registerObligationKind({
  kind: MILESTONE,
  name: word('academia.obligationKind', MILESTONE.slice('academia.'.length)),
  program: PROGRAM,
  schedule: { daysBefore: [30, 7], overdueEveryDays: 7 },
});
/** A milestone as the source of its obligation and as the owner of its deliverables (documents). */
export const MILESTONE_SOURCE = MILESTONE_DOCUMENTS;
const SOURCE = MILESTONE_SOURCE;

/** A project's milestones, each a platform obligation until it is done. */
export function createMilestonesService(deps: AcademiaDeps) {
  const { db } = deps;

  async function projectOf(projectId: string, handle = db) {
    const row = await repo.projectRows(handle).where('r.id', '=', projectId).executeTakeFirst();
    if (!row) throw new NotFoundError('research project');
    return row;
  }

  async function sync(
    trx: typeof db,
    actor: Actor,
    m: { id: string; site_id: string; title: string; due_date: string; done_on: string | null },
    projectTitle: string,
  ) {
    if (m.done_on) {
      await deps.obligations.closeForSource(trx, actor, MILESTONE, SOURCE, m.id, 'done');
      return;
    }
    await deps.obligations.upsertForSource(trx, actor, {
      kind: MILESTONE,
      sourceType: SOURCE,
      sourceId: m.id,
      siteId: m.site_id,
      program: PROGRAM,
      ownerId: null,
      title: messages.milestone({ project: projectTitle, milestone: m.title }),
      dueDate: m.due_date,
      reopen: true,
    });
  }

  /** A milestone is done on a day that has come at its site, never ahead. */
  async function assertNotAfterToday(id: string, doneOn: string) {
    const milestone = await repo.milestoneOwner(db, id);
    if (!milestone) return; // the update answers 404
    const site = await deps.org.siteForWriting(milestone.site_id);
    const today = localDate(deps.now(), site.timeZone);
    if (doneOn > today)
      throw new ValidationError(`A milestone is done on a day that has come: ${today} or earlier.`, [
        { path: 'doneOn', message: `Not after today (${today})` },
      ]);
  }

  return {
    async add(actor: Actor, projectId: string, input: z.infer<typeof c.milestoneInput>) {
      const project = await projectOf(projectId);
      assertManageRecord(actor, project.site_id, 'research project');
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('academia_milestones')
          .values({
            project_id: projectId,
            site_id: project.site_id,
            title: input.title,
            due_date: input.dueDate,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'academia_milestone.created',
          entityType: 'academia_milestone',
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        await sync(trx, actor, row, project.title);
        return {
          id: row.id,
          title: row.title,
          dueDate: row.due_date,
          doneOn: row.done_on,
          version: row.version,
        };
      });
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof c.milestonePatch>) {
      if (patch.doneOn) await assertNotAfterToday(id, patch.doneOn);
      return db.transaction().execute(async (trx) => {
        const after = await auditedUpdate(trx, actor, {
          table: 'academia_milestones',
          id,
          version: patch.version,
          action: 'academia_milestone.updated',
          entityType: 'academia_milestone',
          what: 'milestone',
          siteOf: (r) => r.site_id,
          authorize: (before) => assertManageRecord(actor, before.site_id, 'milestone'),
          change: () => ({ title: patch.title, due_date: patch.dueDate, done_on: patch.doneOn }),
        });
        const project = await projectOf(after.project_id, trx);
        await sync(trx, actor, after as Parameters<typeof sync>[2], project.title);
        return {
          id: after.id as string,
          title: after.title as string,
          dueDate: after.due_date as string,
          doneOn: after.done_on as string | null,
          version: after.version as number,
        };
      });
    },
  };
}
