import type { z } from 'zod';
import type {
  investigationPatch,
  rootCauseActionInput,
  rootCauseInput,
  rootCausePatch,
} from '#shared/modules/ohs/investigations/contract.ts';
import type { Db } from '../../../db/types.ts';
import { definedOnly, updateVersioned } from '../../../db/versioned.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import type { ActionsService } from '../../../platform/actions/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { ConflictError, NotFoundError } from '../../../platform/http/errors.ts';
import type { UsersService } from '../../../platform/users/service.ts';
import { ohsMessage } from '../messages.ts';
import { canMove, closeBlockers, type InvestigationStatus } from '../rules/investigation.ts';
import * as repo from './repo.ts';

const PROGRAM = 'ohs' as const;
export const ROOT_CAUSE_SOURCE = 'ohs_root_cause';

/** Investigations of incidents: team, timeline, root causes (5 whys, fishbone) and their actions. */
export function createInvestigationsService(
  db: Db,
  actions: ActionsService,
  users: Pick<UsersService, 'displayNames' | 'assertActiveUsers'>,
  now: () => Date = () => new Date(),
) {
  async function rowOrNotFound(trx: Db, id: string) {
    const row = await repo.investigationById(trx, id);
    if (!row) throw new NotFoundError('investigation');
    return row;
  }

  async function rootCausesOf(trx: Db, investigationId: string) {
    const causes = await repo.rootCausesOf(trx, investigationId);
    const links = await actions.linkedTo(
      ROOT_CAUSE_SOURCE,
      causes.map((c) => c.id),
      trx,
    );
    return causes.map((c) => ({ ...c, actionIds: links.get(c.id) ?? [] }));
  }

  async function view(trx: Db, id: string) {
    const v = await rowOrNotFound(trx, id);
    const [timeline, causes, names] = await Promise.all([
      repo.timelineOf(trx, id),
      rootCausesOf(trx, id),
      users.displayNames([v.lead_id, ...v.team_ids], trx),
    ]);
    // The team in the order it was chosen; a member who is no longer a user drops out, as the join did.
    const team = v.team_ids.flatMap((uid) => {
      const name = names.get(uid);
      return name === undefined ? [] : [{ id: uid, display_name: name }];
    });
    return {
      id: v.id,
      incidentId: v.incident_id,
      incidentReference: v.incident_reference,
      siteId: v.site_id,
      status: v.status,
      leadId: v.lead_id,
      leadName: v.lead_id ? (names.get(v.lead_id) ?? null) : null,
      team: team.map((u) => ({ id: u.id, name: u.display_name })),
      summary: v.summary,
      timeline: timeline.map((e) => ({ id: e.id, at: e.at.toISOString(), description: e.description })),
      rootCauses: causes.map((c) => ({
        id: c.id,
        method: c.method,
        category: c.category,
        whys: c.whys,
        statement: c.statement,
        actionIds: c.actionIds,
        version: c.version,
      })),
      closeBlockers: closeBlockers(
        causes.map((c) => ({ statement: c.statement, actionCount: c.actionIds.length })),
      ),
      closedAt: v.closed_at?.toISOString() ?? null,
      version: v.version,
    };
  }

  const assertUsers = (ids: string[]) =>
    users.assertActiveUsers(ids, 'teamIds', 'A team member is not an active user.');

  async function rootCauseOrNotFound(id: string) {
    const rc = await repo.rootCauseById(db, id);
    if (!rc) throw new NotFoundError('root cause');
    return rc;
  }

  async function assertOpen(investigationId: string) {
    const v = await rowOrNotFound(db, investigationId);
    if (v.status === 'closed')
      throw new ConflictError('The investigation is closed: reopen it to change it.');
    return v;
  }

  return {
    /** Opens the investigation of an incident (one per incident). */
    async open(actor: Actor, incidentId: string) {
      const incident = await repo.incidentToInvestigate(db, incidentId);
      if (!incident) throw new NotFoundError('incident');
      access.assert(actor, {
        permission: 'ohs.manage',
        siteId: incident.site_id,
        what: 'incident',
        program: PROGRAM,
      });
      const existing = await repo.investigationOfIncident(db, incidentId);
      if (existing)
        throw new ConflictError('This incident already has an investigation.', {
          investigationId: existing.id,
        });
      return db.transaction().execute(async (trx) => {
        const row = await repo.insertInvestigation(trx, {
          incident_id: incident.id,
          site_id: incident.site_id,
          lead_id: actor.userId,
          team_ids: actor.userId ? [actor.userId] : [],
          created_by: actor.userId,
          updated_by: actor.userId,
        });
        await recordAudit(trx, actor, {
          action: 'ohs.investigation.opened',
          entityType: 'ohs_investigation',
          entityId: row.id,
          siteId: row.site_id,
          summary: ohsMessage('ohs.audit.investigationOpened', { reference: incident.reference }),
          after: row,
        });
        return view(trx, row.id);
      });
    },

    async get(actor: Actor, id: string) {
      const v = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'ohs.read',
        siteId: v.site_id,
        what: 'investigation',
        program: PROGRAM,
      });
      return view(db, id);
    },

    async siteOf(actor: Actor, id: string, intent: 'read' | 'write') {
      const v = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: intent === 'read' ? 'ohs.read' : 'ohs.manage',
        siteId: v.site_id,
        what: 'investigation',
        program: PROGRAM,
      });
      return v.site_id;
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof investigationPatch>) {
      const before = await assertOpen(id);
      access.assert(actor, {
        permission: 'ohs.manage',
        siteId: before.site_id,
        what: 'investigation',
        program: PROGRAM,
      });
      await assertUsers([...(patch.teamIds ?? []), ...(patch.leadId ? [patch.leadId] : [])]);
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'ohs_investigations',
          id,
          patch.version,
          definedOnly({ lead_id: patch.leadId, team_ids: patch.teamIds, summary: patch.summary }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'ohs.investigation.updated',
          entityType: 'ohs_investigation',
          entityId: id,
          siteId: before.site_id,
          before,
          after,
        });
        return view(trx, id);
      });
    },

    /** Draft → investigating → review → closed; it closes only when every root cause has an action. */
    async transition(actor: Actor, id: string, to: InvestigationStatus, version: number) {
      const before = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'ohs.manage',
        siteId: before.site_id,
        what: 'investigation',
        program: PROGRAM,
      });
      if (!canMove(before.status, to))
        throw new ConflictError(`An investigation in ${before.status} cannot move to ${to}.`);
      if (to === 'closed') {
        const causes = await rootCausesOf(db, id);
        const blockers = closeBlockers(
          causes.map((c) => ({ statement: c.statement, actionCount: c.actionIds.length })),
        );
        if (blockers.length)
          throw new ConflictError(`The investigation cannot close yet: ${blockers.join(' ')}`, { blockers });
      }
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'ohs_investigations',
          id,
          version,
          { status: to, closed_at: to === 'closed' ? now() : null },
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: `ohs.investigation.${to}`,
          entityType: 'ohs_investigation',
          entityId: id,
          siteId: before.site_id,
          before,
          after,
        });
        return view(trx, id);
      });
    },

    async addTimelineEvent(actor: Actor, id: string, event: { at: string; description: string }) {
      const v = await assertOpen(id);
      access.assert(actor, {
        permission: 'ohs.manage',
        siteId: v.site_id,
        what: 'investigation',
        program: PROGRAM,
      });
      return db.transaction().execute(async (trx) => {
        const row = await repo.insertTimelineEvent(trx, {
          investigation_id: id,
          at: new Date(event.at),
          description: event.description,
          created_by: actor.userId,
        });
        await recordAudit(trx, actor, {
          action: 'ohs.investigation.timeline',
          entityType: 'ohs_investigation',
          entityId: id,
          siteId: v.site_id,
          after: row,
        });
        return view(trx, id);
      });
    },

    async addRootCause(actor: Actor, id: string, input: z.infer<typeof rootCauseInput>) {
      const v = await assertOpen(id);
      access.assert(actor, {
        permission: 'ohs.manage',
        siteId: v.site_id,
        what: 'investigation',
        program: PROGRAM,
      });
      return db.transaction().execute(async (trx) => {
        const row = await repo.insertRootCause(trx, {
          investigation_id: id,
          site_id: v.site_id,
          method: input.method,
          category: input.category ?? null,
          whys: input.whys ?? [],
          statement: input.statement,
          created_by: actor.userId,
          updated_by: actor.userId,
        });
        await recordAudit(trx, actor, {
          action: 'ohs.root_cause.added',
          entityType: 'ohs_root_cause',
          entityId: row.id,
          siteId: v.site_id,
          after: row,
        });
        return view(trx, id);
      });
    },

    async updateRootCause(actor: Actor, rootCauseId: string, patch: z.infer<typeof rootCausePatch>) {
      const before = await rootCauseOrNotFound(rootCauseId);
      await assertOpen(before.investigation_id);
      access.assert(actor, {
        permission: 'ohs.manage',
        siteId: before.site_id,
        what: 'root cause',
        program: PROGRAM,
      });
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'ohs_root_causes',
          rootCauseId,
          patch.version,
          definedOnly({ category: patch.category, whys: patch.whys, statement: patch.statement }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'ohs.root_cause.updated',
          entityType: 'ohs_root_cause',
          entityId: rootCauseId,
          siteId: before.site_id,
          before,
          after,
        });
        return view(trx, before.investigation_id);
      });
    },

    async removeRootCause(actor: Actor, rootCauseId: string) {
      const before = await rootCauseOrNotFound(rootCauseId);
      await assertOpen(before.investigation_id);
      access.assert(actor, {
        permission: 'ohs.manage',
        siteId: before.site_id,
        what: 'root cause',
        program: PROGRAM,
      });
      const linked = (await actions.linkedTo(ROOT_CAUSE_SOURCE, [rootCauseId])).get(rootCauseId) ?? [];
      if (linked.length > 0) throw new ConflictError('This root cause has actions: it cannot be removed.');
      return db.transaction().execute(async (trx) => {
        await repo.deleteRootCause(trx, rootCauseId);
        await recordAudit(trx, actor, {
          action: 'ohs.root_cause.removed',
          entityType: 'ohs_root_cause',
          entityId: rootCauseId,
          siteId: before.site_id,
          before,
        });
        return view(trx, before.investigation_id);
      });
    },

    /** A corrective or preventive action for a root cause, in the platform's tracker. */
    async addAction(actor: Actor, rootCauseId: string, input: z.infer<typeof rootCauseActionInput>) {
      const rc = await rootCauseOrNotFound(rootCauseId);
      await assertOpen(rc.investigation_id);
      access.assert(actor, {
        permission: 'ohs.manage',
        siteId: rc.site_id,
        what: 'root cause',
        program: PROGRAM,
      });
      await db.transaction().execute(async (trx) => {
        await actions.create(
          actor,
          {
            siteId: rc.site_id,
            program: PROGRAM,
            kind: input.kind,
            title: input.title,
            description: input.description ?? null,
            sourceType: ROOT_CAUSE_SOURCE,
            sourceId: rc.id,
            ownerId: input.ownerId ?? null,
            dueDate: input.dueDate,
          },
          trx,
        );
      });
      return view(db, rc.investigation_id);
    },
  };
}

export type InvestigationsService = ReturnType<typeof createInvestigationsService>;
