import { sql } from 'kysely';
import type { Db } from '../../../db/types.ts';
import type { SiteScope } from '../../../platform/access/actor.ts';
import { inScope } from '../../../platform/access/sql.ts';

/** Every SQL statement of drills, on the module's own tables, scoped by their site. */

export function drillRows(db: Db) {
  return db.selectFrom('infosec_drills as d').selectAll('d');
}
export type DrillRow = Awaited<ReturnType<ReturnType<typeof drillRows>['execute']>>[number];

export function drillListBase(db: Db, scope: SiteScope) {
  return drillRows(db).where((eb) => inScope(eb, 'd.site_id', scope));
}

export async function peopleOf(db: Db, drillIds: readonly string[]) {
  if (drillIds.length === 0) return [];
  return db
    .selectFrom('infosec_drill_people')
    .selectAll()
    .where('drill_id', 'in', [...drillIds])
    .orderBy('position')
    .execute();
}

/** The systems of the drills with their objectives from the register. */
export async function systemsOf(db: Db, drillIds: readonly string[]) {
  if (drillIds.length === 0) return [];
  return db
    .selectFrom('infosec_drill_systems as ds')
    .innerJoin('infosec_systems as s', 's.id', 'ds.system_id')
    .select([
      'ds.drill_id',
      'ds.system_id',
      'ds.backup_source',
      'ds.achieved_rto_hours',
      'ds.achieved_rpo_hours',
      'ds.data_restored',
      's.name',
      's.criticality',
      's.rto_hours',
      's.rpo_hours',
    ])
    .where('ds.drill_id', 'in', [...drillIds])
    .orderBy('s.name')
    .execute();
}

/** The ids among these that are registered systems of the site. */
export async function systemIdsAtSite(db: Db, siteId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('infosec_systems')
    .select('id')
    .where('site_id', '=', siteId)
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function replacePeople(
  trx: Db,
  drillId: string,
  siteId: string,
  people: { userId: string; role: string; unit: string; task: string; backupUserId?: string | null }[],
) {
  await trx.deleteFrom('infosec_drill_people').where('drill_id', '=', drillId).execute();
  if (people.length === 0) return;
  await trx
    .insertInto('infosec_drill_people')
    .values(
      people.map((p, position) => ({
        drill_id: drillId,
        user_id: p.userId,
        site_id: siteId,
        position,
        role: p.role,
        unit: p.unit,
        task: p.task,
        backup_user_id: p.backupUserId ?? null,
      })),
    )
    .execute();
}

export async function replaceSystems(
  trx: Db,
  drillId: string,
  siteId: string,
  systems: { systemId: string; backupSource: string }[],
) {
  await trx.deleteFrom('infosec_drill_systems').where('drill_id', '=', drillId).execute();
  if (systems.length === 0) return;
  await trx
    .insertInto('infosec_drill_systems')
    .values(
      systems.map((s) => ({
        drill_id: drillId,
        system_id: s.systemId,
        site_id: siteId,
        backup_source: s.backupSource,
      })),
    )
    .execute();
}

export async function recordAchieved(
  trx: Db,
  drillId: string,
  s: {
    systemId: string;
    achievedRtoHours: number | null;
    achievedRpoHours: number | null;
    dataRestored: boolean;
  },
) {
  await trx
    .updateTable('infosec_drill_systems')
    .set({
      achieved_rto_hours: s.achievedRtoHours,
      achieved_rpo_hours: s.achievedRpoHours,
      data_restored: s.dataRestored,
    })
    .where('drill_id', '=', drillId)
    .where('system_id', '=', s.systemId)
    .execute();
}

/** The drills of a kind held at a site, the latest first. */
export function heldAtSite(db: Db, siteId: string, kind: string) {
  return db
    .selectFrom('infosec_drills')
    .select(['id', 'held_on'])
    .where('site_id', '=', siteId)
    .where('kind', '=', kind as 'recovery')
    .where('status', '<>', 'planned')
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The drills held in a year by kind, and those planned in it, counted from the rows. */
export async function yearFigures(db: Db, scope: SiteScope, year: number, siteId?: string) {
  let q = db
    .selectFrom('infosec_drills')
    .select([
      'kind',
      sql<number>`count(*) filter (where status <> 'planned' and extract(year from held_on) = ${year})`.as(
        'held',
      ),
      sql<number>`count(*) filter (where status = 'planned' and extract(year from planned_on) = ${year})`.as(
        'planned',
      ),
    ])
    .where((eb) => inScope(eb, 'site_id', scope))
    .groupBy('kind');
  if (siteId) q = q.where('site_id', '=', siteId);
  return q.execute();
}
