import { sql } from 'kysely';
import type { Db } from '../../../db/types.ts';

/** SQL of engagements and findings (platform data comes through platform services). */

export function engagementRows(db: Db) {
  return db
    .selectFrom('infosec_engagements as e')
    .selectAll('e')
    .select((eb) =>
      eb
        .selectFrom('infosec_findings as f')
        .select((f) => f.fn.countAll<string>().as('n'))
        .whereRef('f.engagement_id', '=', 'e.id')
        .where('f.status', '=', 'open')
        .as('open_findings'),
    );
}
export type EngagementRow = Awaited<ReturnType<ReturnType<typeof engagementRows>['execute']>>[number];

export function findingRows(db: Db) {
  return db
    .selectFrom('infosec_findings as f')
    .innerJoin('infosec_engagements as e', 'e.id', 'f.engagement_id')
    .leftJoin('infosec_systems as s', 's.id', 'f.system_id')
    .selectAll('f')
    .select(['e.reference as engagement_reference', 's.name as system_name']);
}
export type FindingRow = Awaited<ReturnType<ReturnType<typeof findingRows>['execute']>>[number];

/** The findings already known at a site for a tool, by identity. */
export function knownFindings(db: Db, siteId: string, tool: string, identities: string[]) {
  return db
    .selectFrom('infosec_findings')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('tool', '=', tool)
    .where('identity', 'in', identities)
    .execute();
}

/**
 * A rescan of the same scope by the same tool no longer reports these: the open and accepted findings of
 * that site, tool and scope that the import did not see are closed.
 */
export async function closeUnreported(
  trx: Db,
  scope: { siteId: string; tool: string; scanScope: string },
  importId: string,
  at: Date,
  actorId: string | null,
) {
  const closed = await trx
    .updateTable('infosec_findings')
    .set({
      status: 'closed',
      closed_reason: 'not_reported',
      closed_at: at,
      version: sql`version + 1`,
      updated_at: at,
      updated_by: actorId,
    })
    .where('site_id', '=', scope.siteId)
    .where('tool', '=', scope.tool)
    .where('scan_scope', '=', scope.scanScope)
    .where('status', 'in', ['open', 'accepted'])
    .where((eb) => eb.or([eb('last_import_id', 'is', null), eb('last_import_id', '<>', importId)]))
    .executeTakeFirst();
  return Number(closed.numUpdatedRows);
}

/** Open findings counted by site, severity and age band, with how many are overdue. */
export function openAgeing(db: Db, today: string) {
  const age = sql<number>`(${today}::date - f.opened_on)`;
  return db
    .selectFrom('infosec_findings as f')
    .select([
      'f.site_id',
      'f.severity',
      sql<string>`count(*) filter (where ${age} <= 30)`.as('d30'),
      sql<string>`count(*) filter (where ${age} between 31 and 90)`.as('d90'),
      sql<string>`count(*) filter (where ${age} between 91 and 180)`.as('d180'),
      sql<string>`count(*) filter (where ${age} > 180)`.as('older'),
      sql<string>`count(*) filter (where f.due_on < ${today}::date)`.as('overdue'),
    ])
    .where('f.status', '=', 'open')
    .groupBy(['f.site_id', 'f.severity']);
}

/**
 * SLA compliance by the month findings fell due: met when closed on or before the due date (a risk accepted
 * counts as neither met nor breached), breached when closed later or still open after it.
 */
export function slaByMonth(db: Db, from: string, today: string) {
  const month = sql<string>`to_char(f.due_on, 'YYYY-MM')`;
  return db
    .selectFrom('infosec_findings as f')
    .select([
      month.as('month'),
      sql<string>`count(*) filter (where f.status = 'closed' and f.closed_at::date <= f.due_on)`.as('met'),
      sql<string>`count(*) filter (where (f.status = 'closed' and f.closed_at::date > f.due_on) or (f.status = 'open' and f.due_on < ${today}::date))`.as(
        'breached',
      ),
    ])
    .where('f.due_on', '>=', from)
    .where('f.due_on', '<', today)
    .groupBy(month)
    .orderBy(month);
}
