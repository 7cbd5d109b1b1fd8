import { sql } from 'kysely';
import { likePattern } from '#shared/platform/http/list.ts';
import type { Db } from '../../db/types.ts';

/** SQL of the records granted to people outside the company (the external role). */

export async function grantsOfUser(db: Db, userId: string) {
  return db
    .selectFrom('record_grants')
    .select(['record_type', 'record_id'])
    .where('user_id', '=', userId)
    .execute();
}

export async function insertGrant(
  trx: Db,
  grant: { userId: string; recordType: string; recordId: string; siteId: string | null; by: string | null },
) {
  return trx
    .insertInto('record_grants')
    .values({
      user_id: grant.userId,
      record_type: grant.recordType,
      record_id: grant.recordId,
      site_id: grant.siteId,
      created_by: grant.by,
    })
    .onConflict((oc) => oc.columns(['user_id', 'record_type', 'record_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function deleteGrant(trx: Db, userId: string, recordType: string, recordId: string) {
  return trx
    .deleteFrom('record_grants')
    .where('user_id', '=', userId)
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .returningAll()
    .executeTakeFirst();
}

export async function holdersOf(db: Db, recordType: string, recordId: string) {
  return db
    .selectFrom('record_grants')
    .innerJoin('users', 'users.id', 'record_grants.user_id')
    .select(['users.id', 'users.display_name', 'users.email', 'record_grants.created_at'])
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .orderBy('users.display_name')
    .execute();
}

/** Active people outside the company (no role at any site), by name or email. */
export async function outsiders(db: Db, q: string | undefined, limit: number) {
  let base = db
    .selectFrom('users')
    .select(['id', 'display_name', 'email'])
    .where('active', '=', true)
    .where(sql<boolean>`not exists (select 1 from role_assignments ra where ra.user_id = users.id)`);
  if (q) {
    const p = likePattern(q);
    base = base.where((eb) => eb.or([eb('email', 'ilike', p), eb('display_name', 'ilike', p)]));
  }
  return base.orderBy('display_name').orderBy('id').limit(limit).execute();
}
