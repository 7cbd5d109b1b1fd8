import { sql } from 'kysely';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { visibleIncidents } from './visibility.ts';

/** SQL of the information security program's own tables (platform data comes through platform services). */

export function systemRows(db: Db) {
  return db.selectFrom('infosec_systems as s').selectAll('s');
}
export type SystemRow = Awaited<ReturnType<ReturnType<typeof systemRows>['execute']>>[number];

export function incidentRows(db: Db) {
  return db.selectFrom('infosec_incidents as i').selectAll('i');
}
export type IncidentRow = Awaited<ReturnType<ReturnType<typeof incidentRows>['execute']>>[number];

/** The next reference of a site's security incidents in a year: K7-SEC-2026-0042. */
export async function nextReference(db: Db, siteCode: string, year: number): Promise<string> {
  const prefix = `${siteCode}-SEC-${year}-`;
  await sql`select pg_advisory_xact_lock(hashtext(${`infosec_incidents:${prefix}`}))`.execute(db);
  const r = await db
    .selectFrom('infosec_incidents')
    .select((eb) => eb.fn.max('reference').as('last'))
    .where('reference', 'like', `${prefix}%`)
    .executeTakeFirst();
  const last = r?.last ? Number.parseInt(String(r.last).slice(prefix.length), 10) : 0;
  return `${prefix}${String(last + 1).padStart(4, '0')}`;
}

export async function incidentLinks(db: Db, incidentId: string) {
  const [sites, systems, people] = await Promise.all([
    db.selectFrom('infosec_incident_sites').select('site_id').where('incident_id', '=', incidentId).execute(),
    db
      .selectFrom('infosec_incident_systems as l')
      .innerJoin('infosec_systems as s', 's.id', 'l.system_id')
      .select(['s.id', 's.name', 's.site_id'])
      .where('l.incident_id', '=', incidentId)
      .orderBy('s.name')
      .execute(),
    db
      .selectFrom('infosec_incident_people')
      .select('user_id')
      .where('incident_id', '=', incidentId)
      .execute(),
  ]);
  return {
    siteIds: sites.map((s) => s.site_id),
    systems,
    userIds: people.map((p) => p.user_id),
  };
}

/** The incident's response tasks not done yet. */
export async function openTaskCount(db: Db, incidentId: string): Promise<number> {
  const r = await db
    .selectFrom('infosec_incident_tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('incident_id', '=', incidentId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export type TimelineEntry = { at: Date; kind: string; text?: string | null; data?: unknown };

/** One line of an incident's timeline, written by `actorId`. */
export async function insertTimeline(
  trx: Db,
  actorId: string | null,
  row: { id: string; site_id: string },
  entry: TimelineEntry,
) {
  await trx
    .insertInto('infosec_timeline')
    .values({
      incident_id: row.id,
      site_id: row.site_id,
      at: entry.at,
      kind: entry.kind,
      text: entry.text ?? null,
      data: entry.data === undefined ? null : JSON.stringify(entry.data),
      created_by: actorId,
    })
    .execute();
}

export function timelineRows(db: Db, incidentId: string) {
  return db
    .selectFrom('infosec_timeline')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('at')
    .orderBy('created_at')
    .execute();
}

/**
 * Incidents the actor may read, per site and quarter of an hour (UTC) of the moment the group became aware of
 * them, in [from, to).
 */
export function incidentQuarterHours(db: Db, actor: Actor, f: { siteId?: string; from: Date; to: Date }) {
  let q = db
    .selectFrom('infosec_incidents as i')
    .select([
      'i.site_id',
      sql<Date>`date_bin('15 minutes', i.aware_at, timestamptz '2000-01-01 00:00:00+00')`.as('quarter'),
      sql<number>`count(*)::int`.as('count'),
    ])
    .where((eb) => visibleIncidents(eb, actor))
    .where('i.aware_at', '>=', f.from)
    .where('i.aware_at', '<', f.to);
  if (f.siteId) q = q.where('i.site_id', '=', f.siteId);
  return q.groupBy(['i.site_id', 'quarter']).execute();
}
