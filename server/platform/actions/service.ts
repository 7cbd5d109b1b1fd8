import { sql } from 'kysely';
import type { z } from 'zod';
import type { Program } from '#shared/platform/access/roles.ts';
import type {
  ActionSummary,
  ActionView,
  actionInput,
  actionListQuery,
  actionPatch,
  actionTransitionBody,
} from '#shared/platform/actions/contract.ts';
import { type ActionStatus, checkTransition, isOverdue } from '#shared/platform/actions/rules/status.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import { listPage } from '../../db/paging.ts';
import type { Db } from '../../db/types.ts';
import { definedOnly, updateVersioned } from '../../db/versioned.ts';
import type { Actor } from '../access/actor.ts';
import { access } from '../access/service.ts';
import { inScopeGroupRowsForGroupOnly } from '../access/sql.ts';
import { recordAudit } from '../audit/service.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../http/errors.ts';
import {
  type Locale,
  matchingKeys,
  platformMessage,
  platformWord,
  renderText,
  storedText,
  storeText,
  type Text,
} from '../i18n/index.ts';
import { registerObligationKind } from '../obligations/kinds.ts';
import type { ObligationsService } from '../obligations/service.ts';
import { actionIdsBySource } from './repo.ts';

export const ACTION_DUE = 'action.due';
registerObligationKind({
  kind: ACTION_DUE,
  program: null,
  name: platformWord('platform.obligationKind', ACTION_DUE),
  schedule: { daysBefore: [14, 3], overdueEveryDays: 7 },
});

function rows(db: Db) {
  return db
    .selectFrom('actions')
    .leftJoin('sites', 'sites.id', 'actions.site_id')
    .leftJoin('users as owner', 'owner.id', 'actions.owner_id')
    .leftJoin('users as verifier', 'verifier.id', 'actions.verified_by')
    .selectAll('actions')
    .select([
      'sites.code as site_code',
      'sites.time_zone',
      'owner.display_name as owner_name',
      'verifier.display_name as verified_by_name',
      (eb) =>
        eb
          .selectFrom('documents')
          .select((e) => e.fn.countAll<number>().as('n'))
          .where('documents.entity_type', '=', 'action')
          .whereRef('documents.entity_id', '=', sql<string>`actions.id::text`)
          .where('documents.deleted_at', 'is', null)
          .as('evidence_count'),
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof rows>['execute']>>[number];

/**
 * What `create` takes: the web's input, with a title and description that are either typed text (a string)
 * or a message the server writes (server/platform/i18n), such as "From the investigation of …".
 */
export type NewAction = Omit<z.infer<typeof actionInput>, 'title' | 'description'> & {
  title: Text;
  description?: Text | null;
};

type TextColumns = Pick<Row, 'title' | 'title_key' | 'title_params'>;

/** An action's title as text or message. */
const titleText = (r: TextColumns): Text => storedText(r.title_key, r.title_params, r.title);

/** The columns of a title or description, `column` naming which. */
function textColumns<C extends 'title' | 'description'>(column: C, text: Text | null | undefined) {
  if (text === undefined) return {};
  const stored = text === null ? { key: null, params: null, text: null } : storeText(text);
  return {
    [column]: stored.text,
    [`${column}_key`]: stored.key,
    [`${column}_params`]: stored.params && JSON.stringify(stored.params),
  } as Record<C | `${C}_key` | `${C}_params`, string | null>;
}

/** Corrective, preventive and improvement actions: one tracker that every program's records link to. */
export function createActionsService(
  db: Db,
  obligations: ObligationsService,
  now: () => Date = () => new Date(),
) {
  const today = (tz: string | null) => localDate(now(), tz ?? GROUP_TIME_ZONE);

  function toView(r: Row, locale: Locale): ActionView {
    return {
      id: r.id,
      siteId: r.site_id,
      siteCode: r.site_code,
      program: r.program as Program | null,
      kind: r.kind,
      title: renderText(locale, titleText(r)),
      description:
        r.description_key === null
          ? r.description
          : renderText(locale, storedText(r.description_key, r.description_params, r.description)),
      sourceType: r.source_type,
      sourceId: r.source_id,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      dueDate: r.due_date,
      status: r.status,
      overdue: isOverdue({ status: r.status, dueDate: r.due_date }, today(r.time_zone)),
      doneAt: r.done_at?.toISOString() ?? null,
      verifiedAt: r.verified_at?.toISOString() ?? null,
      verifiedByName: r.verified_by_name,
      effectivenessNote: r.effectiveness_note,
      evidenceCount: Number(r.evidence_count ?? 0),
      version: r.version,
    };
  }

  async function rowOrNotFound(id: string) {
    const row = await rows(db).where('actions.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('action');
    return row;
  }

  const isOwner = (actor: Actor, r: { owner_id: string | null }) =>
    !!actor.userId && r.owner_id === actor.userId;

  /** A group action (no site) is, as in the list, only for those who hold the permission over the whole group. */
  function assertGroupAction(
    actor: Actor,
    r: { site_id: string | null },
    permission: 'actions.read' | 'actions.manage',
    program?: Program,
  ) {
    if (r.site_id === null) access.assertGroupWide(actor, permission, program);
  }

  async function syncObligation(
    trx: Db,
    actor: Actor,
    r: {
      id: string;
      site_id: string | null;
      program: string | null;
      owner_id: string | null;
      title: string | null;
      title_key: string | null;
      title_params: Row['title_params'];
      due_date: string;
      status: ActionStatus;
    },
    reopen = false,
  ) {
    if (r.status === 'done' || r.status === 'verified') {
      await obligations.closeForSource(trx, actor, ACTION_DUE, 'action', r.id, 'done');
      return;
    }
    await obligations.upsertForSource(trx, actor, {
      kind: ACTION_DUE,
      sourceType: 'action',
      sourceId: r.id,
      siteId: r.site_id,
      program: r.program,
      ownerId: r.owner_id,
      title: platformMessage('platform.action.due', { title: titleText(r) }),
      dueDate: r.due_date,
      reopen,
    });
  }

  /** Reads through `dbh`: a caller's transaction must not wait on the root handle (PGlite has one connection). */
  async function assertOwnerActive(ownerId: string | null | undefined, dbh: Db = db) {
    if (!ownerId) return;
    const u = await dbh.selectFrom('users').select('active').where('id', '=', ownerId).executeTakeFirst();
    if (!u?.active)
      throw new ValidationError('The owner must be an active user.', [
        { path: 'ownerId', message: 'Unknown or inactive user' },
      ]);
  }

  return {
    /**
     * The actions raised from each of these source records (e.g. an investigation's root causes), by source
     * id; a record without actions maps to an empty list. Access to the sources is the caller's check.
     */
    async linkedTo(sourceType: string, sourceIds: readonly string[], handle: Db = db) {
      const rows = await actionIdsBySource(handle, sourceType, sourceIds);
      const bySource = new Map<string, string[]>(sourceIds.map((id) => [id, []]));
      for (const r of rows) if (r.source_id) bySource.get(r.source_id)?.push(r.id);
      return bySource;
    },

    /**
     * What was done about these source records: the actions raised from each (title, kind, status, dates), by
     * source id, in the order they were raised. For showing a record's follow-up to someone who may see the
     * record but not the action tracker (the reporter of an incident); access to the sources is the caller's check.
     */
    async summariesFor(sourceType: string, sourceIds: readonly string[], locale: Locale, handle: Db = db) {
      const bySource = new Map<string, ActionSummary[]>(sourceIds.map((id) => [id, []]));
      if (sourceIds.length === 0) return bySource;
      const found = await rows(handle)
        .where('actions.source_type', '=', sourceType)
        .where('actions.source_id', 'in', [...sourceIds])
        .orderBy('actions.created_at')
        .orderBy('actions.id')
        .execute();
      for (const r of found) {
        const v = toView(r, locale);
        bySource.get(r.source_id as string)?.push({
          id: v.id,
          kind: v.kind,
          title: v.title,
          status: v.status,
          dueDate: v.dueDate,
          doneAt: v.doneAt,
          overdue: v.overdue,
        });
      }
      return bySource;
    },

    async list(actor: Actor, q: z.infer<typeof actionListQuery>) {
      if (!actor.userId && actor.kind !== 'system') throw new UnauthenticatedError();
      let base = rows(db);
      if (q.mine === 'true') base = base.where('actions.owner_id', '=', actor.userId as string);
      else {
        const scope = access.listScope(actor, 'actions.read');
        base = base.where((eb) => inScopeGroupRowsForGroupOnly(eb, 'actions.site_id', scope));
      }
      if (q.status) base = base.where('actions.status', '=', q.status);
      if (q.siteId) base = base.where('actions.site_id', '=', q.siteId);
      if (q.program) base = base.where('actions.program', '=', q.program);
      if (q.sourceType) base = base.where('actions.source_type', '=', q.sourceType);
      if (q.sourceId) base = base.where('actions.source_id', '=', q.sourceId);
      if (q.overdue === 'true')
        base = base
          .where('actions.status', 'in', ['open', 'in_progress'])
          .where('actions.due_date', '<', today(null));
      if (q.q) {
        const p = likePattern(q.q);
        const keys = matchingKeys(actor.locale, q.q);
        const inParams = (column: 'title_params' | 'description_params') =>
          sql<boolean>`exists (select 1 from jsonb_each_text(coalesce(${sql.ref(`actions.${column}`)}, '{}'::jsonb)) p where p.value ilike ${p})`;
        base = base.where((eb) =>
          eb.or([
            eb('actions.title', 'ilike', p),
            eb('actions.description', 'ilike', p),
            inParams('title_params'),
            inParams('description_params'),
            ...(keys.length
              ? [eb('actions.title_key', 'in', keys), eb('actions.description_key', 'in', keys)]
              : []),
          ]),
        );
      }
      const sortColumn = {
        dueDate: 'actions.due_date',
        title: sql`coalesce(actions.title, actions.title_key)`,
        status: 'actions.status',
        site: 'sites.code',
      }[q.sort];
      return listPage(db, base, q, {
        sortColumn,
        tieBreaker: 'actions.id',
        toView: (r: Row) => toView(r, actor.locale),
      });
    },

    async get(actor: Actor, id: string) {
      const row = await rowOrNotFound(id);
      if (!isOwner(actor, row)) {
        access.assert(actor, { permission: 'actions.read', siteId: row.site_id, what: 'action' });
        assertGroupAction(actor, row, 'actions.read');
      }
      return toView(row, actor.locale);
    },

    /** The site of an action, for documents attached to it (evidence). */
    async siteOf(actor: Actor, id: string, intent: 'read' | 'write') {
      const row = await rowOrNotFound(id);
      if (!isOwner(actor, row)) {
        access.assert(actor, {
          permission: intent === 'read' ? 'actions.read' : 'actions.manage',
          siteId: row.site_id,
          what: 'action',
          program: (row.program ?? undefined) as Program | undefined,
        });
        assertGroupAction(
          actor,
          row,
          intent === 'read' ? 'actions.read' : 'actions.manage',
          (row.program ?? undefined) as Program | undefined,
        );
      }
      return row.site_id;
    },

    /** Creates an action; modules call it inside their own transaction with `trx` (investigations, audits). */
    async create(actor: Actor, input: NewAction, trx?: Db) {
      access.assert(actor, {
        permission: 'actions.manage',
        siteId: input.siteId,
        what: 'site',
        program: input.program ?? undefined,
      });
      await assertOwnerActive(input.ownerId, trx);
      const run = async (tx: Db) => {
        const row = await tx
          .insertInto('actions')
          .values({
            site_id: input.siteId,
            program: input.program ?? null,
            kind: input.kind,
            ...textColumns('title', input.title),
            ...textColumns('description', input.description ?? null),
            source_type: input.sourceType ?? null,
            source_id: input.sourceId ?? null,
            owner_id: input.ownerId ?? null,
            due_date: input.dueDate,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(tx, actor, {
          action: 'action.created',
          entityType: 'action',
          entityId: row.id,
          siteId: row.site_id,
          after: row,
        });
        await syncObligation(tx, actor, row);
        return toView(
          await rows(tx).where('actions.id', '=', row.id).executeTakeFirstOrThrow(),
          actor.locale,
        );
      };
      return trx ? run(trx) : db.transaction().execute(run);
    },

    async update(actor: Actor, id: string, patch: z.infer<typeof actionPatch>) {
      const before = await rowOrNotFound(id);
      access.assert(actor, {
        permission: 'actions.manage',
        siteId: before.site_id,
        what: 'action',
        program: (before.program ?? undefined) as Program | undefined,
      });
      assertGroupAction(
        actor,
        before,
        'actions.manage',
        (before.program ?? undefined) as Program | undefined,
      );
      await assertOwnerActive(patch.ownerId);
      return db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'actions',
          id,
          patch.version,
          definedOnly({
            ...textColumns('title', patch.title),
            ...textColumns('description', patch.description),
            kind: patch.kind,
            owner_id: patch.ownerId,
            due_date: patch.dueDate,
          }),
          actor.userId,
        );
        await recordAudit(trx, actor, {
          action: 'action.updated',
          entityType: 'action',
          entityId: id,
          siteId: before.site_id,
          before,
          after,
        });
        await syncObligation(trx, actor, after as Row);
        return toView(await rows(trx).where('actions.id', '=', id).executeTakeFirstOrThrow(), actor.locale);
      });
    },

    /** Start and complete: the owner or a manager. Verify and reopen: a manager other than the owner. */
    async transition(actor: Actor, id: string, body: z.infer<typeof actionTransitionBody>) {
      const before = await rowOrNotFound(id);
      const program = (before.program ?? undefined) as Program | undefined;
      const ownerMayDo = body.transition === 'start' || body.transition === 'complete';
      if (!(ownerMayDo && isOwner(actor, before))) {
        if (!isOwner(actor, before))
          access.assert(actor, { permission: 'actions.read', siteId: before.site_id, what: 'action' });
        if (!access.can(actor, 'actions.manage', before.site_id, program))
          throw new ForbiddenError('actions.manage');
        assertGroupAction(actor, before, 'actions.manage', program);
      }
      const check = checkTransition(before.status, body.transition, actor.userId, before.owner_id);
      if (!check.ok) throw new ConflictError(check.reason);
      if (body.transition === 'verify' && !body.note)
        throw new ValidationError('Say how effectiveness was verified.', [
          { path: 'note', message: 'Required to verify' },
        ]);
      return db.transaction().execute(async (trx) => {
        const changes: Record<string, unknown> = { status: check.to };
        if (check.to === 'done') changes.done_at = now();
        if (check.to === 'verified')
          Object.assign(changes, {
            verified_at: now(),
            verified_by: actor.userId,
            effectiveness_note: body.note,
          });
        if (check.to === 'open')
          Object.assign(changes, { done_at: null, verified_at: null, verified_by: null });
        const after = await updateVersioned(trx, 'actions', id, body.version, changes, actor.userId);
        await recordAudit(trx, actor, {
          action: `action.${body.transition}`,
          entityType: 'action',
          entityId: id,
          siteId: before.site_id,
          summary: body.note,
          before,
          after,
        });
        await syncObligation(trx, actor, after as Row, body.transition === 'reopen');
        return toView(await rows(trx).where('actions.id', '=', id).executeTakeFirstOrThrow(), actor.locale);
      });
    },
  };
}

export type ActionsService = ReturnType<typeof createActionsService>;
