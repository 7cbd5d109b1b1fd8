import { sql } from 'kysely';
import type { Db } from '../../../db/types.ts';
import type { Actor, SiteScope } from '../../../platform/access/actor.ts';
import { visibleTo } from '../advisories/repo.ts';
import { visibleIncidents } from '../visibility.ts';

/** SQL of the response work on an incident: tasks, observables and their cross-references, custody, lessons. */

export function taskRows(db: Db, incidentId: string) {
  return db
    .selectFrom('infosec_incident_tasks')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
export type TaskRow = Awaited<ReturnType<typeof taskRows>>[number];

export function taskRow(db: Db, id: string) {
  return db.selectFrom('infosec_incident_tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export function observableRows(db: Db, incidentId: string) {
  return db
    .selectFrom('infosec_incident_observables')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('kind')
    .orderBy('value')
    .execute();
}
export type ObservableRow = Awaited<ReturnType<typeof observableRows>>[number];

export function observableRow(db: Db, id: string) {
  return db.selectFrom('infosec_incident_observables').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Other incidents the actor may read that carry any of these values (one query for all of them). */
export function incidentsSharing(db: Db, actor: Actor, incidentId: string, values: readonly string[]) {
  if (values.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('infosec_incident_observables as o')
    .innerJoin('infosec_incidents as i', 'i.id', 'o.incident_id')
    .select(['o.kind', 'o.value', 'i.id', 'i.reference', 'i.title', 'i.site_id'])
    .where('o.value', 'in', [...values])
    .where('o.incident_id', '<>', incidentId)
    .where((eb) => visibleIncidents(eb, actor))
    .orderBy('i.aware_at', 'desc')
    .execute();
}

/**
 * Advisories the actor may see whose observables or indicator patterns carry any of these values, compared
 * without case (advisories keep the value as their STIX bundle wrote it).
 */
export function advisoriesSharing(
  db: Db,
  scope: SiteScope,
  userId: string | null,
  values: readonly string[],
) {
  if (values.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('infosec_advisory_observables as ao')
    .innerJoin('infosec_advisories as a', 'a.id', 'ao.advisory_id')
    .select([sql<string>`lower(ao.value)`.as('value'), 'a.id', 'a.title', 'a.tlp'])
    .where(
      sql<string>`lower(ao.value)`,
      'in',
      values.map((v) => v.toLowerCase()),
    )
    .where((eb) => visibleTo(eb as never, scope, userId))
    .distinct()
    .execute();
}

export function custodyRows(db: Db, incidentId: string) {
  return db
    .selectFrom('infosec_evidence_custody')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('at')
    .orderBy('created_at')
    .execute();
}

export function lessonRows(db: Db, incidentId: string) {
  return db
    .selectFrom('infosec_incident_lessons')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
