import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import type { DocumentOwnerResolver } from '../../platform/documents/service.ts';
import { ConflictError, NotFoundError } from '../../platform/http/errors.ts';
import { type AcademiaDeps, assertManageRecord, assertReadAt, PROGRAM } from './deps.ts';
import { PROJECT_RECORD } from './investigator-sign-in.ts';
import { messages } from './messages.ts';
import { MILESTONE_SOURCE } from './milestones.ts';
import * as repo from './repo.ts';

/**
 * The deliverables of a research project's milestones: files attached to the milestone (the platform's
 * documents). The program's readers at the project's site read them and its managers attach them; the
 * principal investigator who signs in to the project (the external role) reads them and submits theirs
 * until the company marks the milestone done.
 */
export function registerMilestoneDeliverables(deps: AcademiaDeps) {
  const { db } = deps;
  const resolver: DocumentOwnerResolver = async (actor: Actor, milestoneId: string, intent) => {
    const milestone = await repo.milestoneOwner(db, milestoneId);
    if (!milestone) throw new NotFoundError('milestone');
    if (access.granted(actor, PROJECT_RECORD, milestone.project_id)) {
      if (intent === 'write' && milestone.done_on)
        throw new ConflictError(
          `This milestone was marked done on ${milestone.done_on}: it takes no more files from you.`,
        );
      return milestone.site_id;
    }
    if (intent === 'read') assertReadAt(actor, milestone.site_id, 'milestone');
    else assertManageRecord(actor, milestone.site_id, 'milestone');
    return milestone.site_id;
  };
  deps.documents.registerOwner(MILESTONE_SOURCE, resolver, {
    // A file from the investigator is news for the staff who wait for it: the program's officers at the
    // project's site and its owners. Files the staff attach themselves notify nobody.
    async onAttached(trx, actor, attached) {
      if (!access.holdsGrantsOf(actor, PROJECT_RECORD)) return;
      const named = await repo.milestoneNaming(trx, attached.entityId);
      if (!named || !attached.siteId || !access.granted(actor, PROJECT_RECORD, named.project_id)) return;
      await deps.notices.send(trx, {
        userIds: await deps.notices.escalationContacts(attached.siteId, PROGRAM, trx),
        kind: 'academia-deliverable',
        message: messages.deliverableArrived({
          investigator: named.principal_investigator,
          file: attached.filename,
          milestone: named.title,
          project: named.project_title,
        }),
        link: `/academia/projects/${named.project_id}`,
        siteId: attached.siteId,
      });
    },
  });
}

/** How many files (deliverables) each of these milestones holds. */
export function deliverableCounts(deps: AcademiaDeps, milestoneIds: readonly string[]) {
  return deps.documents.countsByOwner(MILESTONE_SOURCE, milestoneIds);
}
