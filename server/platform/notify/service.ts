import type { Selectable } from 'kysely';
import type { z } from 'zod';
import { paginate } from '../../db/paging.ts';
import type { NotificationsTable } from '../../db/schema.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { NotFoundError, UnauthenticatedError } from '../http/errors.ts';
import type { notificationListQuery } from './contract.ts';

const toView = (n: Selectable<NotificationsTable>) => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.link,
  obligationId: n.obligation_id,
  createdAt: n.created_at.toISOString(),
  readAt: n.read_at?.toISOString() ?? null,
});

/** The in-app inbox: each user reads only their own notifications. */
export function createInboxService(db: Db, now: () => Date = () => new Date()) {
  const me = (actor: Actor) => {
    if (!actor.userId) throw new UnauthenticatedError();
    return actor.userId;
  };
  return {
    async list(actor: Actor, q: z.infer<typeof notificationListQuery>) {
      let base = db.selectFrom('notifications').selectAll().where('user_id', '=', me(actor));
      if (q.unread === 'true') base = base.where('read_at', 'is', null);
      if (q.unread === 'false') base = base.where('read_at', 'is not', null);
      const { items, total, totalCapped } = await paginate<Selectable<NotificationsTable>>(db, base, {
        sortColumn: 'created_at',
        order: q.order,
        tieBreaker: 'id',
        page: q.page,
        pageSize: q.pageSize,
      });
      return { items: items.map(toView), total, totalCapped, page: q.page, pageSize: q.pageSize };
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
      const row = await db
        .updateTable('notifications')
        .set({ read_at: now() })
        .where('id', '=', id)
        .where('user_id', '=', me(actor))
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new NotFoundError('notification');
      return toView(row);
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
