import type { Db } from '../../db/types.ts';

/** The ids of the actions raised from these source records, in the order they were raised. */
export async function actionIdsBySource(
  db: Db,
  sourceType: string,
  sourceIds: readonly string[],
): Promise<{ id: string; source_id: string | null }[]> {
  if (sourceIds.length === 0) return [];
  return db
    .selectFrom('actions')
    .select(['id', 'source_id'])
    .where('source_type', '=', sourceType)
    .where('source_id', 'in', [...sourceIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
