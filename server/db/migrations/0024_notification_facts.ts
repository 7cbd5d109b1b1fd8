import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * A reminder in the inbox is shown in the reader's language at the moment it is read: the notification keeps
 * the facts of the reminder (step, due date, days left then, site) and takes the title from its obligation, in
 * place of a sentence rendered once in the language the recipient had when it was sent. Reminders already
 * delivered get their facts from their obligation and the day they were sent (in the site's time zone).
 * A notification whose obligation is gone keeps its stored text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table notifications add column facts jsonb;
    update notifications n
       set facts = jsonb_build_object(
             'step', case when n.kind = 'escalation' then 'escalation' else 'reminder' end,
             'escalation', n.kind = 'escalation',
             'dueDate', to_char(o.due_date, 'YYYY-MM-DD'),
             'daysLeft', o.due_date - (n.created_at at time zone coalesce(s.time_zone, 'Asia/Taipei'))::date,
             'siteCode', s.code)
      from obligations o
      left join sites s on s.id = o.site_id
     where o.id = n.obligation_id and n.kind in ('reminder', 'escalation');
    `,
  );
}
