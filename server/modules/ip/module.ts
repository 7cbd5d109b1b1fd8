import type { Db } from '../../db/types.ts';
import type { ObligationsService } from '../../platform/obligations/service.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { PeopleService } from '../../platform/people/service.ts';
import type { UsersService } from '../../platform/users/service.ts';
import { createCalendarsService } from './calendars.ts';
import { createFamiliesService } from './families.ts';
import { createMattersService } from './matters.ts';
import { createPortfolioService } from './portfolio.ts';
import { createSecretsService } from './secrets.ts';
import { createSitesLookup } from './sites.ts';
import { createTrademarksService } from './trademarks.ts';

/** The intellectual property program, built on the platform services. */
export function createIpModule(deps: {
  db: Db;
  obligations: ObligationsService;
  org: OrgService;
  people: Pick<PeopleService, 'getEmployee'>;
  users: Pick<UsersService, 'displayNames' | 'assertActiveUser' | 'assertActiveUsers'>;
  now: () => Date;
}) {
  const { db, now } = deps;
  const sites = createSitesLookup(deps.org);
  const calendars = createCalendarsService(db);
  const matters = createMattersService(db, deps.obligations, calendars, sites, now);
  return {
    calendars,
    matters,
    portfolio: createPortfolioService(db, now),
    families: createFamiliesService(db, deps.people, matters, sites),
    trademarks: createTrademarksService(db, deps.obligations, calendars, sites, now),
    secrets: createSecretsService(db, deps.obligations, deps.users, sites, now),
  };
}

export type IpModule = ReturnType<typeof createIpModule>;
