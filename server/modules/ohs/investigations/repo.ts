import { type Insertable, sql } from 'kysely';
import type { Db } from '../../../db/types.ts';
import type { SiteScope } from '../../../platform/access/actor.ts';
import { inScope } from '../../../platform/access/sql.ts';
import type { OhsInvestigationEventsTable, OhsInvestigationsTable, OhsRootCausesTable } from '../tables.ts';

/** SQL of investigations, their timelines and root causes (the names of people: platform lookups). */

export const investigationById = (db: Db, id: string) =>
  db
    .selectFrom('ohs_investigations as v')
    .innerJoin('ohs_incidents as i', 'i.id', 'v.incident_id')
    .selectAll('v')
    .select(['i.reference as incident_reference'])
    .where('v.id', '=', id)
    .executeTakeFirst();

export const rootCausesOf = (db: Db, investigationId: string) =>
  db
    .selectFrom('ohs_root_causes')
    .selectAll()
    .where('investigation_id', '=', investigationId)
    .orderBy('created_at')
    .execute();

export const timelineOf = (db: Db, investigationId: string) =>
  db
    .selectFrom('ohs_investigation_events')
    .select(['id', 'at', 'description'])
    .where('investigation_id', '=', investigationId)
    .orderBy('at')
    .execute();

export const rootCauseById = (db: Db, id: string) =>
  db.selectFrom('ohs_root_causes').selectAll().where('id', '=', id).executeTakeFirst();

/** The incident an investigation is to be opened for. */
export const incidentToInvestigate = (db: Db, incidentId: string) =>
  db
    .selectFrom('ohs_incidents')
    .select(['id', 'site_id', 'reference'])
    .where('id', '=', incidentId)
    .executeTakeFirst();

export const investigationOfIncident = (db: Db, incidentId: string) =>
  db.selectFrom('ohs_investigations').select('id').where('incident_id', '=', incidentId).executeTakeFirst();

export const insertInvestigation = (db: Db, values: Insertable<OhsInvestigationsTable>) =>
  db.insertInto('ohs_investigations').values(values).returningAll().executeTakeFirstOrThrow();

export const insertTimelineEvent = (db: Db, values: Insertable<OhsInvestigationEventsTable>) =>
  db.insertInto('ohs_investigation_events').values(values).returningAll().executeTakeFirstOrThrow();

export const insertRootCause = (db: Db, values: Insertable<OhsRootCausesTable>) =>
  db.insertInto('ohs_root_causes').values(values).returningAll().executeTakeFirstOrThrow();

export async function deleteRootCause(db: Db, id: string) {
  await db.deleteFrom('ohs_root_causes').where('id', '=', id).execute();
}

/** A root cause's statement and site with its incident: how actions name it. */
export const rootCauseLabel = (db: Db, id: string) =>
  db
    .selectFrom('ohs_root_causes')
    .innerJoin('ohs_investigations', 'ohs_investigations.id', 'ohs_root_causes.investigation_id')
    .innerJoin('ohs_incidents', 'ohs_incidents.id', 'ohs_investigations.incident_id')
    .select([
      'ohs_root_causes.statement',
      'ohs_root_causes.site_id',
      'ohs_incidents.id as incident_id',
      'ohs_incidents.reference',
    ])
    .where('ohs_root_causes.id', '=', id)
    .executeTakeFirst();

/** Investigations in scope still open, and those closed in a year (the Board report). */
export const openAndClosed = (db: Db, scope: SiteScope, year: number) =>
  db
    .selectFrom('ohs_investigations')
    .select([
      sql<number>`count(*) filter (where status <> 'closed')`.as('open'),
      sql<number>`count(*) filter (where status = 'closed' and extract(year from closed_at) = ${year})`.as(
        'closed',
      ),
    ])
    .where((eb) => inScope(eb, 'site_id', scope))
    .executeTakeFirstOrThrow();
