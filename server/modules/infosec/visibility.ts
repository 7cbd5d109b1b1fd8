// biome-ignore-all lint/suspicious/noExplicitAny: a condition for any query that names the incidents `i`.
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Actor, SiteScope } from '../../platform/access/actor.ts';
import { scopeHas, sitesWith } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { inScope } from '../../platform/access/sql.ts';
import { NotFoundError } from '../../platform/http/errors.ts';

const PROGRAM = 'infosec' as const;

/** Sites where the actor is the program owner (the group CISO office): it sees every sensitive incident there. */
export function ownerSites(actor: Actor): SiteScope {
  if (actor.kind === 'system') return 'all';
  const sets = actor.assignments
    .filter((a) => a.role === 'program_owner' && a.program === PROGRAM)
    .map((a) => a.siteIds);
  if (sets.some((s) => s === null)) return 'all';
  return new Set(sets.flatMap((s) => [...(s ?? [])]));
}

export type Visibility = {
  site_id: string;
  sensitive: boolean;
  reported_by: string | null;
  namedUserIds: readonly string[];
};

const isNamed = (actor: Actor, r: Visibility) =>
  !!actor.userId && (r.reported_by === actor.userId || r.namedUserIds.includes(actor.userId));

/**
 * Who may read an incident. A sensitive one (insider, HR, legal) exists only for the people named on it (its
 * reporter among them) and the program owner: everyone else gets 404. Any other is read by its reporter and
 * by whoever holds `infosec.read` at its site (404 outside the actor's sites, 403 inside without it).
 */
export function assertMayRead(actor: Actor, r: Visibility): void {
  if (r.sensitive) {
    if (isNamed(actor, r) || scopeHas(ownerSites(actor), r.site_id)) return;
    throw new NotFoundError('incident');
  }
  if (isNamed(actor, r)) return;
  access.assert(actor, { permission: 'infosec.read', siteId: r.site_id, what: 'incident', program: PROGRAM });
}

/** Who may change an incident: `infosec.manage` at its site, and for a sensitive one also a reader of it. */
export function assertMayManage(actor: Actor, r: Visibility): void {
  if (r.sensitive && !(isNamed(actor, r) || scopeHas(ownerSites(actor), r.site_id)))
    throw new NotFoundError('incident');
  access.assert(actor, {
    permission: 'infosec.manage',
    siteId: r.site_id,
    what: 'incident',
    program: PROGRAM,
  });
}

export function mayManage(actor: Actor, r: Visibility): boolean {
  try {
    assertMayManage(actor, r);
    return true;
  } catch {
    return false;
  }
}

export function readScope(actor: Actor): { read: SiteScope; owner: SiteScope } {
  return { read: sitesWith(actor, 'infosec.read', PROGRAM), owner: ownerSites(actor) };
}

/**
 * The incidents an actor may read, as a condition on `i` (infosec_incidents): those that are not sensitive at
 * the sites where they read the program, the sensitive ones at the sites they own it, and the sensitive ones
 * they reported or are named on.
 */
export function visibleIncidents(eb: ExpressionBuilder<any, any>, actor: Actor): Expression<SqlBool> {
  const { read, owner } = readScope(actor);
  const me = actor.userId;
  return eb.or([
    eb.and([eb('i.sensitive', '=', false), inScope(eb, 'i.site_id', read)]),
    eb.and([eb('i.sensitive', '=', true), inScope(eb, 'i.site_id', owner)]),
    ...(me
      ? [
          eb.and([
            eb('i.sensitive', '=', true),
            eb.or([
              eb('i.reported_by', '=', me),
              eb.exists(
                eb
                  .selectFrom('infosec_incident_people as p')
                  .select(sql`1`.as('one'))
                  .whereRef('p.incident_id', '=', 'i.id')
                  .where('p.user_id', '=', me),
              ),
            ]),
          ]),
        ]
      : []),
  ]);
}
