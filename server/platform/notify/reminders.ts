import {
  daysBetween,
  localDate,
  needsEscalation,
  pastDueTime,
  reminderStep,
} from '#shared/platform/obligations/rules/reminders.ts';
import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import type { Db } from '../../db/types.ts';
import { renderMessage, renderText, storedText } from '../i18n/index.ts';
import { obligationKind } from '../obligations/kinds.ts';
import { holdersAt, officersFor } from '../obligations/repo.ts';
import type { Mailer } from './mailer.ts';
import { digestMessage, type Locale, type NotificationFacts, reminderMessage } from './messages.ts';

const CHANNELS = ['inbox', 'email'] as const;

type OutboxRow = {
  id: string;
  obligation_id: string | null;
  notification_id: string | null;
  step: string;
  channel: 'email' | 'inbox';
  recipient_id: string;
  attempts: number;
};
const MAX_ATTEMPTS = 5;
/** Obligations further out than this are not yet reminded of by any schedule. */
const HORIZON_DAYS = 400;

/**
 * The reminder engine. `scan` decides which reminders are due and writes them to the outbox, keyed by
 * obligation, step, channel and recipient, so that any number of processes scanning at once add each
 * reminder once. `deliver` claims outbox rows with SKIP LOCKED, so each is sent by one process only.
 */
export function createReminderEngine(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  now: () => Date = () => new Date(),
) {
  async function enqueue(obligationId: string, step: string, recipients: string[]) {
    const rows = recipients.flatMap((recipient) =>
      CHANNELS.map((channel) => ({
        dedupe_key: `${obligationId}:${step}:${channel}:${recipient}`,
        obligation_id: obligationId,
        step,
        channel,
        recipient_id: recipient,
      })),
    );
    if (rows.length === 0) return 0;
    const inserted = await db
      .insertInto('notification_outbox')
      .values(rows)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .execute();
    return inserted.length;
  }

  async function settle(
    id: string,
    set: { status: 'sent' | 'skipped' | 'failed' | 'pending'; error?: string },
  ) {
    await db
      .updateTable('notification_outbox')
      .set({
        status: set.status,
        ...(set.status === 'sent' ? { sent_at: now() } : {}),
        ...(set.error ? { last_error: set.error.slice(0, 500) } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  /** A notice's email: its message worded in the reader's language, with the link to what it is about. */
  async function deliverNotice(row: OutboxRow) {
    const notice = await db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select(['n.facts', 'n.link', 'u.email', 'u.locale', 'u.active'])
      .where('n.id', '=', row.notification_id as string)
      .executeTakeFirst();
    const message = notice?.facts && 'message' in notice.facts ? notice.facts.message : null;
    if (!notice || !notice.active || !message) {
      await settle(row.id, { status: 'skipped', error: 'notice or recipient gone' });
      return 'skipped' as const;
    }
    if (!mailer) {
      await settle(row.id, { status: 'skipped', error: 'no SMTP server configured' });
      return 'skipped' as const;
    }
    const subject = renderMessage(notice.locale as Locale, message);
    try {
      await mailer.send({
        to: notice.email,
        subject,
        text: notice.link ? `${subject}\n\n${publicUrl}${notice.link}` : subject,
      });
      await settle(row.id, { status: 'sent' });
      return 'sent' as const;
    } catch (error) {
      const failedForGood = row.attempts >= MAX_ATTEMPTS;
      await settle(row.id, {
        status: failedForGood ? 'failed' : 'pending',
        error: String((error as Error).message),
      });
      return 'failed' as const;
    }
  }

  return {
    async scan(): Promise<{ obligations: number; queued: number; escalated: number }> {
      const at = now();
      const horizon = new Date(at.getTime() + HORIZON_DAYS * 86_400_000).toISOString().slice(0, 10);
      const open = await db
        .selectFrom('obligations')
        .leftJoin('sites', 'sites.id', 'obligations.site_id')
        .select([
          'obligations.id',
          'obligations.kind',
          'obligations.site_id',
          'obligations.program',
          'obligations.owner_id',
          'obligations.delegate_id',
          'obligations.due_date',
          'obligations.due_at',
          'obligations.grace_days',
          'obligations.escalated_at',
          'sites.time_zone',
        ])
        .where('obligations.state', '=', 'open')
        .where('obligations.due_date', '<=', horizon)
        .execute();
      const officerCache = new Map<string, Promise<string[]>>();
      const officers = (siteId: string | null, program: string | null) => {
        const key = `${siteId}:${program}`;
        if (!officerCache.has(key)) officerCache.set(key, officersFor(db, siteId, program));
        return officerCache.get(key) as Promise<string[]>;
      };
      // A restricted kind (a health record's review) is reminded and escalated to the holders of its
      // permission at the site (the site's medical staff), never to the site officers.
      const responsible = (o: { kind: string; site_id: string | null; program: string | null }) => {
        const kind = obligationKind(o.kind);
        if (!kind.restricted) return officers(o.site_id, o.program ?? kind.program);
        const key = `${o.site_id}:${kind.restricted.permission}`;
        if (!officerCache.has(key))
          officerCache.set(key, holdersAt(db, o.site_id, kind.restricted.permission));
        return officerCache.get(key) as Promise<string[]>;
      };
      let queued = 0;
      let escalated = 0;
      for (const o of open) {
        const kind = obligationKind(o.kind);
        const today = localDate(at, o.time_zone ?? GROUP_TIME_ZONE);
        let step = reminderStep(o.due_date, o.grace_days, today, kind.schedule);
        // A due time passed on its own day is overdue already (the day's step would still say "before").
        if (pastDueTime(o.due_at, o.grace_days, at) && !step?.startsWith('overdue')) step = 'overdue-1';
        let assignee = o.delegate_id ?? o.owner_id;
        // A restricted kind's assignee who no longer holds its permission is not reminded: its holders are.
        if (assignee && kind.restricted && !(await responsible(o)).includes(assignee)) assignee = null;
        if (step) {
          const recipients = assignee ? [assignee] : await responsible(o);
          queued += await enqueue(o.id, step, recipients);
        }
        if (
          needsEscalation(
            {
              state: 'open',
              dueDate: o.due_date,
              dueAt: o.due_at,
              graceDays: o.grace_days,
              escalated: !!o.escalated_at,
            },
            today,
            at,
          )
        ) {
          // Only the process whose update wins escalates.
          const won = await db
            .updateTable('obligations')
            .set({ escalated_at: at })
            .where('id', '=', o.id)
            .where('escalated_at', 'is', null)
            .executeTakeFirst();
          if (Number(won.numUpdatedRows) === 1) {
            escalated++;
            const to = (await responsible(o)).filter((id) => id !== assignee);
            queued += await enqueue(o.id, 'escalation', to);
          }
        }
      }
      return { obligations: open.length, queued, escalated };
    },

    /**
     * Sends what the outbox holds, except the reminder email of users who chose a daily digest (a notice's
     * email is urgent and goes at once). `noticesOnly`: only notices' email, when their signal arrives.
     */
    async deliver(
      batchSize = 50,
      options: { noticesOnly?: boolean } = {},
    ): Promise<{ sent: number; failed: number; skipped: number }> {
      const totals = { sent: 0, failed: 0, skipped: 0 };
      // Rows left 'sending' by a process that died are retried.
      await db
        .updateTable('notification_outbox')
        .set({ status: 'pending' })
        .where('status', '=', 'sending')
        .where('created_at', '<', new Date(now().getTime() - 15 * 60_000))
        .where('attempts', '<', MAX_ATTEMPTS)
        .execute();
      for (;;) {
        const claimed = await db
          .updateTable('notification_outbox')
          .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1) }))
          .where('id', 'in', (eb) =>
            eb
              .selectFrom('notification_outbox as o')
              .innerJoin('users as u', 'u.id', 'o.recipient_id')
              .select('o.id')
              .where('o.status', '=', 'pending')
              .where((w) =>
                options.noticesOnly
                  ? w('o.notification_id', 'is not', null)
                  : w.or([
                      w('o.channel', '=', 'inbox'),
                      w('u.notification_digest', '=', false),
                      w('o.notification_id', 'is not', null),
                    ]),
              )
              .orderBy('o.created_at')
              .limit(batchSize)
              .forUpdate('o')
              .skipLocked(),
          )
          .returningAll()
          .execute();
        if (claimed.length === 0) return totals;
        for (const row of claimed) {
          const outcome = await this.deliverOne(row);
          totals[outcome]++;
        }
      }
    },

    async deliverOne(row: OutboxRow) {
      if (row.notification_id) return deliverNotice(row);
      const facts = await db
        .selectFrom('obligations')
        .leftJoin('sites', 'sites.id', 'obligations.site_id')
        .innerJoin('users', (j) => j.on('users.id', '=', row.recipient_id))
        .select([
          'obligations.id',
          'obligations.title',
          'obligations.title_key',
          'obligations.title_params',
          'obligations.due_date',
          'obligations.site_id',
          'sites.code as site_code',
          'sites.time_zone',
          'users.email',
          'users.locale',
          'users.active',
        ])
        .where('obligations.id', '=', row.obligation_id as string)
        .executeTakeFirst();
      if (!facts || !facts.active) {
        await db
          .updateTable('notification_outbox')
          .set({ status: 'skipped', last_error: 'obligation or recipient gone' })
          .where('id', '=', row.id)
          .execute();
        return 'skipped' as const;
      }
      const today = localDate(now(), facts.time_zone ?? GROUP_TIME_ZONE);
      const reminderFacts: NotificationFacts = {
        siteCode: facts.site_code,
        dueDate: facts.due_date,
        daysLeft: daysBetween(today, facts.due_date),
        step: row.step,
        escalation: row.step === 'escalation',
      };
      const message = reminderMessage(
        {
          title: renderText(
            facts.locale as Locale,
            storedText(facts.title_key, facts.title_params, facts.title),
          ),
          ...reminderFacts,
        },
        facts.locale as Locale,
      );
      try {
        if (row.channel === 'inbox') {
          await db.transaction().execute(async (trx) => {
            await trx
              .insertInto('notifications')
              .values({
                user_id: row.recipient_id,
                kind: row.step === 'escalation' ? 'escalation' : 'reminder',
                title: message.subject,
                body: message.body,
                facts: JSON.stringify(reminderFacts),
                link: `/obligations/${facts.id}`,
                obligation_id: facts.id,
                site_id: facts.site_id,
              })
              .execute();
            await trx
              .updateTable('notification_outbox')
              .set({ status: 'sent', sent_at: now() })
              .where('id', '=', row.id)
              .execute();
          });
          return 'sent' as const;
        }
        if (!mailer) {
          await db
            .updateTable('notification_outbox')
            .set({ status: 'skipped', last_error: 'no SMTP server configured' })
            .where('id', '=', row.id)
            .execute();
          return 'skipped' as const;
        }
        await mailer.send({
          to: facts.email,
          subject: message.subject,
          text: `${message.body}\n\n${publicUrl}/obligations/${facts.id}`,
        });
        await db
          .updateTable('notification_outbox')
          .set({ status: 'sent', sent_at: now() })
          .where('id', '=', row.id)
          .execute();
        return 'sent' as const;
      } catch (error) {
        const failedForGood = row.attempts >= MAX_ATTEMPTS;
        await db
          .updateTable('notification_outbox')
          .set({
            status: failedForGood ? 'failed' : 'pending',
            last_error: String((error as Error).message).slice(0, 500),
          })
          .where('id', '=', row.id)
          .execute();
        return 'failed' as const;
      }
    },

    /** One email per digest user with everything pending for them. */
    async sendDigests(): Promise<number> {
      if (!mailer) return 0;
      const users = await db
        .selectFrom('notification_outbox as o')
        .innerJoin('users as u', 'u.id', 'o.recipient_id')
        .select(['u.id', 'u.email', 'u.locale'])
        .distinct()
        .where('o.status', '=', 'pending')
        .where('o.channel', '=', 'email')
        .where('o.obligation_id', 'is not', null)
        .where('u.notification_digest', '=', true)
        .execute();
      let sent = 0;
      for (const user of users) {
        const claimed = await db
          .updateTable('notification_outbox')
          .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1) }))
          .where('id', 'in', (eb) =>
            eb
              .selectFrom('notification_outbox')
              .select('id')
              .where('recipient_id', '=', user.id)
              .where('status', '=', 'pending')
              .where('channel', '=', 'email')
              .where('obligation_id', 'is not', null)
              .forUpdate()
              .skipLocked(),
          )
          .returning(['id', 'obligation_id', 'step'])
          .execute();
        if (claimed.length === 0) continue;
        const obligations = await db
          .selectFrom('obligations')
          .leftJoin('sites', 'sites.id', 'obligations.site_id')
          .select([
            'obligations.id',
            'obligations.title',
            'obligations.title_key',
            'obligations.title_params',
            'obligations.due_date',
            'sites.code',
            'sites.time_zone',
          ])
          .where(
            'obligations.id',
            'in',
            claimed.map((c) => c.obligation_id as string),
          )
          .execute();
        const items = claimed.flatMap((c) => {
          const o = obligations.find((x) => x.id === c.obligation_id);
          if (!o) return [];
          const today = localDate(now(), o.time_zone ?? GROUP_TIME_ZONE);
          return [
            reminderMessage(
              {
                title: renderText(user.locale as Locale, storedText(o.title_key, o.title_params, o.title)),
                siteCode: o.code,
                dueDate: o.due_date,
                daysLeft: daysBetween(today, o.due_date),
                step: c.step,
                escalation: c.step === 'escalation',
              },
              user.locale as Locale,
            ),
          ];
        });
        const digest = digestMessage(items, user.locale as Locale);
        const ids = claimed.map((c) => c.id);
        try {
          await mailer.send({
            to: user.email,
            subject: digest.subject,
            text: `${digest.body}\n\n${publicUrl}/obligations`,
          });
          await db
            .updateTable('notification_outbox')
            .set({ status: 'sent', sent_at: now() })
            .where('id', 'in', ids)
            .execute();
          sent++;
        } catch (error) {
          await db
            .updateTable('notification_outbox')
            .set({ status: 'pending', last_error: String((error as Error).message).slice(0, 500) })
            .where('id', 'in', ids)
            .execute();
        }
      }
      return sent;
    },
  };
}

export type ReminderEngine = ReturnType<typeof createReminderEngine>;
