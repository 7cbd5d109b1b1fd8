import type { Db } from '../../db/types.ts';

/** How many live documents each of these owner records has (records without any are left out). */
export async function documentCounts(
  db: Db,
  entityType: string,
  entityIds: readonly string[],
): Promise<{ entity_id: string; n: number }[]> {
  if (entityIds.length === 0) return [];
  return db
    .selectFrom('documents')
    .select(['entity_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('entity_type', '=', entityType)
    .where('entity_id', 'in', [...entityIds])
    .where('deleted_at', 'is', null)
    .groupBy('entity_id')
    .execute();
}
