import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * The OHS titles and descriptions already stored as English sentences become message keys and parameters
 * (server/modules/ohs/messages.ts), shown in the reader's language: a hazard's review, a health record's
 * review, a contractor qualification's expiry, the notice to the labour authority, and the description of an
 * action raised by an investigation. Text that matches none of those sentences stays as typed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    String.raw`
    update obligations o set title_key = 'ohs.obligation.hazardReview',
      title_params = jsonb_build_object('hazard', m[1], 'activity', m[2]), title = null
    from (select id, regexp_match(title, '^Review the risk of "(.*)" \((.*)\)$') m from obligations
          where kind = 'ohs.hazard_review' and title_key is null) x
    where o.id = x.id and x.m is not null;

    update obligations set title_key = 'ohs.obligation.healthReview', title_params = '{}'::jsonb, title = null
    where kind = 'ohs.health_followup' and title_key is null
      and title in ('Health record review', 'Follow-up consultation after a health screening');

    update obligations o set title_key = 'ohs.obligation.qualificationExpiry',
      title_params = jsonb_build_object('worker', m[1],
        'kind', jsonb_build_object('key', 'ohs.qualificationKind.' || replace(m[2], ' ', '_'))),
      title = null
    from (select id, regexp_match(title, '^(.*): (safety induction|pipeline work|hot work|confined space|electrical|crane operation|elevated work|chemical handling|first aid) qualification expires$') m
          from obligations where kind = 'ohs.qualification_expiry' and title_key is null) x
    where o.id = x.id and x.m is not null;

    update obligations o set title_key = 'ohs.obligation.authorityNotice',
      title_params = jsonb_build_object('reference', m[1], 'hours', m[2]::int), title = null
    from (select id, regexp_match(title, '^Notify the labour authority of (.+) within (\d+) hours$') m
          from obligations where kind = 'ohs.authority_notice' and title_key is null) x
    where o.id = x.id and x.m is not null;

    update actions a set description_key = 'ohs.action.fromInvestigation',
      description_params = jsonb_build_object('reference', m[1], 'cause', m[2]), description = null
    from (select id, regexp_match(description, '^From the investigation of (.+?): (.*)\.$') m
          from actions where source_type = 'ohs_root_cause' and description_key is null
            and description is not null) x
    where a.id = x.id and x.m is not null;
    `,
  );
}
