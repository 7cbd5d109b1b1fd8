import ical from 'ical-generator';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Program } from '#shared/platform/access/roles.ts';
import { likePattern } from '#shared/platform/http/list.ts';
import type { ObligationView, obligationListQuery } from '#shared/platform/obligations/contract.ts';
import {
  addDays,
  calendarState,
  daysBetween,
  localDate,
} from '#shared/platform/obligations/rules/reminders.ts';
import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import { paginate } from '../../db/paging.ts';
import type { Db } from '../../db/types.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { type Actor, sitesWith } from '../access/actor.ts';
import type { Permission } from '../access/policy.ts';
import { access } from '../access/service.ts';
import { type AuditEntry, recordAudit } from '../audit/service.ts';
import { loadActor, loadAssignments } from '../auth/actor-loader.ts';
import { newSecret, sha256Hex } from '../auth/tokens.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../http/errors.ts';
import {
  type Locale,
  type Message,
  matchingKeys,
  platformMessage,
  renderMessage,
  renderText,
  storedText,
  storeText,
} from '../i18n/index.ts';
import { obligationKind } from './kinds.ts';
import * as repo from './repo.ts';

export type ObligationInput = {
  kind: string;
  sourceType: string;
  sourceId: string;
  siteId: string | null;
  /** Whose officers are reminded when there is no owner, and escalated to; defaults to the kind's. */
  program?: string | null;
  ownerId: string | null;
  /** Rendered in the reader's language when read or sent (server/platform/i18n). */
  title: Message;
  dueDate: string;
  dueAt?: Date | null;
  graceDays?: number;
  /** Open the obligation again even if its due date did not move (a reopened action). */
  reopen?: boolean;
  /** The caller's own audit event covers this change (a health record and its review are one event). */
  audited?: boolean;
};

/**
 * The audit event of a change to an obligation. A restricted kind's event (a health record's review) says
 * only what was done to which record, by whom and when: no title, owner, date or kind.
 */
function auditEntry(kind: string, entry: AuditEntry): AuditEntry {
  const restricted = obligationKind(kind).restricted;
  if (!restricted) return entry;
  return {
    action: restricted.auditAction,
    entityType: restricted.auditEntity,
    entityId: entry.entityId,
    siteId: entry.siteId,
  };
}

/** The last day before an obligation is overdue: its due date plus grace days. */
const graceEnd = sql<string>`obligations.due_date + obligations.grace_days`;

/**
 * Overdue at `at`: one with a due time from the first instant past it (plus grace days), any other once its
 * last day has passed in the group's calendar (as the calendar filter always counted).
 */
function late(at: Date) {
  const today = localDate(at, GROUP_TIME_ZONE);
  return sql<boolean>`(case when obligations.due_at is not null
    then obligations.due_at + make_interval(days => obligations.grace_days) < ${at.toISOString()}::timestamptz
    else ${graceEnd} < ${today}::date end)`;
}

export function createObligationsService(db: Db, now: () => Date = () => new Date()) {
  const todayAt = (timeZone: string | null) => localDate(now(), timeZone ?? GROUP_TIME_ZONE);

  /** The title of an obligation in the reader's language. */
  const titleOf = (locale: Locale, r: Pick<repo.ObligationRow, 'title' | 'title_key' | 'title_params'>) =>
    renderText(locale, storedText(r.title_key, r.title_params, r.title));

  function toView(r: repo.ObligationRow, locale: Locale): ObligationView {
    const today = todayAt(r.time_zone);
    return {
      id: r.id,
      kind: r.kind,
      sourceType: r.source_type,
      sourceId: r.source_id,
      siteId: r.site_id,
      siteCode: r.site_code,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      delegateId: r.delegate_id,
      delegateName: r.delegate_name,
      title: titleOf(locale, r),
      dueDate: r.due_date,
      dueAt: r.due_at?.toISOString() ?? null,
      graceDays: r.grace_days,
      state: r.state,
      calendarState: calendarState(
        { state: r.state, dueDate: r.due_date, graceDays: r.grace_days, dueAt: r.due_at },
        today,
        30,
        now(),
      ),
      daysLeft: daysBetween(today, r.due_date),
      doneAt: r.done_at?.toISOString() ?? null,
      escalatedAt: r.escalated_at?.toISOString() ?? null,
      version: r.version,
    };
  }

  /** The obligation, or 404: also for a restricted kind (a health record's review) without its permission. */
  async function rowOrNotFound(id: string, actor: Actor) {
    const row = await repo.obligationRows(db).where('obligations.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('obligation');
    const restricted = obligationKind(row.kind).restricted;
    if (restricted && !access.can(actor, restricted.permission, row.site_id))
      throw new NotFoundError('obligation');
    return row;
  }

  /** The owner, the delegate, or whoever manages this kind of obligation at its site may act on it. */
  function assertMayAct(actor: Actor, row: repo.ObligationRow) {
    // A restricted kind: whoever holds its permission at the site (checked by rowOrNotFound) acts on it.
    if (obligationKind(row.kind).restricted) return;
    if (actor.userId && (row.owner_id === actor.userId || row.delegate_id === actor.userId)) return;
    const program = (row.program ?? undefined) as Program | undefined;
    access.assert(actor, {
      permission: 'obligations.manage',
      siteId: row.site_id,
      what: 'obligation',
      program,
    });
    if (row.site_id === null) access.assertGroupWide(actor, 'obligations.manage', program);
  }

  /** A date range filter on the calendar, applied in SQL for the plain states. */
  function filtered(
    base: ReturnType<typeof repo.obligationRows>,
    q: z.infer<typeof obligationListQuery>,
    locale: Locale,
  ) {
    let query = base;
    if (q.kind) query = query.where('obligations.kind', '=', q.kind);
    if (q.siteId) query = query.where('obligations.site_id', '=', q.siteId);
    if (q.from) query = query.where('obligations.due_date', '>=', q.from);
    if (q.to) query = query.where('obligations.due_date', '<=', q.to);
    if (q.q)
      query = query.where((eb) =>
        repo.titleMatches(eb, likePattern(q.q as string), matchingKeys(locale, q.q as string)),
      );
    const today = todayAt(null);
    switch (q.calendarState) {
      case 'open':
        return query.where('obligations.state', '=', 'open');
      case 'done':
      case 'cancelled':
        return query.where('obligations.state', '=', q.calendarState);
      case 'overdue':
        return query.where('obligations.state', '=', 'open').where(late(now()), '=', true);
      case 'due-soon':
        return query
          .where('obligations.state', '=', 'open')
          .where(late(now()), '=', false)
          .where('obligations.due_date', '<=', addDays(today, 30));
      case 'upcoming':
        return query
          .where('obligations.state', '=', 'open')
          .where('obligations.due_date', '>', addDays(today, 30));
      default:
        return query;
    }
  }

  return {
    /**
     * Creates or updates the obligation of a source record (one per kind and source), inside the caller's
     * transaction. A done obligation whose due date moves later opens again (a renewed certificate).
     */
    async upsertForSource(trx: Db, actor: Actor, input: ObligationInput) {
      const existing = await trx
        .selectFrom('obligations')
        .selectAll()
        .where('kind', '=', input.kind)
        .where('source_type', '=', input.sourceType)
        .where('source_id', '=', input.sourceId)
        .executeTakeFirst();
      const title = storeText(input.title);
      const values = {
        site_id: input.siteId,
        program: input.program ?? obligationKind(input.kind).program,
        owner_id: input.ownerId,
        title: title.text,
        title_key: title.key,
        title_params: title.params && JSON.stringify(title.params),
        due_date: input.dueDate,
        due_at: input.dueAt ?? null,
        grace_days: input.graceDays ?? 0,
      };
      if (!existing) {
        const row = await trx
          .insertInto('obligations')
          .values({
            ...values,
            kind: input.kind,
            source_type: input.sourceType,
            source_id: input.sourceId,
            created_by: actor.userId,
            updated_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        if (!input.audited)
          await recordAudit(
            trx,
            actor,
            auditEntry(input.kind, {
              action: 'obligation.created',
              entityType: 'obligation',
              entityId: row.id,
              siteId: row.site_id,
              after: row,
            }),
          );
        return row.id;
      }
      const dueAtMoved = (existing.due_at?.getTime() ?? null) !== (input.dueAt?.getTime() ?? null);
      const moved =
        existing.due_date !== input.dueDate ||
        (dueAtMoved && input.dueAt != null) ||
        (input.reopen === true && existing.state !== 'open');
      const after = await updateVersioned(
        trx,
        'obligations',
        existing.id,
        existing.version,
        {
          ...values,
          ...(moved ? { state: 'open', done_at: null, done_by: null, escalated_at: null } : {}),
        },
        actor.userId,
      );
      if (!input.audited)
        await recordAudit(
          trx,
          actor,
          auditEntry(input.kind, {
            action: 'obligation.updated',
            entityType: 'obligation',
            entityId: existing.id,
            siteId: existing.site_id,
            before: existing,
            after,
          }),
        );
      return existing.id;
    },

    /**
     * Marks the open obligation of a source done or cancelled, inside the caller's transaction; `audited`:
     * the caller's own audit event covers the change.
     */
    async closeForSource(
      trx: Db,
      actor: Actor,
      kind: string,
      sourceType: string,
      sourceId: string,
      state: 'done' | 'cancelled',
      options: { audited?: boolean } = {},
    ) {
      const rows = await trx
        .updateTable('obligations')
        .set({
          state,
          done_at: now(),
          done_by: actor.userId,
          updated_at: now(),
          updated_by: actor.userId,
          version: (eb) => eb('version', '+', 1),
        })
        .where('kind', '=', kind)
        .where('source_type', '=', sourceType)
        .where('source_id', '=', sourceId)
        .where('state', '=', 'open')
        .returningAll()
        .execute();
      if (options.audited) return;
      for (const row of rows) {
        await recordAudit(
          trx,
          actor,
          auditEntry(kind, {
            action: `obligation.${state}`,
            entityType: 'obligation',
            entityId: row.id,
            siteId: row.site_id,
            after: row,
          }),
        );
      }
    },

    async list(actor: Actor, q: z.infer<typeof obligationListQuery>) {
      if (!actor.userId && actor.kind !== 'system') throw new UnauthenticatedError();
      const base =
        q.view === 'mine'
          ? repo.mine(db, actor.userId as string, actor)
          : repo.inSiteScope(db, access.listScope(actor, 'obligations.read'));
      const sortColumn = {
        dueDate: 'obligations.due_date',
        title: sql`coalesce(obligations.title, obligations.title_key)`,
        site: 'sites.code',
      }[q.sort];
      const visible = base.where((eb) => repo.permittedKinds(eb, actor));
      const { items, ...paging } = await paginate<repo.ObligationRow>(
        db,
        filtered(visible, q, actor.locale),
        {
          sortColumn,
          order: q.order,
          tieBreaker: 'obligations.id',
          page: q.page,
          cursor: q.cursor,
          count: q.count,
          pageSize: q.pageSize,
        },
      );
      return {
        items: items.map((r) => toView(r, actor.locale)),
        ...paging,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async get(actor: Actor, id: string) {
      const row = await rowOrNotFound(id, actor);
      // A restricted kind: seen by whoever holds its permission at the site (checked by rowOrNotFound).
      if (obligationKind(row.kind).restricted) return toView(row, actor.locale);
      if (!(actor.userId && (row.owner_id === actor.userId || row.delegate_id === actor.userId))) {
        access.assert(actor, { permission: 'obligations.read', siteId: row.site_id, what: 'obligation' });
        // A group obligation (no site) is, as in the calendar, only for those with the whole group in scope.
        if (row.site_id === null) access.assertGroupWide(actor, 'obligations.read');
      }
      return toView(row, actor.locale);
    },

    async complete(actor: Actor, id: string, version: number) {
      const row = await rowOrNotFound(id, actor);
      assertMayAct(actor, row);
      if (row.state !== 'open') throw new ConflictError(`This obligation is already ${row.state}.`);
      await db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'obligations',
          id,
          version,
          { state: 'done', done_at: now(), done_by: actor.userId },
          actor.userId,
        );
        await recordAudit(
          trx,
          actor,
          auditEntry(row.kind, {
            action: 'obligation.done',
            entityType: 'obligation',
            entityId: id,
            siteId: row.site_id,
            before: row,
            after,
          }),
        );
      });
      return toView(await rowOrNotFound(id, actor), actor.locale);
    },

    /** The owner (or a manager) hands the obligation to someone else; reminders then go to the delegate. */
    async delegate(actor: Actor, id: string, delegateId: string | null, version: number) {
      const row = await rowOrNotFound(id, actor);
      assertMayAct(actor, row);
      if (delegateId) {
        const user = await db
          .selectFrom('users')
          .select(['id', 'active'])
          .where('id', '=', delegateId)
          .executeTakeFirst();
        if (!user?.active)
          throw new ValidationError('The delegate is not an active user.', [
            { path: 'delegateId', message: 'Unknown or inactive user' },
          ]);
        const restricted = obligationKind(row.kind).restricted;
        if (restricted) {
          const { resolved } = await loadAssignments(db, delegateId);
          const delegate: Actor = {
            kind: 'user',
            userId: delegateId,
            label: '',
            locale: 'en',
            assignments: resolved,
          };
          if (!access.can(delegate, restricted.permission, row.site_id))
            throw new ValidationError('The delegate may not see this obligation.', [
              { path: 'delegateId', message: `Needs ${restricted.permission} at the site` },
            ]);
        }
      }
      await db.transaction().execute(async (trx) => {
        const after = await updateVersioned(
          trx,
          'obligations',
          id,
          version,
          { delegate_id: delegateId },
          actor.userId,
        );
        await recordAudit(
          trx,
          actor,
          auditEntry(row.kind, {
            action: 'obligation.delegated',
            entityType: 'obligation',
            entityId: id,
            siteId: row.site_id,
            before: row,
            after,
          }),
        );
      });
      return toView(await rowOrNotFound(id, actor), actor.locale);
    },

    /**
     * Counts by calendar state, from the counts the writes keep (repo.summaryCounts): counting every open
     * obligation of a group per request took seconds under load. Each obligation's today is in its site's
     * time zone.
     */
    async summary(actor: Actor) {
      const scope = access.listScope(actor, 'obligations.read');
      const counts = await repo.summaryCounts(db, scope, actor, now(), GROUP_TIME_ZONE);
      return {
        overdue: counts.overdue,
        dueSoon: counts.dueSoon,
        upcoming: counts.upcoming,
        doneThisYear: counts.done,
      };
    },

    /**
     * How many obligations of a kind are open at the sites where the actor holds `permission` (for `program`):
     * a module's home-page attention counts.
     */
    async countOpen(actor: Actor, kind: string, permission: Permission, program?: Program): Promise<number> {
      return repo.countOpenOfKind(db, kind, sitesWith(actor, permission, program));
    },

    /** A private calendar feed URL for the user; a new one replaces (and revokes) the old. */
    async rotateCalendarToken(actor: Actor): Promise<string> {
      if (!actor.userId) throw new ForbiddenError('obligations.read');
      const token = newSecret();
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ calendar_token_hash: sha256Hex(token) })
          .where('id', '=', actor.userId as string)
          .execute();
        await recordAudit(trx, actor, {
          action: 'calendar_feed.rotated',
          entityType: 'user',
          entityId: actor.userId,
          siteId: null,
        });
      });
      return token;
    },

    /** The iCalendar feed of a user's open obligations, found by the feed token (calendar apps send no cookie). */
    async calendarFeed(token: string): Promise<string | null> {
      const user = await db
        .selectFrom('users')
        .select(['id', 'display_name', 'email', 'locale'])
        .where('calendar_token_hash', '=', sha256Hex(token))
        .where('active', '=', true)
        .executeTakeFirst();
      if (!user) return null;
      const owner = await loadActor(db, user);
      const rows = await repo
        .mine(db, user.id, owner)
        .where((eb) => repo.permittedKinds(eb, owner))
        .where('obligations.state', '=', 'open')
        .orderBy('obligations.due_date')
        .limit(2000)
        .execute();
      const calendar = ical({
        name: `Steward — ${user.display_name}`,
        prodId: { company: 'Steward', product: 'obligations' },
      });
      const locale = owner.locale;
      for (const r of rows) {
        const start = r.due_at ?? new Date(`${r.due_date}T00:00:00Z`);
        calendar.createEvent({
          id: `${r.id}@steward`,
          start,
          allDay: !r.due_at,
          summary: `${r.site_code ? `[${r.site_code}] ` : ''}${titleOf(locale, r)}`,
          description: renderMessage(
            locale,
            r.grace_days
              ? platformMessage('platform.calendar.dueWithGrace', { date: r.due_date, days: r.grace_days })
              : platformMessage('platform.calendar.due', { date: r.due_date }),
          ),
        });
      }
      return calendar.toString();
    },
  };
}

export type ObligationsService = ReturnType<typeof createObligationsService>;
