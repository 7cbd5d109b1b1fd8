import type { z } from 'zod';
import type {
  custodyInput,
  lessonInput,
  observableInput,
  ResponseView,
  taskInput,
  taskPatch,
} from '#shared/modules/infosec/response/contract.ts';
import { normaliseObservable } from '#shared/modules/infosec/rules/observables.ts';
import type { Db } from '../../../db/types.ts';
import { definedOnly, updateVersioned } from '../../../db/versioned.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import type { ActionsService } from '../../../platform/actions/service.ts';
import { recordAudit } from '../../../platform/audit/service.ts';
import type { DocumentsService } from '../../../platform/documents/service.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../platform/http/errors.ts';
import type { OrgService } from '../../../platform/org/service.ts';
import type { UsersService } from '../../../platform/users/service.ts';
import { INCIDENT_SOURCE } from '../clocks.ts';
import type { SecurityIncidentsService } from '../incidents.ts';
import { insertTimeline } from '../repo.ts';
import { readScope, type Visibility } from '../visibility.ts';
import * as repo from './repo.ts';

type Deps = {
  db: Db;
  org: OrgService;
  users: UsersService;
  documents: DocumentsService;
  actions: ActionsService;
  incidents: SecurityIncidentsService;
  now: () => Date;
};

type Incident = { id: string; site_id: string; sensitive: boolean };

const iso = (d: Date | null) => d?.toISOString() ?? null;
/** A little slack for the browser's clock running ahead of the server's. */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * What the audit log keeps of response work: on a sensitive incident (insider, HR, legal) only what was done and
 * by whom, never the words, which may name the people concerned.
 */
function audited(incident: Incident, data: Record<string, unknown>) {
  if (!incident.sensitive) return data;
  const { title: _t, text: _x, value: _v, note: _n, holder: _h, location: _l, ...rest } = data;
  return rest;
}

/**
 * The response work on a security incident: tasks with owners by phase, observables cross-referenced to other
 * incidents and advisories, the chain of custody of its evidence files, and lessons learned that raise
 * improvement actions. Who reads the incident reads its response; its site's security team does the work.
 */
export function createIncidentResponseService(deps: Deps) {
  const { db, org, users, documents, actions, incidents, now } = deps;

  function notInFuture(at: Date, path: string) {
    if (at.getTime() > now().getTime() + FUTURE_SLACK_MS)
      throw new ValidationError('In the future.', [{ path, message: 'Not in the future' }]);
  }

  /** An owner of work on a sensitive incident must already be able to read it: naming them does not widen it. */
  async function assertOwner(visibility: Visibility, ownerId: string | null | undefined, handle: Db) {
    if (!ownerId) return;
    await users.assertActiveUser(ownerId, 'ownerId', handle);
    if (
      visibility.sensitive &&
      ownerId !== visibility.reported_by &&
      !visibility.namedUserIds.includes(ownerId)
    )
      throw new ValidationError('The owner is not named on this sensitive incident.', [
        { path: 'ownerId', message: 'Name them on the incident first' },
      ]);
  }

  async function audit(
    trx: Db,
    actor: Actor,
    incident: Incident,
    action: string,
    data: Record<string, unknown>,
  ) {
    await recordAudit(trx, actor, {
      action: `infosec.incident.${action}`,
      entityType: INCIDENT_SOURCE,
      entityId: incident.id,
      siteId: incident.site_id,
      after: audited(incident, data),
    });
  }

  /** Read after a write commits: the documents service reads outside the writer's transaction. */
  async function view(actor: Actor, incidentId: string, handle: Db = db): Promise<ResponseView> {
    const { row, mayManage } = await incidents.guard(actor, incidentId, 'read', handle);
    const [tasks, observables, custody, lessons, files, summaries] = await Promise.all([
      repo.taskRows(handle, incidentId),
      repo.observableRows(handle, incidentId),
      repo.custodyRows(handle, incidentId),
      repo.lessonRows(handle, incidentId),
      documents.list(actor, INCIDENT_SOURCE, incidentId),
      actions.summariesFor(INCIDENT_SOURCE, [incidentId], actor.locale, handle),
    ]);
    const values = observables.map((o) => o.value);
    const [sharedIncidents, sharedAdvisories, names] = await Promise.all([
      repo.incidentsSharing(handle, actor, incidentId, values),
      repo.advisoriesSharing(handle, readScope(actor).read, actor.userId, values),
      users.displayNames(
        [
          ...tasks.flatMap((t) => [t.owner_id, t.done_by]),
          ...observables.map((o) => o.created_by),
          ...custody.map((c) => c.created_by),
          ...lessons.map((l) => l.created_by),
        ],
        handle,
      ),
    ]);
    const sites = await org.sitesByIds(
      sharedIncidents.map((s) => s.site_id),
      handle,
    );
    const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
    const actionById = new Map((summaries.get(incidentId) ?? []).map((a) => [a.id, a]));
    const at = now();
    return {
      mayManage,
      mayAddEvidence: mayManage || (!!actor.userId && row.reported_by === actor.userId),
      tasks: tasks.map((t) => ({
        id: t.id,
        phase: t.phase,
        title: t.title,
        ownerId: t.owner_id,
        ownerName: name(t.owner_id),
        dueAt: iso(t.due_at),
        overdue: t.status === 'open' && !!t.due_at && t.due_at < at,
        status: t.status,
        doneAt: iso(t.done_at),
        doneByName: name(t.done_by),
        version: t.version,
      })),
      observables: observables.map((o) => {
        const n = normaliseObservable(o.kind, o.value);
        return {
          id: o.id,
          kind: o.kind,
          value: o.value,
          hash: n.ok ? (n.hash ?? null) : null,
          note: o.note,
          createdAt: o.created_at.toISOString(),
          createdByName: name(o.created_by),
          incidents: sharedIncidents
            .filter((s) => s.value === o.value)
            .map((s) => ({
              id: s.id,
              reference: s.reference,
              title: s.title,
              siteCode: sites.get(s.site_id)?.code ?? '',
            })),
          advisories: sharedAdvisories
            .filter((s) => s.value === o.value.toLowerCase())
            .map((s) => ({ id: s.id, title: s.title, tlp: s.tlp })),
        };
      }),
      evidence: files.map((f) => ({
        documentId: f.id,
        filename: f.filename,
        sizeBytes: f.sizeBytes,
        sha256: f.sha256,
        uploadedAt: f.createdAt,
        uploadedByName: f.uploadedByName,
        custody: custody
          .filter((c) => c.document_id === f.id)
          .map((c) => ({
            id: c.id,
            at: c.at.toISOString(),
            event: c.event,
            holder: c.holder,
            location: c.location,
            note: c.note,
            recordedByName: name(c.created_by),
          })),
      })),
      lessons: lessons.map((l) => ({
        id: l.id,
        kind: l.kind,
        text: l.text,
        createdAt: l.created_at.toISOString(),
        createdByName: name(l.created_by),
        action: l.action_id ? (actionById.get(l.action_id) ?? null) : null,
      })),
    };
  }

  /** The incident of a task, guarded for change. */
  async function taskOf(actor: Actor, taskId: string) {
    const task = await repo.taskRow(db, taskId);
    if (!task) throw new NotFoundError('task');
    const guarded = await incidents.guard(actor, task.incident_id, 'manage');
    return { task, ...guarded };
  }

  return {
    view,

    async addTask(actor: Actor, incidentId: string, input: z.infer<typeof taskInput>) {
      const { row, visibility } = await incidents.guard(actor, incidentId, 'manage');
      await assertOwner(visibility, input.ownerId, db);
      await db.transaction().execute(async (trx) => {
        const task = await trx
          .insertInto('infosec_incident_tasks')
          .values({
            incident_id: row.id,
            site_id: row.site_id,
            phase: input.phase,
            title: input.title,
            owner_id: input.ownerId ?? null,
            due_at: input.dueAt ? new Date(input.dueAt) : null,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit(trx, actor, row, 'task_added', { taskId: task.id, ...input });
      });
      return view(actor, incidentId);
    },

    async updateTask(actor: Actor, taskId: string, patch: z.infer<typeof taskPatch>) {
      const { task, row, visibility } = await taskOf(actor, taskId);
      await assertOwner(visibility, patch.ownerId, db);
      const { version, status, dueAt, ownerId, ...rest } = patch;
      const changes: Record<string, unknown> = definedOnly({
        ...rest,
        owner_id: ownerId,
        due_at: dueAt === undefined ? undefined : dueAt ? new Date(dueAt) : null,
      });
      const finishing = status === 'done' && task.status === 'open';
      const reopening = status === 'open' && task.status === 'done';
      if (finishing) Object.assign(changes, { status, done_at: now(), done_by: actor.userId });
      if (reopening) Object.assign(changes, { status, done_at: null, done_by: null });
      await db.transaction().execute(async (trx) => {
        await updateVersioned(trx, 'infosec_incident_tasks', taskId, version, changes, actor.userId);
        if (finishing)
          await insertTimeline(trx, actor.userId, row, {
            at: now(),
            kind: 'task_done',
            text: task.title,
            data: { phase: task.phase },
          });
        await audit(trx, actor, row, finishing ? 'task_done' : reopening ? 'task_reopened' : 'task_changed', {
          taskId,
          ...patch,
        });
      });
      return view(actor, row.id);
    },

    async addObservable(actor: Actor, incidentId: string, input: z.infer<typeof observableInput>) {
      const { row } = await incidents.guard(actor, incidentId, 'manage');
      const n = normaliseObservable(input.kind, input.value);
      if (!n.ok) throw new ValidationError(n.problem, [{ path: 'value', message: n.problem }]);
      await db.transaction().execute(async (trx) => {
        const added = await trx
          .insertInto('infosec_incident_observables')
          .values({
            incident_id: row.id,
            site_id: row.site_id,
            kind: input.kind,
            value: n.value,
            note: input.note ?? null,
            created_by: actor.userId,
          })
          .onConflict((oc) => oc.columns(['incident_id', 'kind', 'value']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!added) throw new ConflictError(`This incident already records ${n.value}.`);
        await audit(trx, actor, row, 'observable_added', {
          observableId: added.id,
          kind: input.kind,
          value: n.value,
        });
      });
      return view(actor, incidentId);
    },

    async removeObservable(actor: Actor, observableId: string) {
      const found = await repo.observableRow(db, observableId);
      if (!found) throw new NotFoundError('observable');
      const { row } = await incidents.guard(actor, found.incident_id, 'manage');
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('infosec_incident_observables').where('id', '=', observableId).execute();
        await audit(trx, actor, row, 'observable_removed', {
          observableId,
          kind: found.kind,
          value: found.value,
        });
      });
      return view(actor, row.id);
    },

    async addCustody(actor: Actor, incidentId: string, input: z.infer<typeof custodyInput>) {
      const { row } = await incidents.guard(actor, incidentId, 'manage');
      const files = await documents.list(actor, INCIDENT_SOURCE, incidentId);
      if (!files.some((f) => f.id === input.documentId))
        throw new ValidationError('Not an evidence file of this incident.', [
          { path: 'documentId', message: 'Not an evidence file of this incident' },
        ]);
      const at = input.at ? new Date(input.at) : now();
      notInFuture(at, 'at');
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('infosec_evidence_custody')
          .values({
            incident_id: row.id,
            site_id: row.site_id,
            document_id: input.documentId,
            at,
            event: input.event,
            holder: input.holder,
            location: input.location ?? null,
            note: input.note ?? null,
            created_by: actor.userId,
          })
          .execute();
        await audit(trx, actor, row, 'custody_recorded', { ...input, at: at.toISOString() });
      });
      return view(actor, incidentId);
    },

    async addLesson(actor: Actor, incidentId: string, input: z.infer<typeof lessonInput>) {
      const { row, visibility } = await incidents.guard(actor, incidentId, 'manage');
      if (input.action) await assertOwner(visibility, input.action.ownerId, db);
      await db.transaction().execute(async (trx) => {
        const action = input.action
          ? await actions.create(
              actor,
              {
                siteId: row.site_id,
                program: 'infosec',
                kind: 'improvement',
                title: input.action.title,
                description: visibility.sensitive ? null : input.text,
                ownerId: input.action.ownerId ?? null,
                dueDate: input.action.dueDate,
                sourceType: INCIDENT_SOURCE,
                sourceId: row.id,
              },
              trx,
            )
          : null;
        const lesson = await trx
          .insertInto('infosec_incident_lessons')
          .values({
            incident_id: row.id,
            site_id: row.site_id,
            kind: input.kind,
            text: input.text,
            action_id: action?.id ?? null,
            created_by: actor.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await insertTimeline(trx, actor.userId, row, {
          at: now(),
          kind: 'lesson_added',
          text: input.text,
        });
        await audit(trx, actor, row, 'lesson_added', {
          lessonId: lesson.id,
          kind: input.kind,
          text: input.text,
          actionId: action?.id ?? null,
        });
      });
      return view(actor, incidentId);
    },
  };
}

export type IncidentResponseService = ReturnType<typeof createIncidentResponseService>;
