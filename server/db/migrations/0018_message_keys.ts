import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * Text the server writes is kept as a message key and parameters (server/platform/i18n) and rendered in the
 * reader's language, no longer stored as an English sentence. Obligation titles and action titles and
 * descriptions get `<column>_key` and `<column>_params`; the text column keeps what a user typed (key null).
 * The platform's titles already stored are turned into keys where they match the sentences the platform wrote
 * (a certificate's renewal, a meeting's minutes, an action's due date, an action raised by a decision); any
 * other text stays as it was, shown as typed. A module turns its own sentences in its own migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    String.raw`
    alter table obligations alter column title drop not null;
    alter table obligations add column title_key text, add column title_params jsonb;
    alter table actions alter column title drop not null;
    alter table actions add column title_key text, add column title_params jsonb,
      add column description_key text, add column description_params jsonb;

    update obligations o set title_key = 'platform.certification.renew',
      title_params = jsonb_build_object('standard', m[1], 'holder', m[2]), title = null
    from (select id, regexp_match(title, '^Renew (.+) certificate of (.*)$') m from obligations
          where kind = 'certification.renewal' and title_key is null) x
    where o.id = x.id and x.m is not null;

    update obligations o set title_key = 'platform.meeting.minutes',
      title_params = jsonb_build_object('committee', m[1], 'meeting', m[2]), title = null
    from (select id, regexp_match(title, '^Minutes of (.+?): (.*)$') m from obligations
          where kind = 'meeting.minutes' and title_key is null) x
    where o.id = x.id and x.m is not null;

    update obligations o set title_key = 'platform.action.due',
      title_params = jsonb_build_object('title', m[1]), title = null
    from (select id, regexp_match(title, '^Action: (.*)$') m from obligations
          where kind = 'action.due' and title_key is null) x
    where o.id = x.id and x.m is not null;

    update actions a set description_key = 'platform.action.fromDecision',
      description_params = jsonb_build_object('seq', m[1]::int, 'committee', m[2], 'meeting', m[3],
        'date', m[4], 'text', m[5]),
      description = null
    from (select id, regexp_match(description, '^Decision (\d+) of (.+?), (.*) \((\d{4}-\d{2}-\d{2})\): (.*)$') m
          from actions where source_type = 'meeting' and description_key is null and description is not null) x
    where a.id = x.id and x.m is not null;

    alter table obligations add constraint obligations_title_present
      check (title is not null or title_key is not null);
    alter table actions add constraint actions_title_present
      check (title is not null or title_key is not null);
    `,
  );
}
