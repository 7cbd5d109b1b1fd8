import type { Insertable } from 'kysely';
import type { Db } from '../../../db/types.ts';
import type { OhsInjuriesTable } from '../tables.ts';

/** SQL of the people injured in incidents (their names: platform lookups). */

export function injuriesOf(db: Db, incidentId: string) {
  return db
    .selectFrom('ohs_injuries as j')
    .selectAll('j')
    .where('j.incident_id', '=', incidentId)
    .orderBy('j.created_at')
    .execute();
}

export const injuryById = (db: Db, id: string) =>
  db.selectFrom('ohs_injuries').selectAll().where('id', '=', id).executeTakeFirst();

export const insertInjury = (db: Db, values: Insertable<OhsInjuriesTable>) =>
  db.insertInto('ohs_injuries').values(values).returningAll().executeTakeFirstOrThrow();

export const injuryFacts = (db: Db, incidentId: string) =>
  db
    .selectFrom('ohs_injuries')
    .select(['classification', 'hospitalised'])
    .where('incident_id', '=', incidentId)
    .execute();

/** The injuries of an incident happened on the day it did. */
export async function setInjuryDates(db: Db, incidentId: string, day: string) {
  await db
    .updateTable('ohs_injuries')
    .set({ injury_date: day })
    .where('incident_id', '=', incidentId)
    .execute();
}

export async function deleteInjury(db: Db, id: string) {
  await db.deleteFrom('ohs_injuries').where('id', '=', id).execute();
}
