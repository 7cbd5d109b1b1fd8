import type { z } from 'zod';
import type {
  GreenView,
  greenQuery,
  PortfolioCounts,
  portfolioCountsQuery,
} from '#shared/modules/ip/contract.ts';
import {
  grantedStatuses,
  offices,
  pendingStatuses,
  type Status,
  technologies,
} from '#shared/modules/ip/rules/offices.ts';
import { localDate } from '#shared/platform/obligations/rules/reminders.ts';
import { GROUP_TIME_ZONE } from '#shared/platform/org/group-time-zone.ts';
import type { Db } from '../../db/types.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { access } from '../../platform/access/service.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import * as repo from './repo.ts';

const PROGRAM = 'ip' as const;
const GRANTED: ReadonlySet<Status> = new Set(grantedStatuses);
const PENDING: ReadonlySet<Status> = new Set(pendingStatuses);

/** The portfolio as it stood on a day: matters by office and status, and how many were granted and pending. */
export function createPortfolioService(db: Db, now: () => Date = () => new Date()) {
  return {
    /** Green patents granted in a year by technology, and all granted up to its end (the report's figures). */
    async green(actor: Actor, q: z.infer<typeof greenQuery>): Promise<GreenView> {
      const scope = access.listScope(actor, 'ip.read', PROGRAM);
      if (q.siteId && !access.can(actor, 'ip.read', q.siteId, PROGRAM)) throw new NotFoundError('site');
      const rows = await repo.greenGrants(db, scope, q.year, q.siteId);
      const byTechnology = Object.fromEntries(technologies.map((t) => [t, 0])) as Record<string, number>;
      for (const r of rows) byTechnology[r.technology] = r.in_year;
      return {
        year: q.year,
        byTechnology,
        total: rows.reduce((a, r) => a + r.in_year, 0),
        cumulative: rows.reduce((a, r) => a + r.up_to_year_end, 0),
      };
    },

    async counts(actor: Actor, q: z.infer<typeof portfolioCountsQuery>): Promise<PortfolioCounts> {
      const scope = access.listScope(actor, 'ip.read', PROGRAM);
      if (q.siteId && !access.can(actor, 'ip.read', q.siteId, PROGRAM)) throw new NotFoundError('site');
      const asOf = q.asOf ?? localDate(now(), GROUP_TIME_ZONE);
      const rows = await repo.countsOnDay(db, scope, asOf, q.siteId);
      const byOffice = new Map(
        offices.map((o) => [
          o,
          { office: o, granted: 0, pending: 0, byStatus: {} as Record<string, number> },
        ]),
      );
      for (const r of rows) {
        const entry = byOffice.get(r.office);
        if (!entry) continue;
        entry.byStatus[r.status] = (entry.byStatus[r.status] ?? 0) + r.n;
        if (GRANTED.has(r.status)) entry.granted += r.n;
        if (PENDING.has(r.status)) entry.pending += r.n;
      }
      const list = [...byOffice.values()];
      return {
        asOf,
        offices: list,
        granted: list.reduce((a, o) => a + o.granted, 0),
        pending: list.reduce((a, o) => a + o.pending, 0),
      };
    },
  };
}

export type PortfolioService = ReturnType<typeof createPortfolioService>;
