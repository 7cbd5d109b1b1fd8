import { sql } from 'kysely';
import type { HomeAttention } from '#shared/platform/home/contract.ts';
import type { Db } from '../../db/types.ts';
import { type Actor, holdsAnywhere, visibleSites } from '../access/actor.ts';
import { inScope } from '../access/sql.ts';
import { assignedTo, permittedKinds } from '../obligations/repo.ts';
import { siteRows } from '../org/repo.ts';

/** A module's source of home-page attention items for an actor. */
export type AttentionSource = (actor: Actor) => Promise<HomeAttention[]>;

/** The home page: the user's sites and what needs their attention. Modules add attention sources. */
export function createHomeService(db: Db, now: () => Date = () => new Date()) {
  const sources: AttentionSource[] = [];
  return {
    /** Program modules add what needs attention in their program. */
    registerAttentionSource(source: AttentionSource) {
      sources.push(source);
    },

    async view(actor: Actor) {
      const scope = visibleSites(actor);
      const sites = await siteRows(db, scope).orderBy('sites.code').execute();
      const attention: HomeAttention[] = [];
      const today = now().toISOString().slice(0, 10);
      const in30 = new Date(now().getTime() + 30 * 86_400_000).toISOString().slice(0, 10);

      if (actor.userId) {
        // The user's own obligations: overdue, and due within 30 days.
        const mine = await db
          .selectFrom('obligations')
          .select([
            sql<number>`count(*) filter (where due_date + grace_days < ${today}::date)`.as('overdue'),
            sql<number>`count(*) filter (where due_date + grace_days >= ${today}::date and due_date <= ${in30}::date)`.as(
              'soon',
            ),
          ])
          .where('state', '=', 'open')
          .where((eb) => assignedTo(eb, actor.userId as string, actor))
          .where((eb) => permittedKinds(eb, actor))
          .executeTakeFirstOrThrow();
        if (Number(mine.overdue) > 0)
          attention.push({
            kind: 'obligations-overdue',
            severity: 'critical',
            count: Number(mine.overdue),
            messageKey: 'attention.obligationsOverdue',
            link: '/obligations?state=overdue',
          });
        if (Number(mine.soon) > 0)
          attention.push({
            kind: 'obligations-due-soon',
            severity: 'warning',
            count: Number(mine.soon),
            messageKey: 'attention.obligationsDueSoon',
            link: '/obligations?state=due-soon',
          });
      }
      for (const source of sources) attention.push(...(await source(actor)));
      if (holdsAnywhere(actor, 'users.manage')) {
        const locked = await db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('locked_until', '>', now())
          .executeTakeFirstOrThrow();
        if (Number(locked.n) > 0) {
          attention.push({
            kind: 'locked-users',
            severity: 'warning',
            count: Number(locked.n),
            messageKey: 'attention.lockedUsers',
            link: '/admin/users',
          });
        }
      }
      if (holdsAnywhere(actor, 'contractors.read')) {
        const ending = await db
          .selectFrom('contractor_workers')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where((eb) => inScope(eb, 'site_id', scope))
          .where('end_date', '>=', today)
          .where('end_date', '<=', in30)
          .executeTakeFirstOrThrow();
        if (Number(ending.n) > 0) {
          attention.push({
            kind: 'contractors-ending',
            severity: 'info',
            count: Number(ending.n),
            messageKey: 'attention.contractorsEnding',
            link: '/people/contractors',
          });
        }
      }
      return {
        sites: sites.map((s) => ({
          id: s.id,
          code: s.code,
          name: s.name,
          nameZh: s.name_zh,
          country: s.country,
          timeZone: s.time_zone,
          subsidiaryCode: s.subsidiary_code,
          activeEmployees: Number(s.employee_count ?? 0),
        })),
        attention,
      };
    },
  };
}
