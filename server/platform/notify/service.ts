import type { Selectable, SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import type { notificationListQuery } from '#shared/platform/notify/contract.ts';
import { paginate } from '../../db/paging.ts';
import type { DB, NotificationsTable, ObligationsTable } from '../../db/schema.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { NotFoundError, UnauthenticatedError } from '../http/errors.ts';
import { renderMessage, renderText, storedText } from '../i18n/index.ts';
import { type Locale, reminderMessage } from './messages.ts';

type NotificationRow = Selectable<NotificationsTable> & {
  obligation_title: string | null;
  obligation_title_key: string | null;
  obligation_title_params: Selectable<ObligationsTable>['title_params'];
};

/**
 * A notification as its reader sees it: a reminder is worded now, in the reader's language, from its facts and
 * its obligation's title; one whose obligation is gone (or an older kind) shows the text it was sent with.
 */
function toView(n: NotificationRow, locale: Locale) {
  const worded =
    n.facts && 'message' in n.facts
      ? { subject: renderMessage(locale, n.facts.message), body: '' }
      : n.facts && n.obligation_id && (n.obligation_title_key || n.obligation_title)
        ? reminderMessage(
            {
              ...n.facts,
              title: renderText(
                locale,
                storedText(n.obligation_title_key, n.obligation_title_params, n.obligation_title),
              ),
            },
            locale,
          )
        : { subject: n.title, body: n.body };
  return {
    id: n.id,
    kind: n.kind,
    title: worded.subject,
    body: worded.body,
    link: n.link,
    obligationId: n.obligation_id,
    createdAt: n.created_at.toISOString(),
    readAt: n.read_at?.toISOString() ?? null,
  };
}

/** Notifications with the title of the obligation each one reminds of. */
function withObligationTitle(query: SelectQueryBuilder<DB, 'notifications', object>) {
  return query
    .leftJoin('obligations', 'obligations.id', 'notifications.obligation_id')
    .selectAll('notifications')
    .select([
      'obligations.title as obligation_title',
      'obligations.title_key as obligation_title_key',
      'obligations.title_params as obligation_title_params',
    ]);
}

/** The in-app inbox: each user reads only their own notifications. */
export function createInboxService(db: Db, now: () => Date = () => new Date()) {
  const me = (actor: Actor) => {
    if (!actor.userId) throw new UnauthenticatedError();
    return actor.userId;
  };
  return {
    async list(actor: Actor, q: z.infer<typeof notificationListQuery>) {
      let base = withObligationTitle(db.selectFrom('notifications')).where(
        'notifications.user_id',
        '=',
        me(actor),
      );
      if (q.unread === 'true') base = base.where('notifications.read_at', 'is', null);
      if (q.unread === 'false') base = base.where('notifications.read_at', 'is not', null);
      const { items, ...paging } = await paginate<NotificationRow>(db, base, {
        sortColumn: 'notifications.created_at',
        order: q.order,
        tieBreaker: 'notifications.id',
        page: q.page,
        cursor: q.cursor,
        count: q.count,
        pageSize: q.pageSize,
      });
      return {
        items: items.map((n) => toView(n, actor.locale)),
        ...paging,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async unreadCount(actor: Actor) {
      const r = await db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', me(actor))
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return { unread: Number(r.n) };
    },

    async markRead(actor: Actor, id: string) {
      const updated = await db
        .updateTable('notifications')
        .set({ read_at: now() })
        .where('id', '=', id)
        .where('user_id', '=', me(actor))
        .returning('id')
        .executeTakeFirst();
      if (!updated) throw new NotFoundError('notification');
      const row = await withObligationTitle(db.selectFrom('notifications'))
        .where('notifications.id', '=', id)
        .executeTakeFirstOrThrow();
      return toView(row, actor.locale);
    },

    async markAllRead(actor: Actor) {
      const r = await db
        .updateTable('notifications')
        .set({ read_at: now() })
        .where('user_id', '=', me(actor))
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return { updated: Number(r.numUpdatedRows) };
    },

    async preferences(actor: Actor) {
      const u = await db
        .selectFrom('users')
        .select('notification_digest')
        .where('id', '=', me(actor))
        .executeTakeFirstOrThrow();
      return { digest: u.notification_digest };
    },

    async setPreferences(actor: Actor, prefs: { digest: boolean }) {
      await db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom('users')
          .select('notification_digest')
          .where('id', '=', me(actor))
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('users')
          .set({ notification_digest: prefs.digest })
          .where('id', '=', me(actor))
          .execute();
        await recordAudit(trx, actor, {
          action: 'user.preferences',
          entityType: 'user',
          entityId: me(actor),
          siteId: null,
          before,
          after: { notification_digest: prefs.digest },
        });
      });
      return prefs;
    },
  };
}
