import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

/**
 * A course's subject "intellectual property" was stored as 'ip', the same string as the IP program's key; it
 * is now 'intellectual_property', a word like the other subjects ('cybersecurity', 'safety'), so that the
 * platform's training never speaks in a program's key. The year summary keeps per-domain rows: they are
 * renamed in place rather than rebuilt (the rebuild trigger on a course's domain is held while the courses
 * change, since the renamed rows already hold the same figures).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table training_courses drop constraint training_courses_domain_check;
    alter table training_courses disable trigger training_course_domain_changed;
    update training_courses set domain = 'intellectual_property' where domain = 'ip';
    alter table training_courses enable trigger training_course_domain_changed;
    update training_year_sites set domain = 'intellectual_property' where domain = 'ip';
    alter table training_courses add constraint training_courses_domain_check
      check (domain in ('intellectual_property', 'cybersecurity', 'safety', 'other'));
    `,
  );
}
