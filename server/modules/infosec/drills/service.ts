import type { z } from 'zod';
import type {
  DrillView,
  drillHoldInput,
  drillInput,
  drillListQuery,
  drillPlanPatch,
  drillReviewInput,
} from '#shared/modules/infosec/drills/contract.ts';
import {
  type DrillKind,
  drillKinds,
  nextDrillDue,
  objectiveOutcome,
} from '#shared/modules/infosec/drills/rules.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { listPage } from '../../../db/paging.ts';
import type { Db } from '../../../db/types.ts';
import { definedOnly, updateVersioned } from '../../../db/versioned.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { access } from '../../../platform/access/service.ts';
import type { ActionsService } from '../../../platform/actions/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../platform/http/errors.ts';
import { word } from '../../../platform/i18n/index.ts';
import { registerObligationKind } from '../../../platform/obligations/kinds.ts';
import type { ObligationsService } from '../../../platform/obligations/service.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { UsersService } from '../../../platform/users/service.ts';
import { drillMessage } from './messages.ts';
import * as repo from './repo.ts';

const PROGRAM = 'infosec' as const;
export const DRILL_SOURCE = 'infosec_drill';

/** The obligation of the next drill of each kind at a site: `infosec.<kind>_drill_due`, on the last one held. */
export const NEXT_DRILL_KINDS: Record<DrillKind, string> = {
  recovery: 'infosec.recovery_drill_due',
  incident_response: 'infosec.incident_response_drill_due',
};
for (const kind of drillKinds)
  registerObligationKind({
    kind: NEXT_DRILL_KINDS[kind],
    program: PROGRAM,
    name: word('infosec.obligationKind', `${kind}_drill_due`),
    schedule: { daysBefore: [30, 7], overdueEveryDays: 7 },
  });

const num = (v: string | number | null) => (v === null ? null : Number(v));

type Deps = {
  db: Db;
  org: OrgService;
  users: UsersService;
  actions: ActionsService;
  obligations: ObligationsService;
};

/** Recovery and incident-response drills: planned, held (what each system achieved) and reviewed. */
export function createDrillsService({ db, org, users, actions, obligations }: Deps) {
  async function toViews(rows: repo.DrillRow[], handle: Db = db): Promise<DrillView[]> {
    const ids = rows.map((r) => r.id);
    const [sites, people, systems, linked, due] = await Promise.all([
      org.sitesByIds(
        rows.map((r) => r.site_id),
        handle,
      ),
      repo.peopleOf(handle, ids),
      repo.systemsOf(handle, ids),
      actions.linkedTo(DRILL_SOURCE, ids, handle),
      nextDueOf(handle, rows),
    ]);
    const names = await users.displayNames(
      people.flatMap((p) => [p.user_id, p.backup_user_id]),
      handle,
    );
    return rows.map((r) => {
      const mine = systems
        .filter((s) => s.drill_id === r.id)
        .map((s) => {
          const [rto, rpo] = [num(s.rto_hours), num(s.rpo_hours)];
          const [achievedRto, achievedRpo] = [num(s.achieved_rto_hours), num(s.achieved_rpo_hours)];
          return {
            systemId: s.system_id,
            name: s.name,
            criticality: s.criticality,
            backupSource: s.backup_source as DrillView['systems'][number]['backupSource'],
            rtoHours: rto,
            rpoHours: rpo,
            achievedRtoHours: achievedRto,
            achievedRpoHours: achievedRpo,
            dataRestored: s.data_restored,
            rtoOutcome: objectiveOutcome(achievedRto, rto),
            rpoOutcome: objectiveOutcome(achievedRpo, rpo),
          };
        });
      const outcomes = mine.flatMap((s) => [s.rtoOutcome, s.rpoOutcome]);
      const judged = outcomes.filter((o) => o === 'met' || o === 'missed');
      return {
        id: r.id,
        siteId: r.site_id,
        siteCode: sites.get(r.site_id)?.code ?? '',
        kind: r.kind,
        title: r.title,
        status: r.status,
        plannedOn: r.planned_on,
        durationHours: Number(r.duration_hours),
        scope: r.scope,
        scopeNote: r.scope_note,
        participants: people
          .filter((p) => p.drill_id === r.id)
          .map((p) => ({
            userId: p.user_id,
            name: names.get(p.user_id) ?? null,
            role: p.role as DrillView['participants'][number]['role'],
            unit: p.unit,
            task: p.task,
            backupUserId: p.backup_user_id,
            backupName: p.backup_user_id ? (names.get(p.backup_user_id) ?? null) : null,
          })),
        systems: mine,
        steps: r.steps,
        resources: r.resources,
        risks: r.risks,
        heldOn: r.held_on,
        runNotes: r.run_notes,
        reviewedOn: r.reviewed_on,
        findings: r.findings,
        actionIds: linked.get(r.id) ?? [],
        nextDueOn: due.get(r.id) ?? null,
        objectivesMet: r.status === 'planned' || judged.length === 0 ? null : !judged.includes('missed'),
        updatedAt: r.updated_at.toISOString(),
        version: r.version,
      };
    });
  }

  /** The next drill due after each held drill: its kind's interval from the day it was held. */
  async function nextDueOf(_handle: Db, rows: repo.DrillRow[]) {
    return new Map(
      rows.filter((r) => r.held_on).map((r) => [r.id, nextDrillDue(r.kind, r.held_on as string)]),
    );
  }

  async function rowOrNotFound(handle: Db, id: string) {
    const row = await repo.drillRows(handle).where('d.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('drill');
    return row;
  }

  async function writable(actor: Actor, id: string) {
    const row = await rowOrNotFound(db, id);
    access.assert(actor, {
      permission: 'infosec.manage',
      siteId: row.site_id,
      what: 'drill',
      program: PROGRAM,
    });
    return row;
  }

  /** Participants must be active users and systems registered at the drill's site, each refused by field. */
  async function checkPlan(
    siteId: string,
    plan: { participants?: z.infer<typeof drillInput>['participants']; systems?: { systemId: string }[] },
  ) {
    if (plan.participants) {
      await users.assertActiveUsers(
        plan.participants.map((p) => p.userId),
        'participants',
      );
      const backups = plan.participants.flatMap((p) => (p.backupUserId ? [p.backupUserId] : []));
      await users.assertActiveUsers(backups, 'participants');
    }
    if (plan.systems) {
      const ids = plan.systems.map((s) => s.systemId);
      const found = await repo.systemIdsAtSite(db, siteId, ids);
      const missing = ids.findIndex((id) => !found.has(id));
      if (missing >= 0)
        throw new ValidationError('Not a system registered at the drill’s site.', [
          { path: `systems.${missing}.systemId`, message: 'Not in the site’s systems register' },
        ]);
    }
  }

  /**
   * The next drill of a kind at a site is one open obligation, on the latest drill held there; the
   * obligations of the drills before it are done (a later drill was held), or cancelled if it was removed.
   */
  async function syncNextDue(trx: Db, actor: Actor, siteId: string, kind: DrillKind) {
    const held = await repo.heldAtSite(trx, siteId, kind);
    const [latest, ...earlier] = held;
    for (const d of earlier)
      await obligations.closeForSource(trx, actor, NEXT_DRILL_KINDS[kind], DRILL_SOURCE, d.id, 'done');
    if (!latest?.held_on) return;
    const [site] = await org.sitesWithSubsidiary([siteId], trx);
    await obligations.upsertForSource(trx, actor, {
      kind: NEXT_DRILL_KINDS[kind],
      sourceType: DRILL_SOURCE,
      sourceId: latest.id,
      siteId,
      program: PROGRAM,
      ownerId: null,
      title: drillMessage(`infosec.drill.nextDue.${kind}`, {
        site: site?.code ?? '',
        heldOn: latest.held_on,
      }),
      dueDate: nextDrillDue(kind, latest.held_on),
      // The latest drill's obligation opens again when a later one is removed.
      reopen: true,
    });
  }

  return {
    async list(actor: Actor, q: z.infer<typeof drillListQuery>) {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      let base = repo.drillListBase(db, scope);
      if (q.siteId) base = base.where('d.site_id', '=', q.siteId);
      if (q.kind) base = base.where('d.kind', '=', q.kind);
      if (q.status) base = base.where('d.status', '=', q.status);
      if (q.year)
        base = base
          .where('d.planned_on', '>=', `${q.year}-01-01`)
          .where('d.planned_on', '<=', `${q.year}-12-31`);
      if (q.q) {
        const p = likePattern(q.q);
        base = base.where((eb) => eb.or([eb('d.title', 'ilike', p), eb('d.findings', 'ilike', p)]));
      }
      const sortColumn = {
        plannedOn: 'd.planned_on',
        title: 'd.title',
        status: 'd.status',
        updatedAt: 'd.updated_at',
      }[q.sort];
      const page = await listPage<repo.DrillRow, repo.DrillRow>(db, base, q, {
        sortColumn,
        tieBreaker: 'd.id',
        toView: (r) => r,
      });
      return { ...page, items: await toViews(page.items) };
    },

    async get(actor: Actor, id: string) {
      const row = await rowOrNotFound(db, id);
      access.assert(actor, {
        permission: 'infosec.read',
        siteId: row.site_id,
        what: 'drill',
        program: PROGRAM,
      });
      return (await toViews([row]))[0];
    },

    /** The year's drills as the report counts them, from the rows (see drillFigures). */
    async figures(actor: Actor, q: { year: number; siteId?: string }) {
      const scope = access.listScope(actor, 'infosec.read', PROGRAM);
      const rows = await repo.yearFigures(db, scope, q.year, q.siteId);
      const of = (kind: DrillKind) => rows.find((r) => r.kind === kind);
      return {
        year: q.year,
        incidentDrills: Number(of('recovery')?.held ?? 0),
        incidentResponseDrills: Number(of('incident_response')?.held ?? 0),
        planned: rows.reduce((n, r) => n + Number(r.planned), 0),
      };
    },

    async create(actor: Actor, input: z.infer<typeof drillInput>) {
      const site = await org.siteForWriting(input.siteId);
      access.assert(actor, { permission: 'infosec.manage', siteId: site.id, what: 'site', program: PROGRAM });
      await checkPlan(site.id, input);
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('infosec_drills')
          .values({
            site_id: site.id,
            kind: input.kind,
            title: input.title,
            planned_on: input.plannedOn,
            duration_hours: input.durationHours,
            scope: input.scope,
            scope_note: input.scopeNote ?? null,
            steps: JSON.stringify(input.steps),
            resources: JSON.stringify(input.resources),
            risks: JSON.stringify(input.risks),
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await repo.replacePeople(trx, row.id, site.id, input.participants);
        await repo.replaceSystems(trx, row.id, site.id, input.systems);
        await recordAudit(trx, actor, {
          action: 'infosec.drill.planned',
          entityType: DRILL_SOURCE,
          entityId: row.id,
          siteId: site.id,
          summary: drillMessage('infosec.audit.drillPlanned', { site: site.code, title: row.title }),
          after: { ...row, participants: input.participants, systems: input.systems },
        });
        return (await toViews([row], trx))[0];
      });
    },

    /** Changes the plan; once held, the plan is what was run and stays. */
    async updatePlan(actor: Actor, id: string, patch: z.infer<typeof drillPlanPatch>) {
      const before = await writable(actor, id);
      if (before.status !== 'planned')
        throw new ConflictError('The drill has been held: its plan stays as run.');
      await checkPlan(before.site_id, patch);
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'infosec_drills',
          id,
          patch.version,
          definedOnly({
            title: patch.title,
            planned_on: patch.plannedOn,
            duration_hours: patch.durationHours,
            scope: patch.scope,
            scope_note: patch.scopeNote,
            steps: patch.steps && JSON.stringify(patch.steps),
            resources: patch.resources && JSON.stringify(patch.resources),
            risks: patch.risks && JSON.stringify(patch.risks),
          }),
          actor.userId,
        );
        if (patch.participants) await repo.replacePeople(trx, id, before.site_id, patch.participants);
        if (patch.systems) await repo.replaceSystems(trx, id, before.site_id, patch.systems);
        await recordAudit(trx, actor, {
          action: 'infosec.drill.updated',
          entityType: DRILL_SOURCE,
          entityId: id,
          siteId: before.site_id,
          before,
          after: { ...after, participants: patch.participants, systems: patch.systems },
        });
        return (await toViews([after as repo.DrillRow], trx))[0];
      });
    },

    /** Records the drill as held: what each system achieved; the next drill of its kind falls due. */
    async hold(actor: Actor, id: string, input: z.infer<typeof drillHoldInput>) {
      const before = await writable(actor, id);
      if (before.status !== 'planned') throw new ConflictError('The drill is already recorded as held.');
      const planned = new Set((await repo.systemsOf(db, [id])).map((s) => s.system_id));
      const stray = input.systems.findIndex((s) => !planned.has(s.systemId));
      if (stray >= 0)
        throw new ValidationError('Not a system of the drill’s plan.', [
          { path: `systems.${stray}.systemId`, message: 'Not in the plan' },
        ]);
      const [site] = await org.sitesWithSubsidiary([before.site_id]);
      return db.transaction().execute(async (trx) => {
        const after = (await updateVersioned(
          trx,
          'infosec_drills',
          id,
          input.version,
          { status: 'held', held_on: input.heldOn, run_notes: input.notes ?? null },
          actor.userId,
        )) as repo.DrillRow;
        for (const s of input.systems) await repo.recordAchieved(trx, id, s);
        await syncNextDue(trx, actor, before.site_id, before.kind);
        await recordAudit(trx, actor, {
          action: 'infosec.drill.held',
          entityType: DRILL_SOURCE,
          entityId: id,
          siteId: before.site_id,
          summary: drillMessage('infosec.audit.drillHeld', {
            site: site?.code ?? '',
            title: before.title,
            heldOn: input.heldOn,
          }),
          before,
          after: { ...after, systems: input.systems },
        });
        return (await toViews([after], trx))[0];
      });
    },

    /** Records the post-drill review: its findings, and each improvement as an action of the tracker. */
    async review(actor: Actor, id: string, input: z.infer<typeof drillReviewInput>) {
      const before = await writable(actor, id);
      if (before.status !== 'held')
        throw new ConflictError('Only a drill held and not yet reviewed is reviewed.');
      if (before.held_on && input.reviewedOn < before.held_on)
        throw new ValidationError('A review follows the drill.', [
          { path: 'reviewedOn', message: 'Before the day the drill was held' },
        ]);
      const [site] = await org.sitesWithSubsidiary([before.site_id]);
      return db.transaction().execute(async (trx) => {
        const after = (await updateVersioned(
          trx,
          'infosec_drills',
          id,
          input.version,
          { status: 'reviewed', reviewed_on: input.reviewedOn, findings: input.findings },
          actor.userId,
        )) as repo.DrillRow;
        for (const improvement of input.improvements)
          await actions.create(
            actor,
            {
              siteId: before.site_id,
              program: PROGRAM,
              kind: 'improvement',
              title: improvement.title,
              description: drillMessage('infosec.drill.improvement', { drill: before.title }),
              sourceType: DRILL_SOURCE,
              sourceId: id,
              ownerId: improvement.ownerId ?? null,
              dueDate: improvement.dueDate,
            },
            trx,
          );
        await recordAudit(trx, actor, {
          action: 'infosec.drill.reviewed',
          entityType: DRILL_SOURCE,
          entityId: id,
          siteId: before.site_id,
          summary: drillMessage('infosec.audit.drillReviewed', {
            site: site?.code ?? '',
            title: before.title,
            reviewedOn: input.reviewedOn,
          }),
          before,
          after,
        });
        return (await toViews([after], trx))[0];
      });
    },

    /** Removes a drill recorded in error (not one whose review raised actions); the next-due moves back. */
    async remove(actor: Actor, id: string, version: number) {
      const before = await writable(actor, id);
      const linked = await actions.linkedTo(DRILL_SOURCE, [id]);
      if ((linked.get(id) ?? []).length > 0)
        throw new ConflictError('The review raised actions on this drill: it stays on record.');
      await db.transaction().execute(async (trx) => {
        const gone = await trx
          .deleteFrom('infosec_drills')
          .where('id', '=', id)
          .where('version', '=', version)
          .executeTakeFirst();
        if (Number(gone.numDeletedRows) === 0)
          await updateVersioned(trx, 'infosec_drills', id, version, {}, actor.userId);
        await obligations.closeForSource(
          trx,
          actor,
          NEXT_DRILL_KINDS[before.kind],
          DRILL_SOURCE,
          id,
          'cancelled',
        );
        await syncNextDue(trx, actor, before.site_id, before.kind);
        await recordAudit(trx, actor, {
          action: 'infosec.drill.deleted',
          entityType: DRILL_SOURCE,
          entityId: id,
          siteId: before.site_id,
          before,
        });
      });
    },
  };
}

export type DrillsService = ReturnType<typeof createDrillsService>;
