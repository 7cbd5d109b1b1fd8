import { type ExpressionBuilder, sql } from 'kysely';
import type { Tlp } from '#shared/modules/infosec/advisories/contract.ts';
import { restrictedTlp } from '#shared/modules/infosec/advisories/contract.ts';
import type { DB as Database } from '../../../db/schema.ts';
import type { Db } from '../../../db/types.ts';
import type { SiteScope } from '../../../platform/access/actor.ts';
import { inScope } from '../../../platform/access/sql.ts';
import type { RoutableSystem } from './routing.ts';

/** SQL of the advisories' own tables. */

const CHUNK = 500;

/** Inserts rows in chunks (a bundle of thousands of objects stays under the bind-parameter limit). */
export async function insertChunked<T extends keyof Database & string>(
  db: Db,
  table: T,
  rows: readonly Record<string, unknown>[],
) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto(table)
      // biome-ignore lint/suspicious/noExplicitAny: the rows are typed by the caller's table
      .values(rows.slice(i, i + CHUNK) as any)
      .execute();
}

type Eb = ExpressionBuilder<Database & { a: Database['infosec_advisories'] }, 'a'>;

/**
 * Whether an actor sees an advisory: TLP:CLEAR and GREEN at the sites it was routed to (every one with the
 * whole group in scope); TLP:AMBER, AMBER+STRICT and RED only by the people named on it.
 */
export function visibleTo(eb: Eb, scope: SiteScope, userId: string | null) {
  const open = eb.and([
    eb('a.tlp', 'not in', [...restrictedTlp]),
    scope === 'all'
      ? sql<boolean>`true`
      : eb.exists(
          eb
            .selectFrom('infosec_advisory_sites as v')
            .select('v.site_id')
            .whereRef('v.advisory_id', '=', 'a.id')
            .where((e) => inScope(e, 'v.site_id', scope)),
        ),
  ]);
  if (!userId) return open;
  return eb.or([
    open,
    eb.and([
      eb('a.tlp', 'in', [...restrictedTlp]),
      eb.exists(
        eb
          .selectFrom('infosec_advisory_recipients as r')
          .select('r.user_id')
          .whereRef('r.advisory_id', '=', 'a.id')
          .where('r.user_id', '=', userId),
      ),
    ]),
  ]);
}

/** Advisories with their figures over the routed sites in `scope`. */
export function advisoryRows(db: Db, scope: SiteScope) {
  const sites = (eb: Eb) =>
    eb
      .selectFrom('infosec_advisory_sites as s')
      .whereRef('s.advisory_id', '=', 'a.id')
      .where((e) => inScope(e, 's.site_id', scope));
  return db
    .selectFrom('infosec_advisories as a')
    .selectAll('a')
    .select((eb) => [
      sites(eb)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('site_count'),
      sites(eb)
        .where('s.status', '=', 'open')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('open_count'),
      sites(eb)
        .where('s.status', '=', 'open')
        .select((e) => e.fn.min('s.due_on').as('d'))
        .as('next_due_on'),
      eb
        .selectFrom('infosec_advisory_objects as o')
        .whereRef('o.advisory_id', '=', 'a.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('object_count'),
    ]);
}
export type AdvisoryRow = Awaited<ReturnType<ReturnType<typeof advisoryRows>['execute']>>[number];

/** Severity as a number to sort by, most severe last. */
export const severityOrder = sql<number>`case a.severity when 'low' then 1 when 'medium' then 2 when 'high' then 3 else 4 end`;

/** The next reference of the year's advisories: ADV-2026-0042. */
export async function nextReference(db: Db, year: number): Promise<string> {
  const prefix = `ADV-${year}-`;
  await sql`select pg_advisory_xact_lock(hashtext(${`infosec_advisories:${prefix}`}))`.execute(db);
  const r = await db
    .selectFrom('infosec_advisories')
    .select((eb) => eb.fn.max('reference').as('last'))
    .where('reference', 'like', `${prefix}%`)
    .executeTakeFirst();
  const last = r?.last ? Number.parseInt(String(r.last).slice(prefix.length), 10) : 0;
  return `${prefix}${String(last + 1).padStart(4, '0')}`;
}

/**
 * The registered systems that may run one of these products (by their product name or their CPE's product
 * component): one query for the whole bundle; routing then checks vendor and version.
 */
export async function candidateSystems(db: Db, productKeys: readonly string[]): Promise<RoutableSystem[]> {
  if (productKeys.length === 0) return [];
  const keys = [...productKeys];
  return db
    .selectFrom('infosec_systems')
    .select(['id', 'site_id', 'vendor', 'product', 'product_version', 'cpe'])
    .where((eb) =>
      eb.or([
        eb(sql`lower(regexp_replace(trim(product), '[[:space:]_]+', '_', 'g'))`, 'in', keys),
        eb(sql`lower(replace(split_part(cpe, ':', 5), '\\', ''))`, 'in', keys),
      ]),
    )
    .execute();
}

/** An advisory's TLP level and the sites it was routed to (to tell 403 from 404). */
export async function routedSites(db: Db, id: string) {
  const a = await db.selectFrom('infosec_advisories').select('tlp').where('id', '=', id).executeTakeFirst();
  if (!a) return null;
  const sites = await db
    .selectFrom('infosec_advisory_sites')
    .select('site_id')
    .where('advisory_id', '=', id)
    .execute();
  return { tlp: a.tlp as Tlp, siteIds: sites.map((s) => s.site_id) };
}

/**
 * An observable's value is one the incident records as its own observable, or appears (case-insensitively) in
 * its title, description or timeline notes. One condition for the whole list: no query per indicator.
 */
export function appearsInIncident(incidentId: string) {
  return sql<boolean>`(exists (
    select 1 from infosec_incident_observables o
    where o.incident_id = ${incidentId} and lower(o.value) = lower(i.value)
  ) or exists (
    select 1 from infosec_incidents n
    where n.id = ${incidentId}
      and strpos(
        lower(n.title || ' ' || n.description || ' ' || coalesce(
          (select string_agg(t.text, ' ') from infosec_timeline t where t.incident_id = n.id), '')),
        lower(i.value)
      ) > 0
  ))`;
}
