import type { Db } from '../../../db/types.ts';

/** SQL of the self-service pages (a person's own reports come from the incidents' repository). */

/** The root causes of these investigations: their actions are what was done about a report. */
export function rootCausesOf(db: Db, investigationIds: readonly string[]) {
  if (!investigationIds.length) return Promise.resolve([]);
  return db
    .selectFrom('ohs_root_causes')
    .select(['id', 'investigation_id'])
    .where('investigation_id', 'in', [...investigationIds])
    .execute();
}

export function qualificationsOfWorker(db: Db, workerId: string) {
  return db
    .selectFrom('contractor_qualifications as q')
    .select(['q.id', 'q.kind', 'q.certificate_no', 'q.issued_on', 'q.valid_until'])
    .where('q.worker_id', '=', workerId)
    .orderBy('q.valid_until')
    .orderBy('q.id')
    .execute();
}
