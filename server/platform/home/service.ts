import { sql } from 'kysely';
import type { Db } from '../../db/types.ts';
import { type Actor, holdsAnywhere, sitesWith, visibleSites } from '../access/actor.ts';
import { inScope } from '../access/sql.ts';
import { assignedTo, permittedKinds } from '../obligations/repo.ts';
import { siteRows } from '../org/repo.ts';

type Attention = {
  kind: string;
  severity: 'info' | 'warning' | 'critical';
  count: number;
  messageKey: string;
  link: string;
};

/** The home page: the user's sites and what needs their attention. Modules add attention sources. */
export function createHomeService(db: Db, now: () => Date = () => new Date()) {
  return {
    async view(actor: Actor) {
      const scope = visibleSites(actor);
      const sites = await siteRows(db, scope).orderBy('sites.code').execute();
      const attention: Attention[] = [];
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
      if (holdsAnywhere(actor, 'ohs.manage', 'ohs')) {
        const notices = await db
          .selectFrom('obligations')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('kind', '=', 'ohs.authority_notice')
          .where('state', '=', 'open')
          .where((eb) => inScope(eb, 'site_id', sitesWith(actor, 'ohs.manage', 'ohs')))
          .executeTakeFirstOrThrow();
        if (Number(notices.n) > 0)
          attention.push({
            kind: 'ohs-authority-notices',
            severity: 'critical',
            count: Number(notices.n),
            messageKey: 'attention.authorityNotices',
            link: '/ohs/incidents',
          });
      }
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
