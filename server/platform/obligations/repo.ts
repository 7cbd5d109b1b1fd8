import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { roles } from '#shared/platform/access/roles.ts';
import { addDays } from '#shared/platform/obligations/rules/reminders.ts';
import type { Db } from '../../db/types.ts';
import { type Actor, type SiteScope, sitesWith } from '../access/actor.ts';
import { grantsMatch, type Permission } from '../access/policy.ts';
import { inScope, inScopeGroupRowsForGroupOnly } from '../access/sql.ts';
import { restrictedKinds } from './kinds.ts';

/** SQL of obligations and of the people they go to. */

export function obligationRows(db: Db) {
  return db
    .selectFrom('obligations')
    .leftJoin('sites', 'sites.id', 'obligations.site_id')
    .leftJoin('users as owner', 'owner.id', 'obligations.owner_id')
    .leftJoin('users as delegate', 'delegate.id', 'obligations.delegate_id')
    .selectAll('obligations')
    .select([
      'sites.code as site_code',
      'sites.time_zone',
      'owner.display_name as owner_name',
      'delegate.display_name as delegate_name',
    ]);
}

export type ObligationRow = Awaited<ReturnType<ReturnType<typeof obligationRows>['execute']>>[number];

/**
 * Obligations the user owns or was delegated; with the actor, also those of a restricted kind at the sites
 * where the actor holds its permission (a health record's review is for every physician of the site).
 */
export function mine(db: Db, userId: string, actor?: Actor) {
  return obligationRows(db).where((eb) => assignedTo(eb, userId, actor));
}

export function assignedTo(
  // biome-ignore lint/suspicious/noExplicitAny: the obligations table under any alias, in any query.
  eb: ExpressionBuilder<any, any>,
  userId: string,
  actor?: Actor,
  table = 'obligations',
): Expression<SqlBool> {
  const held = actor
    ? restrictedKinds().flatMap((k) => {
        const scope = sitesWith(actor, k.restricted.permission);
        if (scope !== 'all' && scope.size === 0) return [];
        return [eb.and([eb(eb.ref(`${table}.kind`), '=', k.kind), inScope(eb, `${table}.site_id`, scope)])];
      })
    : [];
  return eb.or([
    eb(eb.ref(`${table}.owner_id`), '=', userId),
    eb(eb.ref(`${table}.delegate_id`), '=', userId),
    ...held,
  ]);
}

/** Obligations of the sites in scope; group obligations (no site) only with group scope. */
export function inSiteScope(db: Db, scope: SiteScope) {
  return obligationRows(db).where((eb) => inScopeGroupRowsForGroupOnly(eb, 'obligations.site_id', scope));
}

/**
 * Users who are site officers at a site for a program (or for every program); at group level (no site),
 * the program owners. Used for reminders without an owner and for escalation.
 */
export async function officersFor(db: Db, siteId: string | null, program: string | null): Promise<string[]> {
  if (siteId === null) {
    const rows = await db
      .selectFrom('role_assignments')
      .innerJoin('users', 'users.id', 'role_assignments.user_id')
      .select('users.id')
      .distinct()
      .where('users.active', '=', true)
      .where('role_assignments.role', '=', 'program_owner')
      .where((eb) => (program ? eb('role_assignments.program', '=', program) : sql<boolean>`true`))
      .execute();
    return rows.map((r) => r.id);
  }
  const rows = await sql<{ id: string }>`
    select distinct u.id
    from role_assignments ra
    join users u on u.id = ra.user_id and u.active
    join sites s on s.id = ${siteId}
    where ra.role = 'site_officer'
      and (ra.program is null or ${program}::text is null or ra.program = ${program})
      and (ra.scope_kind = 'group'
           or (ra.scope_kind = 'subsidiary' and ra.subsidiary_id = s.subsidiary_id)
           or (ra.scope_kind = 'sites' and s.id = any(ra.site_ids)))
    order by u.id`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** How many obligations of one kind are open at the sites of a scope. */
export async function countOpenOfKind(db: Db, kind: string, scope: SiteScope): Promise<number> {
  const row = await db
    .selectFrom('obligations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', kind)
    .where('state', '=', 'open')
    .where((eb) => inScope(eb, 'site_id', scope))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Leaves out the obligations of restricted kinds (a health record's review) at the sites where the actor
 * does not hold the kind's permission: their number is itself confidential.
 */
export function permittedKinds(
  // biome-ignore lint/suspicious/noExplicitAny: the obligations table under any alias, in any query.
  eb: ExpressionBuilder<any, any>,
  actor: Actor,
  table = 'obligations',
): Expression<SqlBool> {
  const kindColumn = `${table}.kind`;
  const siteColumn = `${table}.site_id`;
  const hidden = restrictedKinds().map((k) =>
    eb.or([
      eb(eb.ref(kindColumn), '<>', k.kind),
      inScope(eb, siteColumn, sitesWith(actor, k.restricted.permission)),
    ]),
  );
  return hidden.length ? eb.and(hidden) : sql<SqlBool>`true`;
}

/** Active users who hold `permission` at the site (the site's medical staff for a health record's review). */
export async function holdersAt(db: Db, siteId: string | null, permission: Permission): Promise<string[]> {
  const granted = roles.filter((r) => grantsMatch(permission, r, null));
  if (granted.length === 0 || siteId === null) return [];
  const rows = await sql<{ id: string }>`
    select distinct u.id
    from role_assignments ra
    join users u on u.id = ra.user_id and u.active
    join sites s on s.id = ${siteId}
    where ra.role in (${sql.join(granted)})
      and (ra.scope_kind = 'group'
           or (ra.scope_kind = 'subsidiary' and ra.subsidiary_id = s.subsidiary_id)
           or (ra.scope_kind = 'sites' and s.id = any(ra.site_ids)))
    order by u.id`.execute(db);
  return rows.rows.map((r) => r.id);
}

/**
 * A title search: typed text, a message parameter (a certificate's standard, an incident's reference) or the
 * words of the message itself in the reader's language (`keys`, the messages whose text matches).
 */
export function titleMatches(
  // biome-ignore lint/suspicious/noExplicitAny: the obligations table in any query.
  eb: ExpressionBuilder<any, any>,
  pattern: string,
  keys: string[],
): Expression<SqlBool> {
  return eb.or([
    eb(eb.ref('obligations.title'), 'ilike', pattern),
    sql<SqlBool>`exists (select 1 from jsonb_each_text(coalesce(obligations.title_params, '{}'::jsonb)) p where p.value ilike ${pattern})`,
    ...(keys.length ? [eb(eb.ref('obligations.title_key'), 'in', keys)] : []),
  ]);
}

/** Due soon: within this many days. */
const DUE_SOON_DAYS = 30;
/** The furthest ahead of UTC a time zone is (UTC+14): no site's today is later than UTC's today moved by it. */
const LATEST_UTC_OFFSET_MS = 14 * 3600_000;

/**
 * Overdue, due soon (within 30 days), upcoming and done since `yearStart`, in scope, from the kept counts
 * (migration 0064) and the few open obligations with a due time. Today is each site's own date.
 */
export async function summaryCounts(
  db: Db,
  scope: SiteScope,
  actor: Actor,
  at: Date,
  groupTimeZone: string,
): Promise<{ overdue: number; dueSoon: number; upcoming: number; done: number }> {
  const now = at.toISOString();
  const today = sql<string>`(${now}::timestamptz at time zone coalesce(sites.time_zone, ${groupTimeZone}))::date`;
  // A kept due date more than 30 days after the latest today anywhere (UTC+14) is upcoming at every site:
  // only the nearer ones are compared with their site's today (index 0074).
  const horizon = addDays(
    new Date(at.getTime() + LATEST_UTC_OFFSET_MS).toISOString().slice(0, 10),
    DUE_SOON_DAYS,
  );
  const near = db
    .selectFrom('obligation_open_counts as c')
    .leftJoin('sites', 'sites.id', 'c.site_id')
    .select([
      'c.site_id',
      'c.kind',
      sql<string>`'open'`.as('part'),
      'c.open as n',
      sql<boolean>`c.due_date + c.grace_days < ${today}`.as('overdue'),
      sql<number>`c.due_date - ${today}`.as('days'),
    ])
    .where('c.due_date', '<=', horizon);
  const far = db
    .selectFrom('obligation_open_counts as c')
    .select([
      'c.site_id',
      'c.kind',
      sql<string>`'open'`.as('part'),
      'c.open as n',
      sql<boolean>`false`.as('overdue'),
      sql<number>`${sql.lit(DUE_SOON_DAYS + 1)}::integer`.as('days'),
    ])
    .where('c.due_date', '>', horizon);
  const timed = db
    .selectFrom('obligations as c')
    .leftJoin('sites', 'sites.id', 'c.site_id')
    .select([
      'c.site_id',
      'c.kind',
      sql<string>`'open'`.as('part'),
      sql<number>`1`.as('n'),
      sql<boolean>`c.due_at + make_interval(days => c.grace_days) < ${now}::timestamptz`.as('overdue'),
      sql<number>`c.due_date - ${today}`.as('days'),
    ])
    .where('c.state', '=', 'open')
    .where('c.due_at', 'is not', null);
  const done = db
    .selectFrom('obligation_done_counts as c')
    .select([
      'c.site_id',
      'c.kind',
      sql<string>`'done'`.as('part'),
      'c.done as n',
      sql<boolean>`false`.as('overdue'),
      sql<number>`0`.as('days'),
    ])
    .where('c.year', '>=', at.getUTCFullYear());
  const row = await db
    .selectFrom(near.unionAll(far).unionAll(timed).unionAll(done).as('c'))
    .select([
      sql<string>`coalesce(sum(c.n) filter (where c.part = 'open' and c.overdue), 0)`.as('overdue'),
      sql<string>`coalesce(sum(c.n) filter (where c.part = 'open' and not c.overdue and c.days <= ${sql.lit(DUE_SOON_DAYS)}), 0)`.as(
        'due_soon',
      ),
      sql<string>`coalesce(sum(c.n) filter (where c.part = 'open' and not c.overdue and c.days > ${sql.lit(DUE_SOON_DAYS)}), 0)`.as(
        'upcoming',
      ),
      sql<string>`coalesce(sum(c.n) filter (where c.part = 'done'), 0)`.as('done'),
    ])
    .where((eb) => inScopeGroupRowsForGroupOnly(eb, 'c.site_id', scope))
    .where((eb) => permittedKinds(eb, actor, 'c'))
    .executeTakeFirstOrThrow();
  return {
    overdue: Number(row.overdue),
    dueSoon: Number(row.due_soon),
    upcoming: Number(row.upcoming),
    done: Number(row.done),
  };
}
