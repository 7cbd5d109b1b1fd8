import type { Kysely } from 'kysely';
import { runStatements } from '../../../db/migrations/statements.ts';

/**
 * Evaluations of an internship: by the company mentor and by the student, each a rating from 1 to 5 with
 * comments. The comments are personal data of the intern: the retention job erases them with the name.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table academia_intern_evaluations (
      id uuid primary key default gen_random_uuid(),
      site_id uuid not null references sites(id),
      intern_id uuid not null references academia_interns(id) on delete cascade,
      evaluator text not null check (evaluator in ('mentor', 'student')),
      rating integer not null check (rating between 1 and 5),
      evaluated_on date not null,
      comments text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by uuid,
      updated_at timestamptz not null default now(),
      updated_by uuid
    );
    create index academia_intern_evaluations_intern_idx on academia_intern_evaluations (intern_id, evaluated_on);
    `,
  );
}
