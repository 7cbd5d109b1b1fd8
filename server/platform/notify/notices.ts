import type { Program } from '#shared/platform/access/programs.ts';
import type { Db } from '../../db/types.ts';
import { type Message, storeText } from '../i18n/index.ts';
import { officersFor } from '../obligations/repo.ts';

/** The outbox step of a notice's email (an obligation's reminders have their own steps). */
export const NOTICE_STEP = 'notice';

/** The channel on which a notice's email is announced when its transaction commits (migration 0046). */
export const NOTICE_MAIL_CHANNEL = 'notice_mail';

/** What a notice keeps: its title as a message, worded in the reader's language whenever it is read. */
export type NoticeFacts = { message: Message };

export type Notice = {
  userIds: readonly string[];
  /** What the notice is about, as a code (a code of the module's own): the inbox shows it as it is. */
  kind: string;
  message: Message;
  link: string | null;
  siteId: string | null;
  /**
   * Also by email, sent by the worker as soon as the transaction commits (an alarm that must reach someone
   * away from the screen). Only for notices whose words any recipient may read in a mailbox.
   */
  email?: boolean;
};

/**
 * Notices a module puts in its users' inboxes at once (a warning to the people on call), apart from the obligation
 * reminders: stored as a message key and parameters, never as text, and written in the caller's transaction.
 */
export function createNotices(db: Db) {
  return {
    /** Puts the notice in the inbox of each of these users who is active; returns the ids of those reached. */
    async send(handle: Db, notice: Notice): Promise<string[]> {
      const unique = [...new Set(notice.userIds)];
      if (unique.length === 0) return [];
      const stored = storeText(notice.message);
      const users = await handle
        .selectFrom('users')
        .select('id')
        .where('id', 'in', unique)
        .where('active', '=', true)
        .orderBy('id')
        .execute();
      if (users.length === 0) return [];
      const facts: NoticeFacts = { message: { key: stored.key as string, params: stored.params ?? {} } };
      const inserted = await handle
        .insertInto('notifications')
        .values(
          users.map((u) => ({
            user_id: u.id,
            kind: notice.kind,
            // The key, not words: the reader's language is chosen when it is read (facts).
            title: stored.key as string,
            body: '',
            link: notice.link,
            site_id: notice.siteId,
            facts: JSON.stringify(facts),
          })),
        )
        .returning(['id', 'user_id'])
        .execute();
      if (notice.email)
        await handle
          .insertInto('notification_outbox')
          .values(
            inserted.map((n) => ({
              dedupe_key: `notice:${n.id}:email`,
              notification_id: n.id,
              step: NOTICE_STEP,
              channel: 'email' as const,
              recipient_id: n.user_id,
            })),
          )
          .execute();
      return users.map((u) => u.id);
    },

    /** Whom a program escalates to at a site: its officers there and the program's owners (active users). */
    async escalationContacts(siteId: string, program: Program, handle: Db = db): Promise<string[]> {
      const officers = await officersFor(handle, siteId, program);
      const owners = await officersFor(handle, null, program);
      return [...new Set([...officers, ...owners])].sort();
    },
  };
}

export type NoticesService = ReturnType<typeof createNotices>;
