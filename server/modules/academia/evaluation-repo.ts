import type { Db } from '../../db/types.ts';

/** An intern's evaluations, oldest first. */
export function evaluationsOf(db: Db, internId: string) {
  return db
    .selectFrom('academia_intern_evaluations')
    .selectAll()
    .where('intern_id', '=', internId)
    .orderBy('evaluated_on')
    .orderBy('created_at')
    .execute();
}

export function insertEvaluation(
  trx: Db,
  row: {
    site_id: string;
    intern_id: string;
    evaluator: 'mentor' | 'student';
    rating: number;
    evaluated_on: string;
    comments: string | null;
    created_by: string | null;
    given_by_student: boolean;
  },
) {
  return trx
    .insertInto('academia_intern_evaluations')
    .values({ ...row, updated_by: row.created_by })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The retention job erases the comments of anonymised interns' evaluations with their names. */
export function eraseComments(trx: Db, internIds: string[]) {
  if (internIds.length === 0) return Promise.resolve([]);
  return trx
    .updateTable('academia_intern_evaluations')
    .set((eb) => ({
      comments: null,
      version: eb('version', '+', 1),
      updated_at: new Date(),
      updated_by: null,
    }))
    .where('intern_id', 'in', internIds)
    .where('comments', 'is not', null)
    .returning('id')
    .execute();
}
